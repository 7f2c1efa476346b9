"""What every tab of a meeting shares: its own data, its own keys, and a way to say
that the meeting changed.

A pane loads only its own data, and only when it is shown: after a change the
screen marks every pane stale and reloads the one in view. (Loads are small
queries on the UI thread; a 'database is locked' from another program does not
block reading.)
"""

from pathlib import Path

from textual.containers import Vertical
from textual.widgets import DataTable

from db.errors import LokusError
from screens.meeting.events import MeetingChanged


class MeetingPane(Vertical):
    """Subclasses implement ``load()`` (read and show their data)."""

    first_widget = ""  # the widget to focus when the tab is shown (a selector)

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.stale = True

    @property
    def meeting_id(self) -> int:
        return self.screen.meeting_id

    @property
    def detail(self):
        """The meeting as the screen last read it (MeetingDetail)."""
        return self.screen.detail

    def load(self) -> None:
        raise NotImplementedError

    def reload(self) -> None:
        self.stale = False
        self.load()

    def changed(self) -> None:
        self.post_message(MeetingChanged())

    def selected_key(self, table_id: str) -> int | None:
        table = self.query_one(table_id, DataTable)
        if table.row_count == 0:
            return None
        return int(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

    @staticmethod
    def refill(table: DataTable, fill) -> None:
        """Fill a table again, keeping the cursor on the same row number."""
        row = table.cursor_row
        table.clear()
        fill(table)
        if table.row_count:
            table.move_cursor(row=min(row, table.row_count - 1))

    def run_db(self, fn, *args, success: str = "", **kwargs):
        """Call a db write; say what happened; the meeting changed either way."""
        try:
            result = fn(self.app.database, *args, **kwargs)
        except LokusError as exc:
            self.notify(str(exc), severity="error")
            self.changed()
            return None
        if success:
            self.notify(success, timeout=3)
        self.changed()
        return result if result is not None else True

    def ask_folder_and_write(self, write, after=None) -> None:
        """Ask where to save, then write (all or nothing) and list the files."""
        from lokus_tui.config import export_dir
        from screens.text_prompt import TextPrompt

        def answered(folder):
            if not folder:
                return
            try:
                paths = write(Path(folder).expanduser())
            except LokusError as exc:
                self.notify(str(exc), severity="error", timeout=8)
                return
            self.app.last_export_paths = paths
            self.notify("Sparat:\n" + "\n".join(str(p) for p in paths), timeout=8)
            if self.app.database.read_only:
                self.notify(
                    "Databasen är skrivskyddad: exporten sparades inte i mötets historik.",
                    severity="warning",
                    timeout=8,
                )
            self.changed()
            if after is not None:
                after()

        self.app.push_screen(
            TextPrompt("Mapp att spara i:", str(export_dir()), ok_label="Spara"), answered
        )
