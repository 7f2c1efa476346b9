"""Every screen and form: its main path and an error path, as a user meets them.

The screens that other files test only one way are completed here (see the
list in each test's docstring). What is asserted is what a user would see, the
text on the screen or in a notice, and what ends up in the database.
"""

from dataclasses import replace
from datetime import date

from textual.widgets import DataTable, Input, Select, TextArea

from db.actions import list_actions, set_action_status
from db.agenda import update_agenda_item
from db.attendance import attendance_list, set_attendance
from db.contacts import create_person, get_person, people_options, update_person
from db.group_template import agenda_template, set_agenda_template
from db.groups import group_members, group_options
from db.guests import list_guests
from db.initiative_changes import create_initiative, update_initiative
from db.initiatives import get_initiative, list_initiatives
from db.meeting_changes import update_meeting
from db.meetings import get_meeting, list_meetings
from db.organisations import organisation_options
from db.proposals import list_proposals
from db.records import InitiativeInput, PersonInput
from db.review import list_exports
from db.review_comments import minutes_state
from lokus_tui.app import make_app
from tests.conftest import TODAY
from tests.waiting import go_to_tab, until


def uppsala(db) -> int:
    return next(g.id for g in group_options(db) if g.label == "LOKUS Uppsala")


def next_meeting(db):
    """The first meeting of the Möten list (the next one): enter opens it."""
    return list_meetings(db, from_date=TODAY).rows[0]


def shown(widget) -> str:
    return str(widget.render())


def said(app, text: str) -> bool:
    """A notification with this text was shown."""
    return any(text in n for n in app.notified)


def cells(table: DataTable) -> list[str]:
    return [str(cell) for row in range(table.row_count) for cell in table.get_row_at(row)]


async def open_meeting(pilot, app, meeting_id: int):
    await pilot.pause()
    await pilot.press("enter")
    await until(pilot, lambda: type(app.screen).__name__ == "MeetingScreen", what="the meeting")
    screen = app.screen
    assert screen.meeting_id == meeting_id
    return screen


async def open_tab(pilot, screen, tab: str) -> None:
    await go_to_tab(pilot, screen, tab)
    await pilot.pause()


# --- forms of the meeting workspace ------------------------------------------------------


async def test_proposal_form_saves_a_point_and_refuses_one_without_text(demo_db):
    """ProposalForm (main and error), ProposalsPane (reject needs a reason)."""
    meeting = next_meeting(demo_db)
    before = list_proposals(demo_db, meeting.id)
    org = organisation_options(demo_db)[0]
    person = people_options(demo_db, org.id)[0]
    app = make_app(demo_db.path, database=demo_db, start_section="meetings")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_meeting(pilot, app, meeting.id)
        await open_tab(pilot, screen, "tab-proposals")
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        assert type(form).__name__ == "ProposalForm"
        form.query_one("#received_date", Input).value = "i förrgår"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form  # not saved, nothing lost
        assert shown(form.query_one("#err-text")) == "Förslaget: måste fyllas i"
        assert "Inkom: ”i förrgår” är inget datum" in shown(form.query_one("#err-received_date"))
        assert list_proposals(demo_db, meeting.id) == before
        await pilot.press(*"Ny rutin för remisser")  # the focus is on the first error
        form.query_one("#received_date", Input).value = "2026-11-20"
        form.query_one("#organisation_id", Select).value = org.id
        await pilot.pause()  # the people of the organisation are offered
        form.query_one("#person_id", Select).value = person.id
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        table = screen.query_one("#proposals-table", DataTable)
        assert "Ny rutin för remisser" in cells(table)
        new = next(p for p in list_proposals(demo_db, meeting.id) if p.text.startswith("Ny rutin"))
        # rejecting asks why, and an empty reason is not accepted
        table.move_cursor(row=table.get_row_index(str(new.id)))
        table.focus()
        await pilot.press("r")
        await pilot.pause()
        prompt = app.screen
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is prompt
        assert shown(prompt.query_one("#prompt-error")) == "Fältet måste fyllas i."
        await pilot.press(*"Hör till en annan grupp", "enter")
        await pilot.pause()
        assert app.screen is screen
    saved = next(p for p in list_proposals(demo_db, meeting.id) if p.id == new.id)
    assert (saved.text, saved.organisation_name, saved.received_date) == (
        "Ny rutin för remisser",
        org.label,
        date(2026, 11, 20),
    )
    assert saved.person_name == get_person(demo_db, person.id).data.name
    assert (saved.status, saved.reason) == ("rejected", "Hör till en annan grupp")


