"""Översikt of the demo data at 80×24 and 120×40, with the fixed clock of the tests
(conftest.TODAY). Update after an intended change with
`uv run pytest tests/test_overview_snapshots.py --snapshot-update`, and look first."""

from lokus_tui.app import make_app
from tests.waiting import until


async def shown(pilot):
    await until(pilot, lambda: pilot.app.screen.query_one("#overview").option_count, what="data")
    await pilot.pause()


def test_overview_at_80x24(snap_compare, demo_db):
    app = make_app(demo_db.path, database=demo_db)
    assert snap_compare(app, terminal_size=(80, 24), run_before=shown)


def test_overview_at_120x40(snap_compare, demo_db):
    app = make_app(demo_db.path, database=demo_db)
    assert snap_compare(app, terminal_size=(120, 40), run_before=shown)
