"""A yes/no question as a modal: dismisses True for yes."""

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button

from lokus_tui.key_bar import KeyBar
from lokus_tui.plain import Plain
from lokus_tui.stylesheet import StyledOnce


class ConfirmDialog(StyledOnce, ModalScreen[bool]):
    CSS_PATH = "confirm.tcss"
    BINDINGS = [
        Binding("j", "answer(True)", "Ja", id="confirm-yes"),
        Binding("n,escape", "answer(False)", "Nej", id="confirm-no"),
    ]

    def __init__(self, question: str, yes_label: str = "Ja, ta bort"):
        super().__init__()
        self.question = question
        self.yes_label = yes_label

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-box"):
            yield Plain(self.question, markup=False, id="confirm-question")
            with Horizontal(id="confirm-buttons"):
                yield Button(f"{self.yes_label} (j)", variant="error", id="yes")
                yield Button("Avbryt (n)", variant="primary", id="no")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, value: bool) -> None:
        self.dismiss(value)
