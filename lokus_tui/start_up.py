"""Start-up at the floor: lokus on a current file shows Översikt's data about as soon
as a bare Textual app shows its one line (bench/bench.py measures it).

- The overview's screen is the first screen itself, read with ``sqlite3`` alone
  while the database layer (SQLAlchemy, the models) is imported in a thread.
- The garbage collector waits until the database layer is loaded. Start-up builds
  long-lived objects (modules, classes, widgets, style rules), not garbage: without
  the pause the collector walks them again and again, about 17 ms at scale 50.
  Once loaded they are frozen out of its full passes (``gc.freeze``).
"""

import gc
from pathlib import Path

from lokus_tui.app import LokusApp


def readable_first_file(target: "str | Path", start_section: str) -> Path | None:
    """A current lokus file, opened on the overview: its overview can be read with
    sqlite3 alone, before the database layer is imported."""
    if start_section != "overview" or (isinstance(target, str) and "://" in target):
        return None
    from db.schema import inspect_file

    try:
        path = Path(target)
        if inspect_file(path, missing_ok=False, empty_ok=False).state == "current":
            return path
    except Exception:  # noqa: BLE001 - the full open says what is wrong
        pass
    return None


_paused = False
_frozen = False


def pause_collector() -> None:
    """No cyclic garbage collection while lokus starts (see the module's text)."""
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def resume_collector() -> None:
    """The collector runs again, if start-up paused it (also when the app closes before
    the database was loaded)."""
    global _paused
    if _paused:
        _paused = False
        gc.enable()


def database_layer_loaded() -> None:
    """Leave what start-up built (the modules of Textual, SQLAlchemy and lokus: most of
    the objects there are) out of the collector's full passes; then let it run again.
    Without the freeze a full pass walks them all, now and then in the middle of
    opening a screen (about 50 ms at the meeting workspace). Once per process: the
    tests start many apps in one.

    The little garbage made while the collector was paused (about 4,000 objects) is
    collected first, or the freeze would keep it for good. It is all in the young
    generation, so that pass is the cheap one: 21 ms at scale 50, where a full pass
    takes 40 ms; once, after the first screen is painted."""
    global _frozen
    if not _frozen:
        _frozen = True
        if _paused:
            gc.collect(0)
        gc.freeze()
    resume_collector()


class OverviewFirstApp(LokusApp):
    """lokus on a current file, opened on Översikt: the overview's screen is the first
    screen itself, read with sqlite3 alone while the database layer loads. No blank
    screen before it and no switch of mode (which lays out and draws it twice more)."""

    DEFAULT_MODE = "overview"

    def on_load(self) -> None:
        pause_collector()
