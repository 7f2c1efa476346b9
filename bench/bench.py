"""Where lokus stands on a scale-50 database. Not a test: a tool to run by hand.

    uv run python bench/bench.py [--runs 5] [--scale 50] [--db PATH]

Prints a table of medians: start-up to the first interactive screen (lokus
and a bare Textual app with Header and Footer, measured in the same run),
their ratio, one filter keystroke in the insatser table, one command palette
lookup, and peak memory.
"""

import argparse
import asyncio
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def build(path: Path, scale: int) -> None:
    from db import demo
    from db.engine import open_database

    t = time.perf_counter()
    db = open_database(path)
    counts = demo.generate(db, scale=scale)
    db.close()
    print(
        f"built scale {scale}: {counts['initiative']} insatser, {counts['person']} personer, "
        f"{counts['meeting']} möten in {time.perf_counter() - t:.1f} s",
        file=sys.stderr,
    )


def startup(args: list[str]) -> tuple[float, int]:
    start = time.time()
    out = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "probe.py"), *args],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
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
    return filter_times, lookup_times, reload_times


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

    lokus, frame, floor, peaks = [], [], [], []
    for _ in range(args.runs):  # interleaved, so all see the same machine load
        seconds, peak = startup(["lokus", str(path)])
        lokus.append(seconds)
        peaks.append(peak)
        frame.append(startup(["lokus-frame", str(path)])[0])
        floor.append(startup(["floor"])[0])
    filters, lookups, reloads = asyncio.run(interactive(path, args.runs))

    def ms(values):
        return f"{statistics.median(values) * 1000:.0f} ms"

    rows = [
        ("start-up to first frame, keys live (lokus)", ms(frame)),
        ("start-up to first frame (bare Textual, Header+Footer)", ms(floor)),
        (
            "ratio lokus first frame / floor",
            f"{statistics.median(frame) / statistics.median(floor):.2f}",
        ),
        ("start-up to insatser table filled from the database (lokus)", ms(lokus)),
        ("filter keystroke: query + table refill (no repaint)", ms(reloads)),
        ("filter keystroke: key press to repainted table", ms(filters)),
        ("command palette lookup (FTS)", f"{statistics.median(lookups) * 1000:.1f} ms"),
        ("peak memory (lokus start-up)", f"{statistics.median(peaks) / 1024:.0f} MiB"),
    ]
    print(f"\nlokus benchmark, scale {args.scale}, median of {args.runs} runs\n")
    print("| measure | median |\n|---|---|")
    for name, value in rows:
        print(f"| {name} | {value} |")


if __name__ == "__main__":
    main()
