"""In the app: fastställda minutes are read-only, re-opening asks why, and deleting a
person who is in the records says so in numbers and archives them."""

from textual.widgets import Input

from db.attendance import attendance_list
from db.contacts import get_person
from db.meetings import get_meeting
from db.review import list_exports
from db.review_comments import minutes_state
from lokus_tui.app import make_app
from screens.meeting import MeetingScreen
from tests.test_record import approved
from tests.waiting import go_to_tab


async def open_meeting(pilot, app, meeting_id: int, tab: str):
    await pilot.pause()
    await app.push_screen(MeetingScreen(meeting_id))
    await pilot.pause()
    await go_to_tab(pilot, app.screen, tab)
    return app.screen


async def test_fastställda_notes_cannot_be_typed_into(demo_db):
    mid = approved(demo_db)
    before = get_meeting(demo_db, mid).items[0]
    app = make_app(demo_db.path, database=demo_db, start_section="meetings")
    async with app.run_test(size=(100, 40), notifications=True) as pilot:
        screen = await open_meeting(pilot, app, mid, "tab-notes")
        assert screen.active_tab == "tab-notes"
        editor = screen.query_one("#notes-editor")
        assert editor.read_only
        assert "fastställda" in str(screen.query_one("#notes-saved").render())
        await pilot.press(*"andrat")
        assert "andrat" not in editor.text
        await pilot.press("f2")
        await pilot.pause()
        assert type(app.screen) is MeetingScreen  # no decision dialog
        assert any("fastställda" in n for n in app.notified)
    assert get_meeting(demo_db, mid).items[0].data == before.data


async def test_reopening_asks_for_a_reason_and_keeps_the_approved_version(demo_db):
    mid = approved(demo_db)
    app = make_app(demo_db.path, database=demo_db, start_section="meetings")
    async with app.run_test(size=(100, 40)) as pilot:
        await open_meeting(pilot, app, mid, "tab-review")
        await pilot.press("o")
        await pilot.pause()
        prompt = app.screen
        await pilot.press("enter")  # no reason: not accepted
        await pilot.pause()
        assert app.screen is prompt
        prompt.query_one("#prompt-input", Input).value = "Fel datum för nästa möte"
        await pilot.press("enter")
        await pilot.pause()
    state = minutes_state(demo_db, mid)
    assert state.status == "draft" and state.reopened_reason == "Fel datum för nästa möte"
    assert any(
        "återöppnad" in variant and "Fel datum" in variant
        for _id, _doc, variant, _fmt, _when in list_exports(demo_db, mid)
    )


async def test_deleting_a_person_in_the_records_shows_the_numbers_and_archives(demo_db):
    mid = approved(demo_db)
    person_id = attendance_list(demo_db, mid)[0].person_id
    app = make_app(demo_db.path, database=demo_db, start_section="contacts")
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        from screens.person_detail import PersonDetailScreen

        await app.push_screen(PersonDetailScreen(person_id))
        await pilot.pause()
        await pilot.press("delete")
        await pilot.pause()
        question = str(app.screen.query_one("#confirm-question").render())
        assert "finns i mötesanteckningar" in question and "närvaro vid" in question
        assert "arkiveras" in question
        await pilot.press("j")
        await pilot.pause()
    assert get_person(demo_db, person_id).archived_at is not None
    assert person_id in [r.person_id for r in attendance_list(demo_db, mid)]
