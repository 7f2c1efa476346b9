"""Anteckningar: notes per agenda item, saved automatically, with decisions and actions.

Text is saved after a short pause in typing, whenever focus leaves the editor,
when the item changes and when the screen closes: at most the last moment of
typing can be lost, and nothing needs a save key.
"""


from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import DataTable, Static, TextArea

from db import clock
from db.errors import LokusError
from db.minutes import (
    NotesConflict,
    add_action,
    add_decision,
    delete_action,
    delete_decision,
    follow_up_actions,
    item_notes,
    list_actions,
    list_decisions,
    mark_held,
    save_notes,
)

AUTOSAVE_SECONDS = 0.6


class NotesPane(Vertical):
    BINDINGS = [
        Binding("alt+down,ctrl+down", "item(1)", "Nästa punkt", id="notes-next"),
        Binding("alt+up,ctrl+up", "item(-1)", "Förra punkten", id="notes-prev"),
        Binding("f2", "decision", "Beslut", id="notes-decision"),
        Binding("f3", "action", "Åtgärd", id="notes-action"),
        Binding("delete", "delete_selected", "Ta bort", show=False, id="notes-delete"),
    ]

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.item_id: int | None = None
        self.version = 0
        self.saved_text = ""
        self._loading = False
        self._timer = None

    def compose(self) -> ComposeResult:
        with Horizontal():
            yield DataTable(id="notes-items", cursor_type="row")
            with Vertical(id="notes-right"):
                yield Static("", id="notes-title", classes="title", markup=False)
                yield TextArea(id="notes-editor", soft_wrap=True, tab_behavior="focus")
                yield Static("", id="notes-saved", classes="status-line", markup=False)
                yield Static("Beslut (F2 nytt)", classes="notes-heading")
                yield DataTable(id="notes-decisions", cursor_type="row", show_header=False)
                yield Static("Åtgärder (F3 ny)", classes="notes-heading")
                yield DataTable(id="notes-actions", cursor_type="row", show_header=False)

    def on_mount(self) -> None:
        self.query_one("#notes-items", DataTable).add_columns("Nr", "Punkt")
        self.query_one("#notes-decisions", DataTable).add_columns("Beslut")
        self.query_one("#notes-actions", DataTable).add_columns("Åtgärd", "Ansvarig", "Senast")

    # --- data -----------------------------------------------------------------------
    def refresh_data(self) -> None:
        items = self.screen.detail.items
        table = self.query_one("#notes-items", DataTable)
        row = table.cursor_row
        table.clear()
        for n, item in enumerate(items, 1):
            table.add_row(str(n), item.title, key=str(item.id))
        if not items:
            self.item_id = None
            return
        ids = [i.id for i in items]
        row = ids.index(self.item_id) if self.item_id in ids else 0
        table.move_cursor(row=row)
        self.show_item(ids[row])

    def show_item(self, item_id: int) -> None:
        if item_id != self.item_id:
            self.save_now()
            notes, version = item_notes(self.app.database, item_id)
            self.item_id, self.version, self.saved_text = item_id, version, notes
            editor = self.query_one("#notes-editor", TextArea)
            self._loading = True
            editor.load_text(notes)
            self._loading = False
            self.query_one("#notes-saved", Static).update("")
        item = next(i for i in self.screen.detail.items if i.id == item_id)
        n = self.screen.detail.items.index(item) + 1
        title = f"{n}. {item.title}"
        if item.title.strip().lower() == "uppföljning av åtgärder":
            follow = follow_up_actions(self.app.database, self.screen.meeting_id)
            title += "".join(f"\n  • {a.text} ({a.owner or 'ansvarig saknas'}, {a.status_label})"
                             for a in follow) or "\n  Inga öppna åtgärder från tidigare möten."
        self.query_one("#notes-title", Static).update(title)
        decisions = self.query_one("#notes-decisions", DataTable)
        decisions.clear()
        for d in list_decisions(self.app.database, item_id):
            decisions.add_row(f"Beslut: {d.text}", key=str(d.id))
        actions = self.query_one("#notes-actions", DataTable)
        actions.clear()
        for a in list_actions(self.app.database, meeting_id=self.screen.meeting_id):
            if a.agenda_item_id == item_id:
                actions.add_row(a.text, a.owner or "–",
                                a.due_date.isoformat() if a.due_date else "", key=str(a.id))

    @on(DataTable.RowHighlighted, "#notes-items")
    def _item_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.row_key is not None and event.row_key.value:
            item_id = int(event.row_key.value)
            if item_id != self.item_id:
                self.show_item(item_id)

    @on(DataTable.RowSelected, "#notes-items")
    def _item_selected(self) -> None:
        self.query_one("#notes-editor").focus()

    # --- saving ----------------------------------------------------------------------
    @on(TextArea.Changed, "#notes-editor")
    def _typed(self) -> None:
        if self._loading or self.query_one("#notes-editor", TextArea).text == self.saved_text:
            return
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(AUTOSAVE_SECONDS, self.save_now)
        self.query_one("#notes-saved", Static).update("Ändrat …")

    def on_descendant_blur(self, event) -> None:
        if getattr(event, "widget", None) is self.query_one("#notes-editor"):
            self.save_now()

    def save_now(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        editors = self.query("#notes-editor")
        if self.item_id is None or not self.is_attached or not editors:
            return
        text = editors.first(TextArea).text
        if text == self.saved_text:
            return
        db = self.app.database
        try:
            self.version = save_notes(db, self.item_id, text, self.version)
        except NotesConflict as conflict:
            merged = (f"{text}\n\n--- Sparat i ett annat fönster ---\n{conflict.current_text}"
                      if conflict.current_text.strip() else text)
            self.version = save_notes(db, self.item_id, merged, conflict.current_version)
            self._loading = True
            self.query_one("#notes-editor", TextArea).load_text(merged)
            self._loading = False
            text = merged
            self.notify("Anteckningarna hade ändrats i ett annat fönster. Båda texterna finns "
                        "kvar i rutan.", severity="warning", timeout=8)
        except LokusError as exc:
            self.notify(f"Kunde inte spara: {exc}", severity="error", timeout=10)
            return
        self.saved_text = text
        if self.screen.detail and self.screen.detail.status in ("planned", "notice_sent") \
                and self.screen.detail.data.meeting_date <= clock.today():
            mark_held(db, self.screen.meeting_id)
        self.query_one("#notes-saved", Static).update(
            f"Sparat kl. {clock.now().strftime('%H.%M.%S')}")

    def on_unmount(self) -> None:
        self.save_now()

    # --- actions --------------------------------------------------------------------------
    def action_item(self, delta: int) -> None:
        table = self.query_one("#notes-items", DataTable)
        if table.row_count == 0:
            return
        target = max(0, min(table.row_count - 1, table.cursor_row + delta))
        table.move_cursor(row=target)
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        self.show_item(int(key))
        self.query_one("#notes-editor").focus()

    def action_decision(self) -> None:
        if self.item_id is None:
            return
        from screens.text_prompt import TextPrompt

        item_id = self.item_id

        def answered(text):
            if not text:
                return
            try:
                add_decision(self.app.database, item_id, text)
            except LokusError as exc:
                self.notify(str(exc), severity="error")
            self.show_item(item_id)
            self.query_one("#notes-editor").focus()

        self.save_now()
        self.app.push_screen(TextPrompt("Beslut:", ok_label="Spara beslut"), answered)

    def action_action(self) -> None:
        if self.item_id is None:
            return
        from screens.action_form import ActionForm

        item_id = self.item_id

        def save(data):
            return add_action(self.app.database, self.screen.meeting_id, item_id, data)

        def done(_result):
            self.show_item(item_id)
            self.query_one("#notes-editor").focus()

        self.save_now()
        self.app.push_screen(ActionForm(self.screen.detail.members, save), done)

    def action_delete_selected(self) -> None:
        focused = self.screen.focused
        if not isinstance(focused, DataTable) or focused.row_count == 0:
            return
        key = int(focused.coordinate_to_cell_key(focused.cursor_coordinate).row_key.value)
        if focused.id == "notes-decisions":
            delete_decision(self.app.database, key)
        elif focused.id == "notes-actions":
            delete_action(self.app.database, key)
        else:
            return
        self.show_item(self.item_id)
