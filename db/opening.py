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
from db.engine import Database, server_engine, sqlite_engine
from db.errors import DatabaseOpenError, StorageError, storage_problem
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
            return _open_url(target, migrate, create)
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


def _server_problem(exc: DBAPIError, shown: str) -> DatabaseOpenError:
    """Why a database server could not be reached, as a Swedish sentence without the
    password (``shown`` is the URL with *** for it) and an exit code."""
    orig = exc.orig or exc
    state = getattr(orig, "sqlstate", None) or ""
    text = str(orig).lower()
    if state in ("28P01", "28000") or any(
        words in text
        for words in (
            "password authentication failed",
            "no password supplied",
            "authentication failed",
            'role "',
        )
    ):
        return DatabaseOpenError(
            f"Inloggningen på databasservern misslyckades för {shown}: fel användarnamn eller "
            "lösenord. Kontrollera lösenordet i ~/.pgpass eller PGPASSWORD.",
            problem="auth",
        )
    if state == "3D000" or ("database" in text and "does not exist" in text):
        return DatabaseOpenError(
            f"Databasen {shown} finns inte på servern. Skapa den först (t.ex. createdb) "
            "eller kontrollera namnet.",
            problem="missing",
        )
    if any(
        words in text
        for words in (
            "connection refused",
            "could not connect",
            "could not translate host name",
            "name or service not known",
            "timeout expired",
            "timed out",
            "no route to host",
            "network is unreachable",
            "connection failed",
        )
    ):
        return DatabaseOpenError(
            f"Databasservern för {shown} svarar inte. Kontrollera adressen och porten och att "
            "servern är igång.",
            problem="unreachable",
        )
    return DatabaseOpenError(
        f"Databasen {shown} kan inte öppnas ({StorageError(storage_problem(orig))}).",
        problem="other",
    )


# Exit codes beside db.errors.OPEN_PROBLEMS for a database server.


def _open_url(target: str, migrate: bool, create: bool = True) -> Database:
    """Another database server (PostgreSQL): only an empty or lokus database is used.

    An empty database is set up (the migrations) only when ``create`` and ``migrate``;
    a read-only command (``migrate=False``) never changes the schema."""
    from sqlalchemy import inspect

    from db.migrate import current_revision
    from db.schema import KNOWN_REVISIONS, LOKUS_TABLES, SCHEMA_HEAD

    shown = display_url(target)
    try:
        engine = server_engine(target)
    except ImportError as exc:
        raise DatabaseOpenError(
            "Drivrutinen för PostgreSQL saknas. Installera den med: pip install 'lokus[postgres]'",
            problem="other",
        ) from exc
    try:
        tables = set(inspect(engine).get_table_names())
        revision = current_revision(engine) if "alembic_version" in tables else None
    except DBAPIError as exc:
        engine.dispose()
        raise _server_problem(exc, shown) from exc
    try:
        if tables and ("alembic_version" not in tables or not tables >= LOKUS_TABLES):
            raise DatabaseOpenError(
                f"Databasen {shown} är ingen lokus-databas (den har andra tabeller).",
                problem="foreign",
            )
        if revision is not None and revision not in KNOWN_REVISIONS:
            raise DatabaseOpenError(
                f"Databasen {shown} har skapats av en nyare version av lokus (schema "
                f"{revision}). Uppdatera lokus för att öppna den.",
                problem="newer",
            )
        if not tables and not (create and migrate):
            raise DatabaseOpenError(
                f"Databasen {shown} är tom (inga lokus-tabeller än). Öppna den en gång med: "
                f"lokus --db {shown}",
                problem="empty",
            )
        if revision not in (None, SCHEMA_HEAD) and not migrate:
            raise DatabaseOpenError(
                f"Databasen {shown} har en äldre version (schema {revision}) och behöver "
                f"uppgraderas. Öppna den en gång med: lokus --db {shown}",
                problem="outdated",
            )
        if not tables:
            _check_server_text(engine, shown)
        backup = None
        if migrate and revision != SCHEMA_HEAD:
            if revision is not None:  # a lokus database with rows: a copy first
                backup = _backup_server(engine, revision, shown)
            _migrate(engine, None)
    except BaseException:
        engine.dispose()
        raise
    return Database(engine, None, backup)


def _backup_server(engine: Engine, revision: str, shown: str) -> Path:
    from db.backup_server import backup_server_database

    try:
        return backup_server_database(engine, revision)
    except OSError as exc:
        raise DatabaseOpenError(
            f"Databasen {shown} uppgraderades inte: säkerhetskopian kunde inte skrivas "
            f"({exc.strerror or exc}).",
            problem="disk_full" if exc.errno == 28 else "other",
        ) from exc
    except DBAPIError as exc:
        raise _server_problem(exc, shown) from exc


def _check_server_text(engine: Engine, shown: str) -> None:
    """Case-insensitive filters and search need a database whose locale knows å, ä and ö
    (a UTF-8 locale; the 'C' locale folds only A-Z)."""
    from sqlalchemy import text

    with engine.connect() as conn:
        folded = conn.execute(text("SELECT lower('ÅÄÖ')")).scalar()
    if folded != "åäö":
        raise DatabaseOpenError(
            f"Databasen {shown} har en teckeninställning (locale) där å, ä och ö inte kan "
            "jämföras utan hänsyn till versaler. Skapa den med en UTF-8-locale, t.ex. "
            "createdb --locale=C.UTF-8 --encoding=UTF8 --template=template0.",
            problem="other",
        )
