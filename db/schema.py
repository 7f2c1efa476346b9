"""Inspect a database file cheaply (plain sqlite3, no SQLAlchemy import).

The CLI uses this before the app starts so that the common case, a file that
is already at the current schema, costs a few milliseconds.
"""

import sqlite3
from dataclasses import dataclass
from pathlib import Path

# The newest migration this program ships. tests/test_migrations.py checks it
# against the Alembic scripts.
SCHEMA_HEAD = "0001"
KNOWN_REVISIONS = ("0001",)


@dataclass(frozen=True)
class FileState:
    state: str  # new, current, outdated, newer, foreign
    revision: str | None = None
    detail: str = ""


def inspect_file(path: Path) -> FileState:
    if not path.exists() or path.stat().st_size == 0:
        return FileState("new")
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        return FileState("foreign", detail=str(exc))
    try:
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if not tables:
            return FileState("new")
        if "alembic_version" not in tables or "initiative" not in tables:
            return FileState("foreign", detail="saknar lokus-tabeller")
        row = con.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.Error as exc:
        return FileState("foreign", detail=str(exc))
    finally:
        con.close()
    revision = row[0] if row else None
    if revision == SCHEMA_HEAD:
        return FileState("current", revision)
    if revision in KNOWN_REVISIONS or revision is None:
        return FileState("outdated", revision)
    return FileState("newer", revision)
