"""Opening a lokus database: checks first, then permissions, pragmas, migrations, sessions.

Opening is careful about the file it is given:

- a path is taken literally (``?`` and ``#`` are part of the name);
- only a lokus database is ever migrated, and only after a backup copy was
  written; a backup that fails leaves no file behind and stops the migration;
- a read-only file is opened read-only and its mode is never changed;
- ``create=False`` and ``migrate=False`` (the read-only commands) never create,
  migrate or change a file.
"""

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from sqlalchemy import event, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm.exc import StaleDataError
from sqlmodel import Session, create_engine

from db import clock
from db.errors import (
    ConflictError,
    DatabaseOpenError,
    StorageError,
    storage_problem,
)
from db.schema import FileState, inspect_file, look_uri, sqlite_uri

BUSY_TIMEOUT_MS = 5000


class Database:
    """An open lokus database. Screens hold one; only ``db`` opens sessions."""

    def __init__(
        self,
        engine: Engine,
        path: Path | None,
        backup: Path | None = None,
        read_only: bool = False,
        read_only_reason: str = "",
    ):
        self.engine = engine
        self.path = path
        self.backup = backup  # the copy written before a migration, if any
        self.read_only = read_only
        self.read_only_reason = read_only_reason

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    def read_rows(self, sql: str, params: dict) -> list[tuple]:
        """Rows of one plain SQL query with :named parameters (db/overview.py)."""
        with self.session() as s:
            return [tuple(r) for r in s.execute(text(sql), params)]

    @contextmanager
    def session(self, busy_timeout_ms: int | None = None) -> Iterator[Session]:
        """One transaction. A stale version becomes ConflictError; a locked database,
        a full disk or an I/O error becomes StorageError (a Swedish sentence without
        any SQL or values). ``busy_timeout_ms`` waits less for a lock (autosave)."""
        with Session(self.engine, expire_on_commit=False) as session:
            short_wait_ms = busy_timeout_ms if self.is_sqlite else None
            try:
                if short_wait_ms is not None:
                    session.connection().exec_driver_sql(
                        f"PRAGMA busy_timeout={int(short_wait_ms)}"
                    )
                yield session
                session.commit()
            except StaleDataError as exc:
                session.rollback()
                raise ConflictError() from exc
            except IntegrityError:
                session.rollback()
                raise
            except DBAPIError as exc:
                session.rollback()
                raise StorageError(storage_problem(exc.orig or exc)) from exc
            except BaseException:
                session.rollback()
                raise
            finally:
                if short_wait_ms is not None:
                    with suppress(Exception):
                        session.connection().exec_driver_sql(
                            f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}"
                        )

    def close(self) -> None:
        self.engine.dispose()


def is_url(target: str) -> bool:
    return "://" in target


def _casefold(value):
    return value.casefold() if isinstance(value, str) else value


def _sqlite_hook(wal: bool):
    def hook(dbapi_connection, _record) -> None:
        dbapi_connection.create_function("casefold", 1, _casefold, deterministic=True)
        cur = dbapi_connection.cursor()
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        if wal:
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
        cur.close()

    return hook


def sqlite_engine(path: Path, mode: str = "rw", wal: bool = True) -> Engine:
    """An engine on exactly this file (no URL parsing of the name)."""
    uri = sqlite_uri(path, mode)

    def connect():
        return sqlite3.connect(uri, uri=True, check_same_thread=False)

    engine = create_engine("sqlite://", creator=connect, hide_parameters=True)
    event.listen(engine, "connect", _sqlite_hook(wal and mode != "ro"))
    return engine


def display_url(target: str) -> str:
    """A database URL fit to print: the password (if any) shown as ***."""
    try:
        return make_url(target).render_as_string(hide_password=True)
    except Exception:  # noqa: BLE001 - a malformed URL is shown without anything after '//'
        return target.split("://", 1)[0] + "://***"


def sqlite_path_of(target: str) -> Path | None:
    """The file a sqlite:/// URL names, or None for other URLs."""
    url = make_url(target)
    if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
        return Path(url.database)
    return None


def _create_file(path: Path) -> None:
    """Create the database file 0600 (its folder must exist)."""
    try:
        fd = os.open(path, os.O_CREAT | os.O_WRONLY | os.O_EXCL, 0o600)
        os.close(fd)
    except OSError as exc:
        raise DatabaseOpenError(
            f"Databasfilen {path} kan inte skapas: {exc.strerror}",
            problem="disk_full" if exc.errno == 28 else "other",
        ) from exc


