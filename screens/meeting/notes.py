"""Anteckningar: notes per agenda item, saved automatically, with decisions and actions.

The items, decisions and actions are here; how the notes save themselves (and
what happens when saving fails) is in screens/meeting/notes_editor.py.
"""

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import DataTable, Static, TextArea

from db.actions import add_action, delete_action, follow_up_actions, list_actions
from db.characters import printable
from db.errors import LokusError
from db.notes import add_decision, delete_decision, item_notes, list_decisions
from lokus_tui import drafts
from lokus_tui.context import app_database
from lokus_tui.plain import Plain
from lokus_tui.plain_table import PlainTable
from lokus_tui.table_columns import Column
from screens.meeting.notes_editor import NotesEditor


class NotesPane(NotesEditor):
    first_widget = "#notes-editor"
    BINDINGS = [
        Binding("alt+down,ctrl+down", "item(1)", "Nästa punkt", id="notes-next"),
        Binding("alt+up,ctrl+up", "item(-1)", "Förra punkten", id="notes-prev"),
        Binding("f2", "decision", "Beslut", id="notes-decision"),
        Binding("f3", "action", "Åtgärd", id="notes-action"),
        Binding("delete", "delete_selected", "Ta bort", show=False, id="notes-delete"),
    ]

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.decisions: dict[int, int] = {}  # decision id -> version
        self.actions: dict[int, int] = {}  # action id -> version

    def compose(self) -> ComposeResult:
        with Horizontal():
            yield PlainTable(id="notes-items", cursor_type="row")
            with Vertical(id="notes-right"):
                yield Plain("", id="notes-title", classes="title", markup=False)
                yield TextArea(id="notes-editor", soft_wrap=True, tab_behavior="focus")
                yield Plain("", id="notes-saved", classes="status-line", markup=False)
                yield Plain("Beslut (F2 nytt)", classes="notes-heading")
                yield PlainTable(id="notes-decisions", cursor_type="row", show_header=False)
                yield Plain("Åtgärder (F3 ny)", classes="notes-heading")
                yield PlainTable(id="notes-actions", cursor_type="row", show_header=False)

    def set_up(self) -> None:
        self.query_one("#notes-items", DataTable).add_columns("Nr", "Punkt")
        self.query_one("#notes-decisions", DataTable).add_columns("Beslut")
        self.query_one("#notes-actions", PlainTable).set_columns(
            Column("Åtgärd", flex=True, min_width=16), Column("Ansvarig"), Column("Senast")
        )

    # --- data -----------------------------------------------------------------------
    def load(self) -> None:
        items = self.detail.items
        table = self.query_one("#notes-items", DataTable)
        table.clear()
        for n, item in enumerate(items, 1):
            table.add_row(str(n), item.title, key=str(item.id))
        self.editor.read_only = bool(self.locked_reason)
        if not items:
            self.item_id = None
            return
        ids = [i.id for i in items]
        row = ids.index(self.item_id) if self.item_id in ids else 0
        table.move_cursor(row=row)
        self.show_item(ids[row])
        pending = [
            n
            for n, i in enumerate(ids, 1)
            if i != self.item_id
            and i in set(drafts.pending_journal_items(self._database_key(), ids))
        ]
        if pending:
            self.notify(
                "Osparade anteckningar finns kvar för punkt "
                + ", ".join(map(str, pending))
                + "; öppna punkten för att spara dem.",
                severity="warning",
                timeout=10,
            )

    def show_item(self, item_id: int) -> None:
        if item_id != self.item_id:
            self.save_now()
            notes, _version = item_notes(app_database(self), item_id)
            self.item_id, self.base_text, self.failed = item_id, notes, ""
            text = self._restore_journal(item_id, notes)
            safe = printable(text, multiline=True)
            if safe != text:
                text = safe
                self.notify(
                    "Anteckningarna innehöll osynliga styrtecken; de är borttagna och "
                    "texten sparas utan dem.",
                    severity="warning",
                    timeout=8,
                )
            self._loading = True
            self.editor.load_text(text)
            self._loading = False
            self._status(self.locked_reason)
            if text != notes and not self.locked_reason:
                self._schedule(first=True)
        item = next(i for i in self.detail.items if i.id == item_id)
        n = self.detail.items.index(item) + 1
        title = f"{n}. {item.title}"
        if item.title.strip().lower() == "uppföljning av åtgärder":
            follow = follow_up_actions(app_database(self), self.meeting_id)
            title += (
                "".join(
                    f"\n  • {a.text} ({a.owner or 'ansvarig saknas'}, {a.status_label})"
                    for a in follow
                )
                or "\n  Inga öppna åtgärder från tidigare möten."
            )
        self.query_one("#notes-title", Static).update(title)
        decisions = self.query_one("#notes-decisions", DataTable)
        decisions.clear()
        self.decisions = {}
        for d in list_decisions(app_database(self), item_id):
            self.decisions[d.id] = d.version
            decisions.add_row(f"Beslut: {d.text}", key=str(d.id))
        actions = self.query_one("#notes-actions", DataTable)
        actions.clear()
        self.actions = {}
        for a in list_actions(app_database(self), meeting_id=self.meeting_id):
            if a.agenda_item_id == item_id:
                self.actions[a.id] = a.version
                actions.add_row(
                    a.text,
                    a.owner or "–",
                    a.due_date.isoformat() if a.due_date else "",
                    key=str(a.id),
                )

    @on(DataTable.RowHighlighted, "#notes-items")
    def _item_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.cursor_row != event.data_table.cursor_row:
            return  # an old event from before the table was filled again
        if event.row_key is not None and event.row_key.value:
            item_id = int(event.row_key.value)
            if item_id != self.item_id:
                self.show_item(item_id)

    @on(DataTable.RowSelected, "#notes-items")
    def _item_selected(self) -> None:
        self.editor.focus()

    # --- actions --------------------------------------------------------------------------
    def action_item(self, delta: int) -> None:
        table = self.query_one("#notes-items", DataTable)
        if table.row_count == 0:
            return
        target = max(0, min(table.row_count - 1, table.cursor_row + delta))
        table.move_cursor(row=target)
        item_id = self.cursor_key(table)
        if item_id is not None:
            self.show_item(item_id)
        self.editor.focus()

    def _refused(self) -> bool:
        reason = self.locked_reason
        if reason:
            self.notify(reason, severity="warning", timeout=6)
        return bool(reason)

    def action_decision(self) -> None:
        if self.item_id is None or self._refused():
            return
        from screens.text_prompt import TextPrompt

        item_id = self.item_id

        def answered(text):
            if not text:
                return
            try:
                add_decision(app_database(self), item_id, text)
            except LokusError as exc:
                self.notify(str(exc), severity="error", markup=False)
            self.show_item(item_id)
            self.editor.focus()
            self.changed()

        self.save_now()
        self.app.push_screen(TextPrompt("Beslut:", ok_label="Spara beslut"), answered)

    def action_action(self) -> None:
        if self.item_id is None or self._refused():
            return
        from screens.action_form import ActionForm

        item_id = self.item_id

        def save(data):
            return add_action(app_database(self), self.meeting_id, item_id, data)

        def done(_result):
            self.show_item(item_id)
            self.editor.focus()
            self.changed()

        self.save_now()
        self.app.push_screen(ActionForm(self.detail.members, save), done)

    def action_delete_selected(self) -> None:
        focused = self.screen.focused
        if not isinstance(focused, DataTable) or focused.row_count == 0 or self._refused():
            return
        key = self.cursor_key(focused)
        if key is None:
            return
        try:
            if focused.id == "notes-decisions":
                delete_decision(app_database(self), key, self.decisions.get(key, 0))
            elif focused.id == "notes-actions":
                delete_action(app_database(self), key, self.actions.get(key, 0))
            else:
                return
        except LokusError as exc:
            self.notify(str(exc), severity="error", markup=False)
        if self.item_id is not None:  # rows left from before the agenda was emptied
            self.show_item(self.item_id)
