"""Meetings, their agenda, points from the parties and guests."""

from datetime import date, datetime, time

from sqlalchemy import Index, UniqueConstraint
from sqlmodel import Field

from db.models.base import Tracked, UTCDateTime


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
    note_taker_id: int | None = Field(default=None, foreign_key="person.id", ondelete="SET NULL")
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
