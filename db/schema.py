"""Look at a database file before anything opens it for writing (plain sqlite3).

The command line uses this before the app starts, so the common case, a file
at the current schema, costs a few milliseconds and no SQLAlchemy import. It
never writes: it opens the file read-only and only reads ``sqlite_master`` and
``alembic_version``.
"""

import os
import sqlite3
import stat
from pathlib import Path
from typing import NamedTuple
from urllib.parse import quote

from db.errors import DatabaseOpenError, storage_problem

# The newest migration this program ships. tests/test_migrations.py checks it
# against the Alembic scripts.
SCHEMA_HEAD = "0006"
KNOWN_REVISIONS = ("0001", "0002", "0003", "0004", "0005", "0006")
LOKUS_TABLES = {"initiative", "meeting", "person", "lokus_group"}


class FileState(NamedTuple):  # (not a dataclass: made at start-up, see db/records/overview.py)
    state: str  # new (missing, or empty and allowed), current, outdated
    revision: str | None = None
    read_only: bool = False
    read_only_reason: str = ""


def sqlite_uri(path: Path, mode: str) -> str:
    """A URI that names exactly this path: '?' and '#' in a file name stay literal."""
    return f"file:{quote(str(path.absolute()))}?mode={mode}"


def look_uri(path: Path) -> str:
    """A read-only URI that leaves no trace. With no -wal or -journal file beside it,
    nobody has the database open for writing, so it is read as an immutable file and
    SQLite creates no -wal or -shm file; otherwise it is read normally."""
    in_use = any(Path(f"{path}{suffix}").exists() for suffix in ("-wal", "-journal"))
    return sqlite_uri(path, "ro") + ("" if in_use else "&immutable=1")


def read_only_reason(path: Path) -> str:
    """Why lokus must not write this file ('' when it may). Mode bits count even for root."""
    try:
        mode = path.stat().st_mode
        folder_mode = path.parent.stat().st_mode
    except OSError:
        return ""
    if not mode & stat.S_IWUSR or not os.access(path, os.W_OK):
        return "filen är skrivskyddad"
    if not folder_mode & stat.S_IWUSR or not os.access(path.parent, os.W_OK):
        return "mappen är skrivskyddad"
    return ""


def inspect_file(path: Path, *, missing_ok: bool = True, empty_ok: bool = True) -> FileState:
    """What is at ``path``; raises DatabaseOpenError for anything lokus must not open."""
    if not path.exists():
        if not path.parent.is_dir():
            raise DatabaseOpenError(
                f"Mappen {path.parent} finns inte, så databasen {path} kan inte öppnas eller "
                "skapas. Kontrollera sökvägen.",
                problem="missing",
            )
        if not missing_ok:
            raise DatabaseOpenError(
                f"Databasen {path} finns inte. Ange en annan fil med --db eller LOKUS_DB "
                "(lokus where visar standardfilen).",
                problem="missing",
            )
        return FileState("new")
    if path.is_dir():
        raise DatabaseOpenError(f"{path} är en mapp, inte en databasfil.", problem="directory")
    reason = read_only_reason(path)
    if path.stat().st_size == 0:
        if not empty_ok:
            raise DatabaseOpenError(
                f"Filen {path} är tom (0 byte) och är ingen lokus-databas. Ta bort den eller "
                "välj en annan fil.",
                problem="empty",
            )
        return FileState("new", read_only=bool(reason), read_only_reason=reason)
    try:
        con = sqlite3.connect(look_uri(path), uri=True, timeout=2)
    except sqlite3.Error as exc:
        raise _explain(path, exc) from None
    try:
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if not tables:
            raise DatabaseOpenError(
                f"Filen {path} är en tom SQLite-databas utan lokus-tabeller. Välj en annan fil "
                "eller ta bort den.",
                problem="foreign",
            )
        if "alembic_version" not in tables or not tables >= LOKUS_TABLES:
            raise DatabaseOpenError(
                f"Filen {path} är ingen lokus-databas (den saknar lokus-tabeller). Välj en "
                "annan fil med --db eller LOKUS_DB.",
                problem="foreign",
            )
        rows = con.execute("SELECT version_num FROM alembic_version").fetchall()
    except sqlite3.Error as exc:
        raise _explain(path, exc) from None
    finally:
        con.close()
    if len(rows) != 1 or not rows[0][0]:
        raise DatabaseOpenError(
            f"Databasen {path} är skadad: uppgiften om dess version saknas. Öppna en "
            "säkerhetskopia (lokus.backup-…) i stället.",
            problem="damaged",
        )
    revision = rows[0][0]
    if revision == SCHEMA_HEAD:
        return FileState("current", revision, bool(reason), reason)
    if revision in KNOWN_REVISIONS:
        return FileState("outdated", revision, bool(reason), reason)
    raise DatabaseOpenError(
        f"Databasen {path} har skapats av en nyare version av lokus (schema {revision}). "
        "Uppdatera lokus för att öppna den.",
        problem="newer",
    )


def _explain(path: Path, exc: sqlite3.Error) -> DatabaseOpenError:
    problem = storage_problem(exc)
    text = str(exc)
    if "not a database" in text or "file is encrypted" in text:
        return DatabaseOpenError(
            f"Filen {path} är ingen lokus-databas (det är ingen SQLite-fil). Välj en annan fil "
            "med --db eller LOKUS_DB.",
            problem="foreign",
        )
    if problem == "locked":
        return DatabaseOpenError(
            f"Databasen {path} är låst av ett annat program. Försök igen om en stund.",
            problem="locked",
        )
    if problem == "damaged":
        return DatabaseOpenError(
            f"Databasen {path} är skadad (SQLite: {text}). Öppna en säkerhetskopia "
            "(lokus.backup-…) i stället.",
            problem="damaged",
        )
    if problem == "disk_full":
        return DatabaseOpenError(
            f"Disken är full; databasen {path} kan inte öppnas.", problem="disk_full"
        )
    if problem == "read_only":
        return DatabaseOpenError(
            f"Databasen {path} kan inte läsas (skrivskyddad).", problem="read_only"
        )
    return DatabaseOpenError(f"Databasen {path} kan inte öppnas (SQLite: {text}).", problem="other")
