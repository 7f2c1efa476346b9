"""Child process for bench.py: start an app headless and print when it shows data.

Usage: python bench/probe.py floor                 (bare Textual app: Header, Footer, one line)
       python bench/probe.py overview DB_PATH      (lokus: Översikt shows the database's figures)
       python bench/probe.py opened DB_PATH        (lokus: ... and the database layer is loaded)
       python bench/probe.py initiatives DB_PATH   (lokus started on Insatser: table filled)
Prints one line: "<unix time when shown> <peak RSS kB>".
"""

import resource
import sys
import time


def report() -> None:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    sys.__stdout__.write(f"{time.time():.6f} {peak}\n")
    sys.__stdout__.flush()


def run_floor() -> None:
    from textual.app import App
    from textual.widgets import Footer, Header, Static

    class Floor(App):
        def compose(self):
            yield Header()
            yield Static("Översikt: 400 lokusgrupper, 2600 personer")
            yield Footer()

        def on_mount(self):
            self.call_after_refresh(self._done)

        def _done(self):
            report()
            self.exit()

    Floor().run(headless=True)


def shows_data(app, what: str) -> bool:
    screen = app.screen
    if what == "initiatives":
        table = screen.query("#initiatives-table")
        return bool(table) and table.first().row_count > 0
    found = screen.query("#overview")
    if not found or not getattr(found.first(), "option_count", len(found.first().children)):
        return False
    # (getattr: earlier versions of lokus open the database before any screen)
    return what == "overview" or getattr(app, "database_ready", True)


def run_lokus(what: str, path: str) -> None:
    from lokus_tui.app import make_app

    app = make_app(path, start_section="initiatives" if what == "initiatives" else "overview")

    async def auto_pilot(pilot):
        while not shows_data(app, what):
            await pilot.pause(0.005)
        await pilot.pause()
        report()
        app.exit()

    app.run(headless=True, auto_pilot=auto_pilot)


if __name__ == "__main__":
    if sys.argv[1] == "floor":
        run_floor()
    else:
        run_lokus(sys.argv[1], sys.argv[2])
