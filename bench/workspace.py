"""Opening a meeting workspace and one Närvaro key, in lokus and in a minimal Textual
app driven by the same harness (Pilot: press, then pause until it shows). Used by bench.py."""

import gc
import time

from textual.app import App
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static, TabbedContent, TabPane

TABS = ("Dagordning", "Förslag", "Gäster", "Kallelse", "Närvaro", "Anteckningar", "Granskning")


class FloorWorkspace(Screen):
    BINDINGS = [
        ("right_square_bracket", "tab", "Nästa flik"),
        ("p", "mark('närvarande')", "Närvarande"),
        ("f", "mark('frånvarande')", "Frånvarande"),
    ]

    def compose(self):
        yield Header()
        yield Static("LOKUS-möte, LOKUS Enköping: tisdag 3 mars 2026, kl. 13.00–15.00")
        with TabbedContent():
            for n, title in enumerate(TABS):
                with TabPane(title, id=f"tab-{n}"):
                    table: DataTable = DataTable(id=f"table-{n}", cursor_type="row")
                    table.add_columns("Namn", "Organisation", "Status")
                    for row in range(12):
                        table.add_row(f"Person {row}", "Kommunen", "–", key=str(row))
                    yield table
        yield Footer()

    def on_mount(self):
        self.query_one("#table-0").focus()

    def action_tab(self):
        tabs = self.query_one(TabbedContent)
        n = int(tabs.active.split("-")[1]) + 1
        tabs.active = f"tab-{n % len(TABS)}"
        self.query_one(f"#table-{n % len(TABS)}").focus()

    def action_mark(self, status: str):
        table = self.query_one("#table-4", DataTable)
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
        table.update_cell(key, table.ordered_columns[2].key, status)
        table.move_cursor(row=table.cursor_row + 1)


class FloorList(Screen):
    def compose(self):
        yield Header()
        table: DataTable = DataTable(id="meetings-table", cursor_type="row")
        table.add_columns("Datum", "Lokusgrupp", "Typ")
        for row in range(100):
            table.add_row("tisdag 3 mars 2026", f"LOKUS {row}", "LOKUS-möte")
        yield table
        yield Footer()

    def on_data_table_row_selected(self) -> None:
        self.app.push_screen(FloorWorkspace())


class FloorApp(App):
    def on_mount(self):
        self.push_screen(FloorList())


async def _until(pilot, done, what: str) -> None:
    give_up = time.perf_counter() + 30
    while not done():
        if time.perf_counter() > give_up:
            raise TimeoutError(f"bench: {what} did not happen in 30 s")
        await pilot.pause(0.002)
    await pilot.pause()


def _first_row(app, table_id: str) -> str:
    found = app.screen.query(table_id)
    if not found or not found.first().row_count:
        return ""
    return str(found.first().get_row_at(0))


async def measure(app, is_workspace, table_id: str) -> tuple[float, float]:
    """Seconds for Enter on the first meeting until the workspace shows its first tab,
    and for one Närvaro key until the first row of the Närvaro table shows the change."""
    gc.collect()  # each run starts as in a fresh process, without the earlier runs' garbage
    async with app.run_test(size=(120, 40)) as pilot:
        await _until(pilot, lambda: app.screen.query("#meetings-table"), "meeting list")
        await pilot.pause()
        t = time.perf_counter()
        await pilot.press("enter")
        await _until(pilot, lambda: is_workspace(app.screen), "open the workspace")
        opened = time.perf_counter() - t
        for _ in range(4):
            await pilot.press("right_square_bracket")
        # The tabs' underline slides for a while; a key pressed before it stops waits
        # for it inside Pilot (about +230 ms, in some runs only): let it finish first.
        await pilot.wait_for_scheduled_animations()
        await pilot.pause()
        before = _first_row(app, table_id)
        t = time.perf_counter()
        await pilot.press("f" if "'närvarande'" in before.lower() else "p")
        await _until(pilot, lambda: _first_row(app, table_id) != before, "mark present")
        return opened, time.perf_counter() - t


async def floor_workspace() -> tuple[float, float]:
    return await measure(
        FloorApp(), lambda s: isinstance(s, FloorWorkspace) and s.query("#table-0"), "#table-4"
    )


async def lokus_workspace(path) -> tuple[float, float]:
    from lokus_tui.app import make_app

    def opened(screen):
        found = screen.query("#agenda-table")
        return bool(found) and found.first().row_count > 0

    app = make_app(path, start_section="meetings")
    return await measure(app, opened, "#attendance-table")
