"""Moving in: copy one lokus database (a coordinator's SQLite file) into another (the
förbund's shared PostgreSQL database, or another file), merging what is already there.

Every table of the model is copied in the order of its foreign keys; every row either
matches a row the target already has (by a natural key, below) or is inserted with a new
id, and every foreign key is translated to the target's ids. A matched row is kept as
the target has it; only a merged person's or organisation's *empty* fields are filled
in from the copy ("kompletterad"), so nothing the source knew is lost.

Natural keys, tried in order (text compared without case and extra spaces):

- organisations and lokusgrupper by name;
- people by e-mail, then by name (not when both have different e-mail addresses);
- insatser by Dnr, then by name (not when both have different Dnr); meetings by (group, date, start time);
- every other row by its parent and what it says (an agenda item by meeting and
  title, a decision by agenda item and text …) or by the table's unique columns.

Each target row is claimed by at most one source row, so two people of the same name
stay two people, and copying the same file twice matches every row the second time:
the second run adds nothing. An own group (own_group) without a user name, which in
a one-user file means the user's own, becomes the own group of the one who copies
(LOKUS_USER or the login name), not everyone's in the shared database.

Everything happens in one transaction on the target (all or nothing). On PostgreSQL
the copied tables are locked against other writers meanwhile (readers go on), new ids
come from the tables' sequences, and the sequences are synced afterwards.
"""

from collections import defaultdict
from collections.abc import Callable
from typing import Any

from sqlalchemy import Table, func, insert, inspect, select, text, update
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError
from sqlmodel import SQLModel

import db.models  # noqa: F401 - every table of the model in SQLModel.metadata
from db.copy_plan import FILL_BLANKS, KEYS, CopyReport, TableCopy  # noqa: F401 - public
from db.engine import Database
from db.errors import ConflictError, LokusError, StorageError

BOOKKEEPING = ("id", "created_at", "updated_at", "version", "changed_by")
BATCH = 1000


class CopyError(LokusError):
    """The copy could not be made; nothing was changed in the target."""

    exit_code = 12


class _DryRun(Exception):
    pass


def _norm(value: Any) -> Any:
    if isinstance(value, str):
        return " ".join(value.split()).casefold()
    return value


def _key(row: dict, columns: tuple[str, ...]) -> tuple | None:
    """The natural key of a row; None when every part is empty (no e-mail, no Dnr)."""
    key = tuple(_norm(row.get(c)) for c in columns)
    return None if all(v in (None, "") for v in key) else key


def _keys_of(table: Table) -> list[tuple[str, tuple[str, ...]]]:
    if table.name in KEYS:
        return KEYS[table.name]
    for constraint in table.constraints:  # a unique constraint, or every column
        names = tuple(c.name for c in getattr(constraint, "columns", ()))
        if constraint.__class__.__name__ == "UniqueConstraint" and names:
            return [("nyckel", names)]
    unique = tuple(c.name for c in table.columns if c.unique and c.name != "id")
    if unique:
        return [("nyckel", unique)]
    return [("innehåll", tuple(c.name for c in table.columns if c.name not in BOOKKEEPING))]


def _compatible(earlier: list[tuple[str, ...]]) -> Callable[[dict, dict], bool]:
    """May this source row merge into that target row by a later key? Not when an
    earlier key is filled in on both and differs: the same name but two different
    e-mail addresses (or two different Dnr) are two people (two insatser)."""

    def fits(src: dict, dst: dict) -> bool:
        for columns in earlier:
            a, b = _key(src, columns), _key(dst, columns)
            if a is not None and b is not None and a != b:
                return False
        return True

    return fits


def model_tables(source: Database, target: Database) -> list[Table]:
    """The model's tables in foreign-key order, as far as both databases have them."""
    have = set(inspect(source.engine).get_table_names()) & set(
        inspect(target.engine).get_table_names()
    )
    return [t for t in SQLModel.metadata.sorted_tables if t.name in have]


def copy_database(source: Database, target: Database, dry_run: bool = False) -> CopyReport:
    """Copy every row of ``source`` into ``target`` (see the module text). Raises
    CopyError, StorageError; the target is unchanged then (and after a dry run)."""
    tables = model_tables(source, target)
    data = {t.name: _read(source, t) for t in tables}
    report = CopyReport([], dry_run=dry_run)
    try:
        with target.session() as s:
            conn = s.connection()
            _lock(conn, tables)
            ids: dict[str, dict[int, int]] = {}
            for table in tables:
                report.tables.append(_copy_table(conn, table, data[table.name], ids))
            if dry_run:
                raise _DryRun()
    except _DryRun:
        return report
    except IntegrityError as exc:
        raise CopyError(
            "Kopieringen stoppades av en regel i måldatabasen (en rad som redan finns eller "
            f"saknar sin motsvarighet: {_constraint(exc)}). Ingenting har ändrats."
        ) from exc
    except ConflictError as exc:
        raise CopyError(
            "Måldatabasen ändrades av någon annan under kopieringen. Ingenting har ändrats; "
            "försök igen."
        ) from exc
    except StorageError:
        raise
    target.sync_id_sequences()
    return report


def _constraint(exc: IntegrityError) -> str:
    diag = getattr(exc.orig, "diag", None)
    name = getattr(diag, "constraint_name", None)
    if name:
        return str(name)
    return str(exc.orig).split("\n")[0][:120]


