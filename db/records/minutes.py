"""At and after a meeting: attendance, notes, action items, the review cycle.

Frozen records handed between the data layer and the screens: screens never see
ORM objects or sessions.
"""

from dataclasses import dataclass
from datetime import date, time

from db.records.common import ContactRef
from db.records.contacts import MemberView
from db.vocabulary import ActionStatus, AttendanceStatus, MembershipRole, MinutesStatus


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
        return AttendanceStatus.label_of(self.status) if self.status else "ej markerad"

    @property
    def role_label(self) -> str:
        if self.is_guest:
            return "gäst"
        if self.is_substitute:
            return "ersättare"
        return MembershipRole.label_of(self.role)


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
        return ActionStatus.label_of(self.status)


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
        return MinutesStatus.label_of(self.status)


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
