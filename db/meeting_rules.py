"""The rules of a meeting's life, in one place (never in panes or screens).

- Held: a meeting is held once its date has come and something was recorded
  for it (attendance marks, notes, decisions or action items). Apologies sent
  before the meeting do not make it held.
- Fastställda minutes are a record: nothing that the minutes show (the meeting's
  date, place and chair, the agenda, notes, decisions, action items, attendance,
  guests, comments) changes until they are opened again with a reason.
- The kallelse: the version to send now and whether it is an update.
"""

from datetime import date

from sqlalchemy import exists, select
from sqlmodel import col

from db import clock
from db.errors import RecordLockedError
from db.models import ActionItem, AgendaItem, Attendance, Decision, Meeting, Minutes
from db.versioning import saved_id, touch

LOCKED_MESSAGE = (
    "Anteckningarna är fastställda och kan inte ändras. Återöppna dem först "
    "(fliken Granskning, o) och ange varför."
)


def minutes_status(s, meeting_id: int) -> str:
    return (
        s.execute(select(col(Minutes.status)).where(col(Minutes.meeting_id) == meeting_id)).scalar()
        or "draft"
    )


def ensure_record_open(s, meeting_id: int) -> None:
    """Refuse any change to what fastställda minutes show."""
    if minutes_status(s, meeting_id) == "final":
        raise RecordLockedError(LOCKED_MESSAGE)


def has_record(s, meeting_id: int) -> bool:
    """Attendance, notes, decisions or action items were recorded for the meeting."""
    items = select(col(AgendaItem.id)).where(col(AgendaItem.meeting_id) == meeting_id)
    return bool(
        s.execute(
            select(
                exists().where(col(Attendance.meeting_id) == meeting_id)
                | exists().where(
                    col(AgendaItem.meeting_id) == meeting_id, col(AgendaItem.notes) != ""
                )
                | exists().where(col(Decision.agenda_item_id).in_(items))
                | exists().where(col(ActionItem.meeting_id) == meeting_id)
            )
        ).scalar()
    )


def update_held(s, meeting: Meeting, today: date | None = None) -> bool:
    """Mark the meeting held when the rule says so; True when its status changed."""
    today = today or clock.today()
    if meeting.status not in ("planned", "notice_sent") or meeting.meeting_date > today:
        return False
    s.flush()
    if not has_record(s, saved_id(meeting)):
        return False
    meeting.status = "held"
    touch(meeting)
    return True