def _read(db: Database, table: Table) -> list[dict]:
    with db.engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(select(table).order_by(table.c.id))]


def _lock(conn: Connection, tables: list[Table]) -> None:
    """Nobody else writes the copied tables until the copy is committed."""
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql("BEGIN IMMEDIATE")
    elif conn.dialect.name == "postgresql":
        names = ", ".join(f'"{t.name}"' for t in tables)
        conn.exec_driver_sql(f"LOCK TABLE {names} IN EXCLUSIVE MODE")


def _new_ids(conn: Connection, table: Table, n: int) -> list[int]:
    """``n`` ids no other row has or will get."""
    if n == 0:
        return []
    if conn.dialect.name == "postgresql":
        sequence = conn.execute(
            text("SELECT pg_get_serial_sequence(:t, 'id')"), {"t": f'"{table.name}"'}
        ).scalar()
        if sequence:
            return list(
                conn.execute(
                    text("SELECT nextval(:s) FROM generate_series(1, :n)"),
                    {"s": sequence, "n": n},
                ).scalars()
            )
    start = (conn.execute(select(func.max(table.c.id))).scalar() or 0) + 1
    return list(range(start, start + n))


def _copy_table(
    conn: Connection, table: Table, rows: list[dict], ids: dict[str, dict[int, int]]
) -> TableCopy:
    result = TableCopy(table.name, rows=len(rows))
    refs = {
        fk.parent.name: (fk.column.table.name, fk.parent.nullable)
        for fk in table.foreign_keys
        if fk.column.name == "id"
    }
    mapped = [_map(row, refs, ids, table.name) for row in rows]
    if table.name == "own_group":
        mapped = [_owned_by_copier(row) for row in mapped]
    existing = [dict(r._mapping) for r in conn.execute(select(table).order_by(table.c.id))]
    chosen = _match(table, mapped, existing)
    own: dict[int, int] = {}
    fresh: list[dict] = []
    for row, (target_row, how) in zip(mapped, chosen, strict=True):
        if target_row is None:
            fresh.append(row)
            continue
        own[row["id"]] = target_row["id"]
        result.matched[how] = result.matched.get(how, 0) + 1
        if _fill_blanks(conn, table, row, target_row):
            result.filled += 1
    for row, new_id in zip(fresh, _new_ids(conn, table, len(fresh)), strict=True):
        own[row["id"]] = new_id
        row["id"] = new_id
    for start in range(0, len(fresh), BATCH):
        conn.execute(insert(table), fresh[start : start + BATCH])
    result.new = len(fresh)
    ids[table.name] = own
    return result


def _map(row: dict, refs: dict, ids: dict[str, dict[int, int]], table: str) -> dict:
    out = dict(row)
    for column, (parent, nullable) in refs.items():
        value = row.get(column)
        if value is None:
            continue
        new = ids.get(parent, {}).get(value)
        if new is None and not nullable:
            raise CopyError(
                f"Källdatabasen är inte hel: en rad i {table} pekar på {parent} {value}, "
                "som inte finns. Ingenting har ändrats."
            )
        out[column] = new
    return out


def _owned_by_copier(row: dict) -> dict:
    """In a one-user file an own group without a user name is that user's; in the
    shared database it would be everyone's, so it becomes the copier's (LOKUS_USER)."""
    if row.get("user_name"):
        return row
    from db.identity import current_user

    return {**row, "user_name": current_user()}


def _match(table: Table, rows: list[dict], existing: list[dict]) -> list[tuple[dict | None, str]]:
    """For each source row the target row it merges into (or None), and how: one pass
    per natural key, each target row claimed at most once, in id order."""
    chosen: list[tuple[dict | None, str]] = [(None, "")] * len(rows)
    claimed: set[int] = set()
    earlier: list[tuple[str, ...]] = []
    for how, columns in _keys_of(table):
        if not set(columns) <= set(table.c.keys()):
            continue
        candidates: dict[tuple, list[dict]] = defaultdict(list)
        for row in existing:
            key = _key(row, columns)
            if key is not None:
                candidates[key].append(row)
        fits = _compatible(list(earlier))
        earlier.append(columns)
        for i, row in enumerate(rows):
            if chosen[i][0] is not None:
                continue
            key = _key(row, columns)
            if key is None:
                continue
            for candidate in candidates.get(key, ()):
                if candidate["id"] not in claimed and fits(row, candidate):
                    claimed.add(candidate["id"])
                    chosen[i] = (candidate, how)
                    break
    return chosen


def _fill_blanks(conn: Connection, table: Table, row: dict, target_row: dict) -> bool:
    """Fill the merged row's empty fields from the copy; True when something was."""
    values = {
        c: row[c]
        for c in FILL_BLANKS.get(table.name, ())
        if target_row.get(c) in (None, "") and row.get(c) not in (None, "")
    }
    if not values:
        return False
    from db.models import utcnow

    values["updated_at"] = utcnow()
    values["version"] = target_row["version"] + 1
    if "changed_by" in table.c:
        from db.identity import current_user

        values["changed_by"] = current_user()
    done = conn.execute(
        update(table)
        .where(table.c.id == target_row["id"], table.c.version == target_row["version"])
        .values(**values)
    )
    if done.rowcount != 1:
        raise ConflictError()
    return True
