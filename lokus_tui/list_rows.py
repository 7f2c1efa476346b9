"""Rows of an editable list inside a form: move up/down, remove, from the keyboard."""

from textual.binding import Binding
from textual.containers import Vertical
from textual.widget import Widget

from lokus_tui.plain import Plain


class ListRow(Vertical):
    """One row in a list editor. Subclasses compose their own fields."""

    BINDINGS = [
        Binding("alt+up", "move(-1)", "Flytta upp", id="row-up"),
        Binding("alt+down", "move(1)", "Flytta ned", id="row-down"),
        Binding("ctrl+t", "remove_row", "Ta bort rad", id="row-remove"),
    ]
    DEFAULT_CLASSES = "list-row"

    def error_label(self) -> Plain:
        return Plain("", classes="field-error row-error")

    def show_error(self, text: str) -> None:
        self.query_one(".row-error", Plain).update(text)

    def _list(self) -> tuple[Widget, list["ListRow"]]:
        """The container of the list and its rows of this row's kind, in order."""
        parent = self.parent
        if not isinstance(parent, Widget):
            raise RuntimeError("a list row acts only while it is mounted in its list")
        return parent, [c for c in parent.children if isinstance(c, type(self))]

    def action_move(self, delta: int) -> None:
        parent, rows = self._list()
        index = rows.index(self)
        target = index + delta
        if not 0 <= target < len(rows):
            return
        focused = self.screen.focused
        if delta < 0:
            parent.move_child(self, before=rows[target])
        else:
            parent.move_child(self, after=rows[target])
        if focused is not None:
            self.call_after_refresh(focused.focus)
        self.call_after_refresh(self.scroll_visible)

    def action_remove_row(self) -> None:
        _parent, rows = self._list()
        index = rows.index(self)
        self.remove()
        rest = [r for r in rows if r is not self]
        if rest:
            target = rest[min(index, len(rest) - 1)]
            inputs = target.query("Input, Select")
            if inputs:
                self.screen.call_after_refresh(inputs.first().focus)
