"""What a kallelse says, gathered as plain data for the exports."""

from datetime import date

from sqlalchemy import select
from sqlmodel import col

from db import clock
from db.actions import follow_up_actions
from db.agenda import items_of
from db.engine import Database
from db.errors import (
    LokusError,
)
from db.meetings import get_meeting
from db.models import (
    GuestInvitation,
    Meeting,
    Organisation,
    Person,
)
from db.notice_rules import (
    cancel_sequence,
    notice_fingerprint,
    notice_version,
    reply_by,
    usual_length,
)
from db.records import NoticeData, NoticeGuest, SentNotice
from db.versioning import get_checked, touch


def notice_data(db: Database, meeting_id: int, meeting=None) -> NoticeData:
    """The current kallelse. ``sequence`` is the iCalendar SEQUENCE to use now.

    ``meeting`` is the MeetingDetail when the caller has just read it.
    """
    m = meeting if meeting is not None and meeting.id == meeting_id else get_meeting(db, meeting_id)
    with db.session() as s:
        rows = s.execute(
            select(Person, col(Organisation.name), col(GuestInvitation.topic))
            .join(GuestInvitation, col(GuestInvitation.person_id) == col(Person.id))
            .outerjoin(Organisation, col(Organisation.id) == col(Person.organisation_id))
            .where(
                col(GuestInvitation.meeting_id) == meeting_id,
                col(GuestInvitation.status).in_(("confirmed", "presented")),
            )
            .order_by(col(GuestInvitation.id))
        ).all()
    guests = tuple(NoticeGuest(p.name, p.email, org or "", topic) for p, org, topic in rows)
    sequence, is_update = notice_version(m.notice_sequence, m.notice_outdated)
    cancelled = m.status == "cancelled"
    if cancelled:
        sequence, is_update = cancel_sequence(m.notice_sequence), False
    d = m.data
    today = clock.today()
    return NoticeData(
        meeting_id=m.id,
        uid=m.uid,
        group_name=m.group_name,
        kind_label=m.kind_label,
        title=d.title,
        meeting_date=d.meeting_date,
        start_time=d.start_time,
        end_time=d.end_time,
        room=d.room,
        address=d.address,
        link=d.link,
        chair_name=m.chair_name,
        coordinator=m.coordinator,
        members=m.members,
        items=m.items,
        guests=guests,
        points_deadline=d.points_deadline,
        sequence=sequence,
        is_update=is_update,
        cancelled=cancelled,
        follow_ups=tuple(follow_up_actions(db, meeting_id)),
        chair_id=d.chair_id,
        cancelled_reason=m.cancelled_reason,
        reply_by=reply_by(d.meeting_date) if reply_by(d.meeting_date) >= today else None,
        previous_minutes=_previous_minutes(db, d.group_id, d.meeting_date),
        usual_minutes=_usual_minutes(db, d.group_id),
        previous=_sent_before(db, meeting_id, sequence) if is_update else None,
    )


def _previous_minutes(db: Database, group_id: int, before: date) -> date | None:
    """The date of the group's last meeting before this one whose minutes were sent
    for comments or fastställda: they go with the kallelse."""
    with db.session() as s:
        return s.execute(
            select(col(Meeting.meeting_date))
            .where(
                col(Meeting.group_id) == group_id,
                col(Meeting.meeting_date) < before,
                col(Meeting.status).in_(("minutes_in_review", "minutes_final")),
            )
            .order_by(col(Meeting.meeting_date).desc())
            .limit(1)
        ).scalar()


def _usual_minutes(db: Database, group_id: int) -> int:
    with db.session() as s:
        rows = s.execute(
            select(col(Meeting.start_time), col(Meeting.end_time)).where(
                col(Meeting.group_id) == group_id,
                col(Meeting.start_time).is_not(None),
                col(Meeting.end_time).is_not(None),
            )
        ).all()
    return usual_length(
        [(e.hour * 60 + e.minute) - (b.hour * 60 + b.minute) for b, e in rows if b and e]
    )


