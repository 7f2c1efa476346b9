"""What another window or a colleague saves appears without a restart (a light poll
of a stamp per screen); typing in the notes is never replaced."""

from datetime import timedelta

from textual.widgets import TextArea

from db.agenda import add_agenda_item
from db.changes import list_stamp, meeting_stamp
from db.groups import group_options
from db.meeting_changes import create_meeting, update_meeting
from db.meetings import get_meeting
from db.records import AgendaItemInput, MeetingInput
from lokus_tui.app import make_app
from lokus_tui.live_updates import check_for_changes
from tests.conftest import TODAY
from tests.test_tui_every_screen import cells, open_tab
from tests.waiting import timers_due, until


def uppsala(db) -> int:
    return next(g.id for g in group_options(db) if g.label == "LOKUS Uppsala")


def test_a_stamp_changes_with_every_insert_update_and_delete(demo_db):
    before = list_stamp(demo_db, "meetings")
    mid = create_meeting(demo_db, MeetingInput(uppsala(demo_db), TODAY + timedelta(days=40)))
    after_insert = list_stamp(demo_db, "meetings")
    assert after_insert != before
    m = get_meeting(demo_db, mid)
    stamp = meeting_stamp(demo_db, mid)
    update_meeting(demo_db, mid, MeetingInput(**{**m.data.__dict__, "room": "Sal B"}), m.version)
    assert meeting_stamp(demo_db, mid) != stamp
    assert list_stamp(demo_db, "meetings") != after_insert


async def test_a_meeting_planned_elsewhere_appears_in_moten(demo_db):
    app = make_app(demo_db.path, database=demo_db, start_section="meetings")
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: app.screen.query_one("#meetings-table").row_count, what="Möten")
        screen = app.screen
        total = screen.table.total
        assert not check_for_changes(app)  # the first look only notes the stamp
        create_meeting(demo_db, MeetingInput(uppsala(demo_db), TODAY + timedelta(days=3)))
        assert check_for_changes(app)
        await pilot.pause()
        assert screen.table.total == total + 1
        assert not check_for_changes(app)  # nothing new: nothing read again


async def test_the_workspace_shows_a_colleagues_point_but_keeps_the_notes_being_typed(demo_db):
    mid = create_meeting(demo_db, MeetingInput(uppsala(demo_db), TODAY + timedelta(days=3)))
    add_agenda_item(demo_db, mid, AgendaItemInput("Inledning"))
    app = make_app(demo_db.path, database=demo_db, start_section="meetings")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await until(pilot, lambda: getattr(app.screen, "detail", None) is not None, what="mötet")
        screen = app.screen
        assert screen.meeting_id == mid
        check_for_changes(app)
        add_agenda_item(demo_db, mid, AgendaItemInput("Punkt från en kollega"))
        assert check_for_changes(app)
        await pilot.pause()
        assert "Punkt från en kollega" in cells(screen.query_one("#agenda-table"))
        await open_tab(pilot, screen, "tab-notes")
        editor = screen.query_one("#notes-editor", TextArea)
        editor.focus()
        await pilot.press(*"Vi började")
        m = get_meeting(demo_db, mid)
        update_meeting(
            demo_db, mid, MeetingInput(**{**m.data.__dict__, "room": "Sal Q"}), m.version
        )
        assert check_for_changes(app)
        await pilot.pause()
        assert editor.text.endswith("Vi började")  # the typing is still there
        assert "Sal Q" in str(screen.query_one("#meeting-info").render())


async def test_the_app_looks_by_itself(demo_db, monkeypatch):
    monkeypatch.setenv("LOKUS_POLL_SECONDS", "0.2")
    app = make_app(demo_db.path, database=demo_db, start_section="meetings")
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: app.screen.query_one("#meetings-table").row_count, what="Möten")
        screen = app.screen
        await timers_due(pilot, 0.2, "a first look that finds nothing new")
        total = screen.table.total
        create_meeting(demo_db, MeetingInput(uppsala(demo_db), TODAY + timedelta(days=3)))
        await until(pilot, lambda: screen.table.total == total + 1, what="the new meeting")


async def test_a_change_saved_before_the_first_look_is_shown(demo_db, monkeypatch):
    """A colleague saves a meeting a moment after Möten was read, before the app's first
    look (every 5 s): the next look shows it. The first look used to only note the
    stamp, so such a change stayed unseen until something else changed."""
    monkeypatch.setenv("LOKUS_POLL_SECONDS", "3600")  # polling on; the test looks by hand
    app = make_app(demo_db.path, database=demo_db, start_section="meetings")
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: app.screen.query_one("#meetings-table").row_count, what="Möten")
        screen = app.screen
        total = screen.table.total
        create_meeting(demo_db, MeetingInput(uppsala(demo_db), TODAY + timedelta(days=3)))
        assert check_for_changes(app)  # the first look
        await pilot.pause()
        assert screen.table.total == total + 1
