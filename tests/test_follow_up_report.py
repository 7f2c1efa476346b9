"""Uppföljning: every figure of the report against counts made here from the year that
was built (tests/year_of_meetings.py), the Markdown, and `lokus report` writing files
that Word/PDF readers open, never over an existing file."""

from datetime import date
from pathlib import Path

import docx
import pypdf
import pytest

from db.errors import ValidationError
from db.follow_up import follow_up, period
from db.guests import invite_guest
from db.initiative_changes import create_initiative
from db.records import BudgetLineInput, FundingInput, InitiativeInput, PersonInput, ScanningInput
from db.scanning import create_entry
from exports.follow_up import follow_up_markdown
from lokus_tui.cli import main
from tests.conftest import TODAY
from tests.year_of_meetings import PARTIES, build_year

HELD = ("held", "minutes_in_review", "minutes_final")
KIND_OF = dict(PARTIES)


@pytest.fixture
def year(database):
    built = build_year(database, TODAY)
    create_initiative(
        database,
        InitiativeInput(
            "Språkstöd Testby",
            group_id=built.group_id,
            decisions=(
                FundingInput("Dnr 2025/12", date(2025, 12, 1), date(2026, 1, 1), date(2027, 12, 31), 900_000,
                             budget=(BudgetLineInput(2026, 400_000), BudgetLineInput(2027, 500_000))),
                FundingInput("Dnr 2026/3", date(2026, 9, 1), date(2026, 9, 1), date(2027, 12, 31), 120_000),
            ),
        ),
    )  # fmt: skip
    coming = next(m for m in built.meetings if m.day > TODAY)
    invite_guest(database, coming.id, "Arbetsträning", new_person=PersonInput("Gästa Gäst"))
    create_entry(
        database,
        ScanningInput("Studiebesök på Verkstan", "study_visit", date(2026, 4, 2), built.group_id, "Verkstan AB"),
    )  # fmt: skip
    return built


def report_of(database, year, start=None, end=None):
    start, end, _ = period(None if start else 2026, start, end)
    (group,) = [
        g for g in follow_up(database, start, end, TODAY).groups if g.group_id == year.group_id
    ]
    return group


def test_goals_and_meetings_match_what_was_built(database, year):
    g = report_of(database, year)
    for goal, kind in zip(g.goals, ("lokus_meeting", "competence_activity"), strict=True):
        mine = [m for m in year.meetings if m.kind == kind]
        assert (goal.held, goal.cancelled, goal.planned) == (
            sum(m.held for m in mine),
            sum(m.cancelled for m in mine),
            sum(not m.held and not m.cancelled for m in mine),
        )
    assert [m.day for m in g.meetings] == sorted(m.day for m in year.meetings)
    assert [m.id for m in g.held] == [
        m.id for m in sorted(year.meetings, key=lambda m: m.day) if m.held
    ]
    assert all(
        m.status == "cancelled"
        for m in g.meetings
        if m.id in {b.id for b in year.meetings if b.cancelled}
    )


def test_attendance_per_meeting_and_party(database, year):
    g = report_of(database, year)
    shown = {
        m.id: {
            p.organisation: (p.present + p.substitutes, p.excused, p.substitutes) for p in m.parties
        }
        for m in g.meetings
    }
    for built in year.meetings:
        assert shown[built.id] == built.attendance


def test_attendance_rate_per_party(database, year):
    g = report_of(database, year)
    held = [m for m in year.meetings if m.held]
    for rate in g.rates:
        attended = sum(
            rate.organisation in m.attendance and m.attendance[rate.organisation][0] > 0
            for m in held
        )
        assert (rate.attended, rate.held) == (attended, len(held))
    assert {r.organisation for r in g.rates} == set(KIND_OF)


def test_minutes_actions_guests_scanning_and_money(database, year):
    g = report_of(database, year)
    assert sorted(g.final_days) == sorted(
        (m.final_day - m.day).days for m in year.meetings if m.minutes == "final"
    )
    assert (g.actions_done, g.actions_open, g.actions_overdue, g.actions_dropped) == (1, 1, 1, 0)
    assert [(x.name, x.topic) for x in g.guests] == [("Gästa Gäst", "Arbetsträning")]
    assert [(s.title, s.organisation) for s in g.scanning] == [
        ("Studiebesök på Verkstan", "Verkstan AB")
    ]
    (ini,) = g.initiatives
    assert [d.amount for d in ini.decisions] == [900_000, 120_000]
    assert ini.per_year == ((2026, 400_000), (2027, 500_000))
    assert (ini.start, ini.end) == (date(2026, 1, 1), date(2027, 12, 31))


def test_a_period_holds_only_its_meetings(database, year):
    g = report_of(database, year, date(2026, 5, 1), date(2026, 6, 30))
    assert [m.day for m in g.meetings] == sorted(
        m.day for m in year.meetings if date(2026, 5, 1) <= m.day <= date(2026, 6, 30)
    )
    assert g.scanning == ()