def _sent_before(db: Database, meeting_id: int, sequence: int) -> SentNotice | None:
    """What the kallelse before this update said about time and place, read from the
    calendar file exported with it (None when none was exported)."""
    from db.models import ExportRecord

    with db.session() as s:
        content = s.execute(
            select(col(ExportRecord.content))
            .where(
                col(ExportRecord.meeting_id) == meeting_id,
                col(ExportRecord.document) == "notice",
                col(ExportRecord.file_format) == "ics",
                col(ExportRecord.sequence) == sequence - 1,
            )
            .order_by(col(ExportRecord.created_at).desc(), col(ExportRecord.id).desc())
            .limit(1)
        ).scalar()
    if not content:
        return None
    return sent_notice_from_ics(content)


def sent_notice_from_ics(content: str) -> SentNotice | None:
    from datetime import datetime

    from icalendar import Calendar

    try:
        event = next(c for c in Calendar.from_ical(content).walk() if c.name == "VEVENT")
    except (ValueError, StopIteration):
        return None
    start = event.decoded("dtstart")
    end = event.decoded("dtend") if "dtend" in event else None
    timed = isinstance(start, datetime)
    return SentNotice(
        meeting_date=start.date() if timed else start,
        start_time=start.time().replace(tzinfo=None) if timed else None,
        end_time=end.time().replace(tzinfo=None) if isinstance(end, datetime) else None,
        place=str(event.get("location", "")),
        link=str(event.get("url", "")),
    )


def record_export(
    db: Database,
    meeting_id: int,
    document: str,
    variant: str,
    sequence: int,
    file_format: str,
    content: str,
) -> None:
    """Keep what was exported, verbatim, so any version can be produced again later."""
    from db.models import ExportRecord

    with db.session() as s:
        s.add(
            ExportRecord(
                meeting_id=meeting_id,
                document=document,
                variant=variant,
                sequence=sequence,
                file_format=file_format,
                content=content,
            )
        )


def record_exports(
    db: Database, meeting_id: int, versions: list[tuple[str, str, int, str, str]]
) -> None:
    """Keep several exported files at once (document, variant, sequence, format,
    content): all of them or, if the database refuses, none."""
    from db.models import ExportRecord

    with db.session() as s:
        for document, variant, sequence, file_format, content in versions:
            s.add(
                ExportRecord(
                    meeting_id=meeting_id,
                    document=document,
                    variant=variant,
                    sequence=sequence,
                    file_format=file_format,
                    content=content,
                )
            )


def last_export(
    db: Database, meeting_id: int, document: str, file_format: str, variant: str | None = None
):
    """(content, created_at) of the newest export of a document (of one variant: a
    guest's invitation goes by the guest's name), or None."""
    from sqlalchemy import select

    from db.models import ExportRecord

    conditions = [
        col(ExportRecord.meeting_id) == meeting_id,
        col(ExportRecord.document) == document,
        col(ExportRecord.file_format) == file_format,
    ]
    if variant is not None:
        conditions.append(col(ExportRecord.variant) == variant)
    with db.session() as s:
        row = s.execute(
            select(ExportRecord)
            .where(*conditions)
            .order_by(col(ExportRecord.created_at).desc(), col(ExportRecord.id).desc())
            .limit(1)
        ).scalar()
        return (row.content, row.created_at) if row else None


def mark_notice_sent(
    db: Database, meeting_id: int, expected_version: int, day: date | None = None
) -> int:
    """Record that the kallelse as it reads now was sent; returns how many were sent.

    ``expected_version`` is the meeting as the user saw it: a meeting changed in
    another window since then is refused, so the fingerprint is of what was sent."""
    day = day or clock.today()
    with db.session() as s:
        m = get_checked(s, Meeting, meeting_id, expected_version, "Mötet")
        if m.status == "cancelled":
            raise LokusError("Mötet är inställt; kallelsen kan inte markeras som skickad.")
        fingerprint = notice_fingerprint(m, items_of(s, meeting_id))
        if m.notice_sequence and fingerprint == m.notice_fingerprint:
            if m.notice_sent_date != day:
                m.notice_sent_date = day
                touch(m)
            return m.notice_sequence  # the same kallelse again: not a new version
        m.notice_sent_date = day
        m.notice_sequence += 1
        m.notice_fingerprint = fingerprint
        if m.status == "planned":
            m.status = "notice_sent"
        touch(m)
        return m.notice_sequence
