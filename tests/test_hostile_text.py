"""Each finding about hostile and unusual text, reproduced: text is shown and exported
as text, recipients cannot be changed by a name, exports are all or nothing."""

import sqlite3
from datetime import time, timedelta
from email import message_from_bytes, policy

import pytest
from icalendar import Calendar
from textual.widgets import Input

from db.contacts import create_person, get_person, list_people
from db.errors import LokusError, ValidationError
from db.groups import create_group, group_options, set_member
from db.meeting_changes import create_meeting
from db.meetings import get_meeting, list_meetings
from db.records import MeetingInput, PersonInput
from db.review import list_exports
from lokus_tui.app import make_app
from lokus_tui.documents import export_minutes, export_notice
from lokus_tui.title_bar import TitleBar
from tests.conftest import TODAY
from tests.waiting import palette_choice, until

MARKUP_NAME = "Ada [bold red]Röd[/] a[/]b"
ESCAPES = "Eva \x1b]0;ÄGD\x07 \x1b[31mröd\x1b[0m \x1b]8;;file:///etc/passwd\x1b\\länk\x1b]8;;\x1b\\"
CONTROL_BYTES = set(range(0x00, 0x20)) - {0x09, 0x0A, 0x0D} | {0x7F}


def raw_update(db, sql: str, *params) -> None:
    """Write text the way an older lokus or an import could have: no validation."""
    con = sqlite3.connect(db.path)
    con.execute(sql, params)
    con.commit()
    con.close()


def screen_text(app) -> str:
    return app.export_screenshot()


@pytest.fixture
def meeting(demo_db):
    group = next(g.id for g in group_options(demo_db) if g.label == "LOKUS Uppsala")
    mid = create_meeting(
        demo_db,
        MeetingInput(
            group,
            TODAY + timedelta(days=10),
            start_time=time(13),
            end_time=time(15),
            room="Sal Fyris",
        ),
    )
    return demo_db, mid, group


# --- 1. markup in names never crashes and shows literally -----------------------------


async def test_a_name_with_closing_markup_is_shown_literally_everywhere(demo_db):
    pid = create_person(demo_db, PersonInput(MARKUP_NAME, email="ada@example.se"))
    app = make_app(demo_db.path, database=demo_db, start_section="contacts")
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press(*"ada")
        table = app.screen.query_one("#people-table")
        await until(
            pilot,
            lambda: str(table.get_row_at(0)[0]) == MARKUP_NAME,
            what="the name, literally, first in the filtered list",
        )
        await pilot.press("escape", "ctrl+p")
        await pilot.pause()
        await pilot.press(*"Ada Röd")
        await until(
            pilot,
            lambda: palette_choice(app).startswith(f"Person: {MARKUP_NAME}"),
            what="the palette to offer the name, literally",
        )
        await pilot.press("enter")
        await until(
            pilot,
            lambda: type(app.screen).__name__ == "PersonDetailScreen",
            what="the person's screen",
        )
        assert MARKUP_NAME in str(app.screen.query_one("#person-card").render())
        assert app.screen.sub_title == MARKUP_NAME
        assert str(app.screen.query_one(TitleBar).render()) == f"lokus — {MARKUP_NAME}"
    assert get_person(demo_db, pid).data.name == MARKUP_NAME


async def test_a_group_name_with_markup_does_not_break_the_meetings(demo_db):
    group = create_group(demo_db, "LOKUS [/]Test[b]")
    create_meeting(demo_db, MeetingInput(group, TODAY + timedelta(days=3), start_time=time(9)))
    app = make_app(demo_db.path, database=demo_db, start_section="meetings")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#meetings-table")
        names = {str(table.get_row_at(i)[2]) for i in range(min(table.row_count, 20))}
        assert "LOKUS [/]Test[b]" in names
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "MeetingScreen"


async def test_markup_typed_into_the_email_field_is_a_validation_message(demo_db):
    app = make_app(demo_db.path, database=demo_db, start_section="contacts")
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+n")
        await pilot.pause()
        form = app.screen
        form.query_one("#name", Input).value = "Test Person"
        form.query_one("#email", Input).value = "[/]x"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form
        assert (
            str(form.query_one("#err-email").render())
            == "E-post: ”[/]x” är ingen giltig e-postadress"
        )


# --- 2. escape sequences never reach the terminal ------------------------------------


async def test_escape_sequences_in_stored_names_are_shown_harmlessly(demo_db):
    pid = create_person(demo_db, PersonInput("Eva Escape", email="zzescape@example.se"))
    raw_update(demo_db, "UPDATE person SET name = ? WHERE id = ?", ESCAPES, pid)
    app = make_app(demo_db.path, database=demo_db, start_section="contacts")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press(*"zzescape")
        table = app.screen.query_one("#people-table")
        await until(pilot, lambda: table.row_count == 1, what="the filtered list")
        await pilot.pause()  # drawn
        shown = screen_text(app)
        assert "\x1b" not in shown and "\x07" not in shown
        cell = str(app.screen.query_one("#people-table").get_row_at(0)[0])
        assert cell.startswith("Eva �]0;ÄGD� �[31mröd") and "\x1b" not in cell


def test_exports_carry_no_control_bytes_from_old_data(meeting, tmp_path):
    db, mid, _group = meeting
    raw_update(
        db,
        "UPDATE meeting SET room = ?, title = ? WHERE id = ?",
        "Sal\x00 A\x1b[2J",
        "Möte\x07\x7f",
        mid,
    )
    item = get_meeting(db, mid).items[0]
    raw_update(
        db,
        "UPDATE agendaitem SET title = ?, description = ? WHERE id = ?",
        "Öppning\x1b]0;x\x07",
        "Rad 1\x0bRad 2\x85Rad 3",
        item.id,
    )
    for path in export_notice(db, mid, tmp_path):
        assert not CONTROL_BYTES & set(path.read_bytes()), path.name


