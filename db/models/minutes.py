"""At and after a meeting: attendance, decisions, action items, the minutes' review and every export."""

from datetime import date

from sqlalchemy import Index, UniqueConstraint
from sqlmodel import Field

from db.models.base import Tracked


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
