"""Data is text: widgets that show whatever comes from the database as plain text.

Textual parses ``[...]`` in strings as markup, and a terminal obeys escape
sequences. Everything lokus shows that a person typed goes through here: it
becomes a Rich ``Text`` (never markup) with control and bidi characters
replaced by "�" (db.characters.printable). Screens use ``PlainTable``
(lokus_tui/plain_table.py) instead of ``DataTable``, ``Plain`` instead of
``Static``, ``plain_options`` for ``Select``; the App's ``notify`` does the same
for every notification.
"""

import re

from rich.text import Text
from textual import events
from textual.widgets import Input, Select, Static

from db.characters import printable

MARKER = "�"


def plain(value, multiline: bool = True) -> Text:
    """Any value as literal text for a widget (None -> empty)."""
    if isinstance(value, Text):
        return Text(
            printable(value.plain, multiline, MARKER),
            style=value.style,
            no_wrap=value.no_wrap,
            overflow=value.overflow,
        )
    return Text(printable("" if value is None else value, multiline, MARKER))


def plain_str(value, multiline: bool = True) -> str:
    """Literal text as a str, for places that take no Text (titles, input values)."""
    return printable("" if value is None else value, multiline, MARKER)


def markup_literal(value) -> str:
    """For the few places that only take markup (the palette's help line): every "["
    escaped, so the text shows exactly as it is."""
    return plain_str(value, multiline=False).replace("[", "\\[")


def plain_options(options) -> list[tuple[Text, object]]:
    """Select options whose labels are data: (label, value) -> (Text, value)."""
    return [(plain(label, multiline=False), value) for label, value in options]


class Plain(Static):
    """A Static whose content is always plain text. One with the class "field-error"
    is shown only while it has something to say (an empty one takes no line)."""

    def __init__(self, content="", **kwargs):
        kwargs["markup"] = False
        super().__init__(plain(content), **kwargs)
        self._show_if_error(content)

    def update(self, content="", *, layout: bool = True) -> None:
        super().update(plain(content), layout=layout)
        self._show_if_error(content)

    def _show_if_error(self, content) -> None:
        if self.has_class("field-error"):
            self.display = bool(str(content).strip())


class PlainSelect(Select):
    """A Select whose option labels (names of people, groups, items …) are plain text."""

    def __init__(self, options, **kwargs):
        super().__init__(plain_options(options), **kwargs)

    def set_options(self, options) -> None:
        options = plain_options(options)
        if self.query("SelectOverlay"):
            super().set_options(options)
            return
        # Called from a screen's on_mount before this Select has composed its list:
        # keep the options; Select's own mount builds the list and shows the value.
        self._setup_variables_for_options(options)
        self._value = self.NULL if self._allow_blank else self._options[0][1]


class TextInput(Input):
    """A one-line field that never cuts a paste: pasted line breaks (also U+2028,
    U+0085 …) become spaces, and the field says so."""

    def _on_paste(self, event: events.Paste) -> None:
        event.prevent_default()  # Input's own paste keeps only the first line
        if not event.text:
            event.stop()
            return
        parts = [p for p in re.split(r"\r\n|[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]", event.text)]
        text = " ".join(parts)
        selection = self.selection
        if selection.is_empty:
            self.insert_text_at_cursor(text)
        else:
            self.replace(text, *selection)
        if len(parts) > 1:
            self.app.notify("Det inklistrade hade radbrytningar; de blev mellanslag.", timeout=4)
        event.stop()
