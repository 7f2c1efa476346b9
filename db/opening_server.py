"""Opening a database on a server (PostgreSQL): only an empty or lokus database is
used, its schema is set up or upgraded (after a copy of every row), and every
problem is a Swedish sentence with the URL shown without its password."""

from pathlib import Path

from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError

from db.engine import Database, server_engine
from db.errors import DatabaseOpenError, StorageError, storage_problem
from db.opening import display_url, migrate_schema


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


def open_url(target: str, migrate: bool, create: bool = True) -> Database:
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
            migrate_schema(engine, None)
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
