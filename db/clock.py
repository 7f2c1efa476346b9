"""The one clock of lokus: every "today" and "now" in the program comes from here.

Real time by default. ``LOKUS_TODAY=2027-01-05`` moves the clock so that today is
that date while the time of day keeps running (the command line and the app both
read it). Tests move it with ``use_clock``; nothing else in ``db/``, ``exports/``,
``screens/`` or ``lokus_tui/`` calls ``date.today()`` or ``datetime.now()``
(``tests/test_clock.py`` checks that).
"""

import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta

ENV_TODAY = "LOKUS_TODAY"


class Clock:
    """Real time shifted by a whole number of days (0 for the real date)."""

    def __init__(self, days: int = 0):
        self.days = days

    @classmethod
    def with_today(cls, today: date) -> "Clock":
        """A clock on which ``today()`` is the given date and time keeps running."""
        return cls((today - datetime.now().astimezone().date()).days)

    def now(self) -> datetime:
        """Local time, timezone-aware."""
        return datetime.now().astimezone() + timedelta(days=self.days)

    def utcnow(self) -> datetime:
        return datetime.now(UTC) + timedelta(days=self.days)

    def today(self) -> date:
        return self.now().date()


def _from_environment() -> Clock:
    value = os.environ.get(ENV_TODAY, "").strip()
    if not value:
        return Clock()
    try:
        return Clock.with_today(date.fromisoformat(value))
    except ValueError:
        raise SystemExit(
            f"lokus: {ENV_TODAY}: ”{value}” är inget datum; skriv ÅÅÅÅ-MM-DD"
        ) from None


_current: Clock | None = None


def current() -> Clock:
    global _current
    if _current is None:
        _current = _from_environment()
    return _current


def set_clock(clock: Clock | None) -> None:
    """Use this clock from now on (None: read LOKUS_TODAY again on next use)."""
    global _current
    _current = clock


@contextmanager
def use_clock(clock: Clock) -> Iterator[Clock]:
    previous = _current
    set_clock(clock)
    try:
        yield clock
    finally:
        set_clock(previous)


def today() -> date:
    return current().today()


def now() -> datetime:
    return current().now()


def utcnow() -> datetime:
    return current().utcnow()
