"""lokus on PostgreSQL beside SQLite: the same scale-50 demo data built into a fresh
database on the server and into a SQLite file, the same figures measured in the same
run, as ratios PostgreSQL / SQLite. Not a test: a tool to run by hand.

    uv run python bench/bench_postgres.py --url postgresql+psycopg://USER:PW@HOST/postgres \
        [--runs 5] [--scale 50] [--keep]

``--url`` names a role that may create databases (the database in it is only used to
create and drop the bench's own, ``lokus_bench_…``, dropped at the end unless --keep).

Figures (medians of ``--runs``):

- start-up to data: ``bench/probe.py`` starts the real app headless and reports when
  Översikt shows the database's figures (and, started on Insatser, when the table is
  filled). SQLite takes the app's fast path (the first screen read with the standard
  library before SQLAlchemy loads); PostgreSQL cannot, it opens the database first.
- filter keystroke and palette lookup inside the app (Pilot, as bench/bench.py);
- the same through the data layer alone: ``list_initiatives`` with the text typed so
  far (l, lo, lok, loku, lokus), ``search`` (the palette's full-text lookup), and
  ``read_overview`` (every group's block).
"""

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

import bench as sqlite_bench  # bench/bench.py: build, startup, interactive

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

WORDS = ["lokussam", "östham", "försäkr", "ungdom", "anna"]


def _admin(url: str):
    import psycopg
    from sqlalchemy.engine import make_url

    plain = make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
    return psycopg.connect(plain, autocommit=True)


def create_database(url: str) -> tuple[str, str]:
    from sqlalchemy.engine import make_url

    name = f"lokus_bench_{uuid.uuid4().hex[:10]}"
    with _admin(url) as conn:
        conn.execute(f"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C.UTF-8'")
    target = make_url(url).set(drivername="postgresql+psycopg", database=name)
    return name, target.render_as_string(hide_password=False)


def drop_database(url: str, name: str) -> None:
    with _admin(url) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def data_layer(target: str, runs: int) -> dict[str, list[float]]:
    """The data layer alone, without the widgets: what each backend costs."""
    from db import clock
    from db.initiatives import list_initiatives
    from db.opening import open_database
    from db.overview_reader import read_overview
    from db.search import search

    db = open_database(target, create=False, migrate=False)
    times: dict[str, list[float]] = {"filter": [], "search": [], "overview": [], "open": []}
    try:
        list_initiatives(db, "")  # warm the pool and the caches, as the app has them
        for n in range(runs):
            typed = ""
            for key in "lokus":
                typed += key
                t = time.perf_counter()
                list_initiatives(db, typed)
                times["filter"].append(time.perf_counter() - t)
            t = time.perf_counter()
            search(db, WORDS[n % len(WORDS)])
            times["search"].append(time.perf_counter() - t)
            t = time.perf_counter()
            read_overview(db, clock.today())
            times["overview"].append(time.perf_counter() - t)
    finally:
        db.close()
    for _ in range(runs):
        t = time.perf_counter()
        opened = open_database(target, create=False, migrate=False)
        list_initiatives(opened, "", limit=1)
        times["open"].append(time.perf_counter() - t)
        opened.close()
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True, help="a PostgreSQL role that may create databases")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--scale", type=int, default=50)
    parser.add_argument("--keep", action="store_true", help="keep the bench database")
    args = parser.parse_args()
    from db.opening import display_url

    name, pg = create_database(args.url)
    sqlite = str(Path(tempfile.mkdtemp(prefix="lokus-bench-pg-")) / "bench.db")
    print(f"PostgreSQL: {display_url(pg)}; SQLite: {sqlite}", file=sys.stderr)
    try:
        sqlite_bench.build(Path(sqlite), args.scale)
        sqlite_bench.build(pg, args.scale)  # type: ignore[arg-type] - a URL works as well
        starts: dict[tuple[str, str], list[float]] = {}
        for _ in range(args.runs):  # interleaved: both see the same machine load
            for what in ("overview", "initiatives"):
                for backend, target in (("sqlite", sqlite), ("pg", pg)):
                    seconds, _peak = sqlite_bench.startup([what, target])
                    starts.setdefault((what, backend), []).append(seconds)
        app = {
            backend: asyncio.run(sqlite_bench.interactive(target, args.runs))  # type: ignore[arg-type]
            for backend, target in (("sqlite", sqlite), ("pg", pg))
        }
        layer = {
            backend: data_layer(target, args.runs)
            for backend, target in (("sqlite", sqlite), ("pg", pg))
        }
    finally:
        if not args.keep:
            drop_database(args.url, name)

    def med(values) -> float:
        return statistics.median(values)

    def ms(value: float) -> str:
        return f"{value * 1000:.1f} ms" if value < 0.1 else f"{value * 1000:.0f} ms"

    rows = []

    def row(what: str, s: float, p: float, note: str = "") -> None:
        rows.append((what, ms(s), ms(p), f"{p / s:.2f}×", note))

    row(
        "start-up to data: Översikt shows figures (app, headless)",
        med(starts[("overview", "sqlite")]),
        med(starts[("overview", "pg")]),
        "SQLite: fast path before SQLAlchemy; PG: opens the database first",
    )
    row(
        "start-up on Insatser: table filled (app, headless)",
        med(starts[("initiatives", "sqlite")]),
        med(starts[("initiatives", "pg")]),
    )
    names = ("filter", "lookup", "reload", "overview")
    got = {b: dict(zip(names, app[b], strict=True)) for b in app}
    row(
        "filter keystroke: key press to repainted table (app)",
        med(got["sqlite"]["filter"]),
        med(got["pg"]["filter"]),
    )
    row(
        "filter keystroke: query + table refill (app)",
        med(got["sqlite"]["reload"]),
        med(got["pg"]["reload"]),
    )
    row(
        "palette lookup: db.search.search (app's database)",
        med(got["sqlite"]["lookup"]),
        med(got["pg"]["lookup"]),
        "SQLite FTS5; PG swedish+simple tsvector",
    )
    row(
        "Översikt: every group's block read + list refill (app)",
        med(got["sqlite"]["overview"]),
        med(got["pg"]["overview"]),
    )
    row(
        "data layer: list_initiatives(text) per keystroke",
        med(layer["sqlite"]["filter"]),
        med(layer["pg"]["filter"]),
    )
    row(
        "data layer: search (palette lookup)",
        med(layer["sqlite"]["search"]),
        med(layer["pg"]["search"]),
    )
    row(
        "data layer: read_overview (first page)",
        med(layer["sqlite"]["overview"]),
        med(layer["pg"]["overview"]),
    )
    row(
        "data layer: open database + first query",
        med(layer["sqlite"]["open"]),
        med(layer["pg"]["open"]),
    )
    print(f"\nlokus on PostgreSQL beside SQLite, scale {args.scale}, median of {args.runs} runs\n")
    print("| measure | SQLite | PostgreSQL | PG/SQLite | note |\n|---|---|---|---|---|")
    for r in rows:
        print("| " + " | ".join(r) + " |")


if __name__ == "__main__":
    main()
