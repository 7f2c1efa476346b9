"""A few screenshots at 80×24, compared with the stored SVGs (pytest-textual-snapshot).

Only screens whose content does not depend on today's date. Update after an
intended change with `uv run pytest tests/test_snapshots.py --snapshot-update`.
"""

import pytest

from db.opening import open_database
from lokus_tui.app import make_app
from tests.conftest import copy_of


@pytest.fixture
def empty_app(tmp_path, database_files):
    db = open_database(copy_of(database_files["lokus.db"], tmp_path / "snap.db"))
    app = make_app(db.path, database=db, start_section="initiatives")
    yield app
    db.close()


def test_new_insats_form_at_80x24(snap_compare, empty_app):
    async def open_form(pilot):
        await pilot.pause()
        await pilot.press("ctrl+n")
        await pilot.pause()
        await pilot.press(*"Språkstöd")

    assert snap_compare(empty_app, terminal_size=(80, 24), run_before=open_form)


def test_validation_error_at_80x24(snap_compare, empty_app):
    async def bad_period(pilot):
        await pilot.pause()
        await pilot.press("ctrl+n")
        await pilot.pause()
        await pilot.press(*"Fel period")
        form = empty_app.screen
        form.query_one("#start_date").value = "2027-06-01"
        form.query_one("#end_date").value = "2027-01-01"
        await pilot.press("ctrl+s")
        await pilot.pause()

    assert snap_compare(empty_app, terminal_size=(80, 24), run_before=bad_period)
