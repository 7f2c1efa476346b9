"""Create or edit a person."""

from collections.abc import Callable

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Input, Label, Select

from db.contacts import validate_person
from db.organisations import organisation_options
from db.records import PersonDetail, PersonInput
from lokus_tui.context import app_database
from lokus_tui.form_fields import select_value
from lokus_tui.form_screen import FormScreen
from lokus_tui.key_bar import KeyBar
from lokus_tui.plain import Plain, PlainSelect, TextInput

FIELDS = (("name", "Namn *"), ("title", "Titel"), ("email", "E-post"), ("phone", "Telefon"))


class PersonForm(FormScreen):
    FIELD_LABELS = {
        "name": "Namn",
        "title": "Titel",
        "email": "E-post",
        "phone": "Telefon",
        "organisation_id": "Organisation",
    }

    def __init__(
        self,
        detail: PersonDetail | None,
        save: Callable,
        organisation_id: int | None = None,
        fetch: Callable | None = None,
    ):
        super().__init__(save, fetch)
        self.detail = detail
        self.draft_name = f"person-{detail.id}" if detail else "person-ny"
        self.organisation_id = organisation_id

    def compose(self) -> ComposeResult:
        d = (
            self.detail.data
            if self.detail
            else PersonInput(name="", organisation_id=self.organisation_id)
        )
        orgs = [(o.label, o.id) for o in organisation_options(app_database(self))]
        with Vertical(classes="form-dialog"):
            yield Plain(
                f"Redigera {d.name}" if self.detail else "Ny person", classes="title", markup=False
            )
            yield Plain("", id="form-errors", classes="field-error", markup=False)
            with VerticalScroll(classes="form-body"):
                for key, label in FIELDS:
                    yield Label(label, classes="field-label")
                    yield TextInput(getattr(d, key), id=key)
                    yield Plain("", id=f"err-{key}", classes="field-error", markup=False)
                yield Label("Organisation", classes="field-label")
                yield PlainSelect(
                    orgs,
                    id="organisation_id",
                    prompt="Ingen organisation",
                    value=d.organisation_id if d.organisation_id else Select.NULL,
                )
            with Horizontal(classes="buttons"):
                yield Button("Spara (ctrl+s)", variant="primary", id="save")
                yield Button("Avbryt (esc)", id="cancel")
        yield KeyBar()

    def prepare(self) -> None:
        self.query_one("#name", Input).focus()

    def read(self):
        data = PersonInput(
            name=self.query_one("#name", Input).value,
            title=self.query_one("#title", Input).value,
            email=self.query_one("#email", Input).value,
            phone=self.query_one("#phone", Input).value,
            organisation_id=select_value(self.query_one("#organisation_id", Select)),
            note=self.detail.data.note if self.detail else "",
        )
        return data, validate_person(data)
