"""PlainTable.show_rows: what a list shows after its rows are given again."""

import pytest
from textual.app import App

from lokus_tui.plain_table import PlainTable
from lokus_tui.table_columns import Column


class TableApp(App):
    def compose(self):
        yield PlainTable(id="t", cursor_type="row")

    def on_mount(self):
        self.query_one(PlainTable).set_columns(Column("Namn"), Column("Närvaro"))


def _shown(table: PlainTable) -> list[list[str]]:
    return [[str(c) for c in table.get_row_at(r)] for r in range(table.row_count)]


async def test_rows_given_again_show_the_new_values_and_keep_the_cursor():
    app = TableApp()
    async with app.run_test(size=(60, 12)) as pilot:
        table = app.query_one(PlainTable)
        rows = [("1", ("Åsa", "ej markerad")), ("2", ("Örjan", "ej markerad"))]
        table.show_rows(rows)
        table.move_cursor(row=1)
        await pilot.pause()
        table.show_rows([("1", ("Åsa", "närvarande")), ("2", ("Örjan", "ej markerad"))])
        await pilot.pause()
        assert _shown(table) == [["Åsa", "närvarande"], ["Örjan", "ej markerad"]]
        assert table.cursor_row == 1
        # a value wider than the column: the column grows, nothing is cut
        table.show_rows([("1", ("Åsa", "anmält förhinder (sjuk)")), ("2", ("Örjan", "ej"))])
        await pilot.pause()
        assert _shown(table) == [["Åsa", "anmält förhinder (sjuk)"], ["Örjan", "ej"]]
        status = table.ordered_columns[1]
        assert status.get_render_width(table) >= len("anmält förhinder (sjuk)") + 2
        # a new row (a substitute added elsewhere) and a markup-looking name
        table.show_rows(
            [
                ("1", ("Åsa", "närvarande")),
                ("3", ("[b]Ny[/b]", "ersättare")),
                ("2", ("Örjan", "ej")),
            ]
        )
        await pilot.pause()
        assert _shown(table) == [
            ["Åsa", "närvarande"],
            ["[b]Ny[/b]", "ersättare"],
            ["Örjan", "ej"],
        ]
        assert table.cursor_row == 1


class NarrowApp(App):
    def compose(self):
        yield PlainTable(id="t", cursor_type="row")

    def on_mount(self):
        self.query_one(PlainTable).set_columns(
            Column("Namn"), Column("Part", flex=True), Column("Närvaro")
        )


async def test_a_changed_name_in_a_narrowed_column_still_ends_with_an_ellipsis():
    from textual.geometry import Region

    app = NarrowApp()
    async with app.run_test(size=(40, 8)) as pilot:
        table = app.query_one(PlainTable)
        long_one = ("1", ("Åsa", "Socialdemokraterna i Uppsala län", "ej"))
        table.show_rows([long_one, ("2", ("Bo", "Moderaterna", "ej"))])
        for _ in range(4):
            await pilot.pause()
        table.show_rows([long_one, ("2", ("Bo", "Vänsterpartiet i Uppsala kommun", "ej"))])
        for _ in range(4):
            await pilot.pause()
        lines = [s.text for s in table.render_lines(Region(0, 0, table.size.width, 3))]
        assert "Socialdemokraterna i…" in lines[1]
        assert "Vänsterpartiet i Upp…" in lines[2], lines


class FilledAtMountApp(App):
    """A list filled as its screen mounts, before the table has its width (as every
    list and tab of lokus is), with more columns than fit; ``row_by_row``: with
    add_row alone, as a list that does not call fit_before_layout."""

    def __init__(self, row_by_row: bool = False):
        super().__init__()
        self.row_by_row = row_by_row

    def compose(self):
        yield PlainTable(id="t", cursor_type="row")

    def on_mount(self):
        table = self.query_one(PlainTable)
        table.set_columns(
            Column("Datum"),
            Column("Plats", rank=2),
            Column("Lokusgrupp", flex=True),
            Column("Status", rank=1),
        )
        rows = [
            (str(n), (f"2026-12-{n:02}", "Sal A", f"Grupp {n}", "planerat")) for n in range(1, 31)
        ]
        if self.row_by_row:
            for key, cells in rows:
                table.add_row(*cells, key=key)
        else:
            table.show_rows(rows)
        table.move_cursor(row=4)
        self.key_before_layout = table.current_key
        self.columns_before_layout = [str(c.label) for c in table.ordered_columns]


@pytest.mark.parametrize("row_by_row", [False, True])
async def test_rows_given_before_the_table_has_its_width_show_in_the_columns_that_fit(
    row_by_row,
):
    from textual.geometry import Region

    app = FilledAtMountApp(row_by_row)
    async with app.run_test(size=(40, 10)) as pilot:
        table = app.query_one(PlainTable)
        for _ in range(4):
            await pilot.pause()
        assert app.key_before_layout == "5"  # the cursor's row is known before the layout
        # given all at once, the first frame already has the columns that fit the
        # terminal (no empty table, no column that goes away a moment later); row by
        # row, none until the table has its width
        assert app.columns_before_layout == (
            [] if row_by_row else ["Datum", "Lokusgrupp", "Status"]
        )
        assert table.shown_columns == ["Datum", "Lokusgrupp", "Status"]  # Plats did not fit
        assert table.row_count == 30 and table.current_key == "5"
        lines = [s.text for s in table.render_lines(Region(0, 0, table.size.width, 2))]
        assert "Datum" in lines[0] and "Status" in lines[0] and "Plats" not in lines[0]
        assert "2026-12-01" in lines[1] and "planerat" in lines[1]
