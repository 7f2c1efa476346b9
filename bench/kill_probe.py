"""Fault probe: kill -9 a real lokus while someone types notes steadily.

    uv run python bench/kill_probe.py [--kills 30] [--seconds 6]

Each round starts `lokus` in a pseudo-terminal (80×24) on a fresh demo
database, opens the next meeting's Anteckningar tab, types at a steady pace
(about 10 characters a second, no pause long enough for an idle save), waits
0.2–1.5 s after the last key, and kills the process with SIGKILL. Then it reads
the database as it was left and prints, per round: characters typed, characters
found, characters lost, how many seconds of typing they were, and SQLite's
integrity_check. The promise: nothing lost but the last 2 s of typing, and the
database intact, every time. tests/test_fault_kill.py runs one round of it.
"""

import argparse
import fcntl
import os
import pty
import random
import select
import signal
import sqlite3
import struct
import sys
import tempfile
import termios
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MARK = "Q"  # every typed line starts with it, so the typed text is easy to find


@dataclass
class Round:
    typed: int  # characters typed
    found: int  # characters of the typed text in the database after the kill
    lost_seconds: float  # how much typing the lost characters were
    wait: float  # seconds between the last key and the kill
    integrity: str

    @property
    def lost(self) -> int:
        return self.typed - self.found


class Terminal:
    """lokus in a pseudo-terminal; whatever it draws is read and thrown away."""

    def __init__(self, args: list[str], env: dict, cols: int = 80, rows: int = 24):
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # the child: become lokus
            os.chdir(ROOT)
            os.execve(sys.executable, [sys.executable, "-m", "lokus_tui", *args], env)
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        self.output = bytearray()
        self._reader = threading.Thread(target=self._drain, daemon=True)
        self._reader.start()

    def _drain(self) -> None:
        while True:
            try:
                ready, _w, _x = select.select([self.fd], [], [], 0.2)
                if ready:
                    chunk = os.read(self.fd, 65536)
                    if not chunk:
                        return
                    self.output += chunk[-4096:]
            except OSError:
                return

    def wait_for(self, text: str, timeout: float = 20) -> None:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if text.encode() in self.output:
                return
            time.sleep(0.05)
        raise TimeoutError(f"lokus never showed {text!r}")

    def send(self, keys: str) -> None:
        os.write(self.fd, keys.encode())

    def goto_notes(self) -> None:
        """Press ] until the Anteckningar tab shows its keys in the footer. After each
        press, wait until lokus has drawn it and gone quiet: a press that is not drawn
        yet must not be doubled (in the notes, a second ] would be typed as text)."""
        for _ in range(12):
            self.output.clear()
            self.send("]")
            self.wait_quiet()
            if "Nästa punkt".encode() in self.output:
                return
        raise TimeoutError("the Anteckningar tab never showed")

    def wait_quiet(self, quiet: float = 0.4, timeout: float = 20) -> None:
        """Until something was drawn and nothing more for ``quiet`` seconds."""
        end = time.monotonic() + timeout
        size, since = -1, time.monotonic()
        while time.monotonic() < end:
            if len(self.output) != size:
                size, since = len(self.output), time.monotonic()
            elif size > 0 and time.monotonic() - since >= quiet:
                return
            time.sleep(0.05)

    def kill(self) -> None:
        os.kill(self.pid, signal.SIGKILL)
        os.waitpid(self.pid, 0)
        os.close(self.fd)


def make_database(folder: Path, today: str) -> Path:
    sys.path.insert(0, str(ROOT))
    from datetime import date

    from db import demo
    from db.opening import open_database

    path = folder / "probe.db"
    db = open_database(path)
    demo.generate(db, today=date.fromisoformat(today))
    db.close()
    return path


def typed_text_in(path: Path) -> str:
    con = sqlite3.connect(path)
    try:
        rows = con.execute(
            "SELECT notes FROM agendaitem WHERE notes LIKE ?", (f"%{MARK}0%",)
        ).fetchall()
    finally:
        con.close()
    return rows[0][0] if rows else ""


def integrity(path: Path) -> str:
    con = sqlite3.connect(path)
    try:
        return con.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        con.close()


def start_in_notes(folder: Path, today: str = "2026-11-24") -> tuple[Path, Terminal]:
    """A demo database in ``folder`` and lokus on it in a terminal, in the notes of
    the next meeting (Möten, Enter, Anteckningar): the database's path and the
    terminal. The caller ends the terminal."""
    path = make_database(folder, today)
    env = {
        **os.environ,
        "TERM": "xterm-256color",
        "LOKUS_TODAY": today,
        "LOKUS_DATA_DIR": str(folder / "data"),
        "COLUMNS": "80",
        "LINES": "24",
    }
    env.pop("TEXTUAL", None)
    term = Terminal(["--db", str(path)], env)
    try:
        term.wait_for("Översikt")
        term.send("2")
        term.wait_for("kommande")
        time.sleep(0.3)
        term.send("\r")
        term.wait_for("Dagordning")
        time.sleep(0.5)
        term.goto_notes()
    except BaseException:
        term.kill()
        raise
    return path, term


def one_round(
    folder: Path, seconds: float, wait: float, today: str = "2026-11-24", rate: float = 10.0
) -> Round:
    path, term = start_in_notes(folder, today)
    try:
        # steady typing: one character every 1/rate seconds, lines numbered
        text = "".join(f"{MARK}{n} Ordföranden sammanfattade diskussionen. " for n in range(400))
        times = []
        start = time.monotonic()
        for n, char in enumerate(text):
            due = start + n / rate
            delay = due - time.monotonic()
            if delay > 0:
                time.sleep(delay)
            if time.monotonic() - start > seconds:
                break
            term.send(char)
            times.append(time.monotonic())
        typed = text[: len(times)]
        time.sleep(wait)
        killed_at = time.monotonic()
        term.kill()
    except BaseException:
        term.kill()
        raise
    found_text = typed_text_in(path)
    found = len(found_text) if typed.startswith(found_text) else 0
    lost_from = times[found] if found < len(times) else killed_at
    return Round(
        len(typed),
        found,
        max(0.0, times[-1] - lost_from) if found < len(times) else 0.0,
        wait,
        integrity(path),
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kills", type=int, default=30)
    parser.add_argument("--seconds", type=float, default=6.0, help="typing time per round")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    rounds = []
    print(
        f"{'kill':>4}  {'väntan s':>8}  {'skrivet':>7}  {'sparat':>6}  {'förlorat':>8}  "
        f"{'förlorat s':>10}  integrity"
    )
    for n in range(1, args.kills + 1):
        with tempfile.TemporaryDirectory(prefix="lokus-kill-") as folder:
            r = one_round(Path(folder), args.seconds, rng.uniform(0.2, 1.5))
        rounds.append(r)
        print(
            f"{n:>4}  {r.wait:>8.2f}  {r.typed:>7}  {r.found:>6}  {r.lost:>8}  "
            f"{r.lost_seconds:>10.2f}  {r.integrity}",
            flush=True,
        )
    worst = max(r.lost_seconds for r in rounds)
    ok = sum(r.integrity == "ok" for r in rounds)
    print(
        f"\n{len(rounds)} kills: {sum(r.typed for r in rounds)} tecken skrivna, "
        f"{sum(r.found for r in rounds)} sparade; mest förlorat: {worst:.2f} s skrivande "
        f"(mål: högst 2 s); integrity_check ok {ok} av {len(rounds)}."
    )
    return 0 if worst <= 2.0 and ok == len(rounds) else 1


if __name__ == "__main__":
    sys.exit(main())
