import os
from datetime import UTC, date, datetime, timedelta

import pytest

from db import demo
from db.clock import Clock, use_clock
from db.opening import open_database

# The day every test lives on, whatever the real date is (a Tuesday).
TODAY = date(2026, 11, 24)

# CI runs the suite again with the machine's real clock moved ahead
# (LOKUS_TEST_DAYS_AHEAD=40, 400): anything that reads the real date instead of
# db.clock then shows up as a failing test.
_AHEAD = int(os.environ.get("LOKUS_TEST_DAYS_AHEAD", "0") or 0)
if _AHEAD:
    import time_machine

    time_machine.travel(datetime.now(UTC) + timedelta(days=_AHEAD), tick=True).start()


def pytest_report_header(config):
    if _AHEAD:
        return f"lokus: the real clock is moved {_AHEAD} days ahead ({date.today()})"
    return None


@pytest.fixture(autouse=True)
def fixed_today():
    """Every test sees TODAY as today through the one clock of the program."""
    with use_clock(Clock.with_today(TODAY)) as clock:
        yield clock


@pytest.fixture(autouse=True)
def no_cursor_blink(monkeypatch):
    """A blinking cursor makes what is drawn depend on the moment: tests see it steady."""
    from textual.widgets import Input, TextArea

    for widget in (Input, TextArea):
        monkeypatch.setattr(widget.cursor_blink, "_default", False)


@pytest.fixture(autouse=True)
def private_data_dir(tmp_path, monkeypatch):
    """Drafts and error logs of a test go to its own folder, not the user's."""
    monkeypatch.setenv("LOKUS_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("LOKUS_EXPORT_DIR", str(tmp_path / "exporter"))
    monkeypatch.setenv("LOKUS_TODAY", TODAY.isoformat())
    monkeypatch.setenv("LOKUS_POLL_SECONDS", "0")  # tests drive live updates by hand


@pytest.fixture
def database(tmp_path):
    db = open_database(tmp_path / "lokus.db")
    yield db
    db.close()


@pytest.fixture
def demo_db(tmp_path):
    db = open_database(tmp_path / "demo.db")
    demo.generate(db, scale=1, today=TODAY)
    yield db
    db.close()
