"""Plain data handed between the data layer and the screens.

Screens never see ORM objects or sessions: they get these frozen records
and send back the ``...Input`` records, which the data layer validates.
"""

from dataclasses import dataclass, field
from datetime import date, time

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
    version: int = 0

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
class PersonUsage:
    """Where a person appears, counted: what deleting them would change."""

    attendance: int = 0
    actions: int = 0
    chair: int = 0
    note_taker: int = 0
    comments: int = 0
    proposals: int = 0
    guest: int = 0
    presenter: int = 0
    coordinator: int = 0
    memberships: int = 0
    initiatives: int = 0

    @property
    def in_meeting_records(self) -> bool:
        """Named in a meeting's record: the person is archived, never deleted."""
        return any((self.attendance, self.actions, self.chair, self.note_taker, self.comments,
                    self.proposals, self.guest, self.presenter, self.coordinator))

    def describe(self) -> str:
        """'närvaro vid 3 möten, ansvarig för 2 åtgärder' (only what is there)."""
        parts = [(self.attendance, "närvaro vid {} möten", "närvaro vid 1 möte"),
                 (self.chair, "ordförande vid {} möten", "ordförande vid 1 möte"),
                 (self.note_taker, "antecknare vid {} möten", "antecknare vid 1 möte"),
                 (self.actions, "ansvarig för {} åtgärder", "ansvarig för 1 åtgärd"),
                 (self.comments, "{} synpunkter på anteckningar", "1 synpunkt på anteckningar"),
                 (self.proposals, "{} förslag till dagordningen", "1 förslag till dagordningen"),
                 (self.guest, "gäst vid {} möten", "gäst vid 1 möte"),
                 (self.presenter, "föredragande på {} punkter", "föredragande på 1 punkt"),
                 (self.coordinator, "samordnare för {} lokusgrupper",
                  "samordnare för 1 lokusgrupp"),
                 (self.memberships, "medlem i {} lokusgrupper", "medlem i 1 lokusgrupp"),
                 (self.initiatives, "kontaktperson för {} insatser",
                  "kontaktperson för 1 insats")]
        return ", ".join(one if n == 1 else many.format(n) for n, many, one in parts if n)


@dataclass(frozen=True)
class PersonDetail:
    id: int
    version: int
    data: PersonInput
    organisation_name: str
    memberships: tuple[MembershipView, ...] = ()
    # (initiative id, name, how: "insatsägare" or "samverkanspart")
    initiatives: tuple[tuple[int, str, str], ...] = ()
    archived_at: object = None  # datetime when archived
    usage: PersonUsage = field(default_factory=PersonUsage)


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
    todo: list = field(default_factory=list)  # (meeting id, text) to act on now


# --- meetings -------------------------------------------------------------------------

MEETING_KIND_LABELS = {
    "lokus_meeting": "LOKUS-möte",
    "competence_activity": "kompetenshöjande aktivitet",
    "study_visit": "studiebesök",
}
MEETING_STATUS_LABELS = {
    "planned": "planerat",
    "notice_sent": "kallelse skickad",
    "held": "genomfört",
    "minutes_in_review": "anteckningar på remiss",
    "minutes_final": "anteckningar fastställda",
    "cancelled": "inställt",
}
AGENDA_KIND_LABELS = {"information": "information", "diskussion": "diskussion",
                      "beslut": "beslut"}
PROPOSAL_STATUS_LABELS = {"received": "inkommen", "accepted": "accepterad",
                          "postponed": "uppskjuten", "rejected": "avslagen"}
GUEST_STATUS_LABELS = {"idea": "idé", "asked": "tillfrågad", "confirmed": "bekräftad",
                       "declined": "avböjt", "presented": "har presenterat"}


@dataclass(frozen=True)
class MeetingInput:
    group_id: int
    meeting_date: date
    kind: str = "lokus_meeting"
    title: str = ""
    start_time: time | None = None
    end_time: time | None = None
    room: str = ""
    address: str = ""
    link: str = ""
    chair_id: int | None = None
    points_deadline: date | None = None
    notice_planned_date: date | None = None


