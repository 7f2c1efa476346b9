"""The Översikt read through the open database in one connection, with the driver's
own cursor: the same plain SQL as db/overview.py (which the first screen runs with
the standard library before this module's SQLAlchemy is loaded), without a
session per query."""

from datetime import date

from db.engine import Database
from db.overview import get_overview
from db.records import Overview


def read_overview(db: Database, today: date, page: int = 0) -> Overview:
    if not db.is_sqlite:
        return get_overview(db.read_rows, today, page)
    with db.engine.connect() as conn:
        raw = conn.connection.driver_connection
        assert raw is not None

        def rows(sql: str, params: dict) -> list[tuple]:
            plain = {k: v.isoformat() if isinstance(v, date) else v for k, v in params.items()}
            return raw.execute(sql, plain).fetchall()

        return get_overview(rows, today, page)
