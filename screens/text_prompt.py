"""Ask for one line of text (a reason, a folder, a date)."""

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from lokus_tui.key_bar import KeyBar
from lokus_tui.plain import Plain, TextInput, plain
from lokus_tui.stylesheet import StyledOnce


class TextPrompt(StyledOnce, ModalScreen[str | None]):
    CSS_PATH = "text_prompt.tcss"
    BINDINGS = [Binding("escape", "cancel", "Avbryt", id="prompt-cancel")]

    def __init__(
        self,
        question: str,
        value: str = "",
        placeholder: str = "",
        required: bool = True,
        ok_label: str = "OK",
    ):
        super().__init__()
        self.question = question
        self.value = value
        self.placeholder = placeholder
        self.required = required
        self.ok_label = ok_label

    def compose(self) -> ComposeResult:
        with Vertical(id="prompt-box"):
            yield Label(plain(self.question), markup=False)
            yield TextInput(self.value, placeholder=self.placeholder, id="prompt-input")
            yield Plain("", id="prompt-error", classes="field-error")
            with Horizontal(id="prompt-buttons"):
                yield Button(f"{self.ok_label} (enter)", variant="primary", id="ok")
                yield Button("Avbryt (esc)", id="cancel")
        yield KeyBar()

    @on(Input.Submitted)
    @on(Button.Pressed, "#ok")
    def _ok(self) -> None:
        value = self.query_one("#prompt-input", Input).value.strip()
        if self.required and not value:
            self.query_one("#prompt-error", Static).update("Fältet måste fyllas i.")
            return
        self.dismiss(value)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
