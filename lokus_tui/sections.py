"""The app's sections and the bar that shows them above every section screen."""

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Label

from lokus_tui.context import lokus_app

SECTIONS = (
    ("overview", "1", "Översikt"),
    ("meetings", "2", "Möten"),
    ("initiatives", "3", "Insatser"),
    ("contacts", "4", "Kontakter"),
    ("scanning", "5", "Omvärld"),
)


class ReadAgainOnReturn:
    """For a section screen with a ``reload(keep_current=...)``, mixed in before Screen:
    read again when the screen is shown again after another one (a meeting, a form,
    another section), keeping the current row. Not when it is first shown: it has just
    read in on_mount, and Textual resumes a mode's screen twice then (three reads of
    the first page where one is enough)."""

    _away = False

    def on_screen_suspend(self) -> None:
        self._away = True

    def on_screen_resume(self) -> None:
        if self._away:
            self._away = False
            self.reload(keep_current=True)

    def reload(self, keep_current: bool = False, select: int | None = None) -> None:
        raise NotImplementedError  # (the screen's own)

    def show_created(self, result: object) -> None:
        """After a form for a new record: its row becomes the current one (read again,
        paging on until it is found). A cancelled form moves nothing (the return reads
        again and keeps the row; forms dismiss with the new id, None when cancelled)."""
        if type(result) is int:
            self.reload(select=result)


class SectionTab(Label):
    def __init__(self, mode: str, key: str, title: str, current: bool):
        super().__init__(
            f"{key} {title}", classes="section-tab -current" if current else "section-tab"
        )
        self.mode = mode

    def on_click(self) -> None:
        lokus_app(self).action_section(self.mode)


class SectionBar(Horizontal):
    """'1 Översikt  2 Möten  3 Insatser …' with the current section marked; clickable."""

    def __init__(self, current: str):
        super().__init__(classes="section-bar")
        self.current = current

    def compose(self) -> ComposeResult:
        for mode, key, title in SECTIONS:
            yield SectionTab(mode, key, title, mode == self.current)
