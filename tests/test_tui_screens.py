"""The remaining screens' main and error paths."""

from textual.widgets import Input, OptionList, Select

from db.attendance import attendance_list
from db.contacts import people_options
from db.groups import group_options
from db.meetings import list_meetings
from db.organisations import list_organisations, organisation_options
from lokus_tui.app import make_app
from lokus_tui.document_view import DocumentView
from tests.waiting import go_to_tab


async def test_overview_shows_what_to_do_and_sections_switch(demo_db):
    app = make_app(demo_db.path, database=demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        options = app.screen.query_one("#overview", OptionList)
        text = "\n".join(
            str(options.get_option_at_index(i).prompt) for i in range(options.option_count)
        )
        assert "Kallelsen skulle ha skickats" in text and "Nästa möte" in text
        await pilot.press("5")
        await pilot.pause()
        assert type(app.screen).__name__ == "ScanningScreen"
        await pilot.press("3")
        await pilot.pause()
        assert type(app.screen).__name__ == "InitiativesScreen"
        await pilot.press("f1")
        await pilot.pause()
        help_text = app.screen.query_one(DocumentView).source
        assert "| ^n | Ny insats |" in help_text and "^ betyder ctrl" in help_text
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "InitiativesScreen"


async def test_duplicate_organisation_is_refused(demo_db):
    app = make_app(demo_db.path, database=demo_db, start_section="contacts")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+l")
        await pilot.pause()
        await pilot.press("ctrl+n")
        await pilot.pause()
        await pilot.press(*"Försäkringskassan")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "det finns redan en organisation" in str(app.screen.query_one("#err-name").render())
        app.screen.query_one("#name", Input).value = "Fiktiva Föreningen"
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert list_organisations(demo_db, "fiktiva").total == 1


async def test_meeting_form_errors_name_the_field(demo_db):
    app = make_app(demo_db.path, database=demo_db, start_section="meetings")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        before = list_meetings(demo_db).total
        await pilot.press("ctrl+n")
        await pilot.pause()
        form = app.screen
        form.query_one("#meeting_date", Input).value = "3 mars"
        form.query_one("#start_time", Input).value = "15.00"
        form.query_one("#end_time", Input).value = "13.00"
        await pilot.press("ctrl+s")
        await pilot.pause()
        errors = str(form.query_one("#form-errors").render())
        assert "Datum: ”3 mars” är inget datum" in errors
        form.query_one("#group_id", Select).value = group_options(demo_db)[0].id
        form.query_one("#meeting_date", Input).value = "2027-03-03"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Sluttid: måste vara efter starttiden" in str(
            form.query_one("#err-end_time").render()
        )
        assert list_meetings(demo_db).total == before
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "MeetingsScreen"


async def test_agenda_item_needs_a_title_and_substitute_can_be_added(demo_db):
    meeting = list_meetings(demo_db).rows[0]
    app = make_app(demo_db.path, database=demo_db, start_section="meetings")
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        app.screen.query_one("#minutes_allotted", Input).value = "mycket"
        await pilot.press("ctrl+s")
        await pilot.pause()
        errors = str(app.screen.query_one("#form-errors").render())
        assert "Minuter: ”mycket” är inget heltal" in errors
        await pilot.press("escape")
        await pilot.pause()
        await go_to_tab(pilot, app.screen, "tab-attendance")
        await pilot.press("e")  # add an ersättare
        await pilot.pause()
        picker = app.screen
        await pilot.press("ctrl+s")  # nobody chosen
        await pilot.pause()
        assert "Person: måste väljas" in str(picker.query_one("#err-person_id").render())
        orgs = picker.query_one("#organisation_id", Select)
        orgs.value = organisation_options(demo_db)[0].id
        await pilot.pause()
        people = picker.query_one("#person_id", Select)
        people.value = people_options(demo_db, orgs.value)[0].id
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert any(r.is_substitute for r in attendance_list(demo_db, meeting.id))


async def test_omvarld_note_create_filter_and_error(demo_db):
    from textual.widgets import TextArea

    from db.scanning import list_entries

    app = make_app(demo_db.path, database=demo_db, start_section="scanning")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#scanning-table")
        assert table.row_count == 8
        await pilot.press("ctrl+n")
        await pilot.pause()
        form = app.screen
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Rubrik: måste fyllas i" in str(form.query_one("#err-title").render())
        await pilot.press(*"IPS-projektet i Gävle")
        form.query_one("#organisation_text", Input).value = "Region Gävleborg"
        form.query_one("#notes", TextArea).load_text("Bjud in projektledaren # till våren")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press(*"gävle")
        await pilot.pause()
        assert table.row_count == 1
        text = app.screen.query_one("#scanning-text", DocumentView).source
        assert "IPS-projektet i Gävle" in text and "Region Gävleborg" in text
    assert list_entries(demo_db, "gävleborg").total == 1


async def test_unexpected_error_is_one_swedish_sentence_and_a_private_log(demo_db, tmp_path):
    import pytest
    from textual.binding import Binding
    from textual.screen import Screen

    class Broken(Screen):
        BINDINGS = [Binding("b", "break", "Gå sönder")]

        def action_break(self) -> None:
            typed = "".join(("Anna ", "har ", "diagnos"))  # as if the user had typed it
            raise RuntimeError(typed)

    app = make_app(demo_db.path, database=demo_db)
    with pytest.raises(RuntimeError):
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await app.push_screen(Broken())
            await pilot.press("b")
            await pilot.pause()
            message = app.exit_message
            assert message.startswith("lokus: ett oväntat fel inträffade (RuntimeError)")
            assert "Traceback" not in message
    log = tmp_path / "data" / "lokus-fel.log"
    assert "RuntimeError" in log.read_text() and "Anna har diagnos" not in log.read_text()
    assert oct(log.stat().st_mode & 0o777) == "0o600"


async def test_omvarld_keeps_its_row_and_chooses_a_new_note(demo_db):
    """A colleague's change, a cancelled or saved edit keep the note the user is on (each
    went back to the first row); a new note is the chosen one."""
    from db.records import ScanningInput
    from db.scanning import create_entry
    from lokus_tui.live_updates import check_for_changes
    from tests.waiting import through_form

    app = make_app(demo_db.path, database=demo_db, start_section="scanning")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        table = screen.table
        await pilot.press("down", "down", "down")
        chosen = table.current_record
        check_for_changes(app)  # (the first look notes the stamp)
        create_entry(demo_db, ScanningInput("Kollegans anteckning"))
        assert check_for_changes(app)
        await pilot.pause()
        assert table.current_record.id == chosen.id
        for open_key, close in (("ctrl+n", "escape"), ("enter", "escape"), ("enter", "ctrl+s")):
            await through_form(pilot, screen, close=close, open_key=open_key)
            await pilot.pause()
            assert table.current_record.id == chosen.id, (open_key, close)
        await through_form(pilot, screen, "Ny omvärldsanteckning")
        await pilot.pause()
        assert table.current_record.data.title == "Ny omvärldsanteckning"
        assert (
            "Ny omvärldsanteckning" in app.screen.query_one("#scanning-text", DocumentView).source
        )
