"""Add or edit an action item: what, who (a member or free text), by when."""

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, Select

from db.actions import validate_action
from db.records import ActionInput, MemberView
from db.validation import Errors, parse_date
from lokus_tui.form_fields import select_value
from lokus_tui.form_screen import FormScreen
from lokus_tui.key_bar import KeyBar
from lokus_tui.plain import Plain, PlainSelect, TextInput
from lokus_tui.validators import DateValidator


class ActionForm(FormScreen):
    def __init__(self, members: tuple[MemberView, ...], save, action: ActionInput | None = None):
        super().__init__(save)
        self.members = members
        self.action = action

    def compose(self) -> ComposeResult:
        a = self.action or ActionInput(text="")
        people = [(f"{m.name} ({m.organisation_name})", m.person_id) for m in self.members]
        with Vertical(classes="form-dialog", id="action-dialog"):
            yield Plain("Åtgärd", classes="title")
            yield Plain("", id="form-errors", classes="field-error", markup=False)
            yield Label("Vad ska göras? *", classes="field-label")
            yield TextInput(a.text, id="text")
            yield Plain("", id="err-text", classes="field-error", markup=False)
            with Horizontal(classes="row"):
                with Vertical():
                    yield Label("Ansvarig ledamot", classes="field-label")
                    yield PlainSelect(
                        people,
                        id="owner_id",
                        prompt="Välj",
                        value=a.owner_id if a.owner_id in {p for _l, p in people} else Select.NULL,
                    )
                with Vertical():
                    yield Label("… eller fritext", classes="field-label")
                    yield TextInput(a.owner_text, id="owner_text")
            yield Label("Klart senast", classes="field-label")
            yield TextInput(
                a.due_date.isoformat() if a.due_date else "",
                id="due_date",
                placeholder="ÅÅÅÅ-MM-DD",
                validators=[DateValidator()],
            )
            yield Plain("", id="err-due_date", classes="field-error", markup=False)
            with Horizontal(classes="buttons"):
                yield Button("Spara (ctrl+s)", variant="primary", id="save")
                yield Button("Avbryt (esc)", id="cancel")
        yield KeyBar()

    def prepare(self) -> None:
        self.query_one("#text").focus()

    def read(self):
        errors = Errors()
        data = ActionInput(
            text=self.query_one("#text", Input).value,
            owner_id=select_value(self.query_one("#owner_id", Select)),
            owner_text=self.query_one("#owner_text", Input).value,
            due_date=parse_date(
                self.query_one("#due_date", Input).value, "due_date", "Klart senast", errors
            ),
        )
        if not errors:
            errors.extend(validate_action(data))
        return data, errors