async def test_guest_form_needs_a_guest_and_a_topic_and_a_finished_invitation_stays(demo_db):
    """GuestForm (error, then main with a new person), GuestsPane (no next status)."""
    meeting = next_meeting(demo_db)
    app = make_app(demo_db.path, database=demo_db, start_section="meetings")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_meeting(pilot, app, meeting.id)
        await open_tab(pilot, screen, "tab-guests")
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        assert type(form).__name__ == "GuestForm"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form
        assert shown(form.query_one("#err-person_id")) == (
            "Gäst: välj en person eller skriv in en ny"
        )
        assert shown(form.query_one("#err-topic")) == "Ämne: måste fyllas i"
        form.query_one("#name", Input).value = "Greta Gäst"
        form.query_one("#email", Input).value = "greta@"
        form.query_one("#topic", Input).value = "IPS i Uppsala"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form
        assert "”greta@” är ingen giltig e-postadress" in shown(form.query_one("#err-email"))
        assert list_guests(demo_db, meeting.id) == []
        form.query_one("#email", Input).value = "greta@ips.example.se"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        assert "Greta Gäst" in cells(screen.query_one("#guests-table", DataTable))
        await pilot.press("d")  # declined: the invitation is finished
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        assert said(app, "Inbjudan är redan avslutad.")
    [guest] = list_guests(demo_db, meeting.id)
    assert (guest.name, guest.email, guest.topic, guest.status) == (
        "Greta Gäst",
        "greta@ips.example.se",
        "IPS i Uppsala",
        "declined",
    )


async def test_action_form_needs_a_text_and_a_real_date(demo_db):
    """ActionForm (error, then main with a member as owner)."""
    meeting = next_meeting(demo_db)
    member = get_meeting(demo_db, meeting.id).members[0]
    app = make_app(demo_db.path, database=demo_db, start_section="meetings")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_meeting(pilot, app, meeting.id)
        await open_tab(pilot, screen, "tab-notes")
        await pilot.press("f3")
        await pilot.pause()
        form = app.screen
        assert type(form).__name__ == "ActionForm"
        form.query_one("#due_date", Input).value = "nästa vecka"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form
        assert "Klart senast: ”nästa vecka” är inget datum" in shown(
            form.query_one("#err-due_date")
        )
        form.query_one("#due_date", Input).value = "2026-12-15"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert shown(form.query_one("#err-text")) == "Åtgärd: måste fyllas i"
        assert list_actions(demo_db, meeting_id=meeting.id) == []
        form.query_one("#text", Input).value = "Boka lokal till våren"
        form.query_one("#owner_id", Select).value = member.person_id
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        assert "Boka lokal till våren" in cells(screen.query_one("#notes-actions", DataTable))
    [action] = list_actions(demo_db, meeting_id=meeting.id)
    assert (action.text, action.owner_id, action.due_date) == (
        "Boka lokal till våren",
        member.person_id,
        date(2026, 12, 15),
    )


async def test_a_comment_needs_text_and_a_sender_and_waits_for_the_review(demo_db):
    """CommentForm (errors; its main path is in test_tui_minutes), ExportHistory
    (nothing exported yet: nothing to save again)."""
    meeting = next_meeting(demo_db)
    app = make_app(demo_db.path, database=demo_db, start_section="meetings")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_meeting(pilot, app, meeting.id)
        await open_tab(pilot, screen, "tab-review")
        await pilot.press("c")
        await pilot.pause()
        form = app.screen
        assert type(form).__name__ == "CommentForm"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert shown(form.query_one("#err-text")) == "Synpunkt: måste fyllas i"
        assert shown(form.query_one("#err-author")) == "Från: ange vem synpunkten kommer från"
        form.query_one("#author", Input).value = "Anna Andersson"
        form.query_one("#text", TextArea).load_text("Punkt 4 saknar beslutet.")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form  # the minutes are not sent for comments yet
        assert said(app, "Inte sparat: Anteckningarna har inte skickats för synpunkter än.")
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        await pilot.press("v")
        await pilot.pause()
        history = app.screen
        assert type(history).__name__ == "ExportHistory"
        table = history.query_one("#history-table", DataTable)
        assert cells(table)[0] == "Inget har exporterats än."
        await pilot.press("enter")  # nothing to save again: no folder is asked for
        await pilot.pause()
        assert app.screen is history
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
    assert minutes_state(demo_db, meeting.id).comments == ()


