"""Create or edit an insats: fields, goals, funding decisions and partners."""

import asyncio
from collections.abc import Callable
from typing import ClassVar, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Select, TextArea

from db.groups import group_options
from db.initiative_changes import validate_initiative
from db.organisations import organisation_options
from db.records import (
    InitiativeDetail,
    InitiativeInput,
)
from db.validation import Errors, parse_date
from lokus_tui.context import app_database, taken_down
from lokus_tui.form_fields import chosen, fill_contacts, select_value, widget_text
from lokus_tui.form_screen import FormScreen
from lokus_tui.key_bar import KeyBar
from lokus_tui.plain import Plain, PlainSelect, TextInput
from lokus_tui.validators import DateValidator
from screens.initiative_form_fields import (
    FIELD_LABELS,
    ORIENTATION_OPTIONS,
    STATUS_OPTIONS,
    TEXT_FIELDS,
    options_of,
)
from screens.initiative_rows import DecisionRow, GoalRow, InitiativeRow, PartnerRow

R = TypeVar("R", bound=InitiativeRow)


class InitiativeForm(FormScreen):
    """Dismisses with the id of the saved insats, or None when cancelled."""

    BINDINGS = [
        Binding("f2", "add_goal('effect')", "+Effektmål", id="form-add-effect"),
        Binding("f3", "add_goal('output')", "+Insatsmål", id="form-add-output"),
        Binding("f4", "add_decision", "+Beslut", id="form-add-decision"),
        Binding("f5", "add_partner", "+Part", id="form-add-partner"),
    ]

    FIELD_LABELS = FIELD_LABELS
    ROWS: ClassVar[dict[str, type[InitiativeRow]]] = {
        "goals": GoalRow,
        "decisions": DecisionRow,
        "partners": PartnerRow,
    }

    def __init__(
        self, detail: InitiativeDetail | None, save: Callable, fetch: Callable | None = None
    ):
        super().__init__(save, fetch)
        self.detail = detail
        self.draft_name = f"insats-{detail.id if detail else 'ny'}"
        self._rows_changing = asyncio.Lock()  # rows being removed, put back or added

    def compose(self) -> ComposeResult:
        db = app_database(self)
        d = self.detail.data if self.detail else InitiativeInput(name="")
        self.orgs = options_of(organisation_options(db))
        title = f"Redigera insats: {d.name}" if self.detail else "Ny insats"
        with Vertical(classes="form-dialog"):
            yield Plain(title, classes="title", markup=False)
            yield Plain("", id="form-errors", classes="field-error", markup=False)
            with VerticalScroll(classes="form-body"):
                yield Label("Namn *", classes="field-label")
                yield TextInput(d.name, id="name", placeholder="Insatsens namn")
                yield Plain("", id="err-name", classes="field-error", markup=False)
                with Horizontal(classes="row"):
                    with Vertical():
                        yield Label("Lokusgrupp", classes="field-label")
                        yield PlainSelect(
                            options_of(group_options(db, include_archived=bool(d.group_id))),
                            id="group_id",
                            prompt="Välj lokusgrupp",
                            value=d.group_id if d.group_id else Select.NULL,
                        )
                    with Vertical():
                        yield Label("Dnr", classes="field-label")
                        yield TextInput(d.reference, id="reference", placeholder="t.ex. 2019:31")
                with Horizontal(classes="row"):
                    with Vertical():
                        yield Label("Insatsägare", classes="field-label")
                        yield PlainSelect(
                            self.orgs,
                            id="owner_org_id",
                            prompt="Organisation",
                            value=d.owner_org_id if d.owner_org_id else Select.NULL,
                        )
                    with Vertical():
                        yield Label("Kontaktperson hos ägaren", classes="field-label")
                        yield PlainSelect([], id="owner_contact_id", prompt="Kontaktperson")
                with Horizontal(classes="row"):
                    with Vertical():
                        yield Label("Startdatum", classes="field-label")
                        yield TextInput(
                            d.start_date.isoformat() if d.start_date else "",
                            id="start_date",
                            placeholder="ÅÅÅÅ-MM-DD",
                            validators=[DateValidator()],
                        )
                        yield Plain("", id="err-start_date", classes="field-error", markup=False)
                    with Vertical():
                        yield Label("Slutdatum", classes="field-label")
                        yield TextInput(
                            d.end_date.isoformat() if d.end_date else "",
                            id="end_date",
                            placeholder="ÅÅÅÅ-MM-DD",
                            validators=[DateValidator()],
                        )
                        yield Plain("", id="err-end_date", classes="field-error", markup=False)
                with Horizontal(classes="row"):
                    with Vertical():
                        yield Label("Status", classes="field-label")
                        yield PlainSelect(
                            STATUS_OPTIONS,
                            id="manual_status",
                            allow_blank=False,
                            value=d.manual_status,
                        )
                    with Vertical():
                        yield Label("Inriktning", classes="field-label")
                        yield PlainSelect(
                            ORIENTATION_OPTIONS,
                            id="orientation",
                            allow_blank=False,
                            value=d.orientation,
                        )
                yield Label("Prioriterad målgrupp (förbundets)", classes="field-label")
                yield TextInput(d.priority_groups, id="priority_groups")
                for key, label in TEXT_FIELDS:
                    yield Label(label, classes="field-label")
                    yield TextArea(getattr(d, key), id=key, soft_wrap=True)
                    yield Plain("", id=f"err-{key}", classes="field-error", markup=False)
                yield Label(
                    "Mål (F2 effektmål, F3 insatsmål; alt+↑/↓ flyttar, ctrl+t tar bort)",
                    classes="field-label",
                )
                with Vertical(id="goals"):
                    for goal in d.goals:
                        yield GoalRow(goal.kind, goal.text)
                with Horizontal(classes="buttons"):
                    yield Button("+ Effektmål", id="add-effect")
                    yield Button("+ Insatsmål", id="add-output")
                yield Label("Finansieringsbeslut (F4 nytt)", classes="field-label")
                with Vertical(id="decisions"):
                    for dec in d.decisions:
                        yield DecisionRow(dec)
                with Horizontal(classes="buttons"):
                    yield Button("+ Beslut", id="add-decision")
                yield Label("Samverkansparter (F5 ny)", classes="field-label")
                with Vertical(id="partners"):
                    for partner in d.partners:
                        yield PartnerRow(self.orgs, partner)
                with Horizontal(classes="buttons"):
                    yield Button("+ Samverkanspart", id="add-partner")
            with Horizontal(classes="buttons"):
                yield Button("Spara (ctrl+s)", variant="primary", id="save")
                yield Button("Avbryt (esc)", id="cancel")
        yield KeyBar()

    def prepare(self) -> None:
        d = self.detail.data if self.detail else None
        self._fill_owner_contacts(d.owner_contact_id if d else None)
        self.query_one("#name", Input).focus()

    def rows(self, key: str, row_type: type[R]) -> list[R]:
        """The rows of a list, in order. A row still being mounted (added by a key that
        the app handles while the form goes on: f3-f5 pressed as it opens) is not one
        yet: it is empty and its fields do not exist (reading them stopped lokus)."""
        return [row for row in self.query_one(f"#{key}").query_children(row_type) if row.is_mounted]

    def extra_values(self) -> dict:
        return {
            key: [row.values() for row in self.rows(key, row_type)]
            for key, row_type in self.ROWS.items()
        }

    async def apply_extra(self, key: str, value) -> None:
        row_type = self.ROWS.get(key)
        if row_type is None:
            return
        container = self.query_one(f"#{key}")
        async with self._rows_changing:
            await container.query_children(row_type).remove()
            await container.mount_all([row_type.from_values(v, self.orgs) for v in value])

    async def action_save(self) -> None:
        """Saved with every row: rows being put back (a draft, a conflict) or added are
        waited for. Key bindings run while the form goes on, and ``rows()`` leaves out
        rows not mounted yet: without the wait an insats could be saved without them."""
        async with self._rows_changing:
            pass
        await super().action_save()

    def _fill_owner_contacts(self, selected: int | None = None) -> None:
        fill_contacts(
            self.app,
            self.query_one("#owner_org_id", Select),
            self.query_one("#owner_contact_id", Select),
            selected,
        )

    @on(Select.Changed, "#owner_org_id")
    def _owner_changed(self) -> None:
        self._fill_owner_contacts()

    @on(Button.Pressed)
    async def _button(self, event: Button.Pressed) -> None:
        actions = {
            "add-effect": lambda: self.action_add_goal("effect"),
            "add-output": lambda: self.action_add_goal("output"),
            "add-decision": self.action_add_decision,
            "add-partner": self.action_add_partner,
        }
        if event.button.id in actions:
            event.stop()
            await actions[event.button.id]()

    async def _add_row(
        self, container: str, make_row: Callable[[], InitiativeRow], first: str = "Input, Select"
    ) -> None:
        """The new row is shown and its first field has the focus (once laid out: before
        that the row has no place to scroll to). An f-key handled before the form is
        built, or after it closed, adds nothing (there is no list to add to)."""
        async with self._rows_changing:
            lists = self.query(container)
            if not (self.is_mounted and lists and lists.first().is_mounted) or taken_down(self):
                return
            row = make_row()
            await lists.first().mount(row)

        def show() -> None:
            row.query(first).first().focus(scroll_visible=False)
            row.scroll_visible(animate=False)

        self.call_after_refresh(show)

    async def action_add_goal(self, kind: str) -> None:
        await self._add_row("#goals", lambda: GoalRow(kind), ".goal-text")

    async def action_add_decision(self) -> None:
        await self._add_row("#decisions", DecisionRow)

    async def action_add_partner(self) -> None:
        await self._add_row("#partners", lambda: PartnerRow(self.orgs))

    def read(self) -> tuple[InitiativeInput, Errors]:
        errors = Errors()

        def text(widget_id: str) -> str:
            return widget_text(self.query_one(f"#{widget_id}"))

        decisions = tuple(
            row.read(n, errors) for n, row in enumerate(self.rows("decisions", DecisionRow), 1)
        )
        partners = tuple(p for p in (row.read() for row in self.rows("partners", PartnerRow)) if p)
        data = InitiativeInput(
            name=text("name"),
            group_id=select_value(self.query_one("#group_id", Select)),
            reference=text("reference"),
            owner_org_id=select_value(self.query_one("#owner_org_id", Select)),
            owner_contact_id=select_value(self.query_one("#owner_contact_id", Select)),
            purpose=text("purpose"),
            target_group=text("target_group"),
            method=text("method"),
            background=text("background"),
            orientation=chosen(self.query_one("#orientation", Select), str),
            priority_groups=text("priority_groups"),
            start_date=parse_date(text("start_date"), "start_date", "Startdatum", errors),
            end_date=parse_date(text("end_date"), "end_date", "Slutdatum", errors),
            manual_status=chosen(self.query_one("#manual_status", Select), str),
            goals=tuple(row.read() for row in self.rows("goals", GoalRow)),
            decisions=decisions,
            partners=partners,
        )
        if not errors:
            errors.extend(validate_initiative(data))
        return data, errors

    def show_error(self, error) -> Widget | None:
        """An error of a row (``goals.2.text``) shows in that row."""
        if not error.field.startswith(("goals.", "decisions.", "partners.")):
            return super().show_error(error)
        section, n, _rest = error.field.split(".", 2)
        rows = self.rows(section, self.ROWS[section])  # (the rows read() numbered)
        if int(n) - 1 >= len(rows):
            return None
        row = rows[int(n) - 1]
        row.show_error(str(error))
        return row.query("Input, Select").first()