@dataclass(frozen=True)
class MeetingRow:
    id: int
    group_id: int
    group_name: str
    kind: str
    status: str
    meeting_date: date
    start_time: time | None
    end_time: time | None
    place: str
    missing: tuple[str, ...]
    notice_outdated: bool = False

    @property
    def kind_label(self) -> str:
        return MEETING_KIND_LABELS.get(self.kind, self.kind)

    @property
    def status_label(self) -> str:
        return MEETING_STATUS_LABELS.get(self.status, self.status)


@dataclass(frozen=True)
class AgendaTemplate:
    group_id: int
    group_name: str
    titles: tuple[str, ...]
    version: int


@dataclass(frozen=True)
class AgendaItemInput:
    title: str
    description: str = ""
    kind: str = "information"
    presenter_id: int | None = None
    presenter_text: str = ""
    minutes_allotted: int = 10
    initiative_id: int | None = None
    prep_notes: str = ""
    attachments: str = ""


@dataclass(frozen=True)
class AgendaItemView:
    id: int
    version: int
    position: int
    data: AgendaItemInput
    presenter_name: str = ""
    initiative_name: str = ""
    start: time | None = None
    end: time | None = None
    guests: tuple[str, ...] = ()

    @property
    def title(self) -> str:
        return self.data.title

    @property
    def presenter(self) -> str:
        return self.presenter_name or self.data.presenter_text


@dataclass(frozen=True)
class ProposalView:
    id: int
    version: int
    text: str
    person_name: str
    organisation_name: str
    received_date: date | None
    status: str
    reason: str
    agenda_item_id: int | None

    @property
    def status_label(self) -> str:
        return PROPOSAL_STATUS_LABELS.get(self.status, self.status)


@dataclass(frozen=True)
class PointsRequestView:
    organisation_id: int
    organisation_name: str
    asked_date: date | None
    answered_date: date | None
    proposals: int
    version: int | None = None  # None: nothing recorded for the party yet


@dataclass(frozen=True)
class GuestView:
    id: int
    version: int
    person_id: int
    name: str
    email: str
    organisation_name: str
    topic: str
    agenda_item_id: int | None
    agenda_item_title: str
    status: str
    asked_date: date | None
    answered_date: date | None
    follow_up_date: date | None
    note: str
    overdue: bool

    @property
    def status_label(self) -> str:
        return GUEST_STATUS_LABELS.get(self.status, self.status)


@dataclass(frozen=True)
class MemberView:
    person_id: int
    name: str
    email: str
    organisation_id: int | None
    organisation_name: str
    role: str
    archived: bool = False
    membership_version: int = 0

    @property
    def role_label(self) -> str:
        return ROLE_LABELS.get(self.role, self.role)


@dataclass(frozen=True)
class MeetingDetail:
    id: int
    version: int
    data: MeetingInput
    group_name: str
    status: str
    chair_name: str
    notice_sent_date: date | None
    notice_sequence: int
    notice_outdated: bool
    items: tuple[AgendaItemView, ...]
    members: tuple[MemberView, ...]
    coordinator: ContactRef | None
    uid: str
    cancelled_reason: str = ""
    overrun: int = 0
    missing: tuple[str, ...] = ()
    minutes_status: str = "draft"  # draft, in_review, final

    @property
    def kind_label(self) -> str:
        return MEETING_KIND_LABELS.get(self.data.kind, self.data.kind)

    @property
    def status_label(self) -> str:
        return MEETING_STATUS_LABELS.get(self.status, self.status)


@dataclass(frozen=True)
class NoticeGuest:
    name: str
    email: str
    organisation: str
    topic: str


@dataclass(frozen=True)
class NoticeData:
    """Everything a kallelse says, as plain data for exports."""

    meeting_id: int
    uid: str
    group_name: str
    kind_label: str
    title: str
    meeting_date: date
    start_time: time | None
    end_time: time | None
    room: str
    address: str
    link: str
    chair_name: str
    coordinator: ContactRef | None
    members: tuple[MemberView, ...]
    items: tuple[AgendaItemView, ...]
    guests: tuple[NoticeGuest, ...]
    points_deadline: date | None
    sequence: int
    is_update: bool
    cancelled: bool = False
    follow_ups: tuple = ()  # ActionRow: open action items of earlier meetings


# --- minutes --------------------------------------------------------------------------

