"""Edit a group's agenda template: one item title per line."""

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Label, TextArea

from db.agenda_template import DEFAULT_AGENDA_TEMPLATE
from db.records import AgendaTemplate
from lokus_tui.form_screen import FormScreen
from lokus_tui.key_bar import KeyBar
from lokus_tui.plain import Plain


class TemplateForm(FormScreen):
    record_attr = "template"
    FIELD_LABELS = {"titles": "Punkterna"}
    FIELD_WIDGETS = {"template": "titles"}

    def __init__(self, template: AgendaTemplate, save, fetch=None):
        super().__init__(save, fetch)
        self.template = template
        self.draft_name = f"mall-{template.group_id}"

    def compose(self) -> ComposeResult:
        with Vertical(classes="form-dialog"):
            yield Plain(
                f"Dagordningsmall för {self.template.group_name}", classes="title", markup=False
            )
            yield Plain("", id="form-errors", classes="field-error", markup=False)
            yield Label(
                "En punkt per rad. ”Uppföljning av åtgärder” fylls med öppna åtgärder "
                "och ”Information från parterna” med gruppens parter. Töm rutan för "
                "standardmallen.",
                classes="hint",
            )
            yield TextArea("\n".join(self.template.titles), id="titles")
            with Horizontal(classes="buttons"):
                yield Button("Spara (ctrl+s)", variant="primary", id="save")
                yield Button("Avbryt (esc)", id="cancel")
        yield KeyBar()

    def prepare(self) -> None:
        area = self.query_one("#titles", TextArea)
        area.styles.height = "1fr"
        area.focus()

    def read(self):
        lines = [t for t in self.query_one("#titles", TextArea).text.splitlines() if t.strip()]
        if lines == list(DEFAULT_AGENDA_TEMPLATE):
            lines = []
        return lines, []
