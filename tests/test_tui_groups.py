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
    assert [(g.name, g.members) for g in groups] == [("LOKUS Tierp", 1)]
    assert [m.role for m in group_members(database, groups[0].id)] == ["chair"]
    mid = create_meeting(database, MeetingInput(groups[0].id, date(2027, 2, 9)))
    assert get_meeting(database, mid).chair_name == "Tove Tierp"


async def test_a_group_is_renamed_and_archived_and_restored(demo_db):
    """A typo in a group's name is fixed once for every list; an ended group is
    archived: out of Översikt and the pickers, its meetings kept; and restored."""
    from db.groups import group_options
    from db.meetings import list_meetings
    from db.overview import get_overview
    from tests.conftest import TODAY

    def group_named(name):
        return next(g for g in list_groups(demo_db) if g.name == name)

    heby = group_named("LOKUS Heby")
    meetings_before = list_meetings(demo_db, group_id=heby.id).total
    app = make_app(demo_db.path, database=demo_db, start_section="contacts")
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+g")
        await pilot.pause()
        table = app.screen.query_one("#groups-table")
        table.move_cursor(row=[g.id for g in app.screen.groups].index(heby.id))
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert app.screen.query_one("#name", Input).value == "LOKUS Heby"
        app.screen.query_one("#name", Input).value = "LOKUS Enköping"  # taken
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "det finns redan en lokusgrupp" in str(app.screen.query_one("#err-name").render())
        app.screen.query_one("#name", Input).value = "LOKUS Heby-Sala"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert type(app.screen).__name__ == "GroupsScreen"
        assert "LOKUS Heby-Sala" in [g.label for g in group_options(demo_db)]
        await pilot.press("ctrl+a")
        await pilot.pause()
        assert "Arkivera LOKUS Heby-Sala?" in str(
            app.screen.query_one("#confirm-question").render()
        )
        await pilot.press("j")
        await pilot.pause()
        assert any("LOKUS Heby-Sala är arkiverad" in n for n in app.notified)
        row = next(g for g in app.screen.groups if g.id == heby.id)
        assert row.archived and app.screen.groups[-1].id == heby.id  # archived last
    assert heby.id not in [g.id for g in group_options(demo_db)]
    assert heby.id in [g.id for g in group_options(demo_db, include_archived=True)]
    ov = get_overview(demo_db.read_rows, TODAY)
    assert heby.id not in [g.group_id for g in ov.order]
    assert list_meetings(demo_db, group_id=heby.id).total == meetings_before  # nothing lost
    from db.groups import archive_group

    archive_group(demo_db, heby.id, False, group_named("LOKUS Heby-Sala").version)
    assert heby.id in [g.group_id for g in get_overview(demo_db.read_rows, TODAY).order]


async def test_the_groups_list_follows_a_renamed_group_and_chooses_a_new_one(demo_db):
    """A rename can move a group in the list (it is sorted by name): the cursor goes
    with it, and a new group is the chosen row, ready for its members (m)."""
    from tests.waiting import through_form, until

    app = make_app(demo_db.path, database=demo_db, start_section="contacts")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+g")
        await until(pilot, lambda: type(app.screen).__name__ == "GroupsScreen", what="groups")
        screen = app.screen
        table = screen.query_one("#groups-table")

        async def named(key: str, name: str) -> None:
            await pilot.press(key)
            await until(pilot, lambda: app.screen is not screen, what="the group form")
            app.screen.query_one("#name", Input).value = name
            await pilot.press("ctrl+s")
            await until(pilot, lambda: app.screen is screen, what="the groups again")

        table.move_cursor(row=3)
        await pilot.pause()
        renamed = screen.group_id
        await named("ctrl+e", "AAA LOKUS först")
        assert screen.groups[0].id == renamed and screen.group_id == renamed
        await named("ctrl+n", "LOKUS Mellan")
        new = next(g for g in list_groups(demo_db) if g.name == "LOKUS Mellan")
        assert screen.group_id == new.id and table.cursor_row not in (0, 3)
        await through_form(pilot, screen, "", "escape")  # cancelled: nothing moves
        assert screen.group_id == new.id
