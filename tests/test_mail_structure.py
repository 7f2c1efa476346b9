"""Every e-mail draft, parsed strictly the way a mail program reads it: the parts where
Outlook and Thunderbird look for them, every text part in UTF-8, a plain-text part a
person can read (no Markdown), an HTML part with working links, the meeting request
inside the alternative, the documents attached, and a Date in Swedish time."""

import re
from datetime import UTC, date, datetime, time
from email import message_from_bytes, policy
from email.utils import parsedate_to_datetime

import pytest
from icalendar import Calendar

from db.agenda import add_agenda_item
from db.groups import group_options
from db.guests import get_guest, invite_guest, list_guests, set_guest_status
from db.meeting_changes import create_meeting
from db.notice import notice_data
from db.records import AgendaItemInput, MeetingInput, PersonInput
from exports.invitation import invitation_eml
from exports.minutes import minutes_eml
from exports.notice import notice_markdown
from exports.notice_files import notice_eml
from lokus_tui.documents import minutes_document

TEAMS = (
    "https://teams.microsoft.com/l/meetup-join/19%3ameeting_NjA1ZmQ4%40thread.v2/0"
    "?context=%7b%22Tid%22%3a%2272f9%22%7d&btype=a&role=a"
)
WINTER = datetime(2027, 1, 20, 12, 0, tzinfo=UTC)
SUMMER = datetime(2027, 6, 20, 12, 0, tzinfo=UTC)
# What Markdown looks like in a text that was not rendered
MARKDOWN = re.compile(
    r"^#{1,6} |\*\*|^\s*[-*+] |^\|.*\||\|[-:]{3,}|\\[\\`*_{}\[\]()#+\-.!&|<>~]|<https?:|\]\("
    r"|^\s*>",
    re.MULTILINE,
)


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
            link=TEAMS,
        ),
    )
    add_agenda_item(
        demo_db,
        mid,
        AgendaItemInput(
            "Rapport_Q3 (prel.) & prognos",
            description="1. Utfall\n*inte* fet",
            presenter_text="Anna_B",
            minutes_allotted=20,
            attachments="https://x.example.se/rapport_q3.pdf",
        ),
        position=4,
    )
    gid = invite_guest(
        demo_db,
        mid,
        "IPS",
        new_person=PersonInput("Gösta Gäst", email="gosta_g@ips.example.se"),
    )
    set_guest_status(demo_db, gid, "confirmed", get_guest(demo_db, gid).version)
    return demo_db, mid


def parts(raw: bytes):
    """The message parsed with the strict policy (any defect raises)."""
    msg = message_from_bytes(raw, policy=policy.strict)
    return msg, list(msg.walk())


def check_text_parts(msg) -> None:
    for part in msg.walk():
        if part.get_content_maintype() == "text":
            assert part.get_content_charset() == "utf-8", part.get_content_type()
            part.get_content()  # decodes without replacement characters
            assert "\ufffd" not in part.get_content()


def check_plain(plain: str) -> None:
    found = MARKDOWN.findall(plain)
    assert not found, f"Markdown in the plain text: {found}"


def test_kallelse_is_an_alternative_with_the_meeting_request_inside(meeting):
    db, mid = meeting
    msg, walked = parts(notice_eml(notice_data(db, mid), WINTER))
    check_text_parts(msg)
    assert msg.get_content_type() == "multipart/mixed"
    alternative, *attachments = msg.iter_parts()
    assert alternative.get_content_type() == "multipart/alternative"
    inner = [p.get_content_type() for p in alternative.iter_parts()]
    assert inner == ["text/plain", "text/html", "text/calendar"]
    calendar = list(alternative.iter_parts())[2]
    assert calendar.get_param("method") == "REQUEST"
    assert calendar.get_content_disposition() is None  # shown, not a file
    event = Calendar.from_ical(calendar.get_content()).walk("VEVENT")[0]
    assert "SUMMARY:LOKUS-möte LOKUS Uppsala" in calendar.get_content()
    assert str(event["URL"]) == TEAMS
    assert [(a.get_content_type(), a.get_filename()) for a in attachments] == [
        ("application/ics", "kallelse-lokus-uppsala-2027-03-02.ics"),
        ("application/pdf", "kallelse-lokus-uppsala-2027-03-02.pdf"),
    ]
    assert attachments[1].get_content().startswith(b"%PDF")
    plain = alternative.get_body(("plain",)).get_content()
    check_plain(plain)
    assert MARKDOWN.search(notice_markdown(notice_data(db, mid)))  # the check can see Markdown
    assert "Rapport_Q3 (prel.) & prognos" in plain and "Anna_B" in plain
    assert TEAMS in plain  # the address whole, as written
    assert "Dagordning\n----------" in plain
    html = alternative.get_body(("html",)).get_content()
    assert f'<a href="{TEAMS.replace("&", "&amp;")}">' in html
    assert '<table border="1"' in html and "border:1px solid" in html
    assert 'href="https://x.example.se/rapport_q3.pdf"' in html
    coordinator = notice_data(db, mid).coordinator
    assert coordinator is not None
    assert f'href="mailto:{coordinator.email}"' in html


