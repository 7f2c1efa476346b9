"""Anteckningar: notes per agenda item, saved automatically, with decisions and actions.

Autosave: the notes are saved a moment after typing pauses, and at the latest
two seconds after the first unsaved keystroke even while typing goes on, when
focus leaves the editor, when the item changes and when the app quits. When a
save fails (the database locked by another program, a full disk, the text too
long) the text stays in the editor and in a private journal on disk, the
status line says so in Swedish, and lokus tries again. Text from the journal
is offered back the next time the item is opened. If another window saved the
same notes meanwhile, the texts are merged (db.text_merge), never duplicated.
"""

import contextlib

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import DataTable, Static, TextArea

from db import clock
from db.actions import add_action, delete_action, follow_up_actions, list_actions
from db.characters import printable
from db.errors import LokusError, NotFoundError, RecordLockedError, StorageError, ValidationError
from db.notes import add_decision, delete_decision, item_notes, list_decisions, save_notes
from db.text_merge import merge_text
from lokus_tui import drafts
from lokus_tui.plain import Plain, PlainTable
from screens.meeting.pane import MeetingPane

AUTOSAVE_IDLE = 0.6  # seconds without a key
AUTOSAVE_LATEST = 1.5  # seconds after the first unsaved key, even while typing
RETRY_SECONDS = 2.0  # after a failed save


