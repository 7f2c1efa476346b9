"""The whole lokus domain model as SQLModel tables.

Names follow the glossary in DOMAIN.md: English in code, Swedish in the UI.
Every mutable row carries ``created_at``, ``updated_at`` and ``version``; the
mapper uses ``version`` as SQLAlchemy's version counter, so a stale UPDATE
raises instead of silently overwriting.

Datetimes are stored as UTC (naive in SQLite, converted by ``UTCDateTime``)
and handed out timezone-aware.
"""

from datetime import UTC, date, datetime, time

from sqlalchemy import DateTime, Index, TypeDecorator, UniqueConstraint
from sqlalchemy.orm import declared_attr
from sqlmodel import Field, SQLModel

from db import clock
from db.vocabulary import MembershipRole


def utcnow() -> datetime:
    return clock.utcnow()


class UTCDateTime(TypeDecorator):
    """Aware datetimes in, UTC stored, aware UTC datetimes out."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


class Tracked(SQLModel):
    """Columns shared by every mutable table."""

    id: int | None = Field(default=None, primary_key=True)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)
    version: int = Field(default=1, nullable=False)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict:
        # SQLAlchemy's version counter: UPDATE ... WHERE version = <loaded version>
        return {"version_id_col": cls.__table__.c.version} if hasattr(cls, "__table__") else {}


# --- groups, organisations, people -------------------------------------------------


class Group(Tracked, table=True):
    __tablename__ = "lokus_group"
    name: str = Field(index=True, unique=True)
    municipality: str = ""
    note: str = ""
    # One agenda item title per line; empty means the standard template.
    agenda_template: str = ""
    coordinator_id: int | None = Field(default=None, foreign_key="person.id", ondelete="SET NULL")


class Organisation(Tracked, table=True):
    name: str = Field(index=True, unique=True)
    kind: str = "other"
    note: str = ""


class Person(Tracked, table=True):
    name: str = Field(index=True)
    title: str = ""
    email: str = ""
    phone: str = ""
    organisation_id: int | None = Field(
        default=None, foreign_key="organisation.id", index=True, ondelete="SET NULL"
    )
    note: str = ""
    # Set when the person was "deleted" but appears in meeting records: hidden from
    # lists and pickers, kept in the records, can be restored.
    archived_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class Membership(Tracked, table=True):
    __table_args__ = (UniqueConstraint("group_id", "person_id", name="uq_membership"),)
    group_id: int = Field(foreign_key="lokus_group.id", index=True, ondelete="CASCADE")
    person_id: int = Field(foreign_key="person.id", index=True, ondelete="CASCADE")
    role: str = MembershipRole.MEMBER.value


# --- insatser -------------------------------------------------------------------------


class Initiative(Tracked, table=True):
    name: str = Field(index=True)
    group_id: int | None = Field(
        default=None, foreign_key="lokus_group.id", index=True, ondelete="SET NULL"
    )
    reference: str = ""  # Dnr of the application
    owner_org_id: int | None = Field(
        default=None, foreign_key="organisation.id", index=True, ondelete="SET NULL"
    )
    owner_contact_id: int | None = Field(
        default=None, foreign_key="person.id", index=True, ondelete="SET NULL"
    )
    purpose: str = ""  # syfte
    target_group: str = ""  # målgrupp
    method: str = ""  # metod
    background: str = ""  # bakgrund
    orientation: str = ""  # db.vocabulary.Orientation
    priority_groups: str = ""  # förbundets prioriterade målgrupper, free text
    start_date: date | None = Field(default=None, index=True)
    end_date: date | None = Field(default=None, index=True)
    manual_status: str = ""  # "" (by the period) or application / rejected


class InitiativePartner(Tracked, table=True):
    initiative_id: int = Field(foreign_key="initiative.id", index=True, ondelete="CASCADE")
    organisation_id: int = Field(foreign_key="organisation.id", index=True, ondelete="CASCADE")
    contact_id: int | None = Field(
        default=None, foreign_key="person.id", index=True, ondelete="SET NULL"
    )
    position: int = 0


class Goal(Tracked, table=True):
    initiative_id: int = Field(foreign_key="initiative.id", index=True, ondelete="CASCADE")
    kind: str = "effect"
    text: str
    position: int = 0


class FundingDecision(Tracked, table=True):
    initiative_id: int = Field(foreign_key="initiative.id", index=True, ondelete="CASCADE")
    reference: str = ""  # Dnr
    decision_date: date | None = None
    start_date: date | None = None
    end_date: date | None = None
    amount_max_sek: int = 0
    note: str = ""
    position: int = 0


class BudgetLine(Tracked, table=True):
    funding_decision_id: int = Field(
        foreign_key="fundingdecision.id", index=True, ondelete="CASCADE"
    )
    year: int
    organisation_id: int | None = Field(
        default=None, foreign_key="organisation.id", ondelete="SET NULL"
    )
    from_association_sek: int = 0  # att rekvirera från förbundet
    own_financing_sek: int = 0  # egenfinansiering


# --- meetings -------------------------------------------------------------------------


class Meeting(Tracked, table=True):
    __table_args__ = (Index("ix_meeting_group_date", "group_id", "meeting_date"),)
    group_id: int = Field(foreign_key="lokus_group.id", ondelete="CASCADE")
    kind: str = "lokus_meeting"
    status: str = Field(default="planned", index=True)
    title: str = ""
    meeting_date: date = Field(index=True)
    start_time: time | None = None
    end_time: time | None = None
    room: str = ""
    address: str = ""
    link: str = ""
    chair_id: int | None = Field(default=None, foreign_key="person.id", ondelete="SET NULL")
    note_taker_id: int | None = Field(
        default=None, foreign_key="person.id", ondelete="SET NULL"
    )
    points_deadline: date | None = None
    notice_planned_date: date | None = None
    notice_sent_date: date | None = None
    notice_sequence: int = 0
    # Fingerprint of what the last sent kallelse said; a different current
    # fingerprint means the kallelse is out of date.
    notice_fingerprint: str = ""
    cancelled_reason: str = ""


class AgendaItem(Tracked, table=True):
    __table_args__ = (Index("ix_agendaitem_meeting_pos", "meeting_id", "position"),)
    meeting_id: int = Field(foreign_key="meeting.id", ondelete="CASCADE")
    position: int = 0
    title: str
    description: str = ""
    kind: str = "information"
    presenter_id: int | None = Field(default=None, foreign_key="person.id", ondelete="SET NULL")
    presenter_text: str = ""
    minutes_allotted: int = 10
    initiative_id: int | None = Field(
        default=None, foreign_key="initiative.id", ondelete="SET NULL"
    )
    prep_notes: str = ""
    attachments: str = ""  # one path or URL per line
    notes: str = ""  # minnesanteckningar for this item
    notes_saved_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class AgendaProposal(Tracked, table=True):
    meeting_id: int = Field(foreign_key="meeting.id", index=True, ondelete="CASCADE")
    person_id: int | None = Field(default=None, foreign_key="person.id", ondelete="SET NULL")
    organisation_id: int | None = Field(
        default=None, foreign_key="organisation.id", ondelete="SET NULL"
    )
    received_date: date | None = None
    text: str
    status: str = "received"
    reason: str = ""
    agenda_item_id: int | None = Field(
        default=None, foreign_key="agendaitem.id", ondelete="SET NULL"
    )


class PointsRequest(Tracked, table=True):
    """Per meeting and party: asked for agenda points, and answered."""

    __table_args__ = (UniqueConstraint("meeting_id", "organisation_id", name="uq_pointsrequest"),)
    meeting_id: int = Field(foreign_key="meeting.id", index=True, ondelete="CASCADE")
    organisation_id: int = Field(foreign_key="organisation.id", ondelete="CASCADE")
    asked_date: date | None = None
    answered_date: date | None = None
    note: str = ""


class GuestInvitation(Tracked, table=True):
    meeting_id: int = Field(foreign_key="meeting.id", index=True, ondelete="CASCADE")
    person_id: int = Field(foreign_key="person.id", ondelete="CASCADE")
    topic: str = ""
    agenda_item_id: int | None = Field(
        default=None, foreign_key="agendaitem.id", ondelete="SET NULL"
    )
    status: str = "idea"
    asked_date: date | None = None
    answered_date: date | None = None
    follow_up_date: date | None = None
    note: str = ""


class Attendance(Tracked, table=True):
    __table_args__ = (UniqueConstraint("meeting_id", "person_id", name="uq_attendance"),)
    meeting_id: int = Field(foreign_key="meeting.id", index=True, ondelete="CASCADE")
    person_id: int = Field(foreign_key="person.id", ondelete="CASCADE")
    organisation_id: int | None = Field(
        default=None, foreign_key="organisation.id", ondelete="SET NULL"
    )
    status: str = "present"
    is_substitute: bool = False
    is_guest: bool = False


class Decision(Tracked, table=True):
    agenda_item_id: int = Field(foreign_key="agendaitem.id", index=True, ondelete="CASCADE")
    text: str
    position: int = 0


class ActionItem(Tracked, table=True):
    __table_args__ = (Index("ix_actionitem_status_due", "status", "due_date"),)
    meeting_id: int = Field(foreign_key="meeting.id", index=True, ondelete="CASCADE")
    agenda_item_id: int | None = Field(
        default=None, foreign_key="agendaitem.id", ondelete="SET NULL"
    )
    text: str
    owner_id: int | None = Field(default=None, foreign_key="person.id", ondelete="SET NULL")
    owner_text: str = ""
    due_date: date | None = None
    status: str = "open"
    closed_date: date | None = None
    followed_up_meeting_id: int | None = Field(
        default=None, foreign_key="meeting.id", ondelete="SET NULL"
    )


class Minutes(Tracked, table=True):
    meeting_id: int = Field(foreign_key="meeting.id", unique=True, ondelete="CASCADE")
    status: str = "draft"
    sent_for_review_date: date | None = None
    comment_deadline: date | None = None
    final_date: date | None = None
    reopened_date: date | None = None  # the last time fastställda minutes were opened again
    reopened_reason: str = ""


class MinutesComment(Tracked, table=True):
    minutes_id: int = Field(foreign_key="minutes.id", index=True, ondelete="CASCADE")
    person_id: int | None = Field(default=None, foreign_key="person.id", ondelete="SET NULL")
    author_text: str = ""
    received_date: date | None = None
    agenda_item_id: int | None = Field(
        default=None, foreign_key="agendaitem.id", ondelete="SET NULL"
    )
    text: str
    handled: bool = False
    handled_note: str = ""


class ExportRecord(Tracked, table=True):
    """What was exported when: every kallelse and minutes version kept verbatim."""

    meeting_id: int = Field(foreign_key="meeting.id", index=True, ondelete="CASCADE")
    document: str  # db.vocabulary.DocumentKind
    variant: str = ""  # utkast, fastställd, uppdatering ...
    sequence: int = 0
    file_format: str = "md"
    content: str = ""


class ScanningEntry(Tracked, table=True):
    group_id: int | None = Field(
        default=None, foreign_key="lokus_group.id", index=True, ondelete="SET NULL"
    )
    kind: str = "external_project"
    entry_date: date | None = None
    title: str
    organisation_text: str = ""
    contact_id: int | None = Field(default=None, foreign_key="person.id", ondelete="SET NULL")
    link: str = ""
    notes: str = ""


VERSIONED_TABLES = [
    Group,
    Organisation,
    Person,
    Membership,
    Initiative,
    InitiativePartner,
    Goal,
    FundingDecision,
    BudgetLine,
    Meeting,
    AgendaItem,
    AgendaProposal,
    PointsRequest,
    GuestInvitation,
    Attendance,
    Decision,
    ActionItem,
    Minutes,
    MinutesComment,
    ExportRecord,
    ScanningEntry,
]
