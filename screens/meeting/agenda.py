"""Dagordning: the items with their clock times; new, edit, delete, move."""

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable

from db.actions import follow_up_actions
from db.agenda import (
    add_agenda_item,
    delete_agenda_item,
    get_agenda_item,
    move_agenda_item,
    position_before_other_business,
    update_agenda_item,
)
from db.agenda_template import is_follow_up
from db.vocabulary import AgendaItemKind, GuestStatus
from exports.swedish import count_of, format_time
from lokus_tui.context import app_database
from lokus_tui.plain import Plain
from lokus_tui.plain_table import PlainTable
from lokus_tui.table_columns import Column
from screens.meeting.pane import MeetingPane


class AgendaPane(MeetingPane):
    first_widget = "#agenda-table"
    BINDINGS = [
        Binding("n", "new_item", "Ny punkt", id="agenda-new"),
        Binding("e", "edit_item", "Redigera", id="agenda-edit"),
        Binding("delete", "delete_item", "Ta bort", id="agenda-delete"),
        Binding("alt+up", "move_item(-1)", "Flytta upp", id="agenda-up"),
        Binding("alt+down", "move_item(1)", "Flytta ned", id="agenda-down"),
    ]

    def compose(self) -> ComposeResult:
        yield PlainTable(id="agenda-table", cursor_type="row", zebra_stripes=True)
        yield Plain("", id="agenda-summary", classes="status-line")

    def set_up(self) -> None:
        self.query_one("#agenda-table", PlainTable).set_columns(
            Column("Nr"),
            Column("Tid"),
            Column("Punkt", flex=True, min_width=30),
            Column("Typ", rank=1),
            Column("Föredragande", rank=2, flex=True),
            Column("Min", rank=3),
        )

    def load(self) -> None:
        detail = self.detail
        follow_ups = follow_up_actions(app_database(self), self.meeting_id)

        def row(n, item):
            when = f"{format_time(item.start)}–{format_time(item.end)}" if item.start else ""
            who = ", ".join(x for x in (item.presenter, *item.guests) if x)
            title = item.title
            if is_follow_up(title) and follow_ups:
                title += f" ({count_of(len(follow_ups), 'åtgärd', 'åtgärder')} från tidigare möten)"
            cells = (title, AgendaItemKind.label_of(item.data.kind), who)
            return str(item.id), (str(n), when, *cells, str(item.data.minutes_allotted))

        self.query_one("#agenda-table", PlainTable).show_rows(
            [row(n, item) for n, item in enumerate(detail.items, 1)]
        )
        total = sum(i.data.minutes_allotted for i in detail.items)
        text = f"{len(detail.items)} punkter, {total} minuter"
        if detail.overrun:
            text += f" — {detail.overrun} minuter för mycket"
        self.query_one("#agenda-summary", Plain).update(text)

    def _item(self):
        item_id = self.selected_key("#agenda-table")
        return next((i for i in self.detail.items if i.id == item_id), None)

    def _guest_choices(self) -> list[tuple[str, int]]:
        from db.guests import list_guests

        return [
            (g.name, g.person_id)
            for g in list_guests(app_database(self), self.meeting_id)
            if g.status in (GuestStatus.CONFIRMED, GuestStatus.PRESENTED)
        ]

    def action_new_item(self) -> None:
        from screens.agenda_item_form import AgendaItemForm

        db, meeting_id = app_database(self), self.meeting_id

        def save(data):
            return add_agenda_item(
                db, meeting_id, data, position_before_other_business(db, meeting_id)
            )

        self.app.push_screen(
            AgendaItemForm(
                None, self.detail.members, self.detail.data.group_id, save, self._guest_choices()
            ),
            self._after_item,
        )

    def _after_item(self, item_id) -> None:
        self.changed()
        if isinstance(item_id, int) and item_id > 0:
            self.call_after_refresh(self._select, item_id)

    def _select(self, item_id: int) -> None:
        table = self.query_one("#agenda-table", DataTable)
        if str(item_id) in table.rows:
            table.move_cursor(row=table.get_row_index(str(item_id)))

    def action_edit_item(self) -> None:
        item = self._item()
        if item is None:
            return
        from screens.agenda_item_form import AgendaItemForm

        db = app_database(self)

        def save(data, version):
            update_agenda_item(db, item.id, data, version)
            return item.id

        self.app.push_screen(
            AgendaItemForm(
                item,
                self.detail.members,
                self.detail.data.group_id,
                save,
                self._guest_choices(),
                fetch=lambda: get_agenda_item(db, item.id),
            ),
            self._after_item,
        )

    @on(DataTable.RowSelected, "#agenda-table")
    def _enter(self) -> None:
        self.action_edit_item()

    def action_delete_item(self) -> None:
        item = self._item()
        if item is None:
            return
        from screens.confirm import ConfirmDialog

        def answered(yes):
            if yes:
                self.run_db(
                    delete_agenda_item,
                    item.id,
                    item.version,
                    success=f"”{item.title}” är borttagen.",
                )

        self.app.push_screen(ConfirmDialog(f"Ta bort punkten ”{item.title}”?"), answered)

    def action_move_item(self, delta: int) -> None:
        item = self._item()
        if item is None:
            return
        position = self.run_db(move_agenda_item, item.id, delta, item.version)
        if position is not None:
            self.call_after_refresh(
                lambda: self.query_one("#agenda-table", DataTable).move_cursor(row=position)
            )
