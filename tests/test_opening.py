"""Opening a database is safe and says what is wrong.

Every bad file is tried through the command line (a read command and the app's
start) and must give its own Swedish message and exit code, and leave the
file's bytes and mode as they were. Nothing is created, migrated or chmod-ed by
a read command.
"""

import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from db.errors import DatabaseOpenError, StorageError
from db.meetings import list_meetings
from db.opening import open_database
from lokus_tui.cli import main
from tests.conftest import copy_of
from tests.test_storage import make_old_database
from tests.waiting import go_to_tab, until


def snapshot(path: Path):
    if path.is_dir():
        return ("dir", stat.S_IMODE(path.stat().st_mode), sorted(os.listdir(path)))
    return (path.read_bytes(), stat.S_IMODE(path.stat().st_mode))


def run(args, capsys):
    code = main(args)
    return code, capsys.readouterr().err


@pytest.fixture
def lokus_file(tmp_path, database_files):
    return copy_of(database_files["demo.db"], tmp_path / "lokus.db")


def bad_file(kind: str, folder: Path, new_database: Path | None = None) -> Path:
    """A file lokus must refuse; ``new_database``: a template of a new database, for
    the kinds made from one."""
    path = folder / f"{kind}.db"
    if kind == "empty":
        path.touch(mode=0o600)
    elif kind == "text":
        path.write_text("Mina anteckningar, inte en databas.\n" * 40)
    elif kind == "foreign":
        con = sqlite3.connect(path)
        con.execute("CREATE TABLE kunder (namn TEXT)")
        con.execute("INSERT INTO kunder VALUES ('Anna')")
        con.commit()
        con.close()
    elif kind == "newer":
        assert new_database is not None
        copy_of(new_database, path)
        con = sqlite3.connect(path)
        con.execute("UPDATE alembic_version SET version_num = '9999'")
        con.commit()
        con.close()
    elif kind == "no_version":
        assert new_database is not None
        copy_of(new_database, path)
        con = sqlite3.connect(path)
        con.execute("DELETE FROM alembic_version")
        con.commit()
        con.close()
    elif kind == "damaged":
        assert new_database is not None
        copy_of(new_database, path)
        data = bytearray(path.read_bytes())
        data[110:200] = b"\xff" * 90
        path.write_bytes(bytes(data))
    elif kind == "directory":
        path.mkdir()
    return path


CASES = [  # kind, exit code, words of the message
    ("empty", 5, "är tom (0 byte)"),
    ("text", 2, "ingen lokus-databas"),
    ("foreign", 2, "ingen lokus-databas"),
    ("newer", 3, "nyare version av lokus"),
    ("no_version", 9, "är skadad"),
    ("damaged", 9, "är skadad"),
    ("directory", 8, "är en mapp"),
]


@pytest.mark.parametrize(("kind", "code", "words"), CASES)
@pytest.mark.parametrize("command", [["meetings"], ["export", "kallelse", "1"], []])
def test_a_bad_file_is_refused_and_left_as_it_was(
    tmp_path, capsys, database_files, kind, code, words, command
):
    path = bad_file(kind, tmp_path, database_files["lokus.db"])
    before = snapshot(path)
    listing = sorted(os.listdir(tmp_path))
    got, err = run([*command, "--db", str(path)], capsys)
    assert (got, words in err) == (code, True), err
    assert "Traceback" not in err
    assert snapshot(path) == before
    assert sorted(os.listdir(tmp_path)) == listing  # no backup, no -wal, nothing new


def test_a_missing_file_or_folder_is_refused_and_nothing_is_created(tmp_path, capsys):
    got, err = run(["meetings", "--db", str(tmp_path / "saknas.db")], capsys)
    assert got == 4 and "finns inte" in err
    got, err = run(["--db", str(tmp_path / "ingen-mapp" / "lokus.db")], capsys)
    assert got == 4 and "Mappen" in err and "finns inte" in err
    assert os.listdir(tmp_path) == []


def test_a_read_command_never_migrates_an_older_database(tmp_path, capsys):
    path = tmp_path / "gammal.db"
    make_old_database(path)
    before = snapshot(path)
    got, err = run(["meetings", "--db", str(path)], capsys)
    assert got == 11 and "äldre version" in err and "lokus --db" in err
    assert snapshot(path) == before and os.listdir(tmp_path) == ["gammal.db"]


def test_a_sqlite_url_to_a_foreign_file_gets_no_schema(tmp_path, capsys):
    path = bad_file("foreign", tmp_path)
    before = snapshot(path)
    got, err = run(["--db", f"sqlite:///{path}"], capsys)
    assert got == 2 and "ingen lokus-databas" in err
    assert snapshot(path) == before


