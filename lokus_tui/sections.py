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
    """For a section screen with a ``reload(keep_current=..., select=...)`` and a
    ``table`` (a PagedTable), mixed in before Screen: read again when the screen is
    shown again after another one (a meeting, a form, another section), keeping the
    current row. Not when it is first shown: it has just read in on_mount, and Textual
    resumes a mode's screen twice then (three reads of the first page where one is
    enough)."""

    _away = False
    _new_record: int | None = None

    def on_screen_suspend(self) -> None:
        self._away = True

    def on_screen_resume(self) -> None:
        # (not when another screen is already on top again: a new meeting opens at once
        # after its form; then the list is read when it is really shown)
        if self._away and self.is_active:  # type: ignore[attr-defined]
            self._away = False
            self._read_again()

    def reload(self, keep_current: bool = False, select: int | None = None) -> bool:
        raise NotImplementedError  # (the screen's own: whether ``select`` is the current row)

    def changed_elsewhere(self) -> None:
        """Saved in another window (lokus_tui/live_updates.py): read again, on the same row."""
        self.reload(keep_current=True)

    def show_created(self, result: object) -> None:
        """After a form for a new record (forms dismiss with its id, None when
        cancelled): its row is the current one when the list is shown again, read once
        then. A cancelled form moves nothing."""
        if type(result) is not int:
            return
        self._new_record = result
        if not self._away:  # (already shown again)
            self._read_again()

    def _read_again(self) -> None:
        new, self._new_record = self._new_record, None
        if self.reload(keep_current=True, select=new) or new is None:
            return
        table = self.table  # type: ignore[attr-defined]
        self.notify(  # type: ignore[attr-defined]
            "Den nya posten syns inte i listan med det urval som gäller nu."
            if table.all_loaded
            else "Den nya posten står längre ned i listan: använd filtret för att hitta den.",
            timeout=6,
        )


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
