"""Åtgärder: every action item of a group — open, overdue, done, dropped — with filters."""

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import DataTable, Input, Select, Static

from db.actions import list_actions, set_action_status
from db.changes import list_stamp
from db.errors import LokusError
from db.groups import group_options
from db.organisations import organisation_options
from db.records import ActionRow
from exports.swedish import count_of
from lokus_tui.context import app_database
from lokus_tui.form_fields import chosen, select_value
from lokus_tui.key_bar import KeyBar
from lokus_tui.plain import Plain, PlainSelect, TextInput
from lokus_tui.plain_table import PlainTable
from lokus_tui.sections import SectionBar
from lokus_tui.stylesheet import StyledOnce
from lokus_tui.table_columns import Column
from lokus_tui.title_bar import TitleBar

SHOW_AT_MOST = 300
STATUS_FILTERS = [
    ("Öppna", "open"),
    ("Försenade", "overdue"),
    ("Klara", "done"),
    ("Strukna", "dropped"),
    ("Alla", "all"),
]


class ActionsScreen(StyledOnce, Screen):
    CSS_PATH = "actions.tcss"
    BINDINGS = [
        Binding("escape", "back", "Tillbaka", id="actions-back"),
        Binding("ctrl+d", "set_status('done')", "Klar", id="actions-done"),
        Binding("ctrl+t", "set_status('dropped')", "Stryk", id="actions-drop"),
        Binding("ctrl+o", "set_status('open')", "Öppna igen", id="actions-reopen"),
        Binding("ctrl+g", "open_meeting", "Till mötet", id="actions-meeting"),
    ]

    def __init__(self, group_id: int | None = None):
        super().__init__()
        self.group_id = group_id
        self.rows: list[ActionRow] = []

    def compose(self) -> ComposeResult:
        db = app_database(self)
        yield TitleBar()
        yield SectionBar("meetings")
        with Horizontal(classes="filter-row"):
            yield PlainSelect(
                [(g.label, g.id) for g in group_options(db)],
                id="actions-group",
                prompt="Alla grupper",
                value=self.group_id or Select.NULL,
            )
            yield PlainSelect(STATUS_FILTERS, id="actions-status", value="open", allow_blank=False)
            yield PlainSelect(
                [(o.label, o.id) for o in organisation_options(db)],
                id="actions-party",
                prompt="Alla parter",
            )
            yield TextInput(placeholder="Person eller möte (datum)", id="actions-filter")
        yield PlainTable(id="actions-table", cursor_type="row", zebra_stripes=True)
        yield Plain("", id="actions-summary", classes="status-line", markup=False)
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#actions-table", PlainTable).set_columns(
            Column("Åtgärd", flex=True, min_width=20),
            Column("Ansvarig", rank=1),
            Column("Part", rank=4),
            Column("Klart senast"),
            Column("Status"),
            Column("Möte", rank=3),
            Column("Lokusgrupp", rank=2),
        )
        self.reload()
        self.query_one("#actions-table").focus()

    def change_stamp(self) -> tuple:
        return list_stamp(app_database(self), "actions")

    def changed_elsewhere(self) -> None:
        self.reload()

    def reload(self) -> None:
        status = chosen(self.query_one("#actions-status", Select), str)
        rows = list_actions(
            app_database(self),
            group_id=select_value(self.query_one("#actions-group", Select)),
            status=None if status == "all" else status,
            organisation_id=select_value(self.query_one("#actions-party", Select)),
            limit=SHOW_AT_MOST + 1,
        )
        more = len(rows) > SHOW_AT_MOST
        rows = rows[:SHOW_AT_MOST]
        words = self.query_one("#actions-filter", Input).value.casefold().split()
        self.rows = [
            r
            for r in rows
            if all(
                w in f"{r.owner} {r.meeting_date.isoformat()} {r.text}".casefold() for w in words
            )
        ]
        self.query_one("#actions-table", PlainTable).show_rows(
            [(str(r.id), self._cells(r)) for r in self.rows]
        )
        overdue = sum(1 for r in self.rows if r.overdue)
        summary = count_of(len(self.rows), "åtgärd", "åtgärder") + (
            f", varav {overdue} försenade" if overdue else ""
        )
        if more:
            summary += f" (visar de {SHOW_AT_MOST} första; välj grupp eller part för fler)"
        self.query_one("#actions-summary", Static).update(summary)

    @staticmethod
    def _cells(r: ActionRow) -> tuple:
        due = r.due_date.isoformat() if r.due_date else "–"
        style = "bold red" if r.overdue else ""
        return (
            Text(r.text, style=style),
            r.owner or "–",
            r.owner_organisation or "–",
            Text(due + (" försenad" if r.overdue else ""), style=style),
            r.status_label + (f" {r.closed_date.isoformat()}" if r.closed_date else ""),
            r.meeting_date.isoformat(),
            r.group_name,
        )

    @on(Select.Changed)
    @on(Input.Changed, "#actions-filter")
    def _filters_changed(self) -> None:
        self.reload()

    def _current(self):
        table = self.query_one("#actions-table", DataTable)
        if table.row_count == 0:
            return None
        return self.rows[table.cursor_row]

    def action_set_status(self, status: str) -> None:
        row = self._current()
        if row is None:
            return
        try:
            set_action_status(app_database(self), row.id, status, row.version)
        except LokusError as exc:
            self.notify(str(exc), severity="error", markup=False)
            self.reload()
            return
        labels = {"done": "klar", "dropped": "struken", "open": "öppen igen"}
        self.notify(f"”{row.text}” är {labels[status]}.", timeout=3, markup=False)
        self.reload()

    def action_open_meeting(self) -> None:
        row = self._current()
        if row is not None:
            from screens.meeting import MeetingScreen

            self.app.push_screen(MeetingScreen(row.meeting_id))

    def action_back(self) -> None:
        self.app.pop_screen()
