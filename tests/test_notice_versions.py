"""Kallelse bookkeeping: the subject, the "Uppdaterad" line and SEQUENCE agree on every
export, and marking a kallelse sent never makes it look changed."""

from datetime import time, timedelta
from email import message_from_bytes, policy

from icalendar import Calendar

from db.groups import group_options
from db.meeting_changes import create_meeting, update_meeting
from db.meetings import get_meeting
from db.notice import last_export, mark_notice_sent, notice_data
from db.records import MeetingInput
from exports.notice import notice_markdown
from lokus_tui.documents import export_notice
from tests.conftest import TODAY


def exported(folder):
    files = {p.suffix: p for p in folder.iterdir()}
    ics = Calendar.from_ical(files[".ics"].read_bytes())
    event = next(c for c in ics.walk() if c.name == "VEVENT")
    mail = message_from_bytes(files[".eml"].read_bytes(), policy=policy.default)
    return int(event["SEQUENCE"]), str(mail["Subject"]), files[".md"].read_text()


def test_update_exports_agree_and_marking_sent_changes_nothing(demo_db, tmp_path):
    group = next(g.id for g in group_options(demo_db) if g.label == "LOKUS Uppsala")
    mid = create_meeting(
        demo_db,
        MeetingInput(
            group,
            TODAY + timedelta(days=30),
            start_time=time(13),
            end_time=time(15),
            room="Sal Fyris",
        ),
    )
    seq, subject, md = exported_after(demo_db, mid, tmp_path / "1")
    assert (seq, subject.startswith("Kallelse"), "Uppdaterad" in md) == (0, True, False)
    mark_notice_sent(demo_db, mid, get_meeting(demo_db, mid).version)
    assert not changed_since_export(demo_db, mid)
    m = get_meeting(demo_db, mid)
    update_meeting(
        demo_db, mid, MeetingInput(**{**m.data.__dict__, "room": "Rum Linné"}), m.version
    )
    assert get_meeting(demo_db, mid).notice_outdated
    for n in range(2, 5):  # the update, exported again and again: always the same
        seq, subject, md = exported_after(demo_db, mid, tmp_path / str(n))
        assert (
            seq,
            subject.startswith("Uppdaterad kallelse"),
            "**Uppdaterad kallelse**" in md,
        ) == (1, True, True)
        if n == 3:
            mark_notice_sent(demo_db, mid, get_meeting(demo_db, mid).version)
            assert not get_meeting(demo_db, mid).notice_outdated
            assert not changed_since_export(demo_db, mid)  # no false "changed since export"


def exported_after(db, mid, folder):
    folder.mkdir()
    export_notice(db, mid, folder)
    return exported(folder)


def changed_since_export(db, mid) -> bool:
    last = last_export(db, mid, "notice", "md")
    return last is not None and last[0] != notice_markdown(notice_data(db, mid))


def meeting_in(db, **changes) -> int:
    group = next(g.id for g in group_options(db) if g.label == "LOKUS Uppsala")
    fields = {"start_time": time(13), "end_time": time(15), "room": "Sal Fyris"} | changes
    return create_meeting(db, MeetingInput(group, TODAY + timedelta(days=30), **fields))


def test_cli_markera_skickad_makes_the_next_export_after_a_change_an_update(
    demo_db, tmp_path, capsys
):
    from lokus_tui.cli import main

    mid = meeting_in(demo_db)
    db_file = str(demo_db.path)
    first = tmp_path / "första"
    assert (
        main(
            ["export", "kallelse", str(mid), "--db", db_file, "-o", str(first), "--markera-skickad"]
        )
        == 0
    )
    assert "markerad som skickad" in capsys.readouterr().err
    assert get_meeting(demo_db, mid).notice_sequence == 1
    m = get_meeting(demo_db, mid)
    update_meeting(
        demo_db,
        mid,
        MeetingInput(**{**m.data.__dict__, "start_time": time(9), "end_time": time(11)}),
        m.version,
    )
    second = tmp_path / "andra"
    assert main(["export", "kallelse", str(mid), "--db", db_file, "-o", str(second)]) == 0
    seq, subject, md = exported(second)
    assert seq == 1 and subject.startswith("Uppdaterad kallelse")
    assert "* Ny tid: 09.00–11.00 (tidigare 13.00–15.00)" in md
    assert "Ny plats" not in md
    # marked sent, the same update exported again still says what changed since the first
    mark_notice_sent(demo_db, mid, get_meeting(demo_db, mid).version)
    third = tmp_path / "tredje"
    assert main(["export", "kallelse", str(mid), "--db", db_file, "-o", str(third)]) == 0
    assert exported(third) == (seq, subject, md)


