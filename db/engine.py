"""Opening a lokus database: file permissions, pragmas, migrations, sessions."""

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import event
from sqlalchemy.engine import Engine, make_url
from sqlmodel import Session, create_engine

from db import clock
from db.errors import DatabaseOpenError
from db.schema import FileState, inspect_file


class Database:
    """An open lokus database. Screens hold one; only ``db`` opens sessions."""

    def __init__(self, engine: Engine, path: Path | None, backup: Path | None = None):
        self.engine = engine
        self.path = path
        self.backup = backup  # the copy written before a migration, if any

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @contextmanager
    def session(self) -> Iterator[Session]:
        with Session(self.engine, expire_on_commit=False) as session:
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise

    def close(self) -> None:
        self.engine.dispose()


def is_url(target: str) -> bool:
    return "://" in target


def _casefold(value):
    return value.casefold() if isinstance(value, str) else value


def _sqlite_connect_hook(dbapi_connection, _record) -> None:
    dbapi_connection.create_function("casefold", 1, _casefold, deterministic=True)
    cur = dbapi_connection.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=5000")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def prepare_file(path: Path) -> None:
    """Create the folder 0700 and the file 0600 before SQLite touches them."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        if not path.exists():
            fd = os.open(path, os.O_CREAT | os.O_WRONLY | os.O_EXCL, 0o600)
            os.close(fd)
        else:
            os.chmod(path, 0o600)
    except OSError as exc:
        raise DatabaseOpenError(
            f"Databasfilen {path} kan inte skapas eller öppnas: {exc.strerror}", 2
        ) from exc


def make_engine(target: str | Path) -> tuple[Engine, Path | None]:
    if isinstance(target, str) and is_url(target):
        url = make_url(target)
        if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
            path = Path(url.database)
        else:
            path = None
        engine = create_engine(url)
    else:
        path = Path(target)
        engine = create_engine(
            f"sqlite:///{path}", connect_args={"check_same_thread": False}
        )
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_connect_hook)
    return engine, path


def backup_file(path: Path, revision: str | None) -> Path:
    """Write a consistent copy of the database beside it (SQLite backup API)."""
    stamp = clock.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.backup-{stamp}-rev{revision or 'okänd'}{path.suffix}")
    fd = os.open(target, os.O_CREAT | os.O_WRONLY | os.O_EXCL, 0o600)
    os.close(fd)
    src = sqlite3.connect(path)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    return target


def explain_state(path: Path, state: FileState) -> DatabaseOpenError:
    if state.state == "newer":
        return DatabaseOpenError(
            f"Databasen {path} har skapats av en nyare version av lokus "
            f"(schema {state.revision}). Uppdatera lokus för att öppna den.",
            3,
        )
    return DatabaseOpenError(
        f"Filen {path} är ingen lokus-databas ({state.detail}). "
        "Välj en annan fil med --db eller LOKUS_DB.",
        2,
    )


def open_database(target: str | Path, migrate: bool = True) -> Database:
    """Open (creating and migrating if needed) the database at a path or URL."""
    path_target = not (isinstance(target, str) and is_url(target))
    backup = None
    if path_target:
        path = Path(target).expanduser()
        state = inspect_file(path)
        if state.state in ("newer", "foreign"):
            raise explain_state(path, state)
        prepare_file(path)
        if state.state == "outdated" and migrate:
            backup = backup_file(path, state.revision)
        engine, _ = make_engine(path)
        needs_migration = state.state in ("new", "outdated")
    else:
        engine, path = make_engine(target)
        needs_migration = True
    if needs_migration and migrate:
        from db.migrate import upgrade

        try:
            upgrade(engine)
        except DatabaseOpenError:
            engine.dispose()
            raise
    return Database(engine, path, backup)
