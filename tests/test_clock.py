"""One clock: the program reads "today" and "now" only through db.clock."""

import ast
from datetime import date, timedelta
from pathlib import Path

import pytest

from db import clock
from db.clock import Clock, use_clock

ROOT = Path(__file__).resolve().parent.parent
APP_PACKAGES = ("db", "exports", "screens", "lokus_tui")
FORBIDDEN = {
    ("date", "today"),
    ("datetime", "now"),
    ("datetime", "utcnow"),
    ("datetime", "today"),
    ("time", "time"),
    ("time", "localtime"),
}


def direct_clock_calls(path: Path, root: Path = ROOT) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and isinstance(node.func.value, ast.Name)
            and (node.func.value.id, node.func.attr) in FORBIDDEN
        ):
            found.append(
                f"{path.relative_to(root)}:{node.lineno} {node.func.value.id}.{node.func.attr}()"
            )
    return found


def test_app_code_reads_time_only_through_the_clock():
    offenders = []
    for package in APP_PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            if path != ROOT / "db" / "clock.py":
                offenders += direct_clock_calls(path)
    assert not offenders, "\n".join(offenders)


def test_the_check_finds_a_direct_call(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("from datetime import date, datetime\nx = date.today()\ny = datetime.now()\n")
    assert direct_clock_calls(bad, tmp_path) == ["bad.py:2 date.today()", "bad.py:3 datetime.now()"]


def test_tests_see_a_fixed_today(fixed_today):
    from tests.conftest import TODAY

    assert clock.today() == TODAY
    assert clock.now().date() == TODAY
    assert clock.utcnow().tzinfo is not None


def test_moving_the_clock_moves_today_and_keeps_time_running():
    later = date(2031, 2, 3)
    with use_clock(Clock.with_today(later)):
        first = clock.now()
        assert clock.today() == later
        assert clock.now() >= first
    assert clock.today() != later


def test_lokus_today_sets_the_clock(monkeypatch):
    monkeypatch.setenv("LOKUS_TODAY", "2030-06-01")
    clock.set_clock(None)
    try:
        assert clock.today() == date(2030, 6, 1)
        assert clock.today() + timedelta(days=1) == date(2030, 6, 2)
    finally:
        clock.set_clock(None)


def test_a_bad_lokus_today_is_a_swedish_message(monkeypatch):
    monkeypatch.setenv("LOKUS_TODAY", "i morgon")
    clock.set_clock(None)
    with pytest.raises(SystemExit) as info:
        clock.today()
    clock.set_clock(None)
    assert "LOKUS_TODAY" in str(info.value) and "ÅÅÅÅ-MM-DD" in str(info.value)
