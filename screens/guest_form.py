"""Invite a guest (an existing person or a new one) or edit an invitation."""

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Input, Label, Select

from db.contacts import validate_person
from db.guests import OWN_POINT
from db.organisations import organisation_options
from db.records import AgendaItemView, GuestView, PersonInput
from db.validation import Errors, check_text, parse_date
from lokus_tui.context import app_database
from lokus_tui.form_fields import select_value
from lokus_tui.form_screen import FormScreen
from lokus_tui.key_bar import KeyBar
from lokus_tui.plain import Plain, PlainSelect, TextInput
from lokus_tui.validators import DateValidator


class GuestForm(FormScreen):
    """read() gives a dict for db.proposals.invite_guest / update_guest."""

    record_attr = "guest"
    FIELD_LABELS = {
        "topic": "Ämne",
        "agenda_item_id": "Punkt på dagordningen",
        "follow_up_date": "Följ upp senast",
        "note": "Anteckning",
    }

    def __init__(
        self, guest: GuestView | None, items: tuple[AgendaItemView, ...], save, fetch=None
    ):
        super().__init__(save, fetch)
        self.guest = guest
        self.items = items

    def compose(self) -> ComposeResult:
        g = self.guest
        orgs = [(o.label, o.id) for o in organisation_options(app_database(self))]
        items = [(f"{n}. {i.title}", i.id) for n, i in enumerate(self.items, 1)]
        items.insert(0, ("Ny punkt för gästen (ämnet som rubrik)", OWN_POINT))
        with Vertical(classes="form-dialog"):
            yield Plain(
                f"Inbjudan: {g.name}" if g else "Bjud in gäst", classes="title", markup=False
            )
            yield Plain("", id="form-errors", classes="field-error", markup=False)
            with VerticalScroll(classes="form-body"):
                if g is None:
                    yield Label("Befintlig person (välj organisation först)", classes="field-label")
                    with Horizontal(classes="row"):
                        yield PlainSelect(orgs, id="organisation_id", prompt="Organisation")
                        yield PlainSelect([], id="person_id", prompt="Person")
                    yield Label("… eller ny person: namn, e-post", classes="field-label")
                    with Horizontal(classes="row"):
                        yield TextInput(id="name", placeholder="Namn")
                        yield TextInput(id="email", placeholder="E-post")
                    yield Plain("", id="err-name", classes="field-error", markup=False)
                    yield Plain("", id="err-email", classes="field-error", markup=False)
                    yield Plain("", id="err-person_id", classes="field-error", markup=False)
                yield Label("Ämne *", classes="field-label")
                yield TextInput(
                    g.topic if g else "", id="topic", placeholder="Vad gästen ska presentera"
                )
                yield Plain("", id="err-topic", classes="field-error", markup=False)
                yield Label("Punkt på dagordningen", classes="field-label")
                yield PlainSelect(
                    items,
                    id="agenda_item_id",
                    prompt="Ingen ännu",
                    value=g.agenda_item_id
                    if g and g.agenda_item_id and g.agenda_item_id in {i for _l, i in items}
                    else Select.NULL,
                )
                yield Label("Följ upp senast", classes="field-label")
                yield TextInput(
                    g.follow_up_date.isoformat() if g and g.follow_up_date else "",
                    id="follow_up_date",
                    placeholder="ÅÅÅÅ-MM-DD",
                    validators=[DateValidator()],
                )
                yield Plain("", id="err-follow_up_date", classes="field-error", markup=False)
                yield Label("Anteckning", classes="field-label")
                yield TextInput(g.note if g else "", id="note")
            with Horizontal(classes="buttons"):
                yield Button("Spara (ctrl+s)", variant="primary", id="save")
                yield Button("Avbryt (esc)", id="cancel")
        yield KeyBar()

    def prepare(self) -> None:
        self.query_one("#topic" if self.guest else "#organisation_id").focus()

    def read(self):
        errors = Errors()
        topic = self.query_one("#topic", Input).value
        check_text(topic, "topic", "Ämne", errors, required=True)
        follow = parse_date(
            self.query_one("#follow_up_date", Input).value,
            "follow_up_date",
            "Följ upp senast",
            errors,
        )
        data = {
            "topic": topic,
            "follow_up_date": follow,
            "agenda_item_id": select_value(self.query_one("#agenda_item_id", Select)),
            "note": self.query_one("#note", Input).value,
        }
        if self.guest is None:
            person_id = select_value(self.query_one("#person_id", Select))
            name = self.query_one("#name", Input).value.strip()
            new_person = None
            if person_id is None:
                if not name:
                    errors.add("person_id", "Gäst", "välj en person eller skriv in en ny")
                else:
                    new_person = PersonInput(
                        name=name,
                        email=self.query_one("#email", Input).value,
                        organisation_id=select_value(self.query_one("#organisation_id", Select)),
                    )
                    errors.extend(validate_person(new_person))
            data.update(person_id=person_id, new_person=new_person)
        return data, errors
