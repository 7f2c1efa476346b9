"""The kallelse exports, parsed back the way a mail client or viewer would."""

import email
from datetime import UTC, date, datetime, time
from email import policy

import pytest
from icalendar import Calendar
from markdown_it import MarkdownIt

from db.agenda import add_agenda_item
from db.groups import group_options
from db.guests import get_guest, invite_guest, set_guest_status
from db.meeting_changes import create_meeting
from db.meetings import get_meeting
from db.notice import mark_notice_sent, notice_data
from db.records import AgendaItemInput, MeetingInput, PersonInput
from exports.files import write_new_file
from exports.notice import notice_markdown, notice_subject
from exports.notice_calendar import notice_ics
from exports.notice_files import notice_eml, write_notice

HOSTILE = "# Rubrik * lista _kursiv_ [länk](http://x) <b>fet</b> | pipe `kod` 1. ett"
MD = MarkdownIt("commonmark").enable("table")
NOW = datetime(2027, 1, 20, 12, 0, tzinfo=UTC)


@pytest.fixture
def meeting(demo_db):
    group = next(g.id for g in group_options(demo_db) if g.label == "LOKUS Uppsala")
    mid = create_meeting(
        demo_db,
        MeetingInput(
            group,
            date(2027, 3, 2),
            start_time=time(13),
            end_time=time(15),
            room="Sal Fyris",
            address="Stationsgatan 12, Uppsala",
            link="https://meet.example.se/lokus",
        ),
    )
    item = add_agenda_item(
        demo_db,
        mid,
        AgendaItemInput(
            HOSTILE,
            description=HOSTILE + "\n- ny rad",
            prep_notes="Läs " + HOSTILE,
            presenter_text=HOSTILE,
            minutes_allotted=20,
            attachments="https://x.example.se/a.pdf",
        ),
        position=4,
    )
    gid = invite_guest(
        demo_db,
        mid,
        "IPS",
        new_person=PersonInput("Gösta Gäst", email="gosta@ips.example.se"),
        agenda_item_id=item,
    )
    set_guest_status(demo_db, gid, "confirmed", get_guest(demo_db, gid).version)
    return demo_db, mid


def tokens(markdown: str) -> list[str]:
    return [t.type for t in MD.parse(markdown)]


def test_markdown_structure_and_escaping(meeting):
    db, mid = meeting
    text = notice_markdown(notice_data(db, mid))
    toks = MD.parse(text)
    headings = [toks[i + 1].content for i, t in enumerate(toks) if t.type == "heading_open"]
    assert headings[0] == "Kallelse till LOKUS-möte – LOKUS Uppsala"
    assert "Dagordning" in headings and "Anmäl förhinder" in headings
    assert [t.type for t in toks].count("table_open") == 1
    rows = [t for t in toks if t.type == "tr_open"]
    assert len(rows) == 1 + 8  # header + 8 agenda items
    cells_per_row = []
    count = 0
    for t in toks:
        if t.type == "tr_open":
            count = 0
        elif t.type in ("td_open", "th_open"):
            count += 1
        elif t.type == "tr_close":
            cells_per_row.append(count)
    assert set(cells_per_row) == {4}
    html = MD.render(text)
    assert "<b>" not in html and "<em>" not in html
    # the only links are the ones lokus makes: the meeting link, the attachment
    # address and the coordinator's e-mail — never one from the typed text
    import re

    links = set(re.findall(r'<a href="([^"]*)"', html))
    coordinator = notice_data(db, mid).coordinator
    assert coordinator is not None
    assert links == {
        "https://meet.example.se/lokus",
        "https://x.example.se/a.pdf",
        f"mailto:{coordinator.email}",
    }
    assert "<code>" not in html
    assert "&lt;b&gt;fet&lt;/b&gt;" in html
    assert "13.00–13.05" in text
    assert "tisdag 2 mars 2027, kl. 13.00–15.00" in text
    assert "Gösta Gäst" in text


