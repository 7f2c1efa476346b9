import gc
import os
import shutil
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

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


# The collector in a test process runs between tests, not during them. A test
# process starts about 80 apps, one after another, and each leaves tens of
# thousands of objects that live as long as its test (widgets, strips, styles):
# with the default thresholds a full pass over the whole heap (about 0.1 s at
# 250,000 objects) ran every test or two, 55 s of the suite's 233 s of CPU;
# with thresholds of 10,000/10/10 it was still about 30 s. Collecting every
# tenth test instead, once its fixtures are gone, takes about 18 s, at 0.37 GB
# at most per process. Tests that run many examples in one test (the property
# tests) and the tests of the app pausing the collector while it starts
# (lokus_tui/start_up.py) turn it on: the ``collector_on`` fixture.
gc.disable()
_COLLECT_EVERY = 10
_tests_done = 0


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    global _tests_done
    result = yield
    _tests_done += 1
    if _tests_done % _COLLECT_EVERY == 0:
        gc.collect()
        gc.freeze()  # what outlived its test is not walked again
    return result


def pytest_sessionfinish(session):
    """One last pass, then what is left is frozen: pytest's own five passes at the
    very end (looking for errors in finalizers) then have nothing to walk."""
    gc.collect()
    gc.freeze()


@pytest.fixture
def collector_on():
    """The collector on during the test, as in the app (see above)."""
    gc.enable()
    yield
    gc.disable()


def pytest_xdist_auto_num_workers(config):
    """``-n auto`` (the default, see pyproject.toml): three test processes per core.

    A Pilot test spends most of its time waiting for the app to be idle (Textual
    checks for 20 ms windows with no work) and for the app's own timers; with one
    process per core the cores were busy about half the time. On 2 cores the suite
    took 280 s with 2 processes, 122 s with 6."""
    return min(3 * (os.cpu_count() or 1), 16)


def pytest_collection_modifyitems(config, items):
    """With pytest-xdist, each test process first gets an equal run of the collected
    tests, in order (``--dist worksteal``; an idle process later takes the second half
    of the longest queue left). The slow tests mostly wait in real time (a 30 s lock,
    lokus killed in a terminal): each now starts one process's run, so they wait
    while the other processes work, instead of two of them ending the suite late."""
    workers = getattr(config, "workerinput", {}).get("workercount", 0)
    slow = [item for item in items if item.get_closest_marker("slow")]
    if workers < 2 or not slow:
        return
    rest = [item for item in items if not item.get_closest_marker("slow")]
    starts, start = [], 0
    for i in range(workers):  # where each process's run begins (xdist's even split)
        starts.append(start)
        start += (len(items) - start) // (workers - i)
    ordered: list = []
    for i, begin in enumerate(starts):
        end = starts[i + 1] if i + 1 < len(starts) else len(items)
        first = slow[i::workers]
        take = max(0, end - begin - len(first))
        ordered += first + rest[:take]
        rest = rest[take:]
    items[:] = ordered + rest


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


@pytest.fixture(scope="session")
def database_files(tmp_path_factory) -> dict[str, Path]:
    """A new database and a demo database, built once per test process: each test
    opens its own copy (building them again took about 0.15 s of every test, mostly
    the migrations)."""
    folder = tmp_path_factory.mktemp("databases")
    files = {"lokus.db": folder / "lokus.db", "demo.db": folder / "demo.db"}
    with use_clock(Clock.with_today(TODAY)), pytest.MonkeyPatch.context() as env:
        env.setenv("LOKUS_DATA_DIR", str(folder / "data"))
        open_database(files["lokus.db"]).close()
        db = open_database(files["demo.db"])
        demo.generate(db, scale=1, today=TODAY)
        db.close()
    for path in files.values():
        assert not path.with_name(path.name + "-wal").exists(), "a template left a -wal behind"
    return files


def copy_of(template: Path, target: Path) -> Path:
    """A test's own database file, copied from a template of ``database_files``
    (a new database is the migrations, about 0.1 s; a demo one as much again)."""
    shutil.copy2(template, target)  # (keeps the file's 0600)
    return target


def _own_copy(template: Path, folder: Path) -> Path:
    return copy_of(template, folder / template.name)


@pytest.fixture
def database(tmp_path, database_files):
    db = open_database(_own_copy(database_files["lokus.db"], tmp_path))
    yield db
    db.close()


@pytest.fixture
def demo_db(tmp_path, database_files):
    db = open_database(_own_copy(database_files["demo.db"], tmp_path))
    yield db
    db.close()
