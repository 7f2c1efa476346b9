"""A closed terminal (SIGHUP) or a polite kill (SIGTERM) ends lokus as ctrl+q does:
typed notes and form drafts are saved first, and --demo's temporary folder is
removed. (kill -9 cannot be caught; the autosave and the drafts cover it.)"""

import asyncio
import contextlib
import signal

from textual.app import App


def quit_on_hangup(app: App) -> None:
    """Run the app's quit action when the terminal goes away (Unix only)."""
    loop = asyncio.get_running_loop()

    def hangup() -> None:
        asyncio.ensure_future(app.run_action("quit"))

    for name in ("SIGHUP", "SIGTERM"):
        number = getattr(signal, name, None)
        if number is not None:
            with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                loop.add_signal_handler(number, hangup)
