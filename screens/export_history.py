"""What was exported when: every kallelse and set of minutes, verbatim; save any again."""

from datetime import UTC, datetime

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable

from db.review import exported_content, list_exports
from db.vocabulary import DocumentKind
from exports.swedish import stockholm
from lokus_tui.context import app_database
from lokus_tui.key_bar import KeyBar
from lokus_tui.plain import Plain
from lokus_tui.plain_table import PlainTable
from lokus_tui.stylesheet import StyledOnce


def _local(created: object, fmt: str) -> str:
    """When an export was made (db.review.list_exports gives created_at as object)."""
    if not isinstance(created, datetime):
        raise TypeError(f"created_at is no datetime: {created!r}")
    if created.tzinfo is None:  # the database keeps UTC without an offset
        created = created.replace(tzinfo=UTC)
    return created.astimezone(stockholm()).strftime(fmt)


class ExportHistory(StyledOnce, ModalScreen[None]):
    BINDINGS = [
        Binding("escape", "dismiss", "Stäng", id="history-close"),
        Binding("enter", "save_again", "Spara denna version igen", id="history-save"),
    ]

    def __init__(self, meeting_id: int, ask_folder_and_write):
        super().__init__()
        self.meeting_id = meeting_id
        self.ask_folder_and_write = ask_folder_and_write

    def compose(self) -> ComposeResult:
        with Vertical(classes="form-dialog"):
            yield Plain("Exporterade versioner av mötets dokument", classes="title")
            yield PlainTable(id="history-table", cursor_type="row")
        yield KeyBar()

    def on_mount(self) -> None:
        table = self.query_one("#history-table", DataTable)
        table.add_columns("När", "Dokument", "Version", "Format")
        self.rows = list_exports(app_database(self), self.meeting_id)
        for export_id, document, variant, fmt, created in self.rows:
            when = _local(created, "%Y-%m-%d kl. %H.%M")
            table.add_row(
                when, DocumentKind.label_of(document), variant or "–", fmt, key=str(export_id)
            )
        if not self.rows:
            table.add_row("Inget har exporterats än.", "", "", "")
        table.focus()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_save_again()

    def action_save_again(self) -> None:
        if not self.rows:
            return
        table = self.query_one("#history-table", DataTable)
        export_id, document, variant, _fmt, created = self.rows[table.cursor_row]
        fmt, content = exported_content(app_database(self), export_id)
        from exports.files import slug, write_new_file

        stamp = _local(created, "%Y%m%d-%H%M")
        name = f"{slug(DocumentKind.label_of(document))}-{slug(variant or 'version')}-{stamp}.{fmt}"

        def write(folder):
            return [write_new_file(folder, name, content)]

        self.ask_folder_and_write(write)