def _remove_new_file(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        with suppress(OSError):
            Path(f"{path}{suffix}").unlink()


def backup_file(path: Path, revision: str | None) -> Path:
    """Write a consistent copy of the database beside it (SQLite backup API).

    On any failure the partial copy is removed and DatabaseOpenError is raised."""
    stamp = clock.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.backup-{stamp}-rev{revision or 'okänd'}{path.suffix}")
    try:
        fd = os.open(target, os.O_CREAT | os.O_WRONLY | os.O_EXCL, 0o600)
        os.close(fd)
    except OSError as exc:
        raise DatabaseOpenError(
            f"Säkerhetskopian {target} kunde inte skrivas ({exc.strerror}); databasen har inte "
            "uppgraderats.",
            problem="disk_full" if exc.errno == 28 else "read_only",
        ) from exc
    try:
        src = sqlite3.connect(look_uri(path), uri=True)
        dst = sqlite3.connect(sqlite_uri(target, "rw"), uri=True)
        try:
            src.backup(dst)
        finally:
            dst.close()
            src.close()
    except (sqlite3.Error, OSError) as exc:
        _remove_new_file(target)
        problem = storage_problem(exc) if isinstance(exc, sqlite3.Error) else "other"
        raise DatabaseOpenError(
            "Säkerhetskopian kunde inte skrivas"
            + (" eftersom disken är full" if problem == "disk_full" else "")
            + "; databasen har inte uppgraderats och är oförändrad.",
            problem="disk_full" if problem == "disk_full" else "other",
        ) from exc
    return target


def _migrate(engine: Engine, path: Path | None) -> None:
    from db.migrate import upgrade

    try:
        upgrade(engine)
    except DatabaseOpenError:
        raise
    except DBAPIError as exc:
        problem = storage_problem(exc.orig or exc)
        where = f" {path}" if path else ""
        if problem == "disk_full":
            raise DatabaseOpenError(
                f"Disken är full; databasen{where} kunde inte uppgraderas.", problem="disk_full"
            ) from exc
        if problem == "locked":
            raise DatabaseOpenError(
                f"Databasen{where} är låst av ett annat program. Försök igen om en stund.",
                problem="locked",
            ) from exc
        raise DatabaseOpenError(
            f"Databasen{where} kunde inte uppgraderas ({StorageError(problem)}).", problem="other"
        ) from exc


def open_database(
    target: str | Path,
    *,
    create: bool = True,
    migrate: bool = True,
    empty_ok: bool = True,
    make_folder: bool = True,
) -> Database:
    """Open the database at a path or URL.

    ``create``: a missing file may be created (in an existing folder, or in a new
    private folder when ``make_folder``). ``migrate``: an older schema may be
    upgraded (after a backup). ``empty_ok``: a zero-byte file counts as new.
    """
    if isinstance(target, str) and is_url(target):
        path = sqlite_path_of(target)
        if path is None:
            return _open_url(target, migrate)
    else:
        path = Path(target)
    path = path.expanduser()
    if make_folder and create and not path.exists():
        try:
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        except OSError as exc:
            raise DatabaseOpenError(
                f"Mappen {path.parent} kan inte skapas: {exc.strerror}", problem="missing"
            ) from exc
    state = inspect_file(path, missing_ok=create, empty_ok=empty_ok and create)
    return _open_file(path, state, migrate)


def _open_file(path: Path, state: FileState, migrate: bool) -> Database:
    if state.state == "outdated" and not migrate:
        raise DatabaseOpenError(
            f"Databasen {path} har en äldre version (schema {state.revision}) och behöver "
            f"uppgraderas. Öppna den en gång med: lokus --db {path} (en säkerhetskopia skrivs "
            "först).",
            problem="outdated",
        )
    if state.read_only:
        if state.state != "current":
            raise DatabaseOpenError(
                f"Databasen {path} är skrivskyddad ({state.read_only_reason}) och kan inte "
                + (
                    "skapas."
                    if state.state == "new"
                    else "uppgraderas till den här versionen av lokus. Ge skrivrättighet eller "
                    "öppna en kopia."
                ),
                problem="read_only",
            )
        return Database(
            sqlite_engine(path, "ro"), path, read_only=True, read_only_reason=state.read_only_reason
        )
    created = False
    if state.state == "new" and not path.exists():
        _create_file(path)
        created = True
    backup = None
    if state.state == "outdated":
        backup = backup_file(path, state.revision)
    engine = sqlite_engine(path, "rw", wal=migrate)
    if state.state in ("new", "outdated"):
        try:
            _migrate(engine, path)
        except BaseException:
            engine.dispose()
            if created:
                _remove_new_file(path)
            raise
    return Database(engine, path, backup)


def _open_url(target: str, migrate: bool) -> Database:
    """Another database server (PostgreSQL): only an empty or lokus database is used."""
    from sqlalchemy import inspect

    engine = create_engine(target, hide_parameters=True)
    try:
        tables = set(inspect(engine).get_table_names())
    except DBAPIError as exc:
        engine.dispose()
        raise DatabaseOpenError(
            f"Databasen kan inte öppnas ({StorageError(storage_problem(exc.orig or exc))}).",
            problem="other",
        ) from exc
    if tables and ("alembic_version" not in tables or "initiative" not in tables):
        engine.dispose()
        raise DatabaseOpenError(
            "Databasen är ingen lokus-databas (den har andra tabeller).", problem="foreign"
        )
    if migrate:
        try:
            _migrate(engine, None)
        except BaseException:
            engine.dispose()
            raise
    return Database(engine, None)