def test_a_path_is_taken_literally(tmp_path, capsys):
    path = tmp_path / "möte?x=1#del.db"
    assert main(["demo", "--db", str(path)]) == 0
    assert path.exists() and sorted(os.listdir(tmp_path))[0] == "möte?x=1#del.db"
    capsys.readouterr()
    assert main(["meetings", "--db", str(path)]) == 0
    assert "LOKUS" in capsys.readouterr().out
    assert not (tmp_path / "möte").exists()


def test_a_read_only_file_opens_read_only_and_keeps_its_mode(lokus_file, capsys):
    os.chmod(lokus_file, 0o400)
    before = snapshot(lokus_file)
    got, _err = run(["meetings", "--db", str(lokus_file)], capsys)
    assert got == 0
    db = open_database(lokus_file, create=False)
    try:
        assert db.read_only and "skrivskyddad" in db.read_only_reason
        assert list_meetings(db).total > 0
        from db.contacts import create_person
        from db.records import PersonInput

        with pytest.raises(StorageError) as info:
            create_person(db, PersonInput("Ny"))
        assert "skrivskyddad" in str(info.value)
    finally:
        db.close()
    assert snapshot(lokus_file) == before


def test_a_read_only_file_that_needs_an_upgrade_is_refused(tmp_path, capsys):
    path = tmp_path / "gammal.db"
    make_old_database(path)
    os.chmod(path, 0o400)
    before = snapshot(path)
    got, err = run(["--db", str(path)], capsys)
    assert got == 6 and "skrivskyddad" in err
    assert snapshot(path) == before and os.listdir(tmp_path) == ["gammal.db"]


def test_a_locked_database_is_reported_as_locked(lokus_file, capsys):
    holder = sqlite3.connect(lokus_file)
    holder.execute("PRAGMA locking_mode=EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        got, err = run(["meetings", "--db", str(lokus_file)], capsys)
    finally:
        holder.rollback()
        holder.close()
    assert got == 7 and "låst av ett annat program" in err


def test_a_failed_backup_leaves_nothing_and_migrates_nothing(tmp_path, monkeypatch):
    """A full disk while the backup is written (SQLite's own 'database or disk is full')."""
    import db.opening as opening

    path = tmp_path / "gammal.db"
    make_old_database(path)
    before = snapshot(path)
    real_connect = sqlite3.connect

    def connect(target, *args, **kwargs):
        con = real_connect(target, *args, **kwargs)
        if "backup" in str(target):
            con.execute("PRAGMA max_page_count=2")  # the disk fills after two pages
        return con

    monkeypatch.setattr(opening.sqlite3, "connect", connect)
    with pytest.raises(DatabaseOpenError) as info:
        open_database(path)
    assert info.value.exit_code == 10 and "disken är full" in str(info.value)
    assert os.listdir(tmp_path) == ["gammal.db"]
    assert snapshot(path) == before


def test_db_option_works_before_and_after_the_command(lokus_file, tmp_path, capsys):
    assert main(["--db", str(lokus_file), "meetings"]) == 0
    before = capsys.readouterr().out
    assert main(["meetings", "--db", str(lokus_file)]) == 0
    assert capsys.readouterr().out == before and "LOKUS" in before
    with pytest.raises(SystemExit) as info:
        main(["--db", str(lokus_file), "meetings", "--db", str(tmp_path / "annan.db")])
    assert info.value.code == 2
    assert "--db anges två gånger" in capsys.readouterr().err


def test_a_closed_pipe_ends_quietly(lokus_file, tmp_path):
    env = {**os.environ, "LOKUS_DATA_DIR": str(tmp_path / "data")}
    command = f"{sys.executable} -m lokus_tui meetings --db '{lokus_file}' | head -1"
    result = subprocess.run(
        ["bash", "-o", "pipefail", "-c", command],
        capture_output=True,
        text=True,
        env=env,
        cwd=Path(__file__).resolve().parent.parent,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == "" and result.stdout.startswith("    id")
    assert not (tmp_path / "data" / "lokus-fel.log").exists()


async def test_the_app_shows_a_read_only_database_and_keeps_the_notes_locked(lokus_file):
    from lokus_tui.app import make_app

    os.chmod(lokus_file, 0o400)
    before = snapshot(lokus_file)
    app = make_app(lokus_file, start_section="meetings")
    async with app.run_test(size=(100, 40), notifications=True) as pilot:
        await until(  # the database opens in a thread
            pilot,
            lambda: app.database_ready and type(app.screen).__name__ == "MeetingsScreen",
            what="the database to open on Möten",
        )
        await pilot.pause()
        assert app.sub_title.startswith("Skrivskyddad — ändringar sparas inte")
        await pilot.press("enter")
        await until(pilot, lambda: type(app.screen).__name__ == "MeetingScreen", what="mötet")
        await go_to_tab(pilot, app.screen, "tab-notes")
        editor = app.screen.query_one("#notes-editor")
        assert editor.read_only
        assert "skrivskyddad" in str(app.screen.query_one("#notes-saved").render())
    assert snapshot(lokus_file) == before
