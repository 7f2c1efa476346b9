"""Waiting in Pilot tests for what the test needs, never for a guessed real time.

A fixed ``pilot.pause(1.5)`` races the app's timers: on a loaded machine (the
suite runs on every core with pytest-xdist) the timer may not have fired yet,
and on a fast one the test waits for nothing. Instead:

- ``until(pilot, condition)``: pause in short steps until the condition holds,
  and fail with a clear message after a generous bound;
- ``timers_due(pilot, seconds)``: wait until every app timer of at most
  ``seconds``, started before the call, has fired. Textual's timers are sleeps
  on the app's event loop, run in the order they fall due: a timer of the same
  delay started now fires after them, however slow the machine is. This is how
  a test waits for something *not* to happen (no draft written).
"""

import asyncio
import time
from collections.abc import Callable

# Seconds to wait for something the app does at once or after its own short
# timers (at most 2 s); far above any of them, so only a real failure reaches it.
BOUND = 15.0
STEP = 0.02


async def until(
    pilot, condition: Callable[[], object], seconds: float = BOUND, what: str = ""
) -> float:
    """Pause in short steps until ``condition()`` is true; the seconds it took.

    While the screen is still being built the condition may raise (a widget not
    mounted yet): that counts as not yet, and the last error is shown on failure.
    An AssertionError inside the condition fails at once.
    """
    started = time.monotonic()
    last_error: Exception | None = None
    while True:
        try:
            if condition():
                return time.monotonic() - started
            last_error = None
        except AssertionError:
            raise
        except Exception as error:  # noqa: BLE001 - reported below if it never comes true
            last_error = error
        waited = time.monotonic() - started
        if waited > seconds:
            name = what or getattr(condition, "__name__", "the condition")
            because = f"; last error: {last_error!r}" if last_error is not None else ""
            raise AssertionError(f"waited {waited:.1f} s for {name}, in vain{because}")
        # A plain sleep lets the app run (its messages, timers and refreshes) without
        # Pilot's pause, which also wakes every widget of the screen at each step.
        await asyncio.sleep(STEP)


async def timers_due(pilot, seconds: float, what: str = "") -> None:
    """Wait until every app timer of at most ``seconds`` started before now has fired."""
    fired: list[bool] = []
    await pilot.pause()  # messages already on their way (which may start timers) first
    pilot.app.set_timer(seconds, lambda: fired.append(True))
    await until(pilot, lambda: fired, seconds + BOUND, what or f"{seconds} s of app timers")


async def tab_shown(pilot, screen, what: str = "") -> None:
    """Wait until the meeting's active tab shows its pane, loaded: a tab's pane is
    built when the tab is first shown, a moment after the tab becomes active."""

    def shown() -> bool:
        pane = screen.active_pane  # (NoMatches while it is not there: not yet)
        return pane.is_mounted and not pane.stale

    await until(pilot, shown, what=what or f"the pane of {screen.active_tab}")


async def go_to_tab(pilot, screen, tab: str) -> None:
    """Go straight to a meeting's tab by clicking its name in the row of tabs, as with
    the mouse: the tabs in between are not shown (and built) on the way. Going tab by
    tab with the keys is tested where the keys are the point: ] and ctrl+pagedown in
    test_tui_meetings, every tab with hostile names in test_tui_hostile."""
    from textual.widgets import TabbedContent

    if screen.active_tab != tab:
        await pilot.click(screen.query_one(TabbedContent).get_tab(tab))
    await until(pilot, lambda: screen.active_tab == tab, what=f"the tab {tab}")
    await tab_shown(pilot, screen)


def palette_choice(app) -> str:
    """The text of the command palette's highlighted choice (what enter runs)."""
    from textual.command import CommandList

    option = app.screen.query_one(CommandList).highlighted_option
    return "" if option is None else str(option.prompt)


async def through_form(
    pilot, screen, typed: str = "", close: str = "ctrl+s", open_key: str = "ctrl+n"
) -> None:
    """From ``screen``: open a form with ``open_key``, type ``typed``, close it with
    ``close`` (ctrl+s saves, escape cancels) and wait until ``screen`` is shown again."""
    app = pilot.app
    await pilot.press(open_key)
    await until(pilot, lambda: app.screen is not screen, what="the form")
    if typed:
        await pilot.press(*typed)
    await pilot.press(close)
    await until(pilot, lambda: app.screen is screen, what="the screen again")
