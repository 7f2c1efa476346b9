"""What a colleague or another window saves appears without a restart: every few
seconds the app asks the screen in view for its stamp (db/changes.py) and, when it
differs from the last one, lets the screen read its data again.

A screen takes part by having ``change_stamp()`` (the stamp of what it shows) and
``changed_elsewhere()`` (read again, keeping the user's place). Forms and dialogs
have neither: nothing is read again under a form; its save meets the version check
as between two windows. ``LOKUS_POLL_SECONDS`` sets the interval (0: off; the tests
turn it off and drive it by hand)."""

import os

from textual.app import App

ENV_POLL = "LOKUS_POLL_SECONDS"
DEFAULT_SECONDS = 5.0


def poll_seconds() -> float:
    try:
        return max(0.0, float(os.environ.get(ENV_POLL, DEFAULT_SECONDS)))
    except ValueError:
        return DEFAULT_SECONDS


def start_polling(app: App) -> None:
    seconds = poll_seconds()
    if seconds > 0:
        app.screen_change_signal.subscribe(app, lambda screen: note_first_stamp(app, screen))
        note_first_stamp(app, app.screen)
        app.set_interval(seconds, lambda: check_for_changes(app), name="live-updates")


def note_first_stamp(app: App, screen) -> None:
    """A screen shown for the first time: note the stamp of its data now, before it
    reads them (Textual says a screen changes before the screen's own handlers run).
    Otherwise the first look only notes the stamp, and what a colleague saved between
    the screen's first read and that look (up to the interval) was never shown."""
    if getattr(screen, "_seen_stamp", None) is None:
        now = _stamp_now(app, screen)
        if now is not None:
            screen._seen_stamp = now


def _stamp_now(app: App, screen) -> tuple | None:
    """The stamp of what the screen shows; None for a screen without one, before the
    database is open, or when it cannot be read now (busy or gone: next time)."""
    stamp = getattr(screen, "change_stamp", None)
    if stamp is None or not getattr(app, "database_ready", False):
        return None
    try:
        return stamp()
    except Exception:  # noqa: BLE001 - a busy or gone database: try again next time
        return None


def check_for_changes(app: App) -> bool:
    """Ask the screen in view; True when it read its data again."""
    screen = app.screen
    now = _stamp_now(app, screen)
    if now is None:
        return False
    last = getattr(screen, "_seen_stamp", None)
    screen._seen_stamp = now  # type: ignore[attr-defined]
    if last is None or now == last:
        return False
    screen.changed_elsewhere()  # type: ignore[attr-defined]
    return True
