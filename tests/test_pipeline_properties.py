"""Whatever text the validators accept, in any field, goes through the whole pipeline:
validation, the database, the kallelse as Markdown, .ics and .eml, the minutes as
Markdown and .eml, each e-mail with the document attached as PDF or as Word (drawn
with the text: the PDF takes four times as long to make). Every export succeeds, keeps the document structure of the
same meeting with plain names, goes to exactly the same recipients, and holds no
control bytes.
"""

import io
import itertools
import tempfile
from datetime import time, timedelta
from email import message_from_bytes, policy
from pathlib import Path

import pytest
from docx import Document
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st
from icalendar import Calendar
from pypdf import PdfReader

from db.agenda import add_agenda_item, validate_agenda_item
from db.characters import BIDI, forbidden
from db.clock import Clock, use_clock
from db.contacts import create_person, validate_person
from db.groups import create_group, set_member
from db.guests import get_guest, invite_guest, set_guest_status
from db.meeting_changes import create_meeting, validate_meeting
from db.opening import open_database
from db.records import AgendaItemInput, MeetingInput, PersonInput
from lokus_tui.documents import MINUTES_FORMATS as MINUTES
from lokus_tui.documents import NOTICE_FORMATS as NOTICE
from lokus_tui.documents import export_minutes, export_notice
from tests.conftest import TODAY
from tests.test_markdown_properties import NASTY, structure

# Many examples in one test: the collector runs during it (tests/conftest.py runs
# it only between tests), or a process holds about 0.6 GB of garbage by the end.
pytestmark = pytest.mark.usefixtures("collector_on")

# Text as validation lets it through: no control, line-separator or bidi characters.
TEXT = st.text(
    alphabet=st.characters(
        codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp"), exclude_characters="".join(BIDI)
    ),
    max_size=40,
)
HOSTILE_NAMES = (
    "Åsa <evil@example.com>",
    "Örjan, attacker@example.com",
    '"Kalle" <k@x>; bcc@x.se',
    "[bold red]Röd[/] a[/]b",
    "[link=file:///etc/passwd]x[/link]",
    "Anna\\",
    "a@b.c",
    "=?utf-8?q?evil?=",
    "Per;Pål,Måns",
    "Ni\u0301ls",
    "😀 emoji",
    "\u00a0nbsp\u00a0",
)
HOSTILE = st.sampled_from(HOSTILE_NAMES)
SINGLE_LINE_NASTY = NASTY.filter(lambda s: "\n" not in s)
FIELD = st.one_of(
    TEXT,
    HOSTILE,
    SINGLE_LINE_NASTY,
    st.lists(st.one_of(TEXT, HOSTILE, SINGLE_LINE_NASTY), max_size=3).map(" ".join),
).filter(lambda s: s.split() and forbidden(s) is None and len(s) <= 200)
counter = itertools.count()
CONTROL_BYTES = set(range(0x00, 0x20)) - {0x09, 0x0A, 0x0D} | {0x7F}


@pytest.fixture(scope="module")
def db_module():
    folder = Path(tempfile.mkdtemp(prefix="lokus-pipeline-"))
    database = open_database(folder / "pipeline.db")
    yield database, folder
    database.close()


def accepted(texts) -> bool:
    """Only what the validators of these fields accept (single-line fields)."""
    return all(forbidden(t) is None and len(t) <= 200 for t in texts)


def build(db, names: list[str]) -> tuple[int, set[str], set[str]]:
    """A group with two members, a coordinator and a confirmed guest, all named ``names``."""
    n = next(counter)
    group_name, room, title, chair, member, guest, item_title, org_text = names
    people = []
    for k, name in enumerate((chair, member, names[0] + " samordnare")):
        data = PersonInput(name=name, email=f"p{n}x{k}@example.se")
        assert not validate_person(data)
        people.append(create_person(db, data))
    group = create_group(db, f"{group_name} #{n}", coordinator_id=people[2])
    set_member(db, group, people[0], "chair", None)
    set_member(db, group, people[1], "member", None)
    meeting = MeetingInput(
        group,
        TODAY + timedelta(days=20),
        title=title,
        start_time=time(13),
        end_time=time(15),
        room=room,
        address=org_text,
    )
    assert not validate_meeting(meeting)
    mid = create_meeting(db, meeting)
    item = AgendaItemInput(item_title, description=f"{room}\n{title}", presenter_text=member)
    assert not validate_agenda_item(item)
    item_id = add_agenda_item(db, mid, item, position=4)
    gid = invite_guest(
        db,
        mid,
        item_title,
        new_person=PersonInput(guest, email=f"g{n}@example.se"),
        agenda_item_id=item_id,
    )
    set_guest_status(db, gid, "confirmed", get_guest(db, gid).version)
    members = {f"p{n}x{k}@example.se" for k in range(3)}
    return mid, members, {f"g{n}@example.se"}