def test_date_header_has_the_stockholm_offset(meeting):
    db, mid = meeting
    data = notice_data(db, mid)
    for now, hours in ((WINTER, 1), (SUMMER, 2)):
        msg, _ = parts(notice_eml(data, now))
        sent = parsedate_to_datetime(str(msg["Date"]))
        assert sent == now
        offset = sent.utcoffset()
        assert offset is not None and offset.total_seconds() == hours * 3600
        assert str(msg["Date"]).endswith(f"+0{hours}00")


def test_minutes_draft_carries_the_pdf_and_no_markdown_in_the_text(meeting, demo_db):
    held = next(
        m
        for m in range(1, 200)
        if _minutes_with_actions(demo_db, m)  # a meeting of the demo with minutes
    )
    data, markdown = minutes_document(demo_db, held)
    for document, mime in (
        ("pdf", "application/pdf"),
        ("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    ):
        msg, _ = parts(minutes_eml(data, WINTER, markdown=markdown, document=document))
        check_text_parts(msg)
        alternative, *attachments = msg.iter_parts()
        assert [p.get_content_type() for p in alternative.iter_parts()] == [
            "text/plain",
            "text/html",
        ]
        assert [a.get_content_type() for a in attachments] == [mime]
        plain = alternative.get_body(("plain",)).get_content()
        check_plain(plain)
        assert "Vid anteckningarna:" in plain and "Justeras:" in plain
        # a mail window shows 72–80 columns and wraps a longer line, which would break
        # a table's rows apart: a table too wide becomes one entry a row
        summary = plain.split("Sammanställning av åtgärder")[1].split("Vid anteckningarna")[0]
        assert max(len(line) for line in summary.splitlines()) <= 72
        for action in data.actions:
            assert f"• {action.text}" in summary or len(action.text) > 60


def _minutes_with_actions(db, meeting_id: int) -> bool:
    from db.errors import LokusError

    try:
        data, _ = minutes_document(db, meeting_id)
    except LokusError:
        return False
    return bool(data.actions) and bool(data.participants)


def test_guest_invitation_is_plain_text_html_and_pdf(meeting):
    db, mid = meeting
    guest = list_guests(db, mid)[0]
    msg, _ = parts(invitation_eml(notice_data(db, mid), guest, WINTER))
    check_text_parts(msg)
    assert [a.addr_spec for a in msg["To"].addresses] == ["gosta_g@ips.example.se"]
    alternative, pdf = msg.iter_parts()
    plain = alternative.get_body(("plain",)).get_content()
    check_plain(plain)
    assert TEAMS in plain
    assert pdf.get_content_type() == "application/pdf"


@pytest.mark.parametrize("document", ["pdf", "docx"])
def test_the_minutes_mail_carries_the_very_file_written_beside_it(demo_db, tmp_path, document):
    """Exported with Word or PDF: the attachment is the file in the folder, byte for byte
    (one document, made once), not a second rendering that could read differently."""
    from lokus_tui.documents import export_minutes

    held = next(m for m in range(1, 200) if _minutes_with_actions(demo_db, m))
    paths = {p.suffix: p for p in export_minutes(demo_db, held, tmp_path, ("md", "eml", document))}
    msg = message_from_bytes(paths[".eml"].read_bytes(), policy=policy.default)
    (attached,) = msg.iter_attachments()
    assert attached.get_filename() == paths[f".{document}"].name
    assert attached.get_content() == paths[f".{document}"].read_bytes()