async def test_a_notice_exported_to_a_file_instead_of_a_folder_writes_nothing(demo_db, tmp_path):
    """NoticePane (error: the folder is a file; the main path is in test_tui_meetings)."""
    meeting = next_meeting(demo_db)
    not_a_folder = tmp_path / "kallelser.txt"
    not_a_folder.write_text("en fil")
    app = make_app(demo_db.path, database=demo_db, start_section="meetings")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_meeting(pilot, app, meeting.id)
        await open_tab(pilot, screen, "tab-notice")
        await pilot.press("x")
        await pilot.pause()
        app.screen.query_one("#prompt-input", Input).value = str(not_a_folder)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen  # no "skickar du den nu?" after a failed export
        assert said(app, "Exporten avbröts: Mappen") and said(app, "Inga filer skrevs.")
    assert not_a_folder.read_text() == "en fil"
    assert list_exports(demo_db, meeting.id) == []
    assert get_meeting(demo_db, meeting.id).status == meeting.status


# --- the meeting and its tabs when another window changed something ------------------------


async def test_cancelling_a_meeting_changed_elsewhere_says_so_then_works(demo_db):
    """MeetingScreen: cancel and reopen (main), a stale meeting (error)."""
    meeting = next_meeting(demo_db)
    app = make_app(demo_db.path, database=demo_db, start_section="meetings")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_meeting(pilot, app, meeting.id)
        m = get_meeting(demo_db, meeting.id)  # another window moves the room
        update_meeting(demo_db, m.id, replace(m.data, room="Sal Linné"), m.version)
        await pilot.press("ctrl+x")
        await pilot.pause()
        await pilot.press(*"Ordföranden sjuk", "enter")
        await pilot.pause()
        assert said(app, "Mötet har ändrats i ett annat fönster")
        assert get_meeting(demo_db, meeting.id).status == "planned"
        assert "Sal Linné" in shown(screen.query_one("#meeting-info"))  # read again
        await pilot.press("ctrl+x")
        await pilot.pause()
        await pilot.press(*"Ordföranden sjuk", "enter")
        await pilot.pause()
        assert said(app, "Mötet är inställt.")
        assert get_meeting(demo_db, meeting.id).status == "cancelled"
        await pilot.press("ctrl+x")  # a cancelled meeting is taken up again at once
        await pilot.pause()
        assert said(app, "Mötet är återupptaget.")
    assert get_meeting(demo_db, meeting.id).status == "planned"


async def test_moving_an_item_changed_elsewhere_says_so_and_then_moves_it(demo_db):
    """AgendaPane: a stale item (error), then the move (main)."""
    meeting = next_meeting(demo_db)
    first = get_meeting(demo_db, meeting.id).items[0]
    app = make_app(demo_db.path, database=demo_db, start_section="meetings")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_meeting(pilot, app, meeting.id)
        await pilot.pause()
        table = screen.query_one("#agenda-table", DataTable)
        assert table.cursor_row == 0
        update_agenda_item(
            demo_db,
            first.id,
            replace(first.data, title="Välkommen och upprop"),
            first.version,
        )
        await pilot.press("alt+down")
        await pilot.pause()
        assert said(app, "Punkten har ändrats i ett annat fönster")
        assert get_meeting(demo_db, meeting.id).items[0].id == first.id  # not moved
        assert str(table.get_row_at(0)[2]) == "Välkommen och upprop"  # read again
        await pilot.press("alt+down")
        await pilot.pause()
    assert get_meeting(demo_db, meeting.id).items[1].id == first.id


