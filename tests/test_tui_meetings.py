"""Pilot tests of Möten: prepare a meeting the way a coordinator does."""

from datetime import date, timedelta

import pytest
from textual.widgets import DataTable, Input, Select

from db.groups import group_options
from db.guests import list_guests
from db.meetings import get_meeting, list_meetings
from db.proposals import add_proposal, points_checklist
from lokus_tui.app import make_app
from tests.conftest import TODAY
from tests.waiting import tab_shown, through_form, timers_due, until


def app_for(db):
    return make_app(db.path, database=db, start_section="meetings")


def uppsala(db) -> int:
    return next(g.id for g in group_options(db) if g.label == "LOKUS Uppsala")


async def test_plan_year_creates_four_meetings_from_template(demo_db):
    app = app_for(demo_db)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+y")
        await pilot.pause()
        form = app.screen
        form.query_one("#group_id", Select).value = uppsala(demo_db)
        form.query_one("#year", Input).value = "2027"
        await pilot.pause()
        dates = form.query(".plan-date").results(Input)
        dates = list(dates)
        assert [d.value for d in dates] == ["2027-02-09", "2027-05-11", "2027-08-10", "2027-11-09"]
        dates[1].value = "2027-05-18"  # the coordinator adjusts one date
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
    created = list_meetings(demo_db, group_id=uppsala(demo_db), from_date=date(2027, 1, 1)).rows
    assert sorted(m.meeting_date for m in created) == [
        date(2027, 2, 9),
        date(2027, 5, 18),
        date(2027, 8, 10),
        date(2027, 11, 9),
    ]
    assert len(get_meeting(demo_db, created[0].id).items) == 7


async def test_new_meeting_then_build_agenda(demo_db):
    app = app_for(demo_db)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+n")
        await pilot.pause()
        form = app.screen
        form.query_one("#group_id", Select).value = uppsala(demo_db)
        form.query_one("#meeting_date", Input).value = "2027-03-02"
        form.query_one("#start_time", Input).value = "13.00"
        form.query_one("#end_time", Input).value = "14.00"
        form.query_one("#room", Input).value = "Sal Fyris"
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        workspace = app.screen
        assert type(workspace).__name__ == "MeetingScreen"
        table = workspace.query_one("#agenda-table", DataTable)
        assert table.row_count == 7
        assert str(table.get_row_at(0)[1]) == "13.00–13.05"
        # add a guest presentation of 40 minutes: the agenda now runs late
        await pilot.press("n")
        await pilot.pause()
        await pilot.press(*"Presentation av IPS")
        app.screen.query_one("#minutes_allotted", Input).value = "40"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert table.row_count == 8
        titles = [str(table.get_row_at(i)[2]) for i in range(8)]
        assert titles.index("Presentation av IPS") == titles.index("Övriga frågor") - 1
        warning = str(workspace.query_one("#meeting-warning").render())
        assert "drar över mötets sluttid med 50 minuter" in warning
        # move it up one step from the keyboard
        table.move_cursor(row=titles.index("Presentation av IPS"))
        await pilot.press("alt+up")
        await pilot.pause()
        assert str(table.get_row_at(3)[2]) == "Presentation av IPS"
        assert table.cursor_row == 3


async def test_accept_a_proposal_and_invite_a_guest(demo_db):
    meeting = list_meetings(demo_db, group_id=uppsala(demo_db), from_date=date(2026, 11, 24)).rows[
        0
    ]
    fk = next(
        c
        for c in points_checklist(demo_db, meeting.id)
        if c.organisation_name == "Försäkringskassan"
    )
    add_proposal(demo_db, meeting.id, "Förändrade handläggningstider", fk.organisation_id)
    app = app_for(demo_db)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        workspace = app.screen
        await pilot.press("]")  # Förslag
        await pilot.pause()
        assert workspace.active_tab == "tab-proposals"
        await tab_shown(pilot, workspace)
        await pilot.press("a")
        await pilot.pause()
        titles = [i.title for i in get_meeting(demo_db, meeting.id).items]
        assert "Förändrade handläggningstider" in titles
        await pilot.press("]")  # Gäster
        await pilot.pause()
        await tab_shown(pilot, workspace)
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        form.query_one("#name", Input).value = "Greta Gäst"
        form.query_one("#email", Input).value = "greta@ips.example.se"
        form.query_one("#topic", Input).value = "IPS i Uppsala"
        await pilot.press("ctrl+s")
        await pilot.pause()
        guests = workspace.query_one("#guests-table", DataTable)
        assert guests.row_count == 1
        await pilot.press("s")  # idea -> asked
        await pilot.pause()
        await pilot.press("s")  # asked -> confirmed
        await pilot.pause()
        assert list_guests(demo_db, meeting.id)[0].status == "confirmed"


