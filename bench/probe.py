"""Child process for bench.py: start an app headless and print when it is ready.

Usage: python bench/probe.py lokus DB_PATH      (insatser table filled with data)
       python bench/probe.py lokus-frame DB_PATH (first frame: header, footer, loading)
       python bench/probe.py floor               (bare Textual app)
Prints one line: "<unix time when interactive> <peak RSS kB>".
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
    from textual.widgets import Footer, Header

    class Floor(App):
        def compose(self):
            yield Header()
            yield Footer()

        def on_mount(self):
            self.call_after_refresh(self._done)

        def _done(self):
            report()
            self.exit()

    Floor().run(headless=True)


def run_lokus(path: str, first_frame: bool = False) -> None:
    from lokus_tui.app import make_app

    app = make_app(path, start_section="initiatives")
    if first_frame:
        from lokus_tui.app import LokusApp

        class FirstFrame(LokusApp):
            def on_mount(self) -> None:
                super().on_mount()
                self.call_after_refresh(self._first_frame)

            def _first_frame(self) -> None:
                report()
                self.exit()

        FirstFrame(path, start_section="initiatives").run(headless=True)
        return

    async def auto_pilot(pilot):
        while True:
            screen = app.screen
            if type(screen).__name__ == "InitiativesScreen":
                table = screen.query("#initiatives-table")
                if table and table.first().row_count:
                    break
            await pilot.pause(0.005)
        await pilot.pause()
        report()
        app.exit()

    app.run(headless=True, auto_pilot=auto_pilot)


if __name__ == "__main__":
    if sys.argv[1] == "floor":
        run_floor()
    elif sys.argv[1] == "lokus-frame":
        run_lokus(sys.argv[2], first_frame=True)
    else:
        run_lokus(sys.argv[2])
