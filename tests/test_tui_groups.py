"""A new coordinator on an empty database: create the group and its members."""

from datetime import date

from textual.widgets import Input, Select

from db.contacts import create_person, people_options
from db.groups import group_members, list_groups
from db.meeting_changes import create_meeting
from db.meetings import get_meeting
from db.organisations import create_organisation
from db.records import MeetingInput, OrganisationInput, PersonInput
from lokus_tui.app import make_app


async def test_empty_database_guides_and_group_can_be_built(database):
    org = create_organisation(database, OrganisationInput("Tierps kommun", "municipality"))
    create_person(
        database, PersonInput("Tove Tierp", email="tove@tierp.example.se", organisation_id=org)
    )
    app = make_app(database.path, database=database)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        assert "Databasen är tom" in str(app.screen.query_one("#overview-summary").render())
        await pilot.press("2")
        await pilot.pause()
        await pilot.press("ctrl+n")  # no group yet: a hint, not an empty form
        await pilot.pause()
        assert type(app.screen).__name__ == "MeetingsScreen"
        assert any("ingen lokusgrupp" in n for n in app.notified)
        await pilot.press("4")
        await pilot.pause()
        await pilot.press("ctrl+g")
        await pilot.pause()
        await pilot.press("ctrl+n")
        await pilot.pause()
        await pilot.press("ctrl+s")  # empty name
        await pilot.pause()
        assert "Namn: måste fyllas i" in str(app.screen.query_one("#err-name").render())
        app.screen.query_one("#name", Input).value = "LOKUS Tierp"
        app.screen.query_one("#municipality", Input).value = "Tierp"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("m")
        await pilot.pause()
        form = app.screen
        form.query_one("#organisation_id", Select).value = org
        await pilot.pause()
        people = form.query_one("#person_id", Select)
        people.value = people_options(database, org)[0].id
        form.query_one("#role", Select).value = "chair"
        await pilot.press("ctrl+s")
        await pilot.pause()
    groups = list_groups(database)
    assert [(g[1], g[3]) for g in groups] == [("LOKUS Tierp", 1)]
    assert [m.role for m in group_members(database, groups[0][0])] == ["chair"]
    mid = create_meeting(database, MeetingInput(groups[0][0], date(2027, 2, 9)))
    assert get_meeting(database, mid).chair_name == "Tove Tierp"