def test_ics_is_a_meeting_request(meeting):
    db, mid = meeting
    cal = Calendar.from_ical(notice_ics(notice_data(db, mid), NOW))
    assert str(cal["METHOD"]) == "REQUEST"
    tz = cal.walk("VTIMEZONE")[0]
    assert str(tz["TZID"]) == "Europe/Stockholm"
    event = cal.walk("VEVENT")[0]
    assert event["SEQUENCE"] == 0
    uid = str(event["UID"])
    assert event["DTSTART"].dt == datetime(2027, 3, 2, 13, 0, tzinfo=event["DTSTART"].dt.tzinfo)
    assert event["DTSTART"].params["TZID"] == "Europe/Stockholm"
    assert event["DTSTART"].dt.utcoffset().total_seconds() == 3600
    assert str(event["URL"]) == "https://meet.example.se/lokus"
    assert "Sal Fyris" in str(event["LOCATION"])
    attendees = [str(a) for a in event.get("ATTENDEE")]
    assert "mailto:gosta@ips.example.se" in attendees
    assert len(attendees) >= 6
    assert str(event["ORGANIZER"]).startswith("mailto:")
    for a in event.get("ATTENDEE"):  # the organiser is never asked to reply to herself
        if str(a) == str(event["ORGANIZER"]):
            assert a.params["PARTSTAT"] == "ACCEPTED" and "RSVP" not in a.params
    assert "Dagordning" in str(event["DESCRIPTION"])
    # the same meeting re-sent after a change: same UID, higher SEQUENCE
    mark_notice_sent(db, mid, get_meeting(db, mid).version, date(2027, 2, 16))
    add_agenda_item(db, mid, AgendaItemInput("Extra punkt"))
    data = notice_data(db, mid)
    again = Calendar.from_ical(notice_ics(data, NOW)).walk("VEVENT")[0]
    assert str(again["UID"]) == uid and again["SEQUENCE"] == 1
    assert notice_subject(data).startswith("Uppdaterad kallelse till LOKUS-möte LOKUS Uppsala")


def test_eml_is_a_ready_draft(meeting):
    db, mid = meeting
    data = notice_data(db, mid)
    msg = email.message_from_bytes(notice_eml(data, NOW), policy=policy.default)
    assert msg["Subject"] == "Kallelse till LOKUS-möte LOKUS Uppsala 2 mars 2027"
    to = msg["To"].addresses
    assert {a.addr_spec for a in to} == {m.email for m in data.members}
    assert msg["X-Unsent"] == "1"
    plain = msg.get_body(("plain",)).get_content()
    html = msg.get_body(("html",)).get_content()
    assert "Dagordning\n----------" in plain
    assert '<table border="1"' in html and "&lt;b&gt;fet&lt;/b&gt;" in html
    attachments = list(msg.iter_attachments())
    assert [a.get_content_type() for a in attachments] == ["application/ics", "application/pdf"]
    invitation = next(p for p in msg.walk() if p.get_content_type() == "text/calendar")
    assert invitation.get_param("method") == "REQUEST"
    assert Calendar.from_ical(invitation.get_content()).walk("VEVENT")[0]["UID"]


def test_files_are_never_overwritten(meeting, tmp_path):
    db, mid = meeting
    data = notice_data(db, mid)
    out = tmp_path / "ut"
    first = write_notice(data, out)
    second = write_notice(data, out, formats=("md",))
    assert first[0][1].name == "kallelse-lokus-uppsala-2027-03-02.md"
    assert second[0][1].name == "kallelse-lokus-uppsala-2027-03-02-2.md"
    assert sorted(p.name for p in out.iterdir()) == [
        "kallelse-lokus-uppsala-2027-03-02-2.md",
        "kallelse-lokus-uppsala-2027-03-02.eml",
        "kallelse-lokus-uppsala-2027-03-02.ics",
        "kallelse-lokus-uppsala-2027-03-02.md",
    ]


def test_unwritable_folder_gives_message_and_leaves_nothing(tmp_path):
    from db.errors import LokusError

    blocker = tmp_path / "fil"
    blocker.write_text("x")
    with pytest.raises(LokusError) as info:
        write_new_file(blocker / "under", "a.md", "text")
    assert "kan inte skapas" in str(info.value)
    locked = tmp_path / "låst"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        import os

        if os.geteuid() != 0:  # root ignores permissions
            with pytest.raises(LokusError):
                write_new_file(locked, "a.md", "text")
            assert list(locked.iterdir()) == []
    finally:
        locked.chmod(0o700)


def test_table_separators_give_pandoc_the_column_widths(meeting):
    """Each column's dashes match its longest cell; the row is longer than pandoc's
    72 columns, so pandoc sizes the columns by them instead of making them equal."""
    db, mid = meeting
    text = notice_markdown(notice_data(db, mid))
    lines = [line for line in text.splitlines() if line.startswith("|")]
    rule = lines[1]
    assert set(rule) <= {"|", "-"} and len(rule) > 72
    dashes = [len(d) for d in rule.strip("|").split("|")]
    cells = [[c.strip() for c in line.strip("|").split(" | ")] for line in lines[2:]]
    longest = [max(len(row[i]) for row in cells) for i in range(4)]
    assert dashes == [max(3, n) + 2 for n in longest]
    # a small table is stretched to 73 characters, each column in proportion
    from exports.markdown import table

    small = table(["Nr", "Tid", "Punkt"], [["1", "13.00–13.10", "Mötets öppnande"]])
    rule = small.splitlines()[1]
    assert len(rule) > 72
    dashes = [len(d) for d in rule.strip("|").split("|")]
    assert dashes[0] < dashes[1] < dashes[2]
