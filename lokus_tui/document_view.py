"""A document's Markdown (the kallelse, the minutes, an insats, a note, the help)
drawn as one widget, by Rich's Markdown renderer.

Textual's ``Markdown`` widget builds a widget for every block and every table cell:
a meeting's kallelse was about 80 widgets, laid out again at every change, and
showing the Kallelse tab took 0.2 s of CPU. Here Rich lays the document out at the
widget's width (again when the width changes) and the widget shows the lines as
text: one widget, which scrolls in its ``VerticalScroll`` like any other, whose
text can be selected and copied, and whose links open when clicked, as before.

The text stays text: Rich's renderer reads no console markup in it, control and
bidi characters are shown as "�" as everywhere (lokus_tui/plain.py: fastställda
minutes are shown as stored), and the user's text was escaped into the Markdown by
exports/markdown.py, so a name never becomes a link. The links are the ones the
exports make: e-mail addresses and web addresses (a meeting's link). Headings
keep to the left, as in the exported documents, in the text's own colour.
"""

from typing import ClassVar

from rich.console import Console, ConsoleOptions, JustifyMethod, RenderResult
from rich.markdown import Heading, Markdown, TableElement
from rich.style import Style
from rich.table import Table
from rich.text import Text
from textual import events
from textual.widgets import Static

from lokus_tui.plain import plain_str


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


class _Table(TableElement):
    """A cell too narrow for a word breaks it over lines: an e-mail address is never
    cut short with "…" (Rich's default)."""

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for table in super().__rich_console__(console, options):
            if isinstance(table, Table):
                for column in table.columns:
                    column.overflow = "fold"
            yield table


class _Document(Markdown):
    elements = {**Markdown.elements, "heading_open": _Heading, "table_open": _Table}


class DocumentView(Static):
    """``show(markdown)`` draws it; ``source`` is the Markdown shown."""

    def __init__(self, markdown: str = "", **kwargs) -> None:
        kwargs["markup"] = False
        super().__init__(**kwargs)
        self._source = ""
        self._links: list[str] = []
        self._drawn_width = 0
        self.show(markdown)

    @property
    def source(self) -> str:
        return self._source

    def show(self, markdown: str) -> None:
        self._source = markdown
        self._draw()

    def on_resize(self, event: events.Resize) -> None:
        if event.size.width != self._drawn_width:
            self._draw()

    def _draw(self) -> None:
        # Before its first layout the widget has no width: the screen's will do
        # until the resize that follows.
        width = self.content_size.width or max(self.app.size.width - 2, 20)
        self._drawn_width = width
        console = self.app.console
        lines = console.render_lines(
            _Document(plain_str(self._source)),
            console.options.update(width=width, height=None),
            pad=False,
            new_lines=False,
        )
        self._links = []
        text = Text(end="")
        for n, line in enumerate(lines):
            if n:
                text.append("\n")
            for segment in line:
                if not segment.control:
                    text.append(segment.text, self._clickable(segment.style))
        self.update(text)

    def _clickable(self, style: Style | None) -> Style | None:
        """A link opens when clicked (by its number here: an address is never read
        as an action)."""
        if style is None or not style.link:
            return style
        self._links.append(style.link)
        return style.update_link(None) + Style.from_meta(
            {"@click": f"open_link({len(self._links) - 1})"}
        )

    def action_open_link(self, number: int) -> None:
        if 0 <= number < len(self._links):
            self.app.open_url(self._links[number])
