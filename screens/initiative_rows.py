"""The editable rows of the insats form: goals, funding decisions, partners."""

from typing import Self

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Input, Select

from db.records import (
    BudgetLineInput,
    FundingInput,
    GoalInput,
    PartnerInput,
)
from db.validation import Errors, parse_amount, parse_budget_lines, parse_date
from db.vocabulary import GoalKind
from exports.swedish import format_amount
from lokus_tui.context import taken_down
from lokus_tui.form_fields import chosen, fill_contacts, select_value
from lokus_tui.list_rows import ListRow
from lokus_tui.plain import PlainSelect, TextInput
from lokus_tui.validators import AmountValidator, DateValidator

Orgs = list[tuple[str, int]]


class InitiativeRow(ListRow):
    """A row of the insats form; a draft keeps its fields as a plain list."""

    def values(self) -> list:
        raise NotImplementedError

    @classmethod
    def from_values(cls, values: list, orgs: Orgs) -> Self:
        raise NotImplementedError


class GoalRow(InitiativeRow):
    def __init__(self, kind: str = "effect", text: str = ""):
        super().__init__()
        self.kind, self.text = kind, text

    def compose(self) -> ComposeResult:
        with Horizontal(classes="row"):
            yield PlainSelect(
                [(k.label.capitalize(), k.value) for k in GoalKind],
                value=self.kind,
                allow_blank=False,
                classes="goal-kind",
            )
            yield TextInput(self.text, placeholder="Målet i en mening", classes="goal-text")
        yield self.error_label()

    def read(self) -> GoalInput:
        return GoalInput(
            chosen(self.query_one(".goal-kind", Select), str),
            self.query_one(".goal-text", Input).value,
        )

    def values(self) -> list:
        goal = self.read()
        return [goal.kind, goal.text]

    @classmethod
    def from_values(cls, values: list, orgs: Orgs) -> Self:
        return cls(values[0], values[1])


DECISION_FIELDS = (
    "fd-reference",
    "fd-decision-date",
    "fd-amount",
    "fd-start",
    "fd-end",
    "fd-budget",
    "fd-note",
)


class DecisionRow(InitiativeRow):
    def __init__(self, decision: FundingInput | None = None, raw: list | None = None):
        super().__init__()
        d = decision or FundingInput()
        budget = "; ".join(
            f"{b.year}: {format_amount(b.from_association_sek)[:-3]}"
            + (f" / {format_amount(b.own_financing_sek)[:-3]}" if b.own_financing_sek else "")
            for b in d.budget
        )
        self.raw = (
            list(raw)
            if raw is not None
            else [
                d.reference,
                d.decision_date.isoformat() if d.decision_date else "",
                str(d.amount_max_sek) if d.amount_max_sek else "",
                d.start_date.isoformat() if d.start_date else "",
                d.end_date.isoformat() if d.end_date else "",
                budget,
                d.note,
            ]
        )

    def compose(self) -> ComposeResult:
        r = dict(zip(DECISION_FIELDS, self.raw, strict=True))
        with Horizontal(classes="row"):
            yield TextInput(
                r["fd-reference"], placeholder="Dnr, t.ex. 2021:12", classes="fd-reference"
            )
            yield TextInput(
                r["fd-decision-date"],
                placeholder="Beslutsdatum",
                classes="fd-decision-date",
                validators=[DateValidator()],
            )
            yield TextInput(
                r["fd-amount"],
                placeholder="Maxbelopp kr",
                classes="fd-amount",
                validators=[AmountValidator()],
            )
        with Horizontal(classes="row"):
            yield TextInput(
                r["fd-start"], placeholder="Från", classes="fd-start", validators=[DateValidator()]
            )
            yield TextInput(
                r["fd-end"], placeholder="Till", classes="fd-end", validators=[DateValidator()]
            )
            yield TextInput(
                r["fd-budget"],
                placeholder="Budget/år: 2021: 360 000; 2022: 360 000 / egen",
                classes="fd-budget",
            )
        yield TextInput(
            r["fd-note"], placeholder="Anteckning (t.ex. tilläggsansökan)", classes="fd-note"
        )
        yield self.error_label()

    def values(self) -> list:
        return [self.query_one(f".{cls}", Input).value for cls in DECISION_FIELDS]

    @classmethod
    def from_values(cls, values: list, orgs: Orgs) -> Self:
        return cls(raw=values)

    def read(self, n: int, errors: Errors) -> FundingInput:
        def val(cls: str) -> str:
            return self.query_one(f".{cls}", Input).value

        label = f"Finansieringsbeslut {n}"
        amount = parse_amount(
            val("fd-amount"), f"decisions.{n}.amount_max_sek", f"{label}, maxbelopp", errors
        )
        budget = parse_budget_lines(
            val("fd-budget"), f"decisions.{n}.budget", f"{label}, budget per år", errors
        )
        return FundingInput(
            reference=val("fd-reference"),
            decision_date=parse_date(
                val("fd-decision-date"),
                f"decisions.{n}.decision_date",
                f"{label}, beslutsdatum",
                errors,
            ),
            start_date=parse_date(
                val("fd-start"), f"decisions.{n}.start_date", f"{label}, från", errors
            ),
            end_date=parse_date(val("fd-end"), f"decisions.{n}.end_date", f"{label}, till", errors),
            amount_max_sek=amount or 0,
            note=val("fd-note"),
            budget=tuple(BudgetLineInput(y, a, own) for y, a, own in budget),
        )


class PartnerRow(InitiativeRow):
    def __init__(self, orgs: Orgs, partner: PartnerInput | None = None):
        super().__init__()
        self.orgs = orgs
        self.partner = partner

    def compose(self) -> ComposeResult:
        p = self.partner
        with Horizontal(classes="row"):
            yield PlainSelect(
                self.orgs,
                prompt="Organisation",
                classes="partner-org",
                value=p.organisation_id if p else Select.NULL,
            )
            yield PlainSelect([], prompt="Kontaktperson", classes="partner-contact")
        yield self.error_label()

    def on_mount(self) -> None:
        if not taken_down(self):  # (not when its form closed before it was built)
            self._fill_contacts(self.partner.contact_id if self.partner else None)

    def _fill_contacts(self, selected: int | None = None) -> None:
        fill_contacts(
            self.app,
            self.query_one(".partner-org", Select),
            self.query_one(".partner-contact", Select),
            selected,
        )

    @on(Select.Changed, ".partner-org")
    def _org_changed(self, event: Select.Changed) -> None:
        event.stop()
        self._fill_contacts()

    def read(self) -> PartnerInput | None:
        org = select_value(self.query_one(".partner-org", Select))
        if org is None:
            return None
        return PartnerInput(org, select_value(self.query_one(".partner-contact", Select)))

    def values(self) -> list:
        return [
            select_value(self.query_one(".partner-org", Select)),
            select_value(self.query_one(".partner-contact", Select)),
        ]

    @classmethod
    def from_values(cls, values: list, orgs: Orgs) -> Self:
        return cls(orgs, PartnerInput(values[0], values[1]) if values[0] else None)
