"""Where lokus stands on a scale-50 database, as ratios to a bare Textual app measured
in the same run. Not a test: a tool to run by hand.

    uv run python bench/bench.py [--runs 5] [--scale 50] [--db PATH]

Each figure is the median of ``--runs`` runs; start-ups are interleaved with the
floor so both see the same machine load. Floors: a bare Textual app (Header,
Footer, one line of text) for start-up and memory; a minimal Textual app with a
table and a seven-tab workspace, driven by the same Pilot harness, for opening a
meeting workspace and one Närvaro key.
"""

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import workspace

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def build(path: Path, scale: int) -> None:
    from db import demo
    from db.opening import open_database

    t = time.perf_counter()
    db = open_database(path)
    counts = demo.generate(db, scale=scale)
    db.close()
    print(
        f"built scale {scale}: {counts['initiative']} insatser, {counts['person']} personer, "
        f"{counts['meeting']} möten in {time.perf_counter() - t:.1f} s",
        file=sys.stderr,
    )


def probe_environment() -> dict[str, str]:
    """The environment of a start-up probe: as on a user's machine, where Python keeps
    the compiled modules (``__pycache__``) after the first start. Some machines
    (containers, CI images) set PYTHONDONTWRITEBYTECODE; then every start would
    compile every module from source again, which measures the compiler, and lokus,
    which imports more modules than the floor, would pay more of it."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def startup(args: list[str], env: dict[str, str] | None = None) -> tuple[float, int]:
    start = time.time()
    out = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "probe.py"), *args],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env=env,
    ).stdout
    ready, peak = out.strip().splitlines()[-1].split()
    return float(ready) - start, int(peak)


async def interactive(path: Path, runs: int) -> tuple[list[float], ...]:
    from db.search import search
    from lokus_tui.app import make_app

    app = make_app(path, start_section="initiatives")
    filter_times, lookup_times, reload_times = [], [], []
    async with app.run_test(size=(120, 40)) as pilot:
        while type(app.screen).__name__ != "InitiativesScreen":
            await pilot.pause(0.01)
        await pilot.pause()
        for n in range(runs):
            for key in ("l", "o", "k", "u", "s"):
                t = time.perf_counter()
                await pilot.press(key)
                await pilot.pause()
                filter_times.append(time.perf_counter() - t)
            for _ in range(5):
                await pilot.press("backspace")
            t = time.perf_counter()
            app.screen.reload()
            reload_times.append(time.perf_counter() - t)
            await pilot.pause()
            t = time.perf_counter()
            search(app.database, ["lokussam", "östham", "försäkr", "ungdom", "anna"][n % 5])
            lookup_times.append(time.perf_counter() - t)
        # Översikt: read every group's block and refill the list, measured like the
        # insatser table's reload above (query + widget refill, then the repaint apart).
        overview_times = []
        await app.switch_mode("overview")
        while type(app.screen).__name__ != "OverviewScreen":
            await pilot.pause(0.01)
        await pilot.pause()
        for _ in range(runs):
            t = time.perf_counter()
            app.screen.action_refresh()
            overview_times.append(time.perf_counter() - t)
            await pilot.pause()
    return filter_times, lookup_times, reload_times, overview_times


STARTS = ("floor", "overview", "opened", "initiatives")


def _median(values) -> float:
    return statistics.median(values)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--scale", type=int, default=50)
    parser.add_argument("--db", type=Path)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="lokus-bench-"))
    path = args.db or folder / "bench.db"
    if not path.exists():
        build(path, args.scale)

    env = probe_environment()
    probes = {what: [what] if what == "floor" else [what, str(path)] for what in STARTS}
    for argv in probes.values():  # one start of each, not counted: compiled modules kept
        startup(argv, env)
    runs: dict[str, list[tuple[float, int]]] = {}
    for _ in range(args.runs):  # interleaved, so all see the same machine load
        for what, argv in probes.items():
            runs.setdefault(what, []).append(startup(argv, env))
    seconds = {k: _median([r[0] for r in v]) for k, v in runs.items()}
    peak = {k: _median([r[1] for r in v]) / 1024 for k, v in runs.items()}
    filters, lookups, reloads, overviews = asyncio.run(interactive(path, args.runs))
    opened, present, floor_opened, floor_present = [], [], [], []
    for _ in range(args.runs):
        o, p = asyncio.run(workspace.lokus_workspace(path))
        fo, fp = asyncio.run(workspace.floor_workspace())
        opened.append(o)
        present.append(p)
        floor_opened.append(fo)
        floor_present.append(fp)

    def ms(value: float) -> str:
        return f"{value * 1000:.0f} ms"

    floor = seconds["floor"]
    rows = [
        (
            "start-up: first screen shows data (Översikt)",
            ms(seconds["overview"]),
            f"{seconds['overview'] / floor:.2f}× floor {ms(floor)}",
            "≤ 1.25×",
        ),
        (
            "start-up: ... and the database layer loaded",
            ms(seconds["opened"]),
            f"{seconds['opened'] / floor:.2f}×",
            "",
        ),
        (
            "start-up on Insatser: table filled",
            ms(seconds["initiatives"]),
            f"{seconds['initiatives'] / floor:.2f}×",
            "",
        ),
        (
            "peak memory when the first data shows",
            f"{peak['overview']:.0f} MiB",
            f"floor {peak['floor']:.0f} MiB + {peak['overview'] - peak['floor']:.0f} MiB",
            "≤ + 30 MiB",
        ),
        (
            "peak memory once the database layer is loaded",
            f"{peak['opened']:.0f} MiB",
            f"floor + {peak['opened'] - peak['floor']:.0f} MiB",
            "",
        ),
        (
            "open a meeting workspace (Enter)",
            ms(_median(opened)),
            f"{_median(opened) / _median(floor_opened):.2f}× floor {ms(_median(floor_opened))}",
            "≤ 1.25×",
        ),
        (
            "one Närvaro key (p) to repainted row",
            ms(_median(present)),
            f"{_median(present) / _median(floor_present):.2f}× floor {ms(_median(floor_present))}",
            "≤ 1.25×",
        ),
        ("filter keystroke: query + table refill", ms(_median(reloads)), "", ""),
        (
            "Översikt: every group's block read + list refill",
            ms(_median(overviews)),
            f"{_median(overviews) / _median(reloads):.2f}× the insatser table's refill",
            "≤ 1.25×",
        ),
        ("filter keystroke: key press to repainted table", ms(_median(filters)), "", ""),
        ("command palette lookup (FTS)", f"{_median(lookups) * 1000:.1f} ms", "", ""),
    ]
    print(f"\nlokus benchmark, scale {args.scale}, median of {args.runs} runs\n")
    print("| measure | lokus | against the floor | target |\n|---|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    main()
