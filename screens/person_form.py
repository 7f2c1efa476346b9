"""Create or edit a person."""

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Input, Label, Select, Static

from db.contacts import organisation_options, validate_person
from db.errors import ConflictError, LokusError, ValidationError
from db.records import PersonDetail, PersonInput

FIELDS = (("name", "Namn *"), ("title", "Titel"), ("email", "E-post"), ("phone", "Telefon"))


class PersonForm(ModalScreen[int | None]):
    BINDINGS = [
        Binding("ctrl+s", "save", "Spara", id="person-save"),
        Binding("escape", "cancel", "Avbryt", id="person-cancel"),
    ]

    def __init__(self, detail: PersonDetail | None, save: Callable[[PersonInput], int],
                 organisation_id: int | None = None, on_conflict: Callable | None = None):
        super().__init__()
        self.detail = detail
        self.save_fn = save
        self.organisation_id = organisation_id
        self.on_conflict = on_conflict

    def compose(self) -> ComposeResult:
        d = self.detail.data if self.detail else PersonInput(
            name="", organisation_id=self.organisation_id)
        orgs = [(o.label, o.id) for o in organisation_options(self.app.database)]
        with Vertical(classes="form-dialog"):
            yield Static(f"Redigera {d.name}" if self.detail else "Ny person", classes="title",
                         markup=False)
            yield Static("", id="form-errors", classes="field-error", markup=False)
            with VerticalScroll(classes="form-body"):
                for key, label in FIELDS:
                    yield Label(label, classes="field-label")
                    yield Input(getattr(d, key), id=key)
                    yield Static("", id=f"err-{key}", classes="field-error", markup=False)
                yield Label("Organisation", classes="field-label")
                yield Select(orgs, id="organisation_id", prompt="Ingen organisation",
                             value=d.organisation_id if d.organisation_id else Select.NULL)
            with Horizontal(classes="buttons"):
                yield Button("Spara (ctrl+s)", variant="primary", id="save")
                yield Button("Avbryt (esc)", id="cancel")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#name", Input).focus()

    @on(Button.Pressed, "#save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)

    def read(self) -> PersonInput:
        org = self.query_one("#organisation_id", Select).value
        return PersonInput(
            name=self.query_one("#name", Input).value,
            title=self.query_one("#title", Input).value,
            email=self.query_one("#email", Input).value,
            phone=self.query_one("#phone", Input).value,
            organisation_id=None if org == Select.NULL else org,
            note=self.detail.data.note if self.detail else "",
        )

    def show_errors(self, errors) -> None:
        for widget in self.query(".field-error"):
            widget.update("")
        self.query_one("#form-errors", Static).update("\n".join(f"• {e}" for e in errors))
        for error in errors:
            self.query_one(f"#err-{error.field}", Static).update(str(error))
        if errors:
            self.query_one(f"#{errors[0].field}").focus()

    def action_save(self) -> None:
        data = self.read()
        errors = validate_person(data)
        if errors:
            self.show_errors(errors)
            self.notify(str(errors[0]), severity="error", title="Kan inte spara")
            return
        try:
            saved = self.save_fn(data)
        except ValidationError as exc:
            self.show_errors(exc.errors)
            return
        except ConflictError as exc:
            self.notify(f"{exc} Dina ändringar finns kvar här; spara igen för att skriva över.",
                        severity="warning", timeout=8)
            if self.on_conflict:
                self.on_conflict()
            return
        except LokusError as exc:
            self.notify(str(exc), severity="error")
            return
        self.dismiss(saved)
