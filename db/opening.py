"""Opening a lokus database file or URL: checks first, then permissions, a backup, migrations.

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
from contextlib import suppress
from pathlib import Path

from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import DBAPIError

from db import clock
from db.engine import Database, sqlite_engine
from db.errors import DatabaseOpenError, StorageError, storage_problem
from db.private_folders import make_private_folder
from db.schema import FileState, inspect_file, look_uri, sqlite_uri


def is_url(target: str) -> bool:
    return "://" in target


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


def migrate_schema(engine: Engine, path: Path | None) -> None:
    """Upgrade the schema to the newest; a Swedish DatabaseOpenError when it fails."""
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
            from db.opening_server import open_url

            return open_url(target, migrate, create)
    else:
        path = Path(target)
    path = path.expanduser()
    if make_folder and create and not path.exists():
        try:
            make_private_folder(path.parent)
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
            migrate_schema(engine, path)
        except BaseException:
            engine.dispose()
            if created:
                _remove_new_file(path)
            raise
    return Database(engine, path, backup)
