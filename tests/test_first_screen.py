"""Start-up at the floor: the Översikt is read straight from the file with the standard
library, shows before the database layer is loaded, and says exactly what the full
database layer says."""

import gc
import subprocess
import sys
from datetime import time, timedelta

from textual.widgets import OptionList

from db.agenda import add_agenda_item
from db.meeting_changes import create_meeting
from db.meetings import get_meeting, list_meetings
from db.notice import mark_notice_sent
from db.overview import get_overview, read_overview_file
from db.records import AgendaItemInput, MeetingInput
from lokus_tui.app import make_app
from tests.conftest import TODAY
from tests.waiting import until


def test_the_file_reader_says_what_the_database_says(demo_db):
    group_id = list_meetings(demo_db).rows[0].group_id
    mid = create_meeting(
        demo_db, MeetingInput(group_id, TODAY + timedelta(days=5), start_time=time(13))
    )
    mark_notice_sent(demo_db, mid, get_meeting(demo_db, mid).version, TODAY)
    for day in (TODAY - timedelta(days=400), TODAY, TODAY + timedelta(days=100)):
        assert read_overview_file(demo_db.path, day) == get_overview(demo_db.read_rows, day)
    assert not any(m == mid for m, _ in read_overview_file(demo_db.path, TODAY).todo)
    add_agenda_item(demo_db, mid, AgendaItemInput("Ny punkt efter kallelsen"))
    todo = read_overview_file(demo_db.path, TODAY).todo
    assert any(m == mid and "inaktuell" in text for m, text in todo)
    assert todo == get_overview(demo_db.read_rows, TODAY).todo


def test_first_screen_path_does_not_load_the_database_layer():
    code = (
        "import sys, screens.overview, lokus_tui.app, db.overview, db.goals_counts\n"
        "print(sorted(m for m in ('sqlalchemy', 'sqlmodel', 'alembic', 'pydantic') "
        "if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


async def overview_shown(pilot, app) -> None:
    await until(
        pilot,
        lambda: app.screen.query_one("#overview", OptionList).option_count,
        what="the overview to show",
    )


async def test_overview_shows_before_the_database_opens_and_keys_wait_for_it(demo_db, collector_on):
    demo_db.close()
    app = make_app(demo_db.path)
    async with app.run_test(size=(80, 24)) as pilot:
        await overview_shown(pilot, app)
        shown_before_open = not app.database_ready
        collector_paused_while_starting = not gc.isenabled()  # (lokus_tui/start_up.py)
        options = app.screen.query_one("#overview", OptionList)
        text = "\n".join(
            str(options.get_option_at_index(i).prompt) for i in range(options.option_count)
        )
        summary = str(app.screen.query_one("#overview-summary").render())
        await pilot.press("2")  # a section asked for while the database is still loading
        await until(
            pilot,
            lambda: app.database_ready and type(app.screen).__name__ == "MeetingsScreen",
            what="Möten, once the database is open",
        )
    assert shown_before_open
    assert collector_paused_while_starting and gc.isenabled()
    assert "lokusgrupper" in summary
    assert "Nästa möte" in text and "Mål 2026: LOKUS-möten" in text


async def test_the_collector_runs_again_when_lokus_closes_before_the_database_is_open(
    demo_db, collector_on
):
    """Start-up pauses the garbage collector until the database layer is loaded; an
    app closed before that (ctrl+q at once, a failed open) must not leave it off for
    the rest of the process."""
    demo_db.close()
    app = make_app(demo_db.path)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: app.screen.query("#overview"), what="the overview")
        paused = not gc.isenabled() and not app.database_ready
        await pilot.press("ctrl+q")
    assert paused
    assert gc.isenabled()


async def test_help_shows_before_the_database_is_open(demo_db):
    """F1 on Översikt while the database layer still loads: the help, not "ett oväntat
    fel" (it asked the app for a database that was not open yet)."""
    demo_db.close()
    app = make_app(demo_db.path)
    async with app.run_test(size=(80, 24)) as pilot:
        await overview_shown(pilot, app)
        assert not app.database_ready
        await pilot.press("f1")
        await until(pilot, lambda: type(app.screen).__name__ == "HelpScreen", what="the help")
        # a framed dialog, as later: the forms' styles come with the first dialog
        # (lokus_tui/forms.tcss), not at start-up
        assert app.screen.query_one(".form-dialog").styles.border_top[0] == "thick"
        await until(pilot, lambda: app.database_ready, what="the database")
        assert app.is_running and app.exit_message == ""
