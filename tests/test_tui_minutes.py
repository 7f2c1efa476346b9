"""Pilot tests of holding a meeting: attendance, notes that survive, review, export."""

from datetime import timedelta

from textual.widgets import DataTable, Input, TextArea

from db.actions import list_actions
from db.attendance import attendance_list
from db.clock import Clock, set_clock
from db.groups import group_options
from db.meetings import get_meeting, list_meetings
from db.notes import item_notes, list_decisions
from db.review_comments import minutes_state
from lokus_tui.app import make_app
from tests.conftest import TODAY
from tests.waiting import go_to_tab, until


def uppsala(db) -> int:
    return next(g.id for g in group_options(db) if g.label == "LOKUS Uppsala")


def next_meeting(db):
    return list_meetings(db, group_id=uppsala(db), from_date=TODAY).rows[0]


async def open_tab(pilot, app, tab: str):
    await pilot.press("enter")
    await until(pilot, lambda: type(app.screen).__name__ == "MeetingScreen", what="mötet")
    await go_to_tab(pilot, app.screen, tab)
    assert app.screen.active_tab == tab
    return app.screen


async def test_mark_attendance_one_key_per_status(demo_db):
    meeting = next_meeting(demo_db)
    app = make_app(demo_db.path, database=demo_db, start_section="meetings")
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        screen = await open_tab(pilot, app, "tab-attendance")
        await pilot.press("p", "p", "a", "f")
        await pilot.pause()
        counts = str(screen.query_one("#attendance-counts").render())
        assert "närv." in counts
    rows = attendance_list(demo_db, meeting.id)
    assert [r.status for r in rows[:4]] == ["present", "present", "excused", "absent"]
    assert rows[4].status is None


async def test_attendance_keys_typed_at_once_each_mark_the_next_person(demo_db):
    """Keys that arrive together (typed quickly, repeated, one read of a slow link)
    mark one person each, in turn: none is lost to a false 'changed elsewhere'."""
    from textual import events

    meeting = next_meeting(demo_db)
    app = make_app(demo_db.path, database=demo_db, start_section="meetings")
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        screen = await open_tab(pilot, app, "tab-attendance")
        table = screen.query_one("#attendance-table", DataTable)
        assert table.cursor_row == 0
        for key in ("p", "p", "f", "down"):  # all posted before any is handled
            app.post_message(events.Key(key, None))
        await until(pilot, lambda: table.cursor_row == 4, what="the cursor on the fifth person")
        assert app.notified == []
    rows = attendance_list(demo_db, meeting.id)
    assert [r.status for r in rows[:4]] == ["present", "present", "absent", None]


async def test_notes_survive_an_abrupt_quit(demo_db):
    meeting = next_meeting(demo_db)
    app = make_app(demo_db.path, database=demo_db, start_section="meetings")
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await open_tab(pilot, app, "tab-notes")
        items = get_meeting(demo_db, meeting.id).items
        await pilot.press(*"Ordföranden öppnade mötet.")
        # a pause in typing: saved without any key (the next key would save it anyway)
        await until(
            pilot,
            lambda: item_notes(demo_db, items[0].id)[0] == "Ordföranden öppnade mötet.",
            what="the notes saved after a pause in typing",
        )
        await pilot.press("alt+down")
        await pilot.press(*"Anteckningarna godkändes.")
        await pilot.press("f2")
        await pilot.pause()
        await pilot.press(*"Anteckningarna läggs till handlingarna", "enter")
        await pilot.pause()
        await pilot.press("f3")
        await pilot.pause()
        form = app.screen
        form.query_one("#text", Input).value = "Skicka presentationen till alla"
        form.query_one("#owner_text", Input).value = "Samordnaren"
        form.query_one("#due_date", Input).value = (TODAY + timedelta(days=20)).isoformat()
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press(*" Klart.")
        await until(
            pilot,
            lambda: item_notes(demo_db, items[1].id)[0] == "Anteckningarna godkändes. Klart.",
            what="the notes saved after a pause in typing",
        )
        saved = str(app.screen.query_one("#notes-saved").render())
        assert saved.startswith("Sparat kl.")
        app.exit()  # no save key, no goodbye
    items = get_meeting(demo_db, meeting.id).items
    assert items[0].data.prep_notes == ""  # untouched
    assert item_notes(demo_db, items[0].id)[0] == "Ordföranden öppnade mötet."
    assert item_notes(demo_db, items[1].id)[0] == "Anteckningarna godkändes. Klart."
    assert [d.text for d in list_decisions(demo_db, items[1].id)] == [
        "Anteckningarna läggs till handlingarna"
    ]
    actions = list_actions(demo_db, meeting_id=meeting.id)
    assert [(a.text, a.owner) for a in actions] == [
        ("Skicka presentationen till alla", "Samordnaren")
    ]
    # notes written ahead of the meeting's day do not make it held (db/meeting_rules.py)
    assert meeting.meeting_date > TODAY
    assert get_meeting(demo_db, meeting.id).status == meeting.status


