"""Omvärld: projects elsewhere in the county, study visits and other things worth knowing."""

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import (
    Button,
    DataTable,
    Input,
    Label,
    Select,
    TextArea,
)

from db import clock
from db.changes import list_stamp
from db.errors import LokusError
from db.groups import group_options
from db.records import ScanningInput, ScanningView
from db.scanning import (
    create_entry,
    delete_entry,
    get_entry,
    list_entries,
    update_entry,
    validate_entry,
)
from db.validation import Errors, parse_date
from db.vocabulary import ScanningKind
from exports.markdown import escape_block, escape_inline
from lokus_tui.context import app_database
from lokus_tui.document_view import DocumentView
from lokus_tui.filter_input import FilterInput
from lokus_tui.form_fields import select_value
from lokus_tui.form_screen import FormScreen
from lokus_tui.key_bar import KeyBar
from lokus_tui.paged_table import PagedTable
from lokus_tui.plain import Plain, PlainSelect, TextInput
from lokus_tui.sections import ReadAgainOnReturn, SectionBar
from lokus_tui.table_columns import Column
from lokus_tui.title_bar import TitleBar
from lokus_tui.validators import DateValidator


class ScanningForm(FormScreen):
    record_attr = "entry"
    FIELD_LABELS = {
        "title": "Rubrik",
        "kind": "Typ",
        "entry_date": "Datum",
        "group_id": "Lokusgrupp",
        "organisation_text": "Organisation",
        "link": "Länk",
        "notes": "Anteckningar",
    }

    def __init__(self, entry: ScanningView | None, save, fetch=None):
        super().__init__(save, fetch)
        self.entry = entry
        self.draft_name = f"omvärld-{entry.id}" if entry else "omvärld-ny"

    def compose(self) -> ComposeResult:
        e = self.entry.data if self.entry else ScanningInput(title="")
        groups = [(g.label, g.id) for g in group_options(app_database(self))]
        with Vertical(classes="form-dialog"):
            yield Plain(
                "Redigera anteckning" if self.entry else "Ny omvärldsanteckning", classes="title"
            )
            yield Plain("", id="form-errors", classes="field-error", markup=False)
            with VerticalScroll(classes="form-body"):
                yield Label("Rubrik *", classes="field-label")
                yield TextInput(e.title, id="title")
                yield Plain("", id="err-title", classes="field-error", markup=False)
                with Horizontal(classes="row"):
                    with Vertical():
                        yield Label("Typ", classes="field-label")
                        yield PlainSelect(
                            ScanningKind.options(), id="kind", value=e.kind, allow_blank=False
                        )
                    with Vertical():
                        yield Label("Datum", classes="field-label")
                        yield TextInput(
                            (e.entry_date or clock.today()).isoformat(),
                            id="entry_date",
                            validators=[DateValidator()],
                        )
                        yield Plain("", id="err-entry_date", classes="field-error", markup=False)
                with Horizontal(classes="row"):
                    with Vertical():
                        yield Label("Lokusgrupp", classes="field-label")
                        yield PlainSelect(
                            groups,
                            id="group_id",
                            prompt="Ingen särskild",
                            value=e.group_id or Select.NULL,
                        )
                    with Vertical():
                        yield Label("Organisation / projektägare", classes="field-label")
                        yield TextInput(e.organisation_text, id="organisation_text")
                yield Label("Länk", classes="field-label")
                yield TextInput(e.link, id="link")
                yield Label("Anteckningar", classes="field-label")
                yield TextArea(e.notes, id="notes", soft_wrap=True)
            with Horizontal(classes="buttons"):
                yield Button("Spara (ctrl+s)", variant="primary", id="save")
                yield Button("Avbryt (esc)", id="cancel")
        yield KeyBar()

    def prepare(self) -> None:
        self.query_one("#title").focus()

    def read(self):
        errors = Errors()
        data = ScanningInput(
            title=self.query_one("#title", Input).value,
            kind=self.query_one("#kind", Select).value,
            entry_date=parse_date(
                self.query_one("#entry_date", Input).value, "entry_date", "Datum", errors
            ),
            group_id=select_value(self.query_one("#group_id", Select)),
            organisation_text=self.query_one("#organisation_text", Input).value,
            link=self.query_one("#link", Input).value,
            notes=self.query_one("#notes", TextArea).text,
        )
        if not errors:
            errors.extend(validate_entry(data))
        return data, errors


