"""F1: every key of the screen underneath, and where the data lives."""

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen

from exports.markdown import escape_inline, table
from lokus_tui.document_view import DocumentView
from lokus_tui.key_bar import KeyBar
from lokus_tui.key_words import TEXTUAL_WORDS, swedish
from lokus_tui.stylesheet import StyledOnce


class HelpScreen(StyledOnce, ModalScreen[None]):
    BINDINGS = [Binding("escape,f1,q", "dismiss", "Stäng", id="help-close")]

    def __init__(self, below):
        super().__init__()
        self.below = below

    def compose(self) -> ComposeResult:
        rows = []
        seen = set()
        for active in self.below.active_bindings.values():
            binding = active.binding
            if binding.description and binding.action not in seen:
                seen.add(binding.action)
                rows.append([self.app.get_key_display(binding), swedish(binding.description)])
        # the screen's own keys first; the arrows and editing keys of Textual's widgets after
        rows.sort(key=lambda row: row[1] in TEXTUAL_WORDS.values())
        app = self.app
        ready = getattr(app, "database_ready", False)  # (F1 pressed before it is open)
        path = getattr(app.database, "path", None) if ready else None  # type: ignore[attr-defined]
        text = "\n\n".join(
            [
                "# Hjälp",
                "Tangenterna på den här skärmen (^ betyder ctrl: ^n är ctrl+n):",
                table(["Tangent", "Gör"], rows),
                "Alla kommandon och snabbsök efter insatser och personer: **ctrl+p**. "
                "Byt avsnitt med **1–5**. Avsluta med **ctrl+q**.",
                f"Databas: {escape_inline(str(path)) if path else 'okänd'}",
            ]
        )
        with VerticalScroll(classes="form-dialog"):
            yield DocumentView(text)
        yield KeyBar()