ATTENDANCE_LABELS = {"present": "närvarande", "absent": "frånvarande",
                     "excused": "anmält förhinder"}
ACTION_STATUS_LABELS = {"open": "öppen", "done": "klar", "dropped": "struken"}
MINUTES_STATUS_LABELS = {"draft": "utkast", "in_review": "på remiss", "final": "fastställda"}


@dataclass(frozen=True)
class AttendanceRow:
    person_id: int
    name: str
    organisation_id: int | None
    organisation_name: str
    role: str
    status: str | None  # None: not marked yet
    is_substitute: bool = False
    is_guest: bool = False
    version: int | None = None  # of the attendance mark; None: not marked yet

    @property
    def status_label(self) -> str:
        return ATTENDANCE_LABELS.get(self.status, "ej markerad") if self.status else "ej markerad"

    @property
    def role_label(self) -> str:
        if self.is_guest:
            return "gäst"
        if self.is_substitute:
            return "ersättare"
        return ROLE_LABELS.get(self.role, self.role)


@dataclass(frozen=True)
class PartyCount:
    organisation_name: str
    present: int
    absent: int
    excused: int


@dataclass(frozen=True)
class ActionRow:
    id: int
    version: int
    meeting_id: int
    meeting_date: date
    group_name: str
    agenda_item_id: int | None
    agenda_item_title: str
    text: str
    owner_id: int | None
    owner_name: str
    owner_organisation: str
    due_date: date | None
    status: str
    closed_date: date | None
    overdue: bool

    @property
    def owner(self) -> str:
        return self.owner_name

    @property
    def status_label(self) -> str:
        return ACTION_STATUS_LABELS.get(self.status, self.status)


@dataclass(frozen=True)
class ActionInput:
    text: str
    owner_id: int | None = None
    owner_text: str = ""
    due_date: date | None = None


@dataclass(frozen=True)
class DecisionView:
    id: int
    text: str
    version: int = 0


@dataclass(frozen=True)
class NotesSaved:
    """What save_notes wrote: the text to show now (merged when another window saved)."""

    text: str
    version: int
    merged: bool = False  # the stored notes had changed; the text is a merge
    conflicts: int = 0  # blocks changed differently in both windows, marked in the text
    held: bool = False  # the meeting became held by this save


@dataclass(frozen=True)
class CommentView:
    id: int
    version: int
    author: str
    received_date: date | None
    agenda_item_id: int | None
    agenda_item_title: str
    text: str
    handled: bool
    handled_note: str
    late: bool


@dataclass(frozen=True)
class MinutesState:
    meeting_id: int
    status: str
    sent_for_review_date: date | None
    comment_deadline: date | None
    final_date: date | None
    comments: tuple[CommentView, ...] = ()
    deadline_passed: bool = False
    reopened_date: date | None = None
    reopened_reason: str = ""

    @property
    def status_label(self) -> str:
        return MINUTES_STATUS_LABELS.get(self.status, self.status)


@dataclass(frozen=True)
class MinutesItem:
    number: int
    title: str
    notes: str
    decisions: tuple[str, ...]
    actions: tuple[ActionRow, ...]
    follow_ups: tuple[ActionRow, ...] = ()


@dataclass(frozen=True)
class MinutesData:
    """Everything the minnesanteckningar say, as plain data for exports."""

    meeting_id: int
    group_name: str
    kind_label: str
    meeting_date: date
    start_time: time | None
    end_time: time | None
    place: str
    chair_name: str
    note_taker_name: str
    attendance: tuple[AttendanceRow, ...]
    items: tuple[MinutesItem, ...]
    actions: tuple[ActionRow, ...]
    next_meeting: date | None
    next_meeting_start: time | None
    status: str
    comment_deadline: date | None
    final_date: date | None
    participants: tuple[MemberView, ...] = ()
    coordinator: ContactRef | None = None


# --- omvärld --------------------------------------------------------------------------


@dataclass(frozen=True)
class ScanningInput:
    title: str
    kind: str = "external_project"
    entry_date: date | None = None
    group_id: int | None = None
    organisation_text: str = ""
    link: str = ""
    notes: str = ""


@dataclass(frozen=True)
class ScanningView:
    id: int
    version: int
    data: ScanningInput
    group_name: str = ""