async def test_attendance_marked_in_another_window_is_kept(demo_db):
    """AttendancePane: a mark made elsewhere meanwhile (error), then marking (main)."""
    meeting = next_meeting(demo_db)
    first, second = attendance_list(demo_db, meeting.id)[:2]
    app = make_app(demo_db.path, database=demo_db, start_section="meetings")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_meeting(pilot, app, meeting.id)
        await open_tab(pilot, screen, "tab-attendance")
        set_attendance(demo_db, meeting.id, first.person_id, "excused", None)
        await pilot.press("p")
        await pilot.pause()
        assert said(app, "Närvaron har ändrats i ett annat fönster")
        table = screen.query_one("#attendance-table", DataTable)
        assert str(table.get_row_at(0)[3]) == "anmält förhinder"  # theirs, shown
        await pilot.press("p")  # the cursor moved on: the next member is present
        await pilot.pause()
    rows = {r.person_id: r.status for r in attendance_list(demo_db, meeting.id)}
    assert (rows[first.person_id], rows[second.person_id]) == ("excused", "present")


# --- forms and screens of the sections ------------------------------------------------------


async def test_year_plan_refuses_no_group_a_bad_year_and_the_same_date_twice(demo_db):
    """YearPlanForm (errors; its main path is in test_tui_meetings)."""
    group = uppsala(demo_db)
    before = list_meetings(demo_db, group_id=group, from_date=date(2027, 1, 1)).total
    app = make_app(demo_db.path, database=demo_db, start_section="meetings")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+y")
        await pilot.pause()
        form = app.screen
        assert type(form).__name__ == "YearPlanForm"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert shown(form.query_one("#err-group_id")) == "Lokusgrupp: måste väljas"
        form.query_one("#group_id", Select).value = group
        form.query_one("#year", Input).value = "tjugotjugosju"
        await pilot.pause()
        assert "År:" in shown(form.query_one("#err-dates"))
        assert list(form.query(".plan-date")) == []  # no dates from a year that is none
        form.query_one("#year", Input).value = "2027"
        await pilot.pause()
        dates = list(form.query(".plan-date").results(Input))
        assert len(dates) == 4 and shown(form.query_one("#err-dates")) == ""
        dates[1].value = dates[0].value
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form
        assert "Datum: samma datum står två gånger" in shown(form.query_one("#err-dates"))
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "MeetingsScreen"
    assert list_meetings(demo_db, group_id=group, from_date=date(2027, 1, 1)).total == before


async def test_template_changed_in_another_window_keeps_mine_after_a_warning(demo_db):
    """TemplateForm (error: a conflict; its main path is in test_tui_meetings)."""
    group = uppsala(demo_db)
    app = make_app(demo_db.path, database=demo_db, start_section="meetings")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.screen.query_one("#meetings-group", Select).value = group
        await pilot.pause()
        await pilot.press("ctrl+t")
        await pilot.pause()
        form = app.screen
        assert type(form).__name__ == "TemplateForm"
        theirs = agenda_template(demo_db, group)
        set_agenda_template(demo_db, group, ["Inledning", "Deras punkt"], theirs.version)
        form.query_one("#titles", TextArea).load_text("Inledning\nMin punkt\nAvslut")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form  # not saved over theirs without a word
        assert said(app, "Posten hade ändrats i ett annat fönster")
        assert said(app, "Båda har ändrat: Punkterna")
        assert agenda_template(demo_db, group).titles == ("Inledning", "Deras punkt")
        both = form.query_one("#titles", TextArea)  # both versions, marked, to choose from
        assert both.text.startswith("<<<<<<< Din text\nInledning\nMin punkt\nAvslut\n")
        assert "Sparat i ett annat fönster\nInledning\nDeras punkt\n" in both.text
        both.load_text("Inledning\nMin punkt\nAvslut")  # the user keeps their own
        await pilot.press("ctrl+s")
        await pilot.pause()
        # saved; the planned meetings may get the new points: not now
        assert type(app.screen).__name__ == "ConfirmDialog"
        await pilot.press("n")
        await pilot.pause()
        assert type(app.screen).__name__ == "MeetingsScreen"
    assert agenda_template(demo_db, group).titles == ("Inledning", "Min punkt", "Avslut")


