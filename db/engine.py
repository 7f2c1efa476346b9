"""The Database: an engine with lokus's SQLite (or PostgreSQL) settings, sessions that
raise lokus errors."""

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from sqlalchemy import event, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm.exc import StaleDataError
from sqlmodel import Session, create_engine

from db.errors import ConflictError, StorageError, storage_problem
from db.schema import sqlite_uri

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

    def sync_id_sequences(self) -> None:
        """After rows were written with explicit ids (the bulk inserts of db/demo.py, a
        copy), let PostgreSQL's id sequences continue after the highest id, so the next
        row added the ordinary way gets a free id. Nothing to do on SQLite."""
        if self.engine.dialect.name != "postgresql":
            return
        with self.engine.begin() as conn:
            owned = conn.execute(
                text(
                    "SELECT table_name, column_name, "
                    "pg_get_serial_sequence(quote_ident(table_name), column_name) "
                    "FROM information_schema.columns WHERE table_schema = current_schema() "
                    "AND pg_get_serial_sequence(quote_ident(table_name), column_name) "
                    "IS NOT NULL"
                )
            ).all()
            for table, column, sequence in owned:
                conn.execute(
                    text(
                        f'SELECT setval(:sequence, coalesce((SELECT max("{column}") '
                        f'FROM "{table}"), 0) + 1, false)'
                    ),
                    {"sequence": sequence},
                )

    def close(self) -> None:
        self.engine.dispose()


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


def server_engine(url: str) -> Engine:
    """An engine on a database server (PostgreSQL). With psycopg 3 the parameters are
    bound on the client, as SQLite and psycopg2 do: lokus's plain SQL has parameters
    whose type only the value tells (``:group IS NULL``), which server-side binding
    cannot type. A dropped connection is noticed before use (``pool_pre_ping``)."""
    options: dict = {"hide_parameters": True, "pool_pre_ping": True}
    if make_url(url).get_dialect().driver == "psycopg":
        import psycopg

        options["connect_args"] = {"cursor_factory": psycopg.ClientCursor}
    return create_engine(url, **options)
