"""Create an organisation (a party or another organisation)."""

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from db.errors import LokusError, ValidationError
from db.organisations import validate_organisation
from db.records import OrganisationInput
from db.vocabulary import OrganisationKind
from lokus_tui.form_fields import chosen
from lokus_tui.key_bar import KeyBar
from lokus_tui.plain import Plain, PlainSelect, TextInput
from lokus_tui.stylesheet import StyledOnce


class OrganisationForm(StyledOnce, ModalScreen[int | None]):
    BINDINGS = [
        Binding("ctrl+s", "save", "Spara", id="org-save"),
        Binding("escape", "cancel", "Avbryt", id="org-cancel"),
    ]

    def __init__(
        self, save: Callable[[OrganisationInput], int], current: OrganisationInput | None = None
    ):
        super().__init__()
        self.save_fn = save
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(classes="form-dialog", id="org-dialog"):
            yield Plain(
                "Redigera organisation" if self.current else "Ny organisation", classes="title"
            )
            yield Label("Namn *", classes="field-label")
            yield TextInput(self.current.name if self.current else "", id="name")
            yield Plain("", id="err-name", classes="field-error", markup=False)
            yield Label("Typ", classes="field-label")
            yield PlainSelect(
                OrganisationKind.options(),
                id="kind",
                value=self.current.kind if self.current else "other",
                allow_blank=False,
            )
            with Horizontal(classes="buttons"):
                yield Button("Spara (ctrl+s)", variant="primary", id="save")
                yield Button("Avbryt (esc)", id="cancel")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#name").focus()

    @on(Button.Pressed, "#save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_save(self) -> None:
        data = OrganisationInput(
            self.query_one("#name", Input).value,
            chosen(self.query_one("#kind", Select), str),
            self.current.note if self.current else "",
        )
        errors = validate_organisation(data)
        try:
            if errors:
                raise ValidationError(errors)
            saved = self.save_fn(data)
        except ValidationError as exc:
            self.query_one("#err-name", Static).update("\n".join(map(str, exc.errors)))
            self.notify(str(exc.errors[0]), severity="error", title="Kan inte spara")
            return
        except LokusError as exc:
            self.notify(str(exc), severity="error")
            return
        self.dismiss(saved)