async def test_a_too_long_template_title_is_refused_by_the_form(demo_db):
    """TemplateForm (error: a title longer than 200 characters)."""
    group = uppsala(demo_db)
    before = agenda_template(demo_db, group).titles
    app = make_app(demo_db.path, database=demo_db, start_section="meetings")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.screen.query_one("#meetings-group", Select).value = group
        await pilot.pause()
        await pilot.press("ctrl+t")
        await pilot.pause()
        form = app.screen
        form.query_one("#titles", TextArea).load_text("Inledning\n" + "lång " * 50)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form
        assert "Mallpunkt 2: är för lång" in shown(form.query_one("#form-errors"))
    assert agenda_template(demo_db, group).titles == before


async def test_an_action_closed_in_another_window_is_not_closed_twice(demo_db):
    """ActionsScreen: a stale action (error); closing one (main) is in test_tui_minutes."""
    app = make_app(demo_db.path, database=demo_db, start_section="meetings")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+b")
        await pilot.pause()
        screen = app.screen
        assert type(screen).__name__ == "ActionsScreen"
        first = screen.rows[0]
        set_action_status(demo_db, first.id, "dropped", first.version)  # another window
        await pilot.press("ctrl+d")
        await pilot.pause()
        assert said(app, "har ändrats i ett annat fönster")
        assert first.id not in {r.id for r in screen.rows}  # read again: no longer open
        assert str(screen.query_one("#actions-summary").render()).startswith(
            f"{len(screen.rows)} åtgärder"
        )
    [after] = [a for a in list_actions(demo_db, status="dropped") if a.id == first.id]
    assert after.closed_date == TODAY


async def test_an_insats_without_e_mail_and_one_changed_before_deleting(demo_db):
    """InitiativeDetailScreen: no e-mail to copy, a delete of a stale insats (errors);
    the delete itself (main)."""
    new_id = create_initiative(demo_db, InitiativeInput(name="Zebra utan kontakt"))
    app = make_app(demo_db.path, database=demo_db, start_section="initiatives")
    copied: list[str] = []
    app.copy_to_clipboard = copied.append
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press(*"zebra", "enter")
        await pilot.pause()
        screen = app.screen
        assert screen.initiative_id == new_id
        await pilot.press("c", "a")
        await pilot.pause()
        assert copied == [] and said(app, "Ingen e-postadress finns angiven.")
        other = get_initiative(demo_db, new_id)
        update_initiative(
            demo_db, new_id, InitiativeInput(name="Zebra, omdöpt"), other.version
        )  # another window renames it
        await pilot.press("delete")
        await pilot.pause()
        await pilot.press("j")
        await pilot.pause()
        assert app.screen is screen
        assert said(app, "Insatsen har ändrats i ett annat fönster")
        assert "Zebra, omdöpt" in screen.query_one("#initiative-detail").source
        await pilot.press("delete")
        await pilot.pause()
        await pilot.press("j")
        await pilot.pause()
        assert type(app.screen).__name__ == "InitiativesScreen"
    assert list_initiatives(demo_db, "zebra").total == 0


async def test_a_person_without_e_mail_and_one_changed_before_deleting(demo_db):
    """PersonDetailScreen and ContactsScreen: nothing to copy, a stale delete (errors)."""
    pid = create_person(demo_db, PersonInput("Zackarias Utanpost"))
    app = make_app(demo_db.path, database=demo_db, start_section="contacts")
    copied: list[str] = []
    app.copy_to_clipboard = copied.append
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press(*"zackarias")
        await pilot.pause()
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert said(app, "Ingen e-postadress att kopiera.")
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert screen.person_id == pid
        await pilot.press("c")
        await pilot.pause()
        assert copied == [] and said(app, "Ingen e-postadress finns angiven.")
        person = get_person(demo_db, pid)  # another window adds the address
        update_person(demo_db, pid, replace(person.data, email="z@example.se"), person.version)
        await pilot.press("delete")
        await pilot.pause()
        await pilot.press("j")
        await pilot.pause()
        assert app.screen is screen
        assert said(app, "Personen har ändrats i ett annat fönster")
        assert "z@example.se" in shown(screen.query_one("#person-card"))
    assert get_person(demo_db, pid).data.email == "z@example.se"


