"""Record a point proposed by a party."""


from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Footer, Input, Label, Select, Static

from db import clock
from db.contacts import organisation_options
from db.validation import Errors, check_text, parse_date
from lokus_tui.form_screen import FormScreen, select_value
from lokus_tui.validators import DateValidator


class ProposalForm(FormScreen):
    """read() gives (text, organisation_id, person_id, received_date)."""

    draft_name = "förslag-ny"

    def compose(self) -> ComposeResult:
        orgs = [(o.label, o.id) for o in organisation_options(self.app.database)]
        with Vertical(classes="form-dialog"):
            yield Static("Nytt förslag till dagordningen", classes="title")
            yield Static("", id="form-errors", classes="field-error", markup=False)
            yield Label("Förslaget *", classes="field-label")
            yield Input(id="text", placeholder="Punkten som parten vill ta upp")
            yield Static("", id="err-text", classes="field-error", markup=False)
            with Horizontal(classes="row"):
                with Vertical():
                    yield Label("Från organisation", classes="field-label")
                    yield Select(orgs, id="organisation_id", prompt="Välj part")
                with Vertical():
                    yield Label("Person", classes="field-label")
                    yield Select([], id="person_id", prompt="Välj person")
            yield Label("Inkom", classes="field-label")
            yield Input(clock.today().isoformat(), id="received_date",
                        validators=[DateValidator()])
            yield Static("", id="err-received_date", classes="field-error", markup=False)
            with Horizontal(classes="buttons"):
                yield Button("Spara (ctrl+s)", variant="primary", id="save")
                yield Button("Avbryt (esc)", id="cancel")
        yield Footer()

    def prepare(self) -> None:
        self.query_one("#text").focus()


    def read(self):
        errors = Errors()
        text = self.query_one("#text", Input).value
        check_text(text, "text", "Förslaget", errors, required=True)
        received = parse_date(self.query_one("#received_date", Input).value, "received_date",
                              "Inkom", errors)
        return (text, select_value(self.query_one("#organisation_id", Select)),
                select_value(self.query_one("#person_id", Select)), received), errors
