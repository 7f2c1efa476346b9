"""The document view (the kallelse, the minutes, an insats, a note, the help): its text
can be selected and copied, its links open when clicked, it follows the width, and
what is stored is shown as text."""

from textual.app import App, ComposeResult
from textual.containers import VerticalScroll

from exports.markdown import email_link, escape_inline, table
from lokus_tui.document_view import DocumentView

DOCUMENT = "\n\n".join(
    [
        f"# Kallelse till {escape_inline('LOKUS [b]Uppsala[/b]')}",
        f"- **När:** tisdag 3 mars 2026, kl. 13.00\n- **Kontakt:** {email_link('anna@example.se')}",
        "## Dagordning",
        table(["Nr", "Punkt"], [["1", "Mötets öppnande"], ["2", "Ekonomi, *budget* 2027"]]),
    ]
)


class DocumentApp(App):
    def __init__(self, markdown: str):
        super().__init__()
        self.markdown = markdown
        self.opened: list[str] = []

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield DocumentView(self.markdown)

    def open_url(self, url: str, *, new_tab: bool = True) -> None:
        self.opened.append(url)


def lines(view: DocumentView) -> list[str]:
    return [view.render_line(y).text for y in range(view.size.height)]


async def test_the_text_of_a_document_can_be_selected_and_copied():
    app = DocumentApp(DOCUMENT)
    async with app.run_test(size=(80, 24)) as pilot:
        view = app.query_one(DocumentView)
        view.text_select_all()
        await pilot.pause()
        selected = app.screen.get_selected_text() or ""
    assert "Kallelse till LOKUS [b]Uppsala[/b]" in selected  # markup in a name stays text
    assert "När: tisdag 3 mars 2026, kl. 13.00" in selected
    assert "Mötets öppnande" in selected
    assert "Ekonomi, *budget* 2027" in selected  # a cell is the user's text: no emphasis


async def test_a_link_opens_when_clicked_and_the_text_around_it_does_not():
    app = DocumentApp(DOCUMENT)
    async with app.run_test(size=(80, 24)) as pilot:
        view = app.query_one(DocumentView)
        row = next(y for y, line in enumerate(lines(view)) if "anna@example.se" in line)
        column = lines(view)[row].index("anna@example.se")
        await pilot.click(view, offset=(column + 2, row))
        await pilot.click(view, offset=(2, 0))  # the heading: no link
        await pilot.pause()
    assert app.opened == ["mailto:anna@example.se"]


WIDE = table(
    ["Nr", "Punkt", "Föredragande"],
    [
        [
            "1",
            "Information om arbetsmarknadsinsatserna i länet",
            "Anna Andersson, Arbetsförmedlingen",
        ]
    ],
)


def rules(view: DocumentView) -> list[str]:
    """The table's rule under its header, as drawn (one line of ─)."""
    return [line.strip() for line in lines(view) if line.strip() and set(line.strip()) == {"─"}]


async def test_the_document_is_laid_out_again_at_a_new_width():
    app = DocumentApp(WIDE)
    async with app.run_test(size=(80, 24)) as pilot:
        view = app.query_one(DocumentView)
        assert [len(rule) > 60 for rule in rules(view)] == [True]
        await pilot.resize_terminal(40, 24)
        await pilot.pause()
        # laid out again by Rich: one rule, as wide as the table now is (not the old
        # rule broken over two lines)
        assert [len(rule) <= 38 for rule in rules(view)] == [True]
        shown = "".join(lines(view))
        assert "…" not in shown  # a word too long for its cell is broken, not cut
        assert "Arbetsförmedlinge" in shown  # (and "n" on the next line)


async def test_escapes_in_a_stored_document_are_shown_as_marks():
    """Fastställda minutes are shown as stored: an escape written into the database by
    another program never reaches the terminal."""
    stored = "# Minnesanteckningar\n\nEva \x1b]0;ÄGD\x07 \x1b[31mröd\x1b[0m \u202egnöv"
    app = DocumentApp(stored)
    async with app.run_test(size=(80, 24)):
        text = "\n".join(lines(app.query_one(DocumentView)))
    assert "\x1b" not in text and "\x07" not in text and "\u202e" not in text
    assert "Eva �]0;ÄGD� �[31mröd�[0m �gnöv" in text
