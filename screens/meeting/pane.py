"""What every tab of a meeting shares: its own data, its own keys, and a way to say
that the meeting changed.

A pane loads only its own data, and only when it is shown: after a change the
screen marks every pane stale and reloads the one in view. (Loads are small
queries on the UI thread; a 'database is locked' from another program does not
block reading.)
"""

from pathlib import Path
from typing import TYPE_CHECKING, cast

from textual.containers import Vertical
from textual.widgets import DataTable

from db.errors import LokusError
from lokus_tui.context import app_database, lokus_app, taken_down
from lokus_tui.plain_table import PlainTable
from screens.meeting.events import MeetingChanged

if TYPE_CHECKING:
    from db.records import MeetingDetail
    from screens.meeting.screen import MeetingScreen


class MeetingPane(Vertical):
    """Subclasses implement ``load()`` (read and show their data)."""

    first_widget = ""  # the widget to focus when the tab is shown (a selector)

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.stale = True

    @property
    def meeting_screen(self) -> "MeetingScreen":
        """The screen of the meeting; a pane is only ever mounted in one."""
        return cast("MeetingScreen", self.screen)

    @property
    def meeting_id(self) -> int:
        return self.meeting_screen.meeting_id

    @property
    def detail(self) -> "MeetingDetail":
        """The meeting as the screen last read it. Panes load and act only once the
        screen has read it (it leaves when it cannot)."""
        detail = self.meeting_screen.detail
        if detail is None:
            raise RuntimeError("the meeting screen has not read its meeting yet")
        return detail

    def on_mount(self) -> None:
        # (not when its meeting was left, or lokus quit, while it was being built: keys
        # are handled meanwhile, and its widgets are gone)
        if not taken_down(self):
            self.set_up()

    def set_up(self) -> None:
        """Subclass hook, in place of on_mount: columns and the like, once mounted."""

    def load(self) -> None:
        raise NotImplementedError

    def reload(self) -> None:
        if not self.is_mounted:  # being built: it loads once mounted (the screen's _pane_of)
            self.stale = True
            return
        if taken_down(self):  # (its meeting was left while it was being built)
            return
        self.stale = False
        self.load()

    def changed(self, header: bool = True, shown: bool = False) -> None:
        """Say the meeting changed; ``shown``: this pane already shows the change."""
        self.post_message(MeetingChanged(header, shown_by=self if shown else None))

    def selected_key(self, table_id: str) -> int | None:
        return self.cursor_key(self.query_one(table_id, DataTable))

    @staticmethod
    def cursor_key(table: DataTable) -> int | None:
        """The id of the row under the cursor (rows are added with their id as key)."""
        key = cast(PlainTable, table).current_key  # (every table of a pane is one)
        return None if key is None else int(key)

    def run_db(self, fn, *args, success: str = "", **kwargs):
        """Call a db write; say what happened; the meeting changed either way."""
        try:
            result = fn(app_database(self), *args, **kwargs)
        except LokusError as exc:
            self.notify(str(exc), severity="error")
            self.changed()
            return None
        if success:
            self.notify(success, timeout=3)
        self.changed()
        return result if result is not None else True

    def ask_export(self, write, usual: str, after=None) -> None:
        """Ask where to save and in which formats (PDF or Word besides the usual
        files), then write: ``write(folder, extra)`` with extra '', 'pdf' or 'docx'."""
        from lokus_tui.config import last_export_dir
        from screens.meeting.export_prompt import ExportPrompt

        def answered(answer):
            if answer:
                folder, extra = answer
                self._write_files(lambda path: write(path, extra), folder, after)

        self.app.push_screen(ExportPrompt(str(last_export_dir()), usual), answered)

    def ask_folder_and_write(self, write, after=None) -> None:
        """Ask where to save, then write (all or nothing) and list the files."""
        from lokus_tui.config import last_export_dir
        from screens.text_prompt import TextPrompt

        def answered(folder):
            if folder:
                self._write_files(write, folder, after)

        self.app.push_screen(
            TextPrompt("Mapp att spara i:", str(last_export_dir()), ok_label="Spara"), answered
        )

    def _write_files(self, write, folder: str, after=None) -> None:
        """Write (all or nothing), list the files, and say when no history was kept."""
        try:
            paths = write(Path(folder).expanduser())
        except LokusError as exc:
            self.notify(str(exc), severity="error", timeout=8)
            return
        from lokus_tui.config import remember_export_dir

        remember_export_dir(Path(folder).expanduser())
        lokus_app(self).last_export_paths = paths
        self.notify("Sparat:\n" + "\n".join(str(p) for p in paths), timeout=8)
        if app_database(self).read_only:
            self.notify(
                "Databasen är skrivskyddad: exporten sparades inte i mötets historik.",
                severity="warning",
                timeout=8,
            )
        self.changed()
        if after is not None:
            after()
