"""Insatser: the register as a filterable, sortable table."""

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import DataTable, Input, Static

from db.changes import list_stamp
from db.initiative_changes import create_initiative
from db.initiatives import SORT_KEYS, list_initiatives
from db.records import InitiativeRow
from exports.swedish import format_amount, format_period
from lokus_tui.context import app_database
from lokus_tui.filter_input import FilterInput
from lokus_tui.key_bar import KeyBar
from lokus_tui.paged_table import PagedTable
from lokus_tui.plain import Plain
from lokus_tui.sections import ReadAgainOnReturn, SectionBar
from lokus_tui.table_columns import Column
from lokus_tui.title_bar import TitleBar

COLUMNS = (
    ("name", "Insats"),
    ("group", "Lokusgrupp"),
    ("owner", "Ägare"),
    ("period", "Period"),
    ("granted", "Beviljat totalt"),
    ("status", "Status"),
)


class InitiativesScreen(ReadAgainOnReturn, Screen):
    CSS_PATH = "initiatives.tcss"
    BINDINGS = [
        Binding("ctrl+n", "new", "Ny insats", id="initiative-new"),
        Binding("ctrl+o", "open", "Öppna", id="initiative-open"),
        Binding("ctrl+s", "sort", "Sortera", id="initiative-sort"),
        Binding("ctrl+r", "reverse", "Omvänd ordning", id="initiative-reverse"),
        Binding("ctrl+f", "focus_filter", "Filter", id="initiative-filter"),
        Binding("ctrl+l", "import_document", "Importera ansökan/beslut", id="initiative-import"),
        Binding("escape", "clear_filter", "Rensa filter", show=False),
    ]

    def __init__(self):
        super().__init__()
        self.sort = "name"
        self.descending = False

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield SectionBar("initiatives")
        with Horizontal(classes="filter-row"):
            yield FilterInput(
                "initiatives-table",
                id="initiatives-filter",
                placeholder="Filtrera: skriv del av namn, lokusgrupp, ägare eller Dnr",
            )
        yield PagedTable(
            self._fetch_page,
            self._row_cells,
            filter_id="initiatives-filter",
            id="initiatives-table",
        )
        yield Plain("", id="initiatives-status", classes="status-line")
        yield KeyBar()

    def on_mount(self) -> None:
        self._set_columns()
        self.reload()
        self.query_one("#initiatives-table").focus()

    @property
    def table(self) -> PagedTable:
        return self.query_one("#initiatives-table", PagedTable)

    def _fetch_page(self, limit: int, offset: int):
        text = self.query_one("#initiatives-filter", Input).value
        return list_initiatives(app_database(self), text, self.sort, self.descending, limit, offset)

    @staticmethod
    def _row_cells(row: InitiativeRow):
        return str(row.id), (
            row.name,
            row.group_name,
            row.owner_name,
            format_period(row.start_date, row.end_date),
            format_amount(row.total_granted),
            row.status_label,
        )

    def _set_columns(self) -> None:
        table = self.table
        table.clear(columns=True)
        columns = []
        for key, label in COLUMNS:
            if key == self.sort:
                label += " ▼" if self.descending else " ▲"
            # the name is narrowed (never status or money); the others go when too narrow
            rank = {"group": 2, "owner": 3, "period": 1}.get(key, 0)
            columns.append(Column(label, rank=rank, flex=key == "name", min_width=24, key=key))
        table.set_columns(*columns)

    def change_stamp(self) -> tuple:
        return list_stamp(app_database(self), "initiatives")

    def reload(self, keep_current: bool = False, select: int | None = None) -> bool:
        chosen = self.table.read_again(keep_current, select)
        shown = self.table.row_count
        total = self.table.total
        text = f"{total} insatser" if total != 1 else "1 insats"
        if self.query_one("#initiatives-filter", Input).value.strip():
            text += " matchar filtret"
        if shown < total:
            text += f" (visar {shown}, fler laddas när du bläddrar)"
        self.query_one("#initiatives-status", Static).update(text)
        return chosen

    @on(Input.Changed, "#initiatives-filter")
    def _filter_changed(self) -> None:
        self.reload()

    @on(Input.Submitted, "#initiatives-filter")
    def _filter_submitted(self) -> None:
        self.action_open()

    @on(DataTable.RowSelected, "#initiatives-table")
    def _row_selected(self) -> None:
        self.action_open()

    @on(DataTable.HeaderSelected, "#initiatives-table")
    def _header_selected(self, event: DataTable.HeaderSelected) -> None:
        key = event.column_key.value
        if key == self.sort:
            self.descending = not self.descending
        else:
            self.sort, self.descending = key, False
        self._sort_changed()

    def _sort_changed(self) -> None:
        """The table in its new order, with the same insats chosen (new columns empty it)."""
        chosen = self.table.current_record
        self._set_columns()
        self.reload(select=None if chosen is None else chosen.id)

    def action_focus_filter(self) -> None:
        self.query_one("#initiatives-filter").focus()

    def action_clear_filter(self) -> None:
        self.query_one("#initiatives-filter", Input).value = ""
        self.query_one("#initiatives-table").focus()

    def action_sort(self) -> None:
        keys = list(SORT_KEYS)
        self.sort = keys[(keys.index(self.sort) + 1) % len(keys)]
        self.descending = False
        self._sort_changed()
        self.notify(f"Sorterat efter {dict(COLUMNS)[self.sort].lower()}", timeout=2)

    def action_reverse(self) -> None:
        self.descending = not self.descending
        self._sort_changed()

    def action_open(self) -> None:
        record = self.table.current_record
        if record is None:
            self.notify("Ingen insats är vald.", severity="warning")
            return
        from screens.initiative_detail import InitiativeDetailScreen

        self.app.push_screen(InitiativeDetailScreen(record.id))

    def action_import_document(self) -> None:
        from screens.initiative_import import start_import

        start_import(self)

    def action_new(self) -> None:
        from screens.initiative_form import InitiativeForm

        def created(data) -> None:
            if data is None:
                return
            from screens.initiative_detail import InitiativeDetailScreen

            new_id = data if type(data) is int else None
            self.show_created(new_id)
            if new_id:
                self.app.push_screen(InitiativeDetailScreen(new_id))

        self.app.push_screen(InitiativeForm(None, save=self._save_new), created)

    def _save_new(self, data) -> int:
        new_id = create_initiative(app_database(self), data)
        self.notify(f"Insatsen ”{data.name}” är sparad.", timeout=3)
        return new_id


SCREEN = InitiativesScreen
