import os
import stat
from pathlib import Path

from lokus_tui.cli import main


def test_demo_writes_a_private_file(tmp_path, capsys):
    path = tmp_path / "demo.db"
    assert main(["demo", "--db", str(path)]) == 0
    assert "12 insatser" in capsys.readouterr().out
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600


def test_demo_refuses_to_overwrite(tmp_path, capsys):
    path = tmp_path / "demo.db"
    path.write_text("viktigt")
    assert main(["demo", "--db", str(path)]) == 2
    assert "finns redan" in capsys.readouterr().err
    assert path.read_text() == "viktigt"


def test_bad_scale(tmp_path, capsys):
    assert main(["demo", "--db", str(tmp_path / "x.db"), "--scale", "0"]) == 2
    assert "--scale" in capsys.readouterr().err


def test_foreign_file_gives_message_not_traceback(tmp_path, capsys):
    path = tmp_path / "notes.txt"
    path.write_text("det här är mina anteckningar" * 50)
    assert main(["--db", str(path)]) == 2
    err = capsys.readouterr().err
    assert "ingen lokus-databas" in err and "Traceback" not in err


def test_env_variable_chooses_database(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("LOKUS_DB", str(tmp_path / "env.db"))
    assert main(["where"]) == 0
    assert capsys.readouterr().out.strip() == str(tmp_path / "env.db")
    assert main(["where", "--db", str(tmp_path / "opt.db")]) == 0
    assert capsys.readouterr().out.strip() == str(tmp_path / "opt.db")


def test_usage_errors_are_swedish(capsys):
    import pytest

    with pytest.raises(SystemExit) as info:
        main(["export", "kallelse"])
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert "lokus: fel: dessa argument saknas: MÖTES_ID" in err
    with pytest.raises(SystemExit):
        main(["demo", "--db", "x.db", "--scale", "många"])
    assert "argument --scale: 'många' är inget heltal" in capsys.readouterr().err


def test_help_is_swedish(capsys):
    import pytest

    with pytest.raises(SystemExit) as info:
        main(["--help"])
    assert info.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("användning: lokus")
    assert "visa den här hjälpen och avsluta" in out and "flaggor" in out


def test_demo_leaves_no_temporary_folder_behind(monkeypatch, capsys):
    """`lokus --demo` works on a temporary database and removes it when the app ends,
    saying how to keep demo data."""
    import lokus_tui.app

    seen = {}

    class App:
        return_code = 0

        def __init__(self, target, **_options):
            self.target = Path(target)

        def run(self):
            seen["existed"] = self.target.is_file()
            seen["folder"] = self.target.parent

    monkeypatch.setattr(lokus_tui.app, "make_app", App)
    assert main(["--demo"]) == 0
    assert seen["existed"] and seen["folder"].name.startswith("lokus-demo-")
    assert not seen["folder"].exists()
    assert "lokus demo --db FIL" in capsys.readouterr().err


def test_a_password_in_a_database_url_is_never_printed(capsys, monkeypatch):
    url = "postgresql+psycopg://lokus:HEMLIGT@db.example.se/lokus"
    assert main(["where", "--db", url]) == 0
    assert "HEMLIGT" not in capsys.readouterr().out
    monkeypatch.setenv("LOKUS_DB", url)
    assert main(["where"]) == 0
    out = capsys.readouterr().out
    assert "HEMLIGT" not in out and "***" in out
    try:
        main(["--db", url, "where", "--db", url.replace("lokus@", "x@")])
    except SystemExit as exc:
        assert exc.code == 2
    assert "HEMLIGT" not in capsys.readouterr().err