# --- 3. a name can never change an e-mail's recipients ---------------------------------


def test_display_names_cannot_add_or_change_recipients(meeting, tmp_path):
    db, mid, group = meeting
    evil = [
        ("Åsa <evil@example.com>", "asa@example.se"),
        ("Örjan, attacker@example.com", "orjan@example.se"),
        ('Kalle" <bcc@example.com>, "x', "kalle@example.se"),
    ]
    for name, email in evil:
        set_member(db, group, create_person(db, PersonInput(name, email=email)), "member", None)
    paths = {p.suffix: p for p in export_notice(db, mid, tmp_path)}
    mail = message_from_bytes(paths[".eml"].read_bytes(), policy=policy.default)
    to = [a.addr_spec for a in mail["To"].addresses]
    assert {"asa@example.se", "orjan@example.se", "kalle@example.se"} <= set(to)
    assert not {"evil@example.com", "attacker@example.com", "bcc@example.com"} & set(to)
    assert "Åsa <evil@example.com>" in [a.display_name for a in mail["To"].addresses]
    event = next(
        c for c in Calendar.from_ical(paths[".ics"].read_bytes()).walk() if c.name == "VEVENT"
    )
    attendees = {str(a) for a in event.get("ATTENDEE")}
    assert "mailto:asa@example.se" in attendees and "mailto:evil@example.com" not in attendees


# --- 4. accepted data never makes an export fail half way --------------------------------


def test_a_link_with_a_line_break_is_refused_and_old_ones_export(meeting, tmp_path):
    db, mid, group = meeting
    with pytest.raises(ValidationError) as info:
        create_meeting(db, MeetingInput(group, TODAY, link="https://meet.example.se/a\r\nb"))
    assert "Länk: får inte innehålla radbrytningar" in str(info.value)
    raw_update(
        db,
        "UPDATE meeting SET link = ? WHERE id = ?",
        "https://meet.example.se/a\r\nX-Evil: 1",
        mid,
    )
    paths = export_notice(db, mid, tmp_path)
    assert sorted(p.suffix for p in paths) == [".eml", ".ics", ".md"]
    assert len([e for e in list_exports(db, mid) if e[1] == "notice"]) == 3
    mail = message_from_bytes(
        next(p for p in paths if p.suffix == ".eml").read_bytes(), policy=policy.default
    )
    assert mail["X-Evil"] is None


@pytest.mark.parametrize("separator", ["\x85", "\u2028", "\x0b"])
def test_names_with_odd_line_separators_export_and_are_refused_when_typed(
    meeting, tmp_path, separator
):
    db, mid, group = meeting
    name = f"Anna{separator}Berg"
    with pytest.raises(ValidationError) as info:
        create_person(db, PersonInput(name, email="anna@example.se"))
    assert "Namn:" in str(info.value)
    pid = create_person(db, PersonInput("Anna Berg", email="anna@example.se"))
    raw_update(db, "UPDATE person SET name = ? WHERE id = ?", name, pid)
    set_member(db, group, pid, "member", None)
    paths = {p.suffix: p for p in export_notice(db, mid, tmp_path)}
    mail = message_from_bytes(paths[".eml"].read_bytes(), policy=policy.default)
    assert "anna@example.se" in [a.addr_spec for a in mail["To"].addresses]


async def test_a_pasted_line_separator_is_never_cut(demo_db):
    from textual import events

    app = make_app(demo_db.path, database=demo_db, start_section="contacts")
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+n")
        await pilot.pause()
        field = app.screen.query_one("#name", Input)
        field.focus()
        await pilot.pause()
        field.post_message(events.Paste("Anna\u2028Berg"))
        await pilot.pause()
        assert field.value == "Anna Berg"
        assert any("radbrytningar" in n for n in app.notified)
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert "Anna Berg" in [p.name for p in list_people(demo_db, "Anna Berg").rows]


def test_an_export_that_fails_half_way_writes_and_records_nothing(meeting, tmp_path, monkeypatch):
    import exports.files

    db, mid, _group = meeting
    real = exports.files.write_new_file
    calls = []

    def second_fails(folder, filename, data):
        calls.append(filename)
        if len(calls) == 2:
            raise LokusError(f"Kunde inte skriva {filename}: disken är full")
        return real(folder, filename, data)

    monkeypatch.setattr(exports.files, "write_new_file", second_fails)
    folder = tmp_path / "export"
    with pytest.raises(LokusError) as info:
        export_notice(db, mid, folder)
    assert "Inga filer skrevs" in str(info.value)
    assert list(folder.iterdir()) == []
    assert list_exports(db, mid) == []


def test_minutes_with_control_characters_in_old_notes_export_cleanly(meeting, tmp_path):
    db, mid, _group = meeting
    item = get_meeting(db, mid).items[0]
    raw_update(
        db,
        "UPDATE agendaitem SET notes = ? WHERE id = ?",
        "Anteckning\x1b]0;x\x07 med\x00 nollbyte\u202eomvänd",
        item.id,
    )
    for path in export_minutes(db, mid, tmp_path):
        content = path.read_bytes()
        assert not CONTROL_BYTES & set(content)
        assert "\u202e" not in content.decode("utf-8")
    assert list_meetings(db).total > 0
