"""Drafts only for real edits; a stale draft never overwrites newer data silently."""

import json

from textual.widgets import Input

from db.meeting_changes import update_meeting
from db.meetings import get_meeting, list_meetings
from db.records import MeetingInput
from lokus_tui.app import make_app
from tests.conftest import TODAY
from tests.waiting import timers_due, until


def drafts_on_disk(tmp_path) -> list:
    folder = tmp_path / "data" / "utkast"
    return sorted(folder.glob("*.json")) if folder.exists() else []


def draft_values(tmp_path) -> list[dict]:
    """The fields kept in each draft on disk (a draft is written whole, then renamed)."""
    return [
        json.loads(path.read_text(encoding="utf-8"))["values"] for path in drafts_on_disk(tmp_path)
    ]


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
        form = await open_meeting_form(pilot, app)
        # every draft timer the opening could have started has fired by now
        await timers_due(pilot, form.DRAFT_SECONDS, "the draft delay")
        assert drafts_on_disk(tmp_path) == []
        form.flush_pending()  # what quitting does: still nothing typed, nothing kept
        assert drafts_on_disk(tmp_path) == []
        app.exit()  # as if the terminal closed: the app keeps what is typed
        await pilot.pause()
    assert drafts_on_disk(tmp_path) == []


async def test_a_stale_draft_brings_back_only_my_edit_and_shows_the_conflict(demo_db, tmp_path):
    meeting = list_meetings(demo_db, from_date=TODAY).rows[0]
    app = make_app(demo_db.path, database=demo_db, start_section="meetings")
    async with app.run_test(size=(100, 40)) as pilot:
        form = await open_meeting_form(pilot, app)
        form.query_one("#room", Input).value = "Rum A (mitt)"
        await until(
            pilot,
            lambda: [v["room"] for v in draft_values(tmp_path)] == ["Rum A (mitt)"],
            what="the draft of the typed room",
        )
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
        await timers_due(pilot, form.DRAFT_SECONDS, "the draft delay")
        assert drafts_on_disk(tmp_path) == []
        form.flush_pending()
        assert drafts_on_disk(tmp_path) == []
        app.exit()
        await pilot.pause()
    assert drafts_on_disk(tmp_path) == []
