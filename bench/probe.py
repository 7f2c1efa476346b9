"""Child process for bench.py: start an app headless and print when it shows data.

Usage: python bench/probe.py floor                 (bare Textual app: Header, Footer, one line)
       python bench/probe.py overview DB_PATH      (lokus: Översikt shows the database's figures)
       python bench/probe.py opened DB_PATH        (lokus: ... and the database layer is loaded)
       python bench/probe.py initiatives DB_PATH   (lokus started on Insatser: table filled)
Prints one line: "<unix time when shown> <peak RSS kB>".

The floor and lokus are watched alike: poll every 5 ms until the data is in the
widget, then report after the refresh that paints it.
"""

import resource
import sys
import time


def _peak_kib() -> int:
    """The process's own peak resident memory in KiB.

    VmHWM starts afresh at exec; ``ru_maxrss`` does not on Linux (a child keeps
    the peak of the parent it was forked from, so a bench that has just built a
    database would see every child at its own peak)."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def report() -> None:
    peak = _peak_kib()
    sys.__stdout__.write(f"{time.time():.6f} {peak}\n")
    sys.__stdout__.flush()


def run_floor() -> None:
    from textual.app import App
    from textual.widgets import Footer, Header, Static

    class Floor(App):
        def compose(self):
            yield Header()
            yield Static("Översikt: 400 lokusgrupper, 2600 personer", id="floor-line")
            yield Footer()

    app = Floor()
    _run_until(app, lambda: bool(app.screen.query("#floor-line")))


def _run_until(app, shown) -> None:
    """Run headless; once ``shown()`` (polled every 5 ms), report after the next refresh
    (the one that paints it) and quit. The same for the floor and for lokus.

    At 80×24, the size a terminal reports to both: without a size, headless Textual
    lays the first screen out at Rich's 80×25 and then again at the driver's 80×24,
    a second layout no terminal causes."""

    def done() -> None:
        report()
        app.exit()

    async def auto_pilot(pilot):
        while not shown():
            await pilot.pause(0.005)
        app.call_after_refresh(done)

    app.run(headless=True, auto_pilot=auto_pilot, size=(80, 24))


def shows_data(app, what: str) -> bool:
    screen = app.screen
    if what == "initiatives":
        table = screen.query("#initiatives-table")
        # (rows and the columns that show them: a table gets its columns once it has
        # its width, see lokus_tui/plain_table.py)
        return bool(table) and table.first().row_count > 0 and bool(table.first().columns)
    found = screen.query("#overview")
    if not found or not getattr(found.first(), "option_count", len(found.first().children)):
        return False
    # (getattr: earlier versions of lokus open the database before any screen)
    return what == "overview" or getattr(app, "database_ready", True)


def run_lokus(what: str, path: str) -> None:
    from lokus_tui.app import make_app

    app = make_app(path, start_section="initiatives" if what == "initiatives" else "overview")
    _run_until(app, lambda: shows_data(app, what))


if __name__ == "__main__":
    if sys.argv[1] == "floor":
        run_floor()
    else:
        run_lokus(sys.argv[1], sys.argv[2])
