"""Add or edit an agenda item."""

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Input, Label, Select, TextArea

from db.agenda import initiative_options_for_group, validate_agenda_item
from db.records import AgendaItemInput, AgendaItemView, MemberView
from db.validation import Errors, parse_int
from db.vocabulary import AgendaItemKind
from lokus_tui.context import app_database
from lokus_tui.form_fields import select_value
from lokus_tui.form_screen import FormScreen
from lokus_tui.key_bar import KeyBar
from lokus_tui.plain import Plain, PlainSelect, TextInput


class AgendaItemForm(FormScreen):
    record_attr = "item"
    FIELD_LABELS = {
        "title": "Rubrik",
        "kind": "Typ",
        "minutes_allotted": "Minuter",
        "presenter_id": "Föredragande",
        "presenter_text": "Föredragande (fritext)",
        "initiative_id": "Koppling till insats",
        "description": "Beskrivning",
        "prep_notes": "Förberedelser",
        "attachments": "Bilagor",
    }

    def __init__(
        self,
        item: AgendaItemView | None,
        members: tuple[MemberView, ...],
        group_id: int,
        save,
        guests: list[tuple[str, int]] | None = None,
        fetch=None,
    ):
        super().__init__(save, fetch)
        self.item = item
        self.draft_name = f"punkt-{item.id}" if item else f"punkt-ny-{group_id}"
        self.members = members
        self.group_id = group_id
        self.guests = guests or []

    def compose(self) -> ComposeResult:
        d = self.item.data if self.item else AgendaItemInput(title="")
        people = [(f"{m.name} ({m.organisation_name})", m.person_id) for m in self.members]
        people += [
            (f"{name} (gäst)", pid)
            for name, pid in self.guests
            if pid not in {p for _l, p in people}
        ]
        initiatives = [
            (o.label, o.id) for o in initiative_options_for_group(app_database(self), self.group_id)
        ]
        with Vertical(classes="form-dialog"):
            yield Plain(
                "Redigera punkt" if self.item else "Ny punkt på dagordningen", classes="title"
            )
            yield Plain("", id="form-errors", classes="field-error", markup=False)
            with VerticalScroll(classes="form-body"):
                yield Label("Rubrik *", classes="field-label")
                yield TextInput(d.title, id="title")
                yield Plain("", id="err-title", classes="field-error", markup=False)
                with Horizontal(classes="row"):
                    with Vertical():
                        yield Label("Typ", classes="field-label")
                        yield PlainSelect(
                            AgendaItemKind.options(), id="kind", value=d.kind, allow_blank=False
                        )
                    with Vertical():
                        yield Label("Minuter", classes="field-label")
                        yield TextInput(str(d.minutes_allotted), id="minutes_allotted")
                        yield Plain(
                            "", id="err-minutes_allotted", classes="field-error", markup=False
                        )
                with Horizontal(classes="row"):
                    with Vertical():
                        yield Label("Föredragande (ledamot eller gäst)", classes="field-label")
                        yield PlainSelect(
                            people,
                            id="presenter_id",
                            prompt="Ingen vald",
                            value=d.presenter_id
                            if d.presenter_id in {p for _l, p in people}
                            else Select.NULL,
                        )
                    with Vertical():
                        yield Label("… eller fritext", classes="field-label")
                        yield TextInput(
                            d.presenter_text,
                            id="presenter_text",
                            placeholder="t.ex. Försäkringskassan",
                        )
                yield Label("Koppling till insats", classes="field-label")
                yield PlainSelect(
                    initiatives,
                    id="initiative_id",
                    prompt="Ingen",
                    value=d.initiative_id
                    if d.initiative_id in {i for _l, i in initiatives}
                    else Select.NULL,
                )
                yield Label("Beskrivning", classes="field-label")
                yield TextArea(d.description, id="description", soft_wrap=True)
                yield Label("Förberedelser inför mötet", classes="field-label")
                yield TextArea(d.prep_notes, id="prep_notes", soft_wrap=True)
                yield Label("Bilagor (en sökväg eller länk per rad)", classes="field-label")
                yield TextArea(d.attachments, id="attachments", soft_wrap=False)
            with Horizontal(classes="buttons"):
                yield Button("Spara (ctrl+s)", variant="primary", id="save")
                yield Button("Avbryt (esc)", id="cancel")
        yield KeyBar()

    def prepare(self) -> None:
        self.query_one("#title").focus()

    def read(self):
        errors = Errors()
        minutes = parse_int(
            self.query_one("#minutes_allotted", Input).value,
            "minutes_allotted",
            "Minuter",
            errors,
            0,
            600,
            10,
        )
        data = AgendaItemInput(
            title=self.query_one("#title", Input).value,
            description=self.query_one("#description", TextArea).text,
            kind=self.query_one("#kind", Select).value,
            presenter_id=select_value(self.query_one("#presenter_id", Select)),
            presenter_text=self.query_one("#presenter_text", Input).value,
            minutes_allotted=minutes if minutes is not None else 10,
            initiative_id=select_value(self.query_one("#initiative_id", Select)),
            prep_notes=self.query_one("#prep_notes", TextArea).text,
            attachments=self.query_one("#attachments", TextArea).text,
        )
        if not errors:
            errors.extend(validate_agenda_item(data))
        return data, errors