async def test_export_notice_from_ui_and_outdated_after_move(demo_db, tmp_path):
    meeting = list_meetings(demo_db, group_id=uppsala(demo_db), from_date=date(2026, 11, 24)).rows[
        0
    ]
    app = app_for(demo_db)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        workspace = app.screen
        for _ in range(3):
            await pilot.press("]")
        await pilot.pause()
        assert workspace.active_tab == "tab-notice"
        await tab_shown(pilot, workspace)
        preview = workspace.query_one("#notice-preview").source
        assert preview.startswith("# Kallelse till LOKUS-möte – LOKUS Uppsala")
        await pilot.press("x")
        await pilot.pause()
        prompt = app.screen
        prompt.query_one("#prompt-input", Input).value = str(tmp_path / "kallelser")
        await pilot.press("enter")
        await pilot.pause()
        names = sorted(p.name for p in (tmp_path / "kallelser").iterdir())
        assert [n.rsplit(".", 1)[1] for n in names] == ["eml", "ics", "md"]
        assert (tmp_path / "kallelser" / names[2]).read_text() == preview
        assert type(app.screen).__name__ == "ConfirmDialog"  # "Skickar du kallelsen nu?"
        await pilot.press("j")  # yes: mark as sent today
        await pilot.pause()
        assert get_meeting(demo_db, meeting.id).status == "notice_sent"
        await pilot.press("[", "[", "[")  # back to Dagordning
        await pilot.pause()
        assert workspace.active_tab == "tab-agenda"
        await pilot.press("down", "alt+down")
        await pilot.pause()
        assert get_meeting(demo_db, meeting.id).notice_outdated
        assert "Kallelsen är inaktuell" in str(workspace.query_one("#meeting-warning").render())


