"""The app's sections and the bar that shows them above every section screen."""

from rich.text import Text
from textual import events
from textual.widget import Widget

from lokus_tui.context import lokus_app
from lokus_tui.stylesheet import StyledOnce

SECTIONS = (
    ("overview", "1", "Översikt"),
    ("meetings", "2", "Möten"),
    ("initiatives", "3", "Insatser"),
    ("contacts", "4", "Kontakter"),
    ("scanning", "5", "Omvärld"),
)


class ReadAgainOnReturn(StyledOnce):
    """For a section screen with a ``reload(keep_current=..., select=...)`` and a
    ``table`` (a PagedTable), mixed in before Screen: read again when the screen is
    shown again after another one (a meeting, a form, another section), keeping the
    current row. Not when it is first shown: it has just read in on_mount, and Textual
    resumes a mode's screen twice then (three reads of the first page where one is
    enough)."""

    _away = False
    _new_record: int | None = None

    # (Textual runs the handlers of every class of a screen: StyledOnce's too)
    def on_screen_suspend(self) -> None:
        self._away = True

    def on_screen_resume(self, event: events.ScreenResume) -> None:
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


def _places() -> tuple[tuple[str, int, str], ...]:
    places, x = [], 0
    for mode, key, title in SECTIONS:
        label = f" {key} {title} "
        places.append((mode, x, label))
        x += len(label)
    return tuple(places)


class SectionBar(Widget, can_focus=False):
    """'1 Översikt  2 Möten  3 Insatser …' with the current section marked; a click
    goes to a section. One widget that draws the line, like KeyBar, not a container
    with a label per section (six widgets to style, lay out and draw on every
    section's screen)."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES = {"section-bar--tab", "section-bar--current", "section-bar--hover"}
    PLACES = _places()  # each section's mode, first column and label, left to right

    def __init__(self, section: str):
        super().__init__(classes="section-bar")
        self.section = section  # the section the screen belongs to
        self._hover: str | None = None

    @property
    def current(self) -> str:
        """The section marked: the one whose screens these are. A meeting opened from
        Översikt is in Översikt (1 goes back to it, 2 to the list of meetings), so
        the app's mode counts, not the kind of screen."""
        mode = self.app.current_mode
        return mode if any(mode == m for m, _x, _label in self.PLACES) else self.section

    def render(self) -> Text:
        tab = self.get_component_rich_style("section-bar--tab")
        current = self.get_component_rich_style("section-bar--current")
        hover = self.get_component_rich_style("section-bar--hover")
        text = Text(no_wrap=True, overflow="ellipsis", end="")
        marked = self.current
        for mode, _x, label in self.PLACES:
            if mode == marked:
                text.append(label, current)  # (also under the mouse: it stays marked)
            else:
                text.append(label, tab + hover if mode == self._hover else tab)
        return text

    def _mode_at(self, event: events.MouseEvent) -> str | None:
        offset = event.get_content_offset(self)
        if offset is None or offset.y != 0:
            return None
        return next((m for m, x, label in self.PLACES if x <= offset.x < x + len(label)), None)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        mode = self._mode_at(event)
        if mode != self._hover:
            self._hover = mode
            self.refresh()

    def on_leave(self) -> None:
        if self._hover is not None:
            self._hover = None
            self.refresh()

    def on_click(self, event: events.Click) -> None:
        mode = self._mode_at(event)
        if mode is not None:
            lokus_app(self).action_section(mode)
