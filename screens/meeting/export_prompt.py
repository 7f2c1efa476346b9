"""Where to save a meeting's documents, and in which formats (the TUI's counterpart of
`lokus export … -o MAPP --format …`)."""

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, RadioButton, RadioSet

from lokus_tui.key_bar import KeyBar
from lokus_tui.plain import Plain, TextInput
from lokus_tui.stylesheet import StyledOnce

# (key, label): what is written besides the usual files
CHOICES = (
    ("", "Som vanligt (e-posten har dokumentet som PDF)"),
    ("pdf", "Som vanligt och en PDF-fil"),
    ("docx", "Som vanligt och en Word-fil (e-posten får Word i stället för PDF)"),
)


def chosen_formats(usual: tuple[str, ...], extra: str) -> tuple[str, ...]:
    """The formats to write: the usual ones, and PDF or Word when chosen."""
    return usual + ((extra,) if extra else ())


class ExportPrompt(StyledOnce, ModalScreen[tuple[str, str] | None]):
    """Answers (folder, extra format: '' / 'pdf' / 'docx'), or None when cancelled."""

    CSS_PATH = "export_prompt.tcss"
    BINDINGS = [
        Binding("escape", "cancel", "Avbryt", id="export-cancel"),
        Binding("ctrl+s", "save", "Spara", id="export-save"),
    ]

    def __init__(self, folder: str, usual: str):
        super().__init__()
        self.folder = folder
        self.usual = usual

    def compose(self) -> ComposeResult:
        with Vertical(id="export-box"):
            yield Label("Mapp att spara i:")
            yield TextInput(self.folder, id="prompt-input")
            yield Plain("", id="export-error", classes="field-error")
            yield Label(f"Som vanligt: {self.usual}.")
            yield Label("Format (tab, ↑/↓ och enter väljer):")
            with RadioSet(id="export-formats"):
                for n, (_key, label) in enumerate(CHOICES):
                    yield RadioButton(label, value=n == 0)
            with Horizontal(id="export-buttons"):
                yield Button("Spara (enter)", variant="primary", id="ok")
                yield Button("Avbryt (esc)", id="cancel")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#prompt-input", Input).focus()

    @on(Input.Submitted)
    @on(Button.Pressed, "#ok")
    def action_save(self) -> None:
        folder = self.query_one("#prompt-input", Input).value.strip()
        if not folder:
            self.query_one("#export-error", Plain).update("Mapp: fältet måste fyllas i.")
            return
        index = self.query_one("#export-formats", RadioSet).pressed_index
        self.dismiss((folder, CHOICES[max(index, 0)][0]))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