class NotesPane(MeetingPane):
    first_widget = "#notes-editor"
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
        self.base_text = ""  # the stored text the editor started from
        self.failed: str = ""  # why the last save failed ('' when saved)
        self._loading = False
        self._idle_timer = None
        self._latest_timer = None
        self._retry_timer = None
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

    def on_mount(self) -> None:
        self.query_one("#notes-items", DataTable).add_columns("Nr", "Punkt")
        self.query_one("#notes-decisions", DataTable).add_columns("Beslut")
        self.query_one("#notes-actions", DataTable).add_columns("Åtgärd", "Ansvarig", "Senast")

    @property
    def editor(self) -> TextArea:
        return self.query_one("#notes-editor", TextArea)

    def _status(self, text: str) -> None:
        self.query_one("#notes-saved", Static).update(text)

    def _database_key(self) -> str:
        database = self.app.database
        return str(getattr(database, "path", None) or getattr(self.app, "db_target", ""))

    @property
    def locked_reason(self) -> str:
        """Why the notes cannot be edited now ('' when they can)."""
        if getattr(self.app.database, "read_only", False):
            return "Databasen är skrivskyddad — ändringar sparas inte."
        detail = self.detail
        if detail is not None and detail.minutes_status == "final":
            return (
                "Anteckningarna är fastställda och kan inte ändras (återöppna dem i "
                "fliken Granskning med o)."
            )
        return ""

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
            notes, _version = item_notes(self.app.database, item_id)
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
            follow = follow_up_actions(self.app.database, self.meeting_id)
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
        for d in list_decisions(self.app.database, item_id):
            self.decisions[d.id] = d.version
            decisions.add_row(f"Beslut: {d.text}", key=str(d.id))
        actions = self.query_one("#notes-actions", DataTable)
        actions.clear()
        self.actions = {}
        for a in list_actions(self.app.database, meeting_id=self.meeting_id):
            if a.agenda_item_id == item_id:
                self.actions[a.id] = a.version
                actions.add_row(
                    a.text,
                    a.owner or "–",
                    a.due_date.isoformat() if a.due_date else "",
                    key=str(a.id),
                )

    def _restore_journal(self, item_id: int, stored: str) -> str:
        """Text that could not be saved last time, merged with what is stored now."""
        entry = drafts.read_journal(self._database_key(), item_id)
        if entry is None:
            return stored
        merged = merge_text(entry.base, entry.text, stored)
        if merged.text == stored:
            with contextlib.suppress(OSError):
                drafts.clear_journal(self._database_key(), item_id)
            return stored
        when = entry.saved.replace("T", " kl. ")
        self.notify(
            f"Anteckningar som inte hann sparas ({when}) är återställda och sparas nu.",
            severity="warning",
            timeout=10,
        )
        return merged.text

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

    # --- saving ----------------------------------------------------------------------
    @property
    def unsaved(self) -> bool:
        return self.item_id is not None and self.editor.text != self.base_text

    def _schedule(self, first: bool = False) -> None:
        """Save after a pause, and at the latest AUTOSAVE_LATEST after the first change."""
        if self._idle_timer is not None:
            self._idle_timer.stop()
        self._idle_timer = self.set_timer(AUTOSAVE_IDLE, self.save_now)
        if self._latest_timer is None or first:
            self._latest_timer = self.set_timer(AUTOSAVE_LATEST, self.save_now)

    def _stop_timers(self) -> None:
        for name in ("_idle_timer", "_latest_timer", "_retry_timer"):
            timer = getattr(self, name)
            if timer is not None:
                timer.stop()
            setattr(self, name, None)

    @on(TextArea.Changed, "#notes-editor")
    def _typed(self) -> None:
        if self._loading or not self.unsaved:
            return
        self._schedule()
        if not self.failed:
            self._status("Ändrat …")

    def on_descendant_blur(self, event) -> None:
        if getattr(event, "widget", None) is self.query_one("#notes-editor"):
            self.save_now()

    def save_now(self) -> bool:
        """Save what is typed; True when nothing is left unsaved."""
        self._stop_timers()
        editors = self.query("#notes-editor")
        if self.item_id is None or not self.is_attached or not editors:
            return True
        text = editors.first(TextArea).text
        if text == self.base_text:
            return True
        try:
            saved = save_notes(self.app.database, self.item_id, text, self.base_text)
        except StorageError as exc:
            return self._failed(text, str(exc), retry=True)
        except ValidationError as exc:
            return self._failed(text, str(exc.errors[0]), retry=False)
        except (RecordLockedError, NotFoundError) as exc:
            return self._failed(text, str(exc), retry=False)
        except LokusError as exc:
            return self._failed(text, str(exc), retry=True)
        self.base_text = saved.text
        self.failed = ""
        with contextlib.suppress(OSError):
            drafts.clear_journal(self._database_key(), self.item_id)
        if saved.text != text:
            self._show_merged(saved.text)
        note = ""
        if saved.conflicts:
            note = " — båda fönstrens text finns kvar, markerad"
            self.notify(
                "Anteckningarna hade ändrats i ett annat fönster på samma ställe. Båda "
                "versionerna finns kvar i rutan mellan markeringarna <<<<<<< och "
                ">>>>>>>; ta bort den som inte ska vara kvar.",
                severity="warning",
                timeout=12,
            )
        elif saved.merged:
            note = " — sammanfogat med ändringar från ett annat fönster"
        self._status(f"Sparat kl. {clock.now().strftime('%H.%M.%S')}{note}")
        if saved.held:
            self.changed()
        return True

    def _show_merged(self, text: str) -> None:
        editor = self.editor
        row, column = editor.cursor_location
        self._loading = True
        editor.load_text(text)
        self._loading = False
        last = editor.document.line_count - 1
        row = min(row, last)
        editor.cursor_location = (row, min(column, len(editor.document.get_line(row))))

    def _failed(self, text: str, reason: str, retry: bool) -> bool:
        """Keep the text: in the editor (it stays), in the journal, and say so."""
        self.failed = reason
        kept = ""
        try:
            drafts.write_journal(self._database_key(), self.item_id, text, self.base_text)
        except OSError:
            kept = " (kunde inte heller sparas som utkast: texten finns bara i rutan)"
        again = "; försöker igen" if retry else ""
        self._status(f"Inte sparat — {reason}{again}{kept}")
        if retry:
            self._retry_timer = self.set_timer(RETRY_SECONDS, self.save_now)
        return False

    def flush_pending(self) -> str:
        """Save now (quitting, leaving); a Swedish sentence when text is left unsaved."""
        if self.save_now():
            return ""
        return (
            f"anteckningarna till en punkt kunde inte sparas ({self.failed}); de finns "
            "kvar som utkast och visas nästa gång du öppnar mötet"
        )

    def on_unmount(self) -> None:
        self.save_now()
        self._stop_timers()

    # --- actions --------------------------------------------------------------------------
    def action_item(self, delta: int) -> None:
        table = self.query_one("#notes-items", DataTable)
        if table.row_count == 0:
            return
        target = max(0, min(table.row_count - 1, table.cursor_row + delta))
        table.move_cursor(row=target)
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        self.show_item(int(key))
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
                add_decision(self.app.database, item_id, text)
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
            return add_action(self.app.database, self.meeting_id, item_id, data)

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
        key = int(focused.coordinate_to_cell_key(focused.cursor_coordinate).row_key.value)
        try:
            if focused.id == "notes-decisions":
                delete_decision(self.app.database, key, self.decisions.get(key, 0))
            elif focused.id == "notes-actions":
                delete_action(self.app.database, key, self.actions.get(key, 0))
            else:
                return
        except LokusError as exc:
            self.notify(str(exc), severity="error", markup=False)
        self.show_item(self.item_id)