def test_the_markdown_says_every_figure(database, year):
    start, end, _ = period(2026, None, None)
    report = follow_up(database, start, end, TODAY, year.group_id)
    text = follow_up_markdown(report, "LOKUS Testby")
    lokus = [m for m in year.meetings if m.kind == "lokus_meeting"]
    held = sum(m.held for m in lokus)
    assert text.startswith("# Uppföljning 2026 — LOKUS Testby\n")
    assert f"- LOKUS-möten {held} av 4 (1 planerat, 1 inställt)" in text
    assert "| 12 maj 2026 | Arbetsförmedlingen Testby | 0 | 1 | 0 | 1 |" in text
    for m in year.meetings:
        if not m.held:
            continue
        counts = [0, 0, 0, 0, 0]
        for org, (present, _excused, _subs) in m.attendance.items():
            counts[[k for _n, k in PARTIES].index(KIND_OF[org])] += present
        day = text.split("## Underlag för SUS och verksamhetsberättelse")[1]
        from exports.swedish import format_date_long

        row = f"| {format_date_long(m.day)} | "
        line = next(line for line in day.splitlines() if line.startswith(row))
        assert line.endswith(" | 2,0 | " + " | ".join(map(str, counts)) + " |")
    assert (
        "| Språkstöd Testby | Dnr 2025/12 | 1 december 2025 | 2026-01-01–2027-12-31 | 900 000 kr |"
        in text
    )


def test_period_needs_both_ends_and_order():
    with pytest.raises(ValidationError, match="både"):
        period(None, date(2026, 1, 1), None)
    with pytest.raises(ValidationError, match="före"):
        period(None, date(2026, 5, 1), date(2026, 1, 1))


def test_lokus_report_writes_md_docx_and_pdf_never_over_a_file(database, year, tmp_path, capsys):
    out = tmp_path / "ut"
    args = [
        "report",
        "--db",
        str(database.path),
        "--year",
        "2026",
        "--group",
        "testby",
        "-o",
        str(out),
    ]
    database.close()
    assert main(args) == 0
    assert main(args) == 0
    first, second = capsys.readouterr().out.split()
    assert first.endswith("uppfoljning-2026-lokus-testby.md") and second.endswith("-2.md")
    assert Path(first).read_text(encoding="utf-8") == Path(second).read_text(encoding="utf-8")
    assert (out / "uppfoljning-2026-lokus-testby.md").stat().st_mode & 0o777 == 0o600
    assert main([*args, "--format", "docx"]) == 0
    word = docx.Document(capsys.readouterr().out.strip())
    assert word.paragraphs[0].text == "Uppföljning 2026 — LOKUS Testby"
    assert any(t.rows[0].cells[0].text == "Datum" for t in word.tables)
    assert (
        main(
            [
                *args[:3],
                "--from",
                "2026-05-01",
                "--to",
                "2026-06-30",
                "-o",
                str(out),
                "--format",
                "pdf",
            ]
        )
        == 0
    )
    pdf = pypdf.PdfReader(capsys.readouterr().out.strip())
    assert "Uppföljning 2026-05-01–2026-06-30 — alla lokusgrupper" in pdf.pages[0].extract_text()
    # several formats in one run: one file each, in the order asked for
    assert main([*args, "--format", "md", "--format", "docx", "--format", "pdf"]) == 0
    written = [Path(p) for p in capsys.readouterr().out.split()]
    assert [p.suffix for p in written] == [".md", ".docx", ".pdf"]
    assert all(p.stat().st_size > 0 for p in written)


def test_lokus_report_names_the_bad_argument(database, capsys):
    database.close()
    assert (
        main(["report", "--db", str(database.path), "--from", "2026-02-30", "--to", "2026-03-01"])
        == 2
    )
    assert "--from: ”2026-02-30” är inget datum" in capsys.readouterr().err
    assert main(["report", "--db", str(database.path), "--group", "finns inte"]) == 2
    assert "--group: ”finns inte” matchar 0 lokusgrupper" in capsys.readouterr().err


def test_names_are_text_in_the_report(database):
    """A group and a guest whose names look like Markdown come out as the same text."""
    from markdown_it import MarkdownIt

    from db.groups import create_group

    name = "LOKUS | *Norr* # [x](http://a.example)"
    group = create_group(database, name)
    start, end, _ = period(2026, None, None)
    text = follow_up_markdown(follow_up(database, start, end, TODAY, group), name)
    html = MarkdownIt("commonmark").enable("table").render(text)
    assert "<em>" not in html and "<a " not in html
    assert "LOKUS | *Norr* # [x](http://a.example)" in html.split("</h1>")[0]
