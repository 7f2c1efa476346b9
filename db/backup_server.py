"""A copy of a shared database (PostgreSQL) before lokus changes its schema: every
table, read through SQLAlchemy's reflection, as gzipped JSON lines in the user's
data folder (0600). The SQLite file gets a byte copy instead (db/opening.py); a
server database has no file to copy, and pg_dump may not be installed."""

import gzip
import json
import os
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path

from sqlalchemy import MetaData, select
from sqlalchemy.engine import Engine, make_url

from db import clock
from db.private_folders import make_private_folder

ENV_DATA_DIR = "LOKUS_DATA_DIR"  # the same folder as lokus_tui/config.py's data_dir()


def backup_folder() -> Path:
    env = os.environ.get(ENV_DATA_DIR)
    if env:
        base = Path(env).expanduser()
    else:
        from platformdirs import user_data_path

        base = user_data_path("lokus", appauthor=False)
    return base / "säkerhetskopior"


def _value(value):
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, bytes):
        return value.hex()
    return value


def backup_server_database(engine: Engine, revision: str | None) -> Path:
    """Write every row of every table; the path of the file. A failure leaves no
    file behind (and the caller does not migrate)."""
    folder = backup_folder()
    make_private_folder(folder)
    name = make_url(str(engine.url)).database or "lokus"
    stamp = clock.now().strftime("%Y%m%d-%H%M%S")
    target = folder / f"{name}.backup-{stamp}-rev{revision or 'okänd'}.jsonl.gz"
    tmp = target.with_suffix(".tmp")
    meta = MetaData()
    meta.reflect(bind=engine)
    fd = os.open(tmp, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(fd, "wb") as raw, gzip.open(raw, "wt", encoding="utf-8") as out:
            with engine.connect() as conn:
                for table in meta.sorted_tables:
                    for row in conn.execute(select(table)).mappings():
                        record = {k: _value(v) for k, v in row.items()}
                        out.write(json.dumps({"table": table.name, "row": record}) + "\n")
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return target
