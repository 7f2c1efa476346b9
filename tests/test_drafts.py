"""Drafts only for real edits; a stale draft never overwrites newer data silently."""

from textual.widgets import Input

from db.meetings import get_meeting, list_meetings, update_meeting
from db.records import MeetingInput
from lokus_tui.app import make_app
from tests.conftest import TODAY


def drafts_on_disk(tmp_path) -> list:
    folder = tmp_path / "data" / "utkast"
    return sorted(folder.glob("*.json")) if folder.exists() else []


async def open_meeting_form(pilot, app):
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()
    await pilot.press("ctrl+e")
    await pilot.pause()
    await pilot.pause()
    assert type(app.screen).__name__ == "MeetingForm"
    return app.screen


async def test_opening_a_form_and_waiting_writes_no_draft(demo_db, tmp_path):
    app = make_app(demo_db.path, database=demo_db, start_section="meetings")
    async with app.run_test(size=(100, 40)) as pilot:
        await open_meeting_form(pilot, app)
        await pilot.pause(1.5)  # longer than the draft delay
        app.exit()  # as if the terminal closed: the app keeps what is typed
        await pilot.pause()
    assert drafts_on_disk(tmp_path) == []


async def test_a_stale_draft_brings_back_only_my_edit_and_shows_the_conflict(demo_db, tmp_path):
    meeting = list_meetings(demo_db, from_date=TODAY).rows[0]
    app = make_app(demo_db.path, database=demo_db, start_section="meetings")
    async with app.run_test(size=(100, 40)) as pilot:
        form = await open_meeting_form(pilot, app)
        form.query_one("#room", Input).value = "Rum A (mitt)"
        await pilot.pause(1.5)
        assert len(drafts_on_disk(tmp_path)) == 1
        app.exit()  # the terminal closes before saving
        await pilot.pause()
    # meanwhile, another window changes the room and the address
    m = get_meeting(demo_db, meeting.id)
    update_meeting(
        demo_db,
        m.id,
        MeetingInput(**{**m.data.__dict__, "room": "Rum B (annat)", "address": "Ny gata 1"}),
        m.version,
    )
    again = make_app(demo_db.path, database=demo_db, start_section="meetings")
    async with again.run_test(size=(100, 40), notifications=True) as pilot:
        form = await open_meeting_form(pilot, again)
        await pilot.pause()
        assert form.query_one("#room", Input).value == "Rum A (mitt)"  # my edit is back
        assert form.query_one("#address", Input).value == "Ny gata 1"  # theirs is kept
        shown = str(form.query_one("#err-room").render())
        assert shown == "Sparat i ett annat fönster: Rum B (annat)"
        notices = " ".join(again.notified)
        assert "posten har ändrats sedan dess (Lokal)" in notices
        await pilot.press("ctrl+s")
        await pilot.pause()
    saved = get_meeting(demo_db, meeting.id).data
    assert (saved.room, saved.address) == ("Rum A (mitt)", "Ny gata 1")
    assert drafts_on_disk(tmp_path) == []


async def test_the_insats_form_with_rows_writes_no_draft_until_something_is_typed(
    demo_db, tmp_path
):
    app = make_app(demo_db.path, database=demo_db, start_section="initiatives")
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        form = app.screen
        assert type(form).__name__ == "InitiativeForm"
        assert form.extra_values()["partners"]  # rows with contact selects filled later
        await pilot.pause(1.5)
        app.exit()
        await pilot.pause()
    assert drafts_on_disk(tmp_path) == []