class ScanningScreen(ReadAgainOnReturn, Screen):
    CSS_PATH = "scanning.tcss"
    BINDINGS = [
        Binding("ctrl+n", "new", "Ny anteckning", id="scanning-new"),
        Binding("ctrl+e", "edit", "Redigera", id="scanning-edit"),
        Binding("ctrl+f", "focus_filter", "Filter", id="scanning-filter"),
        Binding("delete", "delete", "Ta bort", id="scanning-delete"),
        Binding("escape", "clear_filter", "Rensa filter", show=False),
    ]

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield SectionBar("scanning")
        with Horizontal(classes="filter-row"):
            yield FilterInput(
                "scanning-table",
                id="scanning-filter",
                placeholder="Filtrera: rubrik, organisation, anteckning, grupp",
            )
        yield PagedTable(
            self._fetch_page, self._row_cells, filter_id="scanning-filter", id="scanning-table"
        )
        with VerticalScroll(id="scanning-detail"):
            yield DocumentView(id="scanning-text")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#scanning-table", PagedTable).set_columns(
            Column("Datum"),
            Column("Typ", rank=2),
            Column("Rubrik", flex=True, min_width=20),
            Column("Organisation", rank=1, flex=True),
            Column("Lokusgrupp", rank=3),
        )
        self.reload()
        self.query_one("#scanning-table").focus()

    def _fetch_page(self, limit: int, offset: int):
        return list_entries(
            app_database(self), self.query_one("#scanning-filter", Input).value, limit, offset
        )

    @staticmethod
    def _row_cells(row: ScanningView):
        d = row.data
        return str(row.id), (
            d.entry_date.isoformat() if d.entry_date else "",
            ScanningKind.label_of(d.kind),
            d.title,
            d.organisation_text,
            row.group_name,
        )

    @property
    def table(self) -> PagedTable:
        return self.query_one("#scanning-table", PagedTable)

    def change_stamp(self) -> tuple:
        return list_stamp(app_database(self), "scanning")

    def reload(self, keep_current: bool = False, select: int | None = None) -> bool:
        chosen = self.table.read_again(keep_current, select)
        self._show_current()
        return chosen

    def _show_current(self) -> None:
        record = self.table.current_record
        md = self.query_one("#scanning-text", DocumentView)
        if record is None:
            md.show("*Inga anteckningar. Skapa en med ctrl+n.*")
            return
        entry = record.data
        parts = [f"### {escape_inline(entry.title)}"]
        facts = [ScanningKind.label_of(entry.kind)]
        for value in (entry.organisation_text, record.group_name, entry.link):
            if value:
                facts.append(escape_inline(value))
        parts.append(" · ".join(facts))
        if entry.notes:
            parts.append(escape_block(entry.notes))
        md.show("\n\n".join(parts))

    @on(PagedTable.RowHighlighted, "#scanning-table")
    def _highlighted(self) -> None:
        self._show_current()

    @on(Input.Changed, "#scanning-filter")
    def _filter_changed(self) -> None:
        self.reload()

    @on(Input.Submitted, "#scanning-filter")
    @on(DataTable.RowSelected, "#scanning-table")
    def _open(self) -> None:
        self.action_edit()

    def action_focus_filter(self) -> None:
        self.query_one("#scanning-filter").focus()

    def action_clear_filter(self) -> None:
        self.query_one("#scanning-filter", Input).value = ""
        self.table.focus()

    def action_new(self) -> None:
        self.app.push_screen(
            ScanningForm(None, lambda data: create_entry(app_database(self), data)),
            self.show_created,
        )

    def action_edit(self) -> None:
        record = self.table.current_record
        if record is None:
            return
        entry = get_entry(app_database(self), record.id)
        self.app.push_screen(
            ScanningForm(
                entry,
                lambda data, version: update_entry(app_database(self), entry.id, data, version),
                fetch=lambda: get_entry(app_database(self), entry.id),
            )
        )  # (read again, on the same row, when shown again)

    def action_delete(self) -> None:
        record = self.table.current_record
        if record is None:
            return
        from screens.confirm import ConfirmDialog

        def answered(yes):
            if yes:
                try:
                    delete_entry(app_database(self), record.id, record.version)
                except LokusError as exc:
                    self.notify(str(exc), severity="error", markup=False)
                self.reload()

        self.app.push_screen(ConfirmDialog(f"Ta bort ”{record.data.title}”?"), answered)


SCREEN = ScanningScreen
