"""Pick a person (organisation first), e.g. a substitute at a meeting or a new member
of a group; with ``roles`` the person's role is chosen too."""

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Label, Select

from db.organisations import organisation_options
from db.validation import Errors
from db.vocabulary import MembershipRole
from lokus_tui.context import app_database
from lokus_tui.form_fields import select_value
from lokus_tui.form_screen import FormScreen
from lokus_tui.key_bar import KeyBar
from lokus_tui.plain import Plain, PlainSelect


class PersonPicker(FormScreen):
    """read() gives the person id, or (person id, role) when ``roles`` are offered."""

    def __init__(
        self,
        title: str,
        save,
        roles: list[tuple[str, str]] | None = None,
        role: str = MembershipRole.MEMBER,
    ):
        super().__init__(save)
        self.title_text = title
        self.roles = roles
        self.role = role

    def compose(self) -> ComposeResult:
        orgs = [(o.label, o.id) for o in organisation_options(app_database(self))]
        with Vertical(classes="form-dialog", id="picker-dialog"):
            yield Plain(self.title_text, classes="title", markup=False)
            yield Plain("", id="form-errors", classes="field-error", markup=False)
            yield Label("Organisation", classes="field-label")
            yield PlainSelect(orgs, id="organisation_id", prompt="Välj organisation")
            yield Label("Person", classes="field-label")
            yield PlainSelect([], id="person_id", prompt="Välj person")
            yield Plain("", id="err-person_id", classes="field-error", markup=False)
            if self.roles:
                yield Label("Roll", classes="field-label")
                yield PlainSelect(self.roles, id="role", value=self.role, allow_blank=False)
            with Horizontal(classes="buttons"):
                yield Button("Välj (ctrl+s)", variant="primary", id="save")
                yield Button("Avbryt (esc)", id="cancel")
        yield KeyBar()

    def prepare(self) -> None:
        self.query_one("#organisation_id").focus()

    def read(self):
        errors = Errors()
        person = select_value(self.query_one("#person_id", Select))
        if person is None:
            errors.add("person_id", "Person", "måste väljas")
        if self.roles:
            return (person, self.query_one("#role", Select).value), errors
        return person, errors