def read_back(paths):
    files = {p.suffix: p.read_bytes() for p in paths}
    for suffix, content in files.items():
        if suffix == ".docx":  # (a zip: its text is checked by the Word tests)
            continue
        assert not CONTROL_BYTES & set(content), "a control byte in an export"
        text = content.decode("utf-8")
        assert not any(0x80 <= ord(c) <= 0x9F or c in BIDI for c in text)
    return files


def attached_documents(mail) -> list[str]:
    """The kinds of document the e-mail carries, by their file names (the .ics aside)."""
    names = [part.get_filename() or "" for part in mail.iter_attachments()]
    return [n.rpartition(".")[2] for n in names if n.endswith((".pdf", ".docx"))]


def attached_text(mail) -> str:
    """The attached document as its program reads it: every paragraph and table cell
    of the Word file (python-docx), or that the PDF opens with its pages (pypdf)."""
    for part in mail.iter_attachments():
        name, data = part.get_filename() or "", part.get_content()
        if name.endswith(".docx"):
            doc = Document(io.BytesIO(data))
            cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
            return "\n".join([p.text for p in doc.paragraphs] + cells)
        if name.endswith(".pdf"):
            assert len(PdfReader(io.BytesIO(data)).pages) >= 1
            return ""
    raise AssertionError("no document attached")


PLAIN = [
    "LOKUS Vanlig",
    "Sal A",
    "Rubrik",
    "Anna Ordf",
    "Bo Ledamot",
    "Gösta Gäst",
    "Presentation",
    "Storgatan 1",
]


@pytest.fixture(scope="module")
def plain_structure(db_module):
    """The kallelse's structure for the same meeting with plain names: the same for
    every example, so it is made once (on the tests' day: a module's fixture is made
    before the function's fixed clock)."""
    db, folder = db_module
    with use_clock(Clock.with_today(TODAY)):
        base_mid, _m, _g = build(db, PLAIN)
        markdown = read_back(export_notice(db, base_mid, folder / "base"))[".md"].decode()
    return structure(markdown)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.lists(FIELD, min_size=8, max_size=8), st.sampled_from(["pdf", "docx"]))
# Every run draws the hostile names into both documents at least once (which one is
# drawn otherwise is up to Hypothesis: from 10 to 35 of the 40 examples got a PDF).
@example(list(HOSTILE_NAMES[:8]), "pdf")
@example(list(HOSTILE_NAMES[4:]), "docx")
def test_accepted_text_exports_everywhere_with_the_same_structure_and_recipients(
    db_module, plain_structure, tmp_path, names, document
):
    assume(accepted(names))
    db, folder = db_module
    expected = plain_structure
    word = ("docx",) if document == "docx" else ()  # (Word is attached when it is chosen)
    mid, members, guests = build(db, names)
    files = read_back(export_notice(db, mid, folder / f"out{next(counter)}", NOTICE + word))
    assert structure(files[".md"].decode()) == expected
    mail = message_from_bytes(files[".eml"], policy=policy.default)
    to = {a.addr_spec for a in mail["To"].addresses}
    cc = {a.addr_spec for a in mail["Cc"].addresses}
    assert (to, cc) == (members, guests)
    assert attached_documents(mail) == [document]
    drawn = attached_text(mail)
    if document == "docx":  # the meeting's title in the Word file (spaces run together)
        assert " ".join(names[2].split()) in " ".join(drawn.split())
    event = next(c for c in Calendar.from_ical(files[".ics"]).walk() if c.name == "VEVENT")
    attendees = {str(a).removeprefix("mailto:") for a in event.get("ATTENDEE")}
    assert attendees == members | guests
    minutes = read_back(export_minutes(db, mid, folder / f"min{next(counter)}", MINUTES + word))
    mail = message_from_bytes(minutes[".eml"], policy=policy.default)
    assert {a.addr_spec for a in mail["To"].addresses} <= members
    assert attached_documents(mail) == [document]
