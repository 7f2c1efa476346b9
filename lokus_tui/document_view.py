"""A document's Markdown (the kallelse, the minutes, an insats, a note, the help)
drawn as one widget, by Rich's Markdown renderer.

Textual's ``Markdown`` widget builds a widget for every block and every table cell:
a meeting's kallelse was about 80 widgets, laid out again at every change, and
showing the Kallelse tab took 0.2 s of CPU. Drawn as one renderable it is one
widget, which scrolls in its ``VerticalScroll`` like any other.

The text stays text: Rich's renderer reads no console markup in it. The only links
are the ones the export functions make (an e-mail address); names and notes are
escaped there, so they never become one. Headings keep to the left, as in the
exported documents, in the text's own colour.
"""

from typing import ClassVar

from rich.console import JustifyMethod
from rich.markdown import Heading, Markdown
from textual.widgets import Static


class _Heading(Heading):
    LEVEL_ALIGN: ClassVar[dict[str, JustifyMethod]] = {
        **Heading.LEVEL_ALIGN,
        "h1": "left",
    }
    # (Rich colours h2-h4 magenta, which reads as an error in lokus's themes)
    STYLES: ClassVar[dict[str, str]] = {"h1": "bold underline", "h2": "bold", "h3": "bold"}

    def __init__(self, tag: str) -> None:
        super().__init__(tag)
        self.style_name = self.STYLES.get(tag, "italic")


class _Document(Markdown):
    elements = {**Markdown.elements, "heading_open": _Heading}


class DocumentView(Static):
    """``show(markdown)`` draws it; ``source`` is the Markdown shown."""

    def __init__(self, markdown: str = "", **kwargs) -> None:
        kwargs["markup"] = False
        super().__init__(**kwargs)
        self._source = ""
        self.show(markdown)

    @property
    def source(self) -> str:
        return self._source

    def show(self, markdown: str) -> None:
        self._source = markdown
        self.update(_Document(markdown))