def test_cli_refuses_markera_skickad_for_minutes(demo_db, capsys):
    from lokus_tui.cli import main

    assert (
        main(["export", "minnesanteckningar", "1", "--db", str(demo_db.path), "--markera-skickad"])
        == 2
    )
    assert "--markera-skickad" in capsys.readouterr().err


def test_cancellation_is_its_own_document_and_a_cancel_with_a_higher_sequence(demo_db, tmp_path):
    from db.meeting_changes import cancel_meeting

    mid = meeting_in(demo_db)
    export_notice(demo_db, mid, tmp_path / "1")
    mark_notice_sent(demo_db, mid, get_meeting(demo_db, mid).version)
    cancel_meeting(demo_db, mid, "Ordföranden är sjuk", get_meeting(demo_db, mid).version)
    folder = tmp_path / "2"
    export_notice(demo_db, mid, folder)
    files = {p.suffix: p for p in folder.iterdir()}
    md = files[".md"].read_text()
    assert md.startswith("# Inställt: LOKUS-möte – LOKUS Uppsala")
    assert "**Orsak:** Ordföranden är sjuk" in md
    for absent in ("Dagordning", "Välkomna", "Kallelse till", "skicka gärna en ersättare"):
        assert absent not in md
    cal = Calendar.from_ical(files[".ics"].read_bytes())
    assert str(cal["METHOD"]) == "CANCEL"
    event = next(c for c in cal.walk() if c.name == "VEVENT")
    assert int(event["SEQUENCE"]) == 1 and str(event["STATUS"]) == "CANCELLED"
    for attendee in event.get("ATTENDEE"):
        assert "RSVP" not in attendee.params
    mail = message_from_bytes(files[".eml"].read_bytes(), policy=policy.strict)
    assert str(mail["Subject"]).startswith("Inställt: LOKUS-möte LOKUS Uppsala")
    request = next(p for p in mail.walk() if p.get_content_type() == "text/calendar")
    assert request.get_param("method") == "CANCEL"
    assert "Ordföranden är sjuk" in mail.get_body(("plain",)).get_content()


def test_calendar_roles_and_a_default_end(demo_db):
    from db.contacts import create_person
    from db.groups import set_member
    from db.records import PersonInput
    from exports.notice_calendar import notice_ics

    group = next(g.id for g in group_options(demo_db) if g.label == "LOKUS Uppsala")
    substitute = create_person(demo_db, PersonInput("Ersa Ersättare", email="ersa@example.se"))
    set_member(demo_db, group, substitute, "substitute", None)
    mid = meeting_in(demo_db, end_time=None)
    data = notice_data(demo_db, mid)
    event = next(c for c in Calendar.from_ical(notice_ics(data)).walk() if c.name == "VEVENT")
    roles = {str(a).removeprefix("mailto:"): a.params["ROLE"] for a in event.get("ATTENDEE")}
    chair = next(m for m in data.members if m.person_id == data.chair_id)
    assert roles[chair.email] == "CHAIR"
    assert roles["ersa@example.se"] == "OPT-PARTICIPANT"
    assert list(roles.values()).count("CHAIR") == 1
    assert data.coordinator is not None
    organizer = str(event["ORGANIZER"]).removeprefix("mailto:")
    assert organizer == data.coordinator.email
    start, end = event.decoded("DTSTART"), event.decoded("DTEND")
    assert (end - start) == timedelta(minutes=data.usual_minutes) == timedelta(hours=2)