async def test_review_cycle_from_the_ui(demo_db, tmp_path):
    meeting = next_meeting(demo_db)
    # the day of the meeting: minutes can be sent out, commented on and fastställda
    set_clock(Clock.with_today(meeting.meeting_date))
    app = make_app(demo_db.path, database=demo_db, start_section="meetings")
    async with app.run_test(size=(100, 40), notifications=True) as pilot:
        await pilot.pause()
        screen = await open_tab(pilot, app, "tab-review")
        await pilot.press("f")  # finalise before review: refused
        await pilot.pause()
        await pilot.press("j")
        await pilot.pause()
        assert minutes_state(demo_db, meeting.id).status == "draft"
        await pilot.press("s")
        await pilot.pause()
        deadline = app.screen.query_one("#prompt-input", Input).value
        await pilot.press("enter")
        await pilot.pause()
        app.screen.query_one("#prompt-input", Input).value = str(tmp_path / "utkast")
        await pilot.press("enter")
        await pilot.pause()
        draft = sorted((tmp_path / "utkast").iterdir())
        assert [p.suffix for p in draft] == [".eml", ".md"]
        assert "(UTKAST)" in draft[1].read_text()
        assert "synpunkter senast" in draft[1].read_text()
        state = minutes_state(demo_db, meeting.id)
        assert state.status == "in_review" and state.comment_deadline.isoformat() == deadline
        await pilot.press("c")
        await pilot.pause()
        form = app.screen
        form.query_one("#author", Input).value = "Anna Andersson"
        form.query_one("#text", TextArea).text = "Punkt 4: jag sa 20 %, inte 25 %."
        await pilot.press("ctrl+s")
        await pilot.pause()
        table = screen.query_one("#comments-table", DataTable)
        assert table.row_count == 1
        await pilot.press("h")
        await pilot.pause()
        app.screen.query_one("#prompt-input", Input).value = "Rättat i punkt 4"
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("f")
        await pilot.pause()
        assert "Sista dag för synpunkter" in str(app.screen.query_one("#confirm-question").render())
        await pilot.press("j")
        await pilot.pause()
        assert minutes_state(demo_db, meeting.id).status == "final"
        await pilot.press("x")
        await pilot.pause()
        final_dir = tmp_path / "slutlig"
        app.screen.query_one("#prompt-input", Input).value = str(final_dir)
        await pilot.press("enter")
        await pilot.pause()
        final = (final_dir / draft[1].name).read_text()
        assert "UTKAST" not in final and "Fastställda" in final
        await pilot.press("v")  # what was exported when, and save an old version again
        await pilot.pause()
        history = app.screen.query_one("#history-table", DataTable)
        assert history.row_count >= 2
        versions = {str(history.get_row_at(i)[2]) for i in range(history.row_count)}
        assert {"utkast", "fastställd"} <= versions
        await pilot.press("enter")
        await pilot.pause()
        app.screen.query_one("#prompt-input", Input).value = str(tmp_path / "igen")
        await pilot.press("enter")
        await pilot.pause()
        assert len(list((tmp_path / "igen").iterdir())) == 1
    assert get_meeting(demo_db, meeting.id).status == "minutes_final"
    assert minutes_state(demo_db, meeting.id).comments[0].handled_note == "Rättat i punkt 4"


async def test_action_overview_filters_and_closes(demo_db):
    app = make_app(demo_db.path, database=demo_db, start_section="meetings")
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+b")
        await pilot.pause()
        screen = app.screen
        open_rows = list(screen.rows)
        assert open_rows and all(r.status == "open" for r in open_rows)
        assert [r.overdue for r in open_rows] == sorted(
            (r.overdue for r in open_rows), reverse=True
        )
        screen.query_one("#actions-status").value = "overdue"
        await pilot.pause()
        assert screen.rows and all(r.overdue for r in screen.rows)
        first = screen.rows[0]
        await pilot.press("ctrl+d")
        await pilot.pause()
        assert first.id not in {r.id for r in screen.rows}
    done = [a for a in list_actions(demo_db, status="done") if a.id == first.id]
    assert done and done[0].closed_date == TODAY


async def test_ctrl_q_saves_what_was_just_typed(demo_db):
    meeting = next_meeting(demo_db)
    app = make_app(demo_db.path, database=demo_db, start_section="meetings")
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await open_tab(pilot, app, "tab-notes")
        await pilot.press(*"Sista raden")
        await pilot.press("ctrl+q")  # no pause: the autosave timer has not fired yet
        await pilot.pause()
    item = get_meeting(demo_db, meeting.id).items[0]
    assert item_notes(demo_db, item.id)[0] == "Sista raden"
