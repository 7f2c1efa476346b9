"""The lokus App: sections, the database connection and shared actions."""

import importlib
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.screen import ModalScreen

from lokus_tui.commands import ActionsProvider, LookupProvider, MeetingsProvider
from lokus_tui.key_bar import KeyBar
from lokus_tui.plain import Plain, plain_str
from lokus_tui.sections import SECTIONS
from lokus_tui.stylesheet import ParsedOnceStylesheet, add_screen_styles
from lokus_tui.title_bar import TitleBar

if TYPE_CHECKING:
    from db.engine import Database


FIRST_SCREEN_GRACE = 0.3  # seconds between the first screen's data and loading the database


def _mode(name: str):
    """A section's screen is imported when first shown, not at start-up: the section
    id is the module name (screens/<id>.py) and the screen is its ``SCREEN``."""

    def factory():
        module = importlib.import_module(f"screens.{name}")
        return module.SCREEN()

    return factory


FORMS_CSS = Path(__file__).parent / "forms.tcss"


class LokusApp(App):
    CSS_PATH = Path(__file__).parent / "app.tcss"
    TITLE = "lokus"
    SUB_TITLE = "LOKUS-samordning"
    COMMANDS = App.COMMANDS | {LookupProvider, MeetingsProvider, ActionsProvider}
    MODES = {name: _mode(name) for name, _key, _title in SECTIONS}
    BINDINGS = [
        *(
            Binding(key, f"section('{name}')", title, show=False, id=f"section-{name}")
            for name, key, title in SECTIONS
        ),
        # priority: they work in every form and dialog too (a modal screen cuts off
        # the app's other keys); a form's typing is kept as its draft on quit.
        Binding("ctrl+q", "quit", "Avsluta", id="quit", priority=True),
        Binding("f1", "help", "Hjälp", id="help", priority=True),
        Binding("ctrl+p", "command_palette", "Sök och kommandon", show=False, priority=True),
    ]

    def __init__(
        self,
        target: str | Path,
        demo: bool = False,
        database: "Database | None" = None,
        start_section: str = "overview",
        open_options: dict | None = None,
        first_file: Path | None = None,
    ):
        super().__init__()
        self.db_target = target
        self.open_options = open_options or {}
        self.demo = demo
        self._database = database
        # The SQLite file whose overview is shown before the database layer is loaded
        # (start-up at the floor), or None.
        self.first_file = first_file
        self._opening = False
        self.start_section = start_section
        self.last_export_paths: list = []
        self.exit_message = ""  # what lokus says on leaving (unsaved text, an unexpected error)
        self.notified: list[str] = []  # every notification shown, newest last
        self.theme = "textual-dark"
        self.stylesheet = ParsedOnceStylesheet(variables=self.get_css_variables())

    @property
    def database(self) -> "Database":
        """The open database; screens are only shown once it is open."""
        if self._database is None:
            raise RuntimeError("databasen är inte öppnad än")
        return self._database

    @property
    def database_ready(self) -> bool:
        return self._database is not None

    def compose(self) -> ComposeResult:
        if self._database is None and self.first_file is not None:
            return  # (this is Översikt's screen: see OverviewFirstApp)
        yield TitleBar()
        # A still text, not an animation: the database layer is imported in a thread
        # right now, and an animation would compete with it for the interpreter.
        yield Plain("Öppnar databasen …", id="loading-text")
        yield KeyBar()

    def on_mount(self) -> None:
        from lokus_tui.hangup import quit_on_hangup

        quit_on_hangup(self)
        if self.demo:
            self.sub_title = plain_str(f"demodata i {self.db_target}")
        if self._database is not None:
            self._on_database_ready()
        elif self.first_file is not None:
            self.switch_mode("overview")  # opens the database once its data is painted
        else:
            self._open_database()

    def first_screen_shown(self) -> None:
        """The first screen shows data: now load the database layer in a thread."""
        if self._database is None and not self._opening:
            self._opening = True
            # Not at once: the import of the database layer holds the interpreter for a
            # while, and the first screen should be painted and answer keys first.
            self.call_after_refresh(self.set_timer, FIRST_SCREEN_GRACE, self._open_database)

    @work(thread=True, exit_on_error=False, name="open-database")
    def _open_database(self) -> None:
        from db.errors import LokusError
        from db.opening import open_database

        try:
            database = open_database(self.db_target, **self.open_options)
        except LokusError as exc:
            self.call_from_thread(
                self.exit, return_code=getattr(exc, "exit_code", 2), message=f"lokus: {exc}"
            )
            return
        except Exception as exc:  # noqa: BLE001 - shown as one sentence, not a traceback
            self.call_from_thread(
                self.exit, return_code=1, message=f"lokus: databasen kunde inte öppnas ({exc})"
            )
            return
        self._database = database
        self.call_from_thread(self._on_database_ready)

    @work(thread=True, exit_on_error=False, name="preload-workspace")
    def _preload_workspace(self) -> None:
        """Import the meeting workspace (its panes and the document exports they use)
        while the first section is being read: opening the first meeting then does not
        wait for these imports (about 50 ms). Like the mode factories, by name."""
        importlib.import_module("screens.meeting")

    def _on_database_ready(self) -> None:
        from lokus_tui.live_updates import start_polling
        from lokus_tui.start_up import database_layer_loaded

        database_layer_loaded()

        start_polling(self)
        self._preload_workspace()
        if self.database.read_only:
            self.sub_title = (
                f"Skrivskyddad — ändringar sparas inte ({self.database.read_only_reason})"
            )
            self.notify(
                "Databasen är skrivskyddad — ändringar sparas inte.", severity="warning", timeout=10
            )
        if self.current_mode != self.start_section:
            self.switch_mode(self.start_section)

    def push_screen(self, screen, *args, **kwargs):
        """Forms and dialogs get their styles (forms.tcss) as the first one is pushed:
        parsed then, not at start-up before Översikt shows (about 3 ms)."""
        if isinstance(screen, ModalScreen):
            add_screen_styles(self, FORMS_CSS)
        return super().push_screen(screen, *args, **kwargs)

    def flush_pending(self) -> list[str]:
        """Let every open screen save what is typed but not yet saved; returns a
        sentence for each thing that could not be saved (it is kept as a draft)."""
        warnings = []
        for stack in self._screen_stacks.values():
            for screen in stack:
                flush = getattr(screen, "flush_pending", None)
                if flush is not None:
                    warning = flush()
                    if warning:
                        warnings.append(warning)
        return warnings

    async def action_quit(self) -> None:
        warnings = self.flush_pending()
        if warnings:
            self.exit_message = "lokus: obs: " + "; ".join(warnings) + "."
            self.exit(message=self.exit_message)
        else:
            self.exit()

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity="information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Every notification is plain text: messages often carry a name or a note."""
        self.notified.append(plain_str(message))
        del self.notified[:-50]
        super().notify(
            plain_str(message),
            title=plain_str(title),
            severity=severity,
            timeout=timeout,
            markup=False,
        )

    def action_section(self, name: str) -> None:
        if self._database is None:
            self.start_section = name  # shown as soon as the database is open
            return
        if self.current_mode == name:
            while len(self.screen_stack) > 1:
                self.pop_screen()
            return
        self.switch_mode(name)

    def action_command_palette(self) -> None:
        from lokus_tui.palette import SwedishPalette

        if self.use_command_palette and not SwedishPalette.is_open(self):
            self.push_screen(SwedishPalette(id="--command-palette"))

    def get_system_commands(self, screen):
        """Textual's own palette commands are English and mostly for developers
        (screenshot, theme, maximize); Avsluta and Hjälp come with the keys."""
        return iter(())

    def action_help(self) -> None:
        from screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            self.screen.dismiss()
        else:
            self.push_screen(HelpScreen(self.screen))

    def _fatal_error(self) -> None:
        """An unexpected error: keep what was typed, log the details privately, and say
        one Swedish sentence instead of printing a traceback (Textual's default)."""
        import contextlib
        import sys

        from lokus_tui.error_log import describe, write_error_log

        error = self._exception or sys.exc_info()[1]
        with contextlib.suppress(Exception):
            self.flush_pending()
        self.bell()
        self.exit_message = (
            f"lokus: {describe(error)}. Det som var sparat finns kvar{write_error_log(error)}."
        )
        self._exit_renderables.append(self.exit_message)
        self._close_messages_no_wait()

    def on_unmount(self) -> None:
        from lokus_tui.start_up import resume_collector

        resume_collector()
        if self._database is not None:
            self._database.close()


def make_app(
    target: str | Path,
    demo: bool = False,
    database=None,
    start_section: str = "overview",
    open_options: dict | None = None,
) -> LokusApp:
    """The one factory used by the CLI and by every test."""
    from lokus_tui.start_up import OverviewFirstApp, readable_first_file

    first_file = None if database is not None else readable_first_file(target, start_section)
    kind = OverviewFirstApp if first_file is not None else LokusApp
    return kind(
        target,
        demo=demo,
        database=database,
        start_section=start_section,
        open_options=open_options,
        first_file=first_file,
    )
