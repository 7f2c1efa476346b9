"""The insats register.

Frozen records handed between the data layer and the screens: screens never see
ORM objects or sessions.
"""

from dataclasses import dataclass
from datetime import date

from db.records.common import ContactRef
from db.vocabulary import InitiativeStatus


def initiative_status(manual: str, start: date | None, end: date | None, today: date) -> str:
    """An insats's status: set by hand, or from its period and today."""
    if manual:
        return manual
    if start is None and end is None:
        return InitiativeStatus.NO_PERIOD
    if start is not None and start > today:
        return InitiativeStatus.UPCOMING
    if end is not None and end < today:
        return InitiativeStatus.ENDED
    if end is not None and (end - today).days <= 90:
        return InitiativeStatus.ENDING_SOON
    return InitiativeStatus.RUNNING


@dataclass(frozen=True)
class InitiativeRow:
    id: int
    name: str
    group_name: str
    owner_name: str
    start_date: date | None
    end_date: date | None
    total_granted: int
    status: str

    @property
    def status_label(self) -> str:
        return InitiativeStatus.label_of(self.status)


@dataclass(frozen=True)
class PartnerView:
    organisation_id: int
    organisation_name: str
    contact: ContactRef | None


@dataclass(frozen=True)
class GoalInput:
    kind: str  # effect / output
    text: str


@dataclass(frozen=True)
class BudgetLineInput:
    year: int
    from_association_sek: int
    own_financing_sek: int = 0


@dataclass(frozen=True)
class FundingInput:
    reference: str = ""
    decision_date: date | None = None
    start_date: date | None = None
    end_date: date | None = None
    amount_max_sek: int = 0
    note: str = ""
    budget: tuple[BudgetLineInput, ...] = ()


@dataclass(frozen=True)
class PartnerInput:
    organisation_id: int
    contact_id: int | None = None


@dataclass(frozen=True)
class InitiativeInput:
    name: str
    group_id: int | None = None
    reference: str = ""
    owner_org_id: int | None = None
    owner_contact_id: int | None = None
    purpose: str = ""
    target_group: str = ""
    method: str = ""
    background: str = ""
    orientation: str = ""
    priority_groups: str = ""
    start_date: date | None = None
    end_date: date | None = None
    manual_status: str = ""
    goals: tuple[GoalInput, ...] = ()
    decisions: tuple[FundingInput, ...] = ()
    partners: tuple[PartnerInput, ...] = ()


@dataclass(frozen=True)
class InitiativeDetail:
    id: int
    version: int
    data: InitiativeInput
    group_name: str
    owner_name: str
    owner_contact: ContactRef | None
    partners: tuple[PartnerView, ...]
    status: str
    total_granted: int

    @property
    def name(self) -> str:
        return self.data.name

    @property
    def status_label(self) -> str:
        return InitiativeStatus.label_of(self.status)

    @property
    def period(self) -> tuple[date | None, date | None]:
        starts = [d.start_date for d in self.data.decisions if d.start_date]
        ends = [d.end_date for d in self.data.decisions if d.end_date]
        start = self.data.start_date or (min(starts) if starts else None)
        end = self.data.end_date or (max(ends) if ends else None)
        return start, end
