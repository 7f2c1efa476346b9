"""Record a point proposed by a party."""

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, Select

from db import clock
from db.organisations import organisation_options
from db.validation import Errors, check_text, parse_date
from lokus_tui.context import app_database
from lokus_tui.form_fields import select_value
from lokus_tui.form_screen import FormScreen
from lokus_tui.key_bar import KeyBar
from lokus_tui.plain import Plain, PlainSelect, TextInput
from lokus_tui.validators import DateValidator


class ProposalForm(FormScreen):
    """read() gives (text, organisation_id, person_id, received_date)."""

    draft_name = "förslag-ny"

    def compose(self) -> ComposeResult:
        orgs = [(o.label, o.id) for o in organisation_options(app_database(self))]
        with Vertical(classes="form-dialog"):
            yield Plain("Nytt förslag till dagordningen", classes="title")
            yield Plain("", id="form-errors", classes="field-error", markup=False)
            yield Label("Förslaget *", classes="field-label")
            yield TextInput(id="text", placeholder="Punkten som parten vill ta upp")
            yield Plain("", id="err-text", classes="field-error", markup=False)
            with Horizontal(classes="row"):
                with Vertical():
                    yield Label("Från organisation", classes="field-label")
                    yield PlainSelect(orgs, id="organisation_id", prompt="Välj part")
                with Vertical():
                    yield Label("Person", classes="field-label")
                    yield PlainSelect([], id="person_id", prompt="Välj person")
            yield Label("Inkom", classes="field-label")
            yield TextInput(
                clock.today().isoformat(), id="received_date", validators=[DateValidator()]
            )
            yield Plain("", id="err-received_date", classes="field-error", markup=False)
            with Horizontal(classes="buttons"):
                yield Button("Spara (ctrl+s)", variant="primary", id="save")
                yield Button("Avbryt (esc)", id="cancel")
        yield KeyBar()

    def prepare(self) -> None:
        self.query_one("#text").focus()

    def read(self):
        errors = Errors()
        text = self.query_one("#text", Input).value
        check_text(text, "text", "Förslaget", errors, required=True)
        received = parse_date(
            self.query_one("#received_date", Input).value, "received_date", "Inkom", errors
        )
        return (
            text,
            select_value(self.query_one("#organisation_id", Select)),
            select_value(self.query_one("#person_id", Select)),
            received,
        ), errors