def test_guest_invitation_files_are_all_in_the_history(demo_db, tmp_path):
    from db.guests import get_guest, invite_guest, list_guests, set_guest_status
    from db.records import PersonInput
    from db.review import list_exports
    from lokus_tui.documents import export_invitation

    mid = meeting_in(demo_db)
    gid = invite_guest(
        demo_db, mid, "IPS", new_person=PersonInput("Gösta Gäst", email="gosta@ips.example.se")
    )
    set_guest_status(demo_db, gid, "asked", get_guest(demo_db, gid).version)
    guest = list_guests(demo_db, mid)[0]
    paths = export_invitation(demo_db, mid, guest, tmp_path, formats=("md", "eml", "pdf"))
    assert sorted(p.suffix for p in paths) == [".eml", ".md", ".pdf"]
    history = [(doc, variant, fmt) for _id, doc, variant, fmt, _at in list_exports(demo_db, mid)]
    assert sorted(history) == [
        ("invitation", "Gösta Gäst", "eml"),
        ("invitation", "Gösta Gäst", "md"),
    ]


async def test_a_guest_invitation_is_flagged_when_the_meeting_changes(demo_db, tmp_path):
    """The guest got an invitation for 13.00; the meeting moves to 09.00: the Gäster tab
    says a new invitation is needed, until one is exported."""
    from db.guests import invite_guest, list_guests
    from db.records import PersonInput
    from lokus_tui.app import make_app
    from lokus_tui.commands import open_meeting
    from lokus_tui.documents import export_invitation, invitations_changed_since_export
    from tests.test_tui_every_screen import open_tab
    from tests.waiting import until

    mid = meeting_in(demo_db)
    invite_guest(
        demo_db, mid, "IPS", new_person=PersonInput("Gösta Gäst", email="gosta@ips.example.se")
    )
    other = invite_guest(
        demo_db, mid, "Arbetsträning", new_person=PersonInput("Greta Gäst", email="g@ex.se")
    )
    gosta = next(g for g in list_guests(demo_db, mid) if g.name == "Gösta Gäst")
    export_invitation(demo_db, mid, gosta, tmp_path / "1")
    assert invitations_changed_since_export(demo_db, mid, list_guests(demo_db, mid)) == set()
    m = get_meeting(demo_db, mid)
    update_meeting(
        demo_db,
        mid,
        MeetingInput(**{**m.data.__dict__, "start_time": time(9), "end_time": time(11)}),
        m.version,
    )
    guests = list_guests(demo_db, mid)
    assert invitations_changed_since_export(demo_db, mid, guests) == {gosta.id}  # not Greta's
    assert other not in invitations_changed_since_export(demo_db, mid, guests)
    app = make_app(demo_db.path, database=demo_db, start_section="meetings")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await open_meeting(app, mid)
        await until(
            pilot,
            lambda: (
                type(app.screen).__name__ == "MeetingScreen"
                and getattr(app.screen, "detail", None) is not None
                and app.screen.active_tab
            ),
            what="the meeting",
        )
        await open_tab(pilot, app.screen, "tab-guests")
        summary = str(app.screen.query_one("#guests-summary").render())
        assert "Inbjudan har ändrats sedan den exporterades (Gösta Gäst)" in summary
        table = app.screen.query_one("#guests-table")
        rows = [[str(c) for c in table.get_row_at(r)] for r in range(table.row_count)]
        assert [r for r in rows if "NY INBJUDAN (x)" in r][0][0] == "Gösta Gäst"
    export_invitation(demo_db, mid, gosta, tmp_path / "2")
    assert invitations_changed_since_export(demo_db, mid, list_guests(demo_db, mid)) == set()
