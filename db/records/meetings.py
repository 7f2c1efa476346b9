"""Meetings, their agenda, preparation and the notice (kallelse).

Frozen records handed between the data layer and the screens: screens never see
ORM objects or sessions.
"""

from dataclasses import dataclass
from datetime import date, time

from db.records.common import ContactRef
from db.records.contacts import MemberView
from db.vocabulary import GuestStatus, MeetingKind, MeetingStatus, ProposalStatus


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
        return MeetingKind.label_of(self.kind)

    @property
    def status_label(self) -> str:
        return MeetingStatus.label_of(self.status)


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
        return ProposalStatus.label_of(self.status)


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
        return GuestStatus.label_of(self.status)


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
        return MeetingKind.label_of(self.data.kind)

    @property
    def status_label(self) -> str:
        return MeetingStatus.label_of(self.status)


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
    # issue 12: what the kallelse needs beyond the meeting itself
    chair_id: int | None = None
    cancelled_reason: str = ""
    reply_by: date | None = None  # anmäl förhinder senast
    previous_minutes: date | None = None  # the date of the meeting whose minutes go along
    usual_minutes: int = 120  # the group's usual meeting length (calendar end when none)
    previous: "SentNotice | None" = None  # what the last kallelse sent said


@dataclass(frozen=True)
class SentNotice:
    """When and where the last kallelse sent said the meeting is (read from its .ics)."""

    meeting_date: date
    start_time: time | None
    end_time: time | None
    place: str
    link: str
