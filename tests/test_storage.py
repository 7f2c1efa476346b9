import os
import sqlite3
import stat

import pytest

from db.errors import DatabaseOpenError
from db.initiative_changes import create_initiative
from db.initiatives import list_initiatives
from db.migrate import current_revision, head_revision
from db.opening import open_database
from db.records import InitiativeInput
from db.schema import SCHEMA_HEAD


def test_schema_head_constant_matches_alembic():
    assert head_revision() == SCHEMA_HEAD


def test_new_file_and_folder_are_private(tmp_path):
    path = tmp_path / "nested" / "deeper" / "lokus.db"
    db = open_database(path)
    db.close()
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    # every folder lokus made, not only the last (mkdir's mode covers only that one)
    for folder in (path.parent, path.parent.parent):
        assert stat.S_IMODE(os.stat(folder).st_mode) == 0o700, folder


def test_the_data_folder_lokus_makes_for_drafts_is_private(tmp_path, monkeypatch):
    from lokus_tui.drafts import save_draft

    data = tmp_path / "home" / "lokus-data"
    monkeypatch.setenv("LOKUS_DATA_DIR", str(data))
    os.chmod(tmp_path, 0o755)
    save_draft("x.db", "insats-ny", {"name": "Anna"}, {"name": ""}, None)
    for folder in (data / "utkast", data, data.parent):
        assert stat.S_IMODE(os.stat(folder).st_mode) == 0o700, folder
    assert stat.S_IMODE(os.stat(tmp_path).st_mode) == 0o755  # (it was there: kept)


def test_pragmas(database):
    with database.engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        assert raw.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert raw.execute("PRAGMA busy_timeout").fetchone()[0] == 5000


def test_migration_on_empty_database(tmp_path):
    db = open_database(tmp_path / "x.db")
    assert current_revision(db.engine) == SCHEMA_HEAD
    db.close()


def test_reopen_keeps_rows_and_writes_no_backup(tmp_path):
    path = tmp_path / "x.db"
    db = open_database(path)
    create_initiative(db, InitiativeInput(name="Kvar efter omstart"))
    db.close()
    again = open_database(path)
    assert again.backup is None
    assert [r.name for r in list_initiatives(again).rows] == ["Kvar efter omstart"]
    again.close()


def make_old_database(path, revision="0001"):
    """A database as an older lokus left it: schema at ``revision``, one insats."""
    from db.engine import sqlite_engine
    from db.migrate import upgrade

    path.touch(mode=0o600)
    engine = sqlite_engine(path)
    upgrade(engine, revision)
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO initiative (id, created_at, updated_at, version, name, reference, "
            "purpose, target_group, method, background, orientation, priority_groups, "
            "manual_status) VALUES (1, '2026-01-01', '2026-01-01', 1, 'Måste överleva', "
            "'', '', '', '', '', '', '', '')"
        )
    engine.dispose()


def test_outdated_database_is_backed_up_before_migration(tmp_path):
    path = tmp_path / "x.db"
    make_old_database(path)
    again = open_database(path)
    assert current_revision(again.engine) == SCHEMA_HEAD
    assert again.backup is not None and again.backup.exists()
    assert "rev0001" in again.backup.name
    assert stat.S_IMODE(os.stat(again.backup).st_mode) == 0o600
    copy = sqlite3.connect(again.backup)
    assert copy.execute("SELECT name FROM initiative").fetchall() == [("Måste överleva",)]
    assert copy.execute("SELECT version_num FROM alembic_version").fetchall() == [("0001",)]
    copy.close()
    assert list_initiatives(again).total == 1
    again.close()


def test_newer_database_is_refused(tmp_path):
    path = tmp_path / "x.db"
    open_database(path).close()
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num = '9999'")
    con.commit()
    con.close()
    with pytest.raises(DatabaseOpenError) as info:
        open_database(path)
    assert info.value.exit_code == 3
    assert "nyare version av lokus" in str(info.value)


@pytest.mark.parametrize("content", [b"hello, this is not sqlite at all" * 10, None])
def test_foreign_file_is_refused(tmp_path, content):
    path = tmp_path / "x.db"
    if content is None:
        con = sqlite3.connect(path)
        con.execute("CREATE TABLE other (x)")
        con.commit()
        con.close()
    else:
        path.write_bytes(content)
    before = path.read_bytes()
    with pytest.raises(DatabaseOpenError) as info:
        open_database(path)
    assert "ingen lokus-databas" in str(info.value)
    assert path.read_bytes() == before


def test_timestamps_are_utc_aware(database):
    from db.models import Initiative

    create_initiative(database, InitiativeInput(name="Tid"))
    with database.session() as s:
        row = s.get(Initiative, 1)
        assert row.created_at.tzinfo is not None
        assert row.created_at.utcoffset().total_seconds() == 0