async def test_a_role_is_changed_only_for_a_member_chosen_below(demo_db):
    """GroupsScreen: a role key without a member (error), a role changed (main)."""
    app = make_app(demo_db.path, database=demo_db, start_section="contacts")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+g")
        await pilot.pause()
        screen = app.screen
        assert type(screen).__name__ == "GroupsScreen"
        group_id = screen.group_id
        before = {m.person_id: m.role for m in group_members(demo_db, group_id)}
        await pilot.press("r")  # the focus is on the groups, not on a member
        await pilot.pause()
        assert said(app, "Välj en ledamot i den nedre tabellen (tab).")
        assert {m.person_id: m.role for m in group_members(demo_db, group_id)} == before
        await pilot.press("tab")
        await pilot.pause()
        member = screen.members[0]
        await pilot.press("r")
        await pilot.pause()
        assert said(app, f"{member.name}: ")
    after = {m.person_id: m.role for m in group_members(demo_db, group_id)}
    assert after[member.person_id] != before[member.person_id]
    assert {k: v for k, v in after.items() if k != member.person_id} == {
        k: v for k, v in before.items() if k != member.person_id
    }


async def test_opening_when_the_filter_finds_nothing_says_so_in_every_list(demo_db):
    """MeetingsScreen, InitiativesScreen, ContactsScreen: nothing to open (errors)."""
    app = make_app(demo_db.path, database=demo_db, start_section="meetings")
    async with app.run_test(size=(80, 24)) as pilot:
        for key, section, filter_id, message in (
            ("2", "MeetingsScreen", "#meetings-filter", "Inget möte är valt."),
            ("3", "InitiativesScreen", "#initiatives-filter", "Ingen insats är vald."),
            ("4", "ContactsScreen", "#people-filter", "Ingen rad är vald."),
        ):
            await pilot.press(key)
            await until(pilot, lambda s=section: type(app.screen).__name__ == s, what=section)
            app.screen.query_one(filter_id, Input).value = "qqxqq"
            await pilot.pause()
            await pilot.press("ctrl+o")
            await pilot.pause()
            assert type(app.screen).__name__ == section, section
            assert said(app, message), section


async def test_year_plan_shows_a_moved_meeting_and_one_that_does_not_fit(demo_db):
    """Fridays of the fourth week from June (2027): midsummer eve moves a week earlier
    and says so; a third meeting six months on would be next year, and says so."""
    app = make_app(demo_db.path, database=demo_db, start_section="meetings")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+y")
        await pilot.pause()
        form = app.screen
        form.query_one("#year", Input).value = "2027"
        form.query_one("#count", Input).value = "3"
        form.query_one("#first_month", Input).value = "6"
        form.query_one("#interval", Input).value = "6"
        form.query_one("#weekday", Select).value = 4
        form.query_one("#week", Select).value = 4
        await pilot.pause()
        dates = [i.value for i in form.query(".plan-date").results(Input)]
        assert dates == ["2027-06-18", "2027-12-17"]
        notes = [shown(label) for label in form.query(".plan-long")]
        assert "flyttat från 25 juni 2027 (midsommarafton)" in notes[0]
        assert "flyttat från 24 december 2027 (julafton)" in notes[1]
        assert notes[2].startswith("ryms inte i 2027")


async def test_a_guest_gets_an_agenda_point_of_their_own(demo_db):
    """ "Ny punkt för gästen": the topic becomes a point presented by the guest, before
    Övriga frågor, and the invitation points to it."""
    from db.guests import OWN_POINT

    meeting = next_meeting(demo_db)
    app = make_app(demo_db.path, database=demo_db, start_section="meetings")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_meeting(pilot, app, meeting.id)
        await open_tab(pilot, screen, "tab-guests")
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        form.query_one("#name", Input).value = "Greta Gäst"
        form.query_one("#email", Input).value = "greta@ips.example.se"
        form.query_one("#topic", Input).value = "IPS i Uppsala"
        form.query_one("#agenda_item_id", Select).value = OWN_POINT
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
    [guest] = list_guests(demo_db, meeting.id)
    items = get_meeting(demo_db, meeting.id).items
    titles = [i.title for i in items]
    point = next(i for i in items if i.id == guest.agenda_item_id)
    assert point.title == "IPS i Uppsala" and point.presenter == "Greta Gäst"
    if "Övriga frågor" in titles:
        assert titles.index("IPS i Uppsala") == titles.index("Övriga frågor") - 1
