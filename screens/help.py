"""F1: every key of the screen underneath, and where the data lives."""

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer, Markdown

from exports.markdown import escape_inline, table


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,f1,q", "dismiss", "Stäng", id="help-close")]

    def compose(self) -> ComposeResult:
        below = self.app.screen_stack[-1] if self.app.screen_stack else self.app.screen
        rows = []
        for key, active in below.active_bindings.items():
            if active.binding.description:
                rows.append([key, active.binding.description])
        path = getattr(getattr(self.app, "database", None), "path", None)
        text = "\n\n".join([
            "# Hjälp",
            "Tangenterna på den här skärmen:",
            table(["Tangent", "Gör"], rows),
            "Alla kommandon och snabbsök efter insatser och personer: **ctrl+p**. "
            "Byt avsnitt med **1–5**. Avsluta med **ctrl+q**.",
            f"Databas: {escape_inline(str(path)) if path else 'okänd'}",
        ])
        with VerticalScroll(classes="form-dialog"):
            yield Markdown(text)
        yield Footer()
