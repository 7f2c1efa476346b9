"""The notes of one agenda item in an editor that saves itself.

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
from textual.timer import Timer
from textual.widgets import Static, TextArea

from db import clock
from db.errors import LokusError, NotFoundError, RecordLockedError, StorageError, ValidationError
from db.notes import save_notes
from db.text_merge import merge_text
from exports.swedish import format_clock, format_moment
from lokus_tui import drafts
from lokus_tui.context import app_database
from screens.meeting.pane import MeetingPane

AUTOSAVE_IDLE = 0.6  # seconds without a key
AUTOSAVE_LATEST = 1.5  # seconds after the first unsaved key, even while typing
RETRY_SECONDS = 2.0  # after a failed save


class NotesEditor(MeetingPane):
    """The saving half of the notes pane: subclasses compose ``#notes-editor`` (a
    TextArea) and ``#notes-saved`` (the status line) and choose the item."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.item_id: int | None = None
        self.base_text = ""  # the stored text the editor started from
        self.failed: str = ""  # why the last save failed ('' when saved)
        self._loading = False
        self._idle_timer: Timer | None = None
        self._latest_timer: Timer | None = None
        self._retry_timer: Timer | None = None

    @property
    def editor(self) -> TextArea:
        return self.query_one("#notes-editor", TextArea)

    def _status(self, text: str) -> None:
        self.query_one("#notes-saved", Static).update(text)

    def _database_key(self) -> str:
        database = app_database(self)
        return str(getattr(database, "path", None) or getattr(self.app, "db_target", ""))

    @property
    def locked_reason(self) -> str:
        """Why the notes cannot be edited now ('' when they can)."""
        if getattr(app_database(self), "read_only", False):
            return "Databasen är skrivskyddad — ändringar sparas inte."
        detail = self.meeting_screen.detail
        if detail is not None and detail.minutes_status == "final":
            return (
                "Anteckningarna är fastställda och kan inte ändras (återöppna dem i "
                "fliken Granskning med o)."
            )
        return ""

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
        when = format_moment(entry.saved)
        self.notify(
            f"Anteckningar som inte hann sparas ({when}) är återställda och sparas nu.",
            severity="warning",
            timeout=10,
        )
        return merged.text

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
        editors, item_id = self.query("#notes-editor"), self.item_id
        if item_id is None or not self.is_attached or not editors:
            return True
        text = editors.first(TextArea).text
        if text == self.base_text:
            return True
        try:
            saved = save_notes(app_database(self), item_id, text, self.base_text)
        except StorageError as exc:
            return self._failed(item_id, text, str(exc), retry=True)
        except ValidationError as exc:
            return self._failed(item_id, text, str(exc.errors[0]), retry=False)
        except (RecordLockedError, NotFoundError) as exc:
            return self._failed(item_id, text, str(exc), retry=False)
        except LokusError as exc:
            return self._failed(item_id, text, str(exc), retry=True)
        self.base_text = saved.text
        self.failed = ""
        with contextlib.suppress(OSError):
            drafts.clear_journal(self._database_key(), item_id)
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
        self._status(f"Sparat {format_clock(clock.now())}{note}")
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

    def _failed(self, item_id: int, text: str, reason: str, retry: bool) -> bool:
        """Keep the text: in the editor (it stays), in the journal, and say so."""
        self.failed = reason
        kept = ""
        try:
            drafts.write_journal(self._database_key(), item_id, text, self.base_text)
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
