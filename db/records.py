"""Plain data handed between the data layer and the screens.

Screens never see ORM objects or sessions: they get these frozen records
and send back the ``...Input`` records, which the data layer validates.
"""

from dataclasses import dataclass, field
from datetime import date

INITIATIVE_STATUS_LABELS = {
    "ansokan": "ansökan",
    "avslagen": "avslagen",
    "kommande": "kommande",
    "pagaende": "pågående",
    "slutar_snart": "slutar inom 90 dagar",
    "avslutad": "avslutad",
    "ingen_period": "period saknas",
}

ROLE_LABELS = {
    "ordforande": "ordförande",
    "ledamot": "ledamot",
    "ersattare": "ersättare",
    "samordnare": "samordnare",
}

ORGANISATION_KIND_LABELS = {
    "kommun": "kommun",
    "arbetsformedlingen": "Arbetsförmedlingen",
    "forsakringskassan": "Försäkringskassan",
    "region": "region",
    "forbund": "samordningsförbund",
    "other": "annan",
}

GOAL_KIND_LABELS = {"effect": "effektmål", "output": "insatsmål"}


def initiative_status(manual: str, start: date | None, end: date | None, today: date) -> str:
    if manual:
        return manual
    if start is None and end is None:
        return "ingen_period"
    if start is not None and start > today:
        return "kommande"
    if end is not None and end < today:
        return "avslutad"
    if end is not None and (end - today).days <= 90:
        return "slutar_snart"
    return "pagaende"


@dataclass(frozen=True)
class Option:
    id: int
    label: str


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
        return INITIATIVE_STATUS_LABELS.get(self.status, self.status)


@dataclass(frozen=True)
class Page:
    rows: list
    total: int
    offset: int = 0


@dataclass(frozen=True)
class ContactRef:
    person_id: int | None
    name: str
    title: str = ""
    email: str = ""
    phone: str = ""


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
        return INITIATIVE_STATUS_LABELS.get(self.status, self.status)

    @property
    def period(self) -> tuple[date | None, date | None]:
        starts = [d.start_date for d in self.data.decisions if d.start_date]
        ends = [d.end_date for d in self.data.decisions if d.end_date]
        start = self.data.start_date or (min(starts) if starts else None)
        end = self.data.end_date or (max(ends) if ends else None)
        return start, end


@dataclass(frozen=True)
class PersonRow:
    id: int
    name: str
    title: str
    organisation_name: str
    email: str
    phone: str


@dataclass(frozen=True)
class OrganisationRow:
    id: int
    name: str
    kind: str
    people: int
    initiatives: int

    @property
    def kind_label(self) -> str:
        return ORGANISATION_KIND_LABELS.get(self.kind, self.kind)


@dataclass(frozen=True)
class PersonInput:
    name: str
    title: str = ""
    email: str = ""
    phone: str = ""
    organisation_id: int | None = None
    note: str = ""


@dataclass(frozen=True)
class MembershipView:
    group_id: int
    group_name: str
    role: str

    @property
    def role_label(self) -> str:
        return ROLE_LABELS.get(self.role, self.role)


@dataclass(frozen=True)
class PersonDetail:
    id: int
    version: int
    data: PersonInput
    organisation_name: str
    memberships: tuple[MembershipView, ...] = ()
    # (initiative id, name, how: "insatsägare" or "samverkanspart")
    initiatives: tuple[tuple[int, str, str], ...] = ()


@dataclass(frozen=True)
class OrganisationInput:
    name: str
    kind: str = "other"
    note: str = ""


@dataclass(frozen=True)
class SearchHit:
    kind: str  # initiative, person, organisation
    id: int
    title: str
    detail: str = ""


@dataclass(frozen=True)
class Overview:
    groups: int
    initiatives: int
    initiatives_running: int
    initiatives_ending: list = field(default_factory=list)  # InitiativeRow
    people: int = 0
    upcoming_meetings: list = field(default_factory=list)  # (date, group, kind, id)
    open_actions: int = 0
    overdue_actions: int = 0