async def test_edit_group_template_then_new_meeting_uses_it(demo_db):
    from textual.widgets import TextArea

    app = app_for(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+t")  # no group chosen yet: a hint, nothing opens
        await pilot.pause()
        assert type(app.screen).__name__ == "MeetingsScreen"
        app.screen.query_one("#meetings-group", Select).value = uppsala(demo_db)
        await pilot.pause()
        await pilot.press("ctrl+t")
        await pilot.pause()
        app.screen.query_one(
            "#titles", TextArea
        ).text = "Inledning\nUppföljning av åtgärder\nAvslut"
        await pilot.press("ctrl+s")
        await pilot.pause()
    from db.meeting_changes import create_meeting
    from db.records import MeetingInput

    mid = create_meeting(demo_db, MeetingInput(uppsala(demo_db), date(2027, 4, 6)))
    assert [i.title for i in get_meeting(demo_db, mid).items] == [
        "Inledning",
        "Uppföljning av åtgärder",
        "Avslut",
    ]


async def test_change_after_export_is_shown_even_if_not_marked_sent(demo_db, tmp_path):
    app = app_for(demo_db)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        workspace = app.screen
        for _ in range(3):
            await pilot.press("]")
        await tab_shown(pilot, workspace)
        await pilot.press("x")
        await pilot.pause()
        app.screen.query_one("#prompt-input", Input).value = str(tmp_path / "k")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("n")  # not sent yet
        await pilot.pause()
        assert "ändrats sedan" not in str(workspace.query_one("#meeting-warning").render())
        await pilot.press("[", "[", "[")
        await pilot.press("down", "alt+down")
        await pilot.pause()
        assert "Kallelsen har ändrats sedan den exporterades" in str(
            workspace.query_one("#meeting-warning").render()
        )


async def test_moten_filters_by_month_name_and_date(demo_db):
    """Typing "september" finds the September meetings ("augusti" found none, though there
    were), "sep 2026" those of one year, an ISO month or day its meetings, and a group
    word still narrows."""
    from datetime import date

    from db.meetings import list_meetings
    from lokus_tui.app import make_app

    every = list_meetings(demo_db, limit=10_000).rows
    august = [m for m in every if m.meeting_date.month == 9]
    assert august, "the demo has September meetings"
    app = make_app(demo_db.path, database=demo_db, start_section="meetings")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        field = screen.query_one("#meetings-filter")

        async def shown_for(text):
            field.value = text
            await pilot.pause()  # (the list is read again as the filter changes)
            return screen.table.total

        assert await shown_for("september") == len(august)
        year = august[0].meeting_date.year
        assert await shown_for(f"sep {year}") == len(
            [m for m in august if m.meeting_date.year == year]
        )
        day = august[0].meeting_date
        assert await shown_for(day.isoformat()) == len([m for m in every if m.meeting_date == day])
        assert await shown_for(day.isoformat()[:7]) == len(
            [m for m in every if m.meeting_date.strftime("%Y-%m") == day.isoformat()[:7]]
        )
        heby = [m for m in august if "Heby" in m.group_name]
        assert await shown_for("heby september") == len(heby)
        assert await shown_for("2026-13") == 0  # no such month: nothing, no error
        assert isinstance(day, date)


async def test_a_changed_template_reaches_the_planned_meetings_when_asked(demo_db):
    """A new point in the template: the planned meetings of the group (kallelse not
    sent) get it in its place when the coordinator says yes; a meeting whose kallelse
    went out and the meetings already held keep their agendas."""
    from textual.widgets import TextArea

    from db.group_template import agenda_template
    from db.meeting_changes import create_meeting
    from db.meetings import list_meetings
    from db.notice import mark_notice_sent
    from db.records import MeetingInput

    group = uppsala(demo_db)
    planned = create_meeting(demo_db, MeetingInput(group, TODAY + timedelta(days=120)))
    sent = create_meeting(demo_db, MeetingInput(group, TODAY + timedelta(days=150)))
    mark_notice_sent(demo_db, sent, get_meeting(demo_db, sent).version)
    held = [
        m.id
        for m in list_meetings(demo_db, group_id=group, limit=500).rows
        if m.meeting_date < TODAY
    ]
    before = {mid: [i.title for i in get_meeting(demo_db, mid).items] for mid in [sent, *held]}
    titles = list(agenda_template(demo_db, group).titles)
    at = titles.index("Uppföljning av åtgärder") + 1
    wanted = [*titles[:at], "Studiebesök", *titles[at:]]
    app = app_for(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.screen.query_one("#meetings-group", Select).value = group
        await pilot.pause()
        await pilot.press("ctrl+t")
        await pilot.pause()
        app.screen.query_one("#titles", TextArea).text = "\n".join(wanted)
        await pilot.press("ctrl+s")
        await pilot.pause()
        question = str(app.screen.query_one("#confirm-question").render())
        assert "saknar punkter ur mallen" in question
        await pilot.press("j")
        await pilot.pause()
    after = [i.title for i in get_meeting(demo_db, planned).items]
    assert after == wanted  # the new point in its place, the others as they were
    for mid, titles_before in before.items():
        assert [i.title for i in get_meeting(demo_db, mid).items] == titles_before


async def test_a_section_reads_its_list_once_when_shown_and_again_on_return(demo_db, monkeypatch):
    """Möten, Insatser and Kontakter read their first page once when first shown (it was
    three times: on mount and at each of Textual's two resumes), and again, keeping the
    row, when shown after a meeting or another section."""
    import screens.meetings

    reads = []
    real = screens.meetings.list_meetings
    monkeypatch.setattr(
        screens.meetings, "list_meetings", lambda *a, **k: reads.append(1) or real(*a, **k)
    )
    app = make_app(demo_db.path, database=demo_db, start_section="meetings")
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: type(app.screen).__name__ == "MeetingsScreen", what="Möten")
        await timers_due(pilot, 0.1)
        first_show = len(reads)
        table = app.screen.query_one("#meetings-table")
        await pilot.press("down", "down")
        row = table.cursor_row
        await pilot.press("enter")
        await until(pilot, lambda: type(app.screen).__name__ == "MeetingScreen", what="mötet")
        await pilot.press("escape")
        await until(pilot, lambda: type(app.screen).__name__ == "MeetingsScreen", what="Möten")
        await timers_due(pilot, 0.1)
        after_return = len(reads) - first_show
        assert app.screen.query_one("#meetings-table").cursor_row == row
    assert (first_show, after_return) == (1, 1)


@pytest.mark.parametrize("presses", [1, 2])
async def test_tabs_chosen_as_the_meeting_opens_are_shown(demo_db, monkeypatch, presses):
    """ctrl+pagedown typed the moment the meeting is there (right after it mounted):
    the chosen tab is shown, focused and its pane built. The open's first focus, in
    the agenda, arrived after the key and took the tab back; and focusing the next
    tab's pane before it was built stopped lokus with an unexpected error."""
    from textual import events

    from screens.meeting.screen import MeetingScreen

    mounted = MeetingScreen.on_mount

    def on_mount_then_keys(screen) -> None:
        mounted(screen)
        for _ in range(presses):  # arrive before the open's own messages are handled
            screen.app.post_message(events.Key("ctrl+pagedown", None))

    monkeypatch.setattr(MeetingScreen, "on_mount", on_mount_then_keys)
    app = make_app(demo_db.path, database=demo_db, start_section="meetings")
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: type(app.screen).__name__ == "MeetingsScreen", what="Möten")
        await pilot.press("enter")
        await until(pilot, lambda: type(app.screen).__name__ == "MeetingScreen", what="mötet")
        screen = app.screen
        wanted = ("tab-proposals", "tab-guests")[presses - 1]
        await until(pilot, lambda: screen.active_tab == wanted, seconds=3, what=wanted)
        await tab_shown(pilot, screen)
        await timers_due(pilot, 0.3)  # (focus and late messages have arrived)
        assert screen.active_tab == wanted
        assert screen.focused is not None and screen.active_pane in screen.focused.ancestors
        assert app.is_running and app.exit_message == ""


