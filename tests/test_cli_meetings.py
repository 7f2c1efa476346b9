import email
from email import policy
from pathlib import Path

import pytest
from icalendar import Calendar

from db.opening import open_database
from lokus_tui.cli import main
from tests.conftest import copy_of


@pytest.fixture
def demo_path(tmp_path, database_files):
    return copy_of(database_files["demo.db"], tmp_path / "demo.db")


def test_meetings_lists_ids(tmp_path, capsys, demo_path):
    path = demo_path
    assert (
        main(["meetings", "--db", str(path), "--group", "LOKUS Uppsala", "--from", "2026-11-24"])
        == 0
    )
    out = capsys.readouterr().out.splitlines()
    assert out[0].split()[:2] == ["id", "datum"]
    assert len(out) == 2 and "LOKUS Uppsala" in out[1]


def test_export_notice_all_formats(tmp_path, capsys, demo_path):
    path = demo_path
    main(["meetings", "--db", str(path), "--group", "LOKUS Uppsala", "--from", "2026-11-24"])
    meeting_id = capsys.readouterr().out.splitlines()[1].split()[0]
    out_dir = tmp_path / "ut"
    assert main(["export", "kallelse", meeting_id, "--db", str(path), "-o", str(out_dir)]) == 0
    paths = capsys.readouterr().out.split()
    assert [p.rsplit(".", 1)[1] for p in paths] == ["md", "ics", "eml"]
    msg = email.message_from_bytes(Path(paths[2]).read_bytes(), policy=policy.default)
    assert msg["Subject"].startswith("Kallelse till LOKUS-möte LOKUS Uppsala")
    cal = Calendar.from_ical(Path(paths[1]).read_bytes())
    assert str(cal["METHOD"]) == "REQUEST"


def test_cli_errors(tmp_path, capsys, demo_path):
    path = demo_path
    assert main(["export", "kallelse", "999999", "--db", str(path), "-o", str(tmp_path)]) == 1
    assert "finns inte" in capsys.readouterr().err
    assert main(["export", "kallelse", "x1", "--db", str(path)]) == 2
    assert "MÖTES_ID" in capsys.readouterr().err
    assert main(["meetings", "--db", str(path), "--from", "igår"]) == 2
    assert "--from" in capsys.readouterr().err
    blocker = tmp_path / "fil.txt"
    blocker.write_text("x")
    assert main(["export", "kallelse", "1", "--db", str(path), "-o", str(blocker)]) == 2
    assert "ingen mapp" in capsys.readouterr().err
    assert main(["meetings", "--db", str(tmp_path / "saknas.db")]) == 4


def test_export_minutes(tmp_path, capsys, demo_path):
    path = demo_path
    main(["meetings", "--db", str(path), "--group", "LOKUS Uppsala"])
    lines = capsys.readouterr().out.splitlines()
    held = next(line for line in lines if "fastställda" in line and "LOKUS-möte" in line)
    meeting_id = held.split()[0]
    out_dir = tmp_path / "ut"
    assert (
        main(["export", "minnesanteckningar", meeting_id, "--db", str(path), "-o", str(out_dir)])
        == 0
    )
    paths = capsys.readouterr().out.split()
    assert [Path(p).suffix for p in paths] == [".md", ".eml"]
    text = Path(paths[0]).read_text()
    assert (
        text.startswith("# Minnesanteckningar – LOKUS-möte LOKUS Uppsala") and "UTKAST" not in text
    )
    assert (
        main(["export", "minnesanteckningar", meeting_id, "--db", str(path), "--format", "ics"])
        == 2
    )
    assert "finns som md, eml, pdf eller docx" in capsys.readouterr().err


def test_export_a_guests_invitation_from_the_command_line(tmp_path, capsys, demo_path):
    from db.guests import invite_guest
    from db.records import PersonInput

    path = demo_path
    main(["meetings", "--db", str(path), "--group", "LOKUS Uppsala", "--from", "2026-11-24"])
    meeting_id = capsys.readouterr().out.splitlines()[1].split()[0]
    db = open_database(path)
    invite_guest(
        db, int(meeting_id), "IPS i Uppsala", new_person=PersonInput("Gösta Gäst", email="g@ips.se")
    )
    db.close()
    out_dir = tmp_path / "ut"
    base = ["export", "inbjudan", meeting_id, "--db", str(path), "-o", str(out_dir)]
    assert main([*base, "--gäst", "gösta", "--format", "alla"]) == 0
    paths = capsys.readouterr().out.split()
    assert sorted(p.rsplit(".", 1)[1] for p in paths) == ["eml", "md", "pdf"]
    msg = email.message_from_bytes(
        next(Path(p) for p in paths if p.endswith(".eml")).read_bytes(), policy=policy.strict
    )
    assert [a.get_content_type() for a in msg.iter_attachments()] == ["application/pdf"]
    assert "g@ips.se" in msg["To"]
    assert main(base) == 2
    assert "--gäst: ange vilken gäst" in capsys.readouterr().err
    assert main([*base, "--gäst", "Okänd"]) == 2
    assert "matchar 0 av mötets gäster (Gösta Gäst)" in capsys.readouterr().err
    assert main([*base, "--gäst", "Gösta", "--format", "ics"]) == 2
    assert "inbjudan finns som md, eml, pdf eller docx" in capsys.readouterr().err
