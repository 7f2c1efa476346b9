"""Record a participant's comment (synpunkt) on the draft minutes."""

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, Select, TextArea

from db import clock
from db.records import AgendaItemView, MemberView
from db.validation import Errors, check_text, parse_date
from lokus_tui.form_fields import select_value
from lokus_tui.form_screen import FormScreen
from lokus_tui.key_bar import KeyBar
from lokus_tui.plain import Plain, PlainSelect, TextInput
from lokus_tui.validators import DateValidator


class CommentForm(FormScreen):
    """read() gives a dict for db.minutes.add_comment."""

    def __init__(self, members: tuple[MemberView, ...], items: tuple[AgendaItemView, ...], save):
        super().__init__(save)
        self.members = members
        self.draft_name = "synpunkt-ny"
        self.items = items

    def compose(self) -> ComposeResult:
        people = [(f"{m.name} ({m.organisation_name})", m.person_id) for m in self.members]
        items = [(f"{n}. {i.title}", i.id) for n, i in enumerate(self.items, 1)]
        with Vertical(classes="form-dialog"):
            yield Plain("Ny synpunkt på anteckningarna", classes="title")
            yield Plain("", id="form-errors", classes="field-error", markup=False)
            with Horizontal(classes="row"):
                with Vertical():
                    yield Label("Från", classes="field-label")
                    yield PlainSelect(people, id="person_id", prompt="Välj deltagare")
                with Vertical():
                    yield Label("… eller namn", classes="field-label")
                    yield TextInput(id="author")
            yield Plain("", id="err-author", classes="field-error", markup=False)
            with Horizontal(classes="row"):
                with Vertical():
                    yield Label("Gäller punkt", classes="field-label")
                    yield PlainSelect(items, id="item_id", prompt="Hela anteckningarna")
                with Vertical():
                    yield Label("Inkom", classes="field-label")
                    yield TextInput(
                        clock.today().isoformat(), id="received_date", validators=[DateValidator()]
                    )
            yield Plain("", id="err-received_date", classes="field-error", markup=False)
            yield Label("Synpunkt *", classes="field-label")
            yield TextArea(id="text", soft_wrap=True)
            yield Plain("", id="err-text", classes="field-error", markup=False)
            with Horizontal(classes="buttons"):
                yield Button("Spara (ctrl+s)", variant="primary", id="save")
                yield Button("Avbryt (esc)", id="cancel")
        yield KeyBar()

    def prepare(self) -> None:
        self.query_one("#person_id").focus()

    def read(self):
        errors = Errors()
        text = self.query_one("#text", TextArea).text
        check_text(text, "text", "Synpunkt", errors, required=True, max_len=20_000)
        person = select_value(self.query_one("#person_id", Select))
        author = self.query_one("#author", Input).value
        if person is None and not author.strip():
            errors.add("author", "Från", "ange vem synpunkten kommer från")
        received = parse_date(
            self.query_one("#received_date", Input).value, "received_date", "Inkom", errors
        )
        return {
            "text": text,
            "person_id": person,
            "author_text": author,
            "item_id": select_value(self.query_one("#item_id", Select)),
            "received_date": received,
        }, errors
