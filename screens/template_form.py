"""Edit a group's agenda template: one item title per line."""

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Footer, Label, Static, TextArea

from db.agenda_template import DEFAULT_AGENDA_TEMPLATE
from lokus_tui.form_screen import FormScreen


class TemplateForm(FormScreen):
    def __init__(self, group_name: str, titles: list[str], save):
        super().__init__(save)
        self.group_name = group_name
        self.draft_name = f"mall-{group_name}"
        self.titles = titles

    def compose(self) -> ComposeResult:
        with Vertical(classes="form-dialog"):
            yield Static(f"Dagordningsmall för {self.group_name}", classes="title", markup=False)
            yield Static("", id="form-errors", classes="field-error", markup=False)
            yield Label("En punkt per rad. ”Uppföljning av åtgärder” fylls med öppna åtgärder "
                        "och ”Information från parterna” med gruppens parter. Töm rutan för "
                        "standardmallen.", classes="hint")
            yield TextArea("\n".join(self.titles), id="titles")
            with Horizontal(classes="buttons"):
                yield Button("Spara (ctrl+s)", variant="primary", id="save")
                yield Button("Avbryt (esc)", id="cancel")
        yield Footer()

    def on_mount(self) -> None:
        area = self.query_one("#titles", TextArea)
        area.styles.height = "1fr"
        area.focus()

    def read(self):
        lines = [t for t in self.query_one("#titles", TextArea).text.splitlines() if t.strip()]
        if lines == list(DEFAULT_AGENDA_TEMPLATE):
            lines = []
        return lines, []