async def test_a_new_meeting_is_the_chosen_row_on_return_and_a_cancelled_form_moves_nothing(
    demo_db,
):
    app = app_for(demo_db)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        meetings = app.screen
        await pilot.press("down", "down", "down")
        chosen = meetings.table.current_record
        await through_form(pilot, meetings, close="escape")
        await pilot.pause()
        assert meetings.table.current_record.id == chosen.id
        await pilot.press("ctrl+n")
        await until(pilot, lambda: app.screen is not meetings)
        form = app.screen
        form.query_one("#group_id", Select).value = uppsala(demo_db)
        form.query_one("#meeting_date", Input).value = "2027-09-14"
        form.query_one("#start_time", Input).value = "09.00"
        form.query_one("#end_time", Input).value = "11.00"
        await pilot.pause()
        await pilot.press("ctrl+s")
        await until(pilot, lambda: type(app.screen).__name__ == "MeetingScreen")
        new_id = app.screen.meeting_id
        await pilot.press("escape")
        await until(pilot, lambda: app.screen is meetings)
        await pilot.pause()
        assert meetings.table.current_record.id == new_id
        assert meetings.table.cursor_row not in (0, 3)


@pytest.mark.parametrize(
    "keys",
    [
        ["ctrl+pagedown", "ctrl+pagedown"],  # before the tabs exist
        ["ctrl+pagedown", "escape"],  # leaving while the chosen tab's pane is built
        ["ctrl+pageup", "c", "escape", "h", "o", "v", "escape", "x", "escape"],
    ],
)
async def test_keys_typed_as_a_meeting_opens_never_stop_lokus(demo_db, monkeypatch, keys):
    """Keys are handled while the meeting screen is built and taken down: typed right
    after Enter (here posted the moment the screen is pushed, before it is built),
    they stopped lokus with "ett oväntat fel" (no tab active yet; a pane or the header
    read after its screen had gone). Found by a fault probe; each stopped it in
    2-10 of 10 runs."""
    from textual import events

    from screens.meeting.screen import MeetingScreen

    pushed = type(make_app(demo_db.path, database=demo_db)).push_screen

    def push_then_keys(app, screen, *args, **kwargs):
        result = pushed(app, screen, *args, **kwargs)
        if isinstance(screen, MeetingScreen):
            for key in keys:
                app.post_message(events.Key(key, key if len(key) == 1 else None))
        return result

    monkeypatch.setattr(
        type(make_app(demo_db.path, database=demo_db)), "push_screen", push_then_keys
    )
    app = make_app(demo_db.path, database=demo_db, start_section="meetings")
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: type(app.screen).__name__ == "MeetingsScreen", what="Möten")
        await pilot.press("enter")
        await timers_due(pilot, 0.5)
        assert app.is_running and "oväntat" not in (app.exit_message or "")
    assert app.return_code in (0, None)
