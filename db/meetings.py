"""Meetings: the list, one meeting read in full, the next meeting of a group."""

from datetime import date, timedelta

from sqlalchemy import and_, case, extract, func, select
from sqlalchemy import label as sql_label
from sqlmodel import col

from db import clock
from db.agenda import item_views, items_of
from db.calendar_rules import overrun_minutes
from db.contacts import contact_ref
from db.engine import Database
from db.errors import NotFoundError
from db.groups import members_of
from db.meeting_rules import minutes_status
from db.models import (
    AgendaItem,
    Group,
    Meeting,
    Person,
)
from db.notice_rules import notice_fingerprint, notice_is_outdated, outdated_map
from db.records import (
    MeetingDetail,
    MeetingInput,
    MeetingRow,
    Page,
)
from db.text_match import contains
from db.versioning import get_row

# --- listing --------------------------------------------------------------------------


def place_text(room: str, address: str, link: str) -> str:
    parts = [p for p in (room, address) if p]
    if link:
        parts.append("digitalt")
    return ", ".join(parts)


def missing_for_notice(m, item_count: int) -> tuple[str, ...]:
    missing = []
    if m.status == "cancelled":
        return ()
    if not item_count:
        missing.append("dagordning")
    if not m.chair_id:
        missing.append("ordförande")
    if not (m.room or m.address or m.link):
        missing.append("plats eller länk")
    if not m.start_time:
        missing.append("tid")
    return tuple(missing)


def _iso_range(iso: str) -> tuple[date, date]:
    """'2026-08' -> the month's first and last day; '2026-08-14' -> that day."""
    if len(iso) == 7:
        start = date.fromisoformat(iso + "-01")
        following = date(start.year + start.month // 12, start.month % 12 + 1, 1)
        return start, following - timedelta(days=1)
    day = date.fromisoformat(iso)
    return day, day


def list_meetings(
    db: Database,
    group_id: int | None = None,
    text: str = "",
    from_date: date | None = None,
    limit: int = 100,
    offset: int = 0,
    today: date | None = None,
    month: int | None = None,
    year: int | None = None,
    day: int | None = None,
    iso: str = "",
) -> Page:
    """Coming meetings first (soonest first), then past ones (latest first). The words
    of ``text`` are looked for in the group, title, room and address; ``month``,
    ``year``, ``day`` (of the month) and ``iso`` ("2026-08" or "2026-08-14") narrow
    by date."""
    today = today or clock.today()
    conditions = []
    if group_id:
        conditions.append(col(Meeting.group_id) == group_id)
    if from_date:
        conditions.append(col(Meeting.meeting_date) >= from_date)
    for part, value in (("month", month), ("year", year), ("day", day)):
        if value:
            conditions.append(extract(part, col(Meeting.meeting_date)) == value)
    if iso:
        first, last = _iso_range(iso)
        conditions.append(col(Meeting.meeting_date).between(first, last))
    for word in text.split():
        conditions.append(
            contains(db, col(Group.name), word)
            | contains(db, col(Meeting.title), word)
            | contains(db, col(Meeting.room), word)
            | contains(db, col(Meeting.address), word)
        )
    upcoming = col(Meeting.meeting_date) >= today
    order = (
        case((upcoming, 0), else_=1),
        case((upcoming, col(Meeting.meeting_date))),
        col(Meeting.meeting_date).desc(),
        col(Meeting.id),
    )
    page = (
        select(Meeting, sql_label("group_name", col(Group.name)))
        .join(Group, col(Group.id) == col(Meeting.group_id))
        .where(*conditions)
        .order_by(*order)
        .limit(limit)
        .offset(offset)
    )
    count = (
        select(func.count(col(Meeting.id)))
        .join(Group, col(Group.id) == col(Meeting.group_id))
        .where(*conditions)
    )
    with db.session() as s:
        total = s.execute(count).scalar_one()
        found = s.execute(page).all()
        ids = [m.id for m, _g in found]
        counts = (
            dict(
                s.execute(
                    select(col(AgendaItem.meeting_id), func.count(col(AgendaItem.id)))
                    .where(col(AgendaItem.meeting_id).in_(ids))
                    .group_by(col(AgendaItem.meeting_id))
                ).all()
            )
            if ids
            else {}
        )
        rows = [(m, g, counts.get(m.id, 0)) for m, g in found]
        outdated = outdated_map(s, [m for m, _g, _n in rows])
    return Page(
        [
            MeetingRow(
                m.id,
                m.group_id,
                g,
                m.kind,
                m.status,
                m.meeting_date,
                m.start_time,
                m.end_time,
                place_text(m.room, m.address, m.link),
                missing_for_notice(m, n),
                outdated.get(m.id, False),
            )
            for m, g, n in rows
        ],
        total,
        offset,
    )


# --- reading one meeting --------------------------------------------------------------


def meeting_uid(meeting: Meeting) -> str:
    created = int(meeting.created_at.timestamp()) if meeting.created_at else 0
    return f"lokus-meeting-{meeting.id}-{created}@lokus.invalid"


def get_meeting(db: Database, meeting_id: int) -> MeetingDetail:
    with db.session() as s:
        m = s.get(Meeting, meeting_id)
        if m is None:
            raise NotFoundError(f"Mötet med id {meeting_id} finns inte (längre).")
        group = get_row(s, Group, m.group_id, "Lokusgruppen")
        chair = s.get(Person, m.chair_id) if m.chair_id else None
        coordinator = s.get(Person, group.coordinator_id) if group.coordinator_id else None
        items = items_of(s, meeting_id)
        views = item_views(s, m, items)
        members = members_of(s, m.group_id)
        outdated = m.status in ("planned", "notice_sent") and notice_is_outdated(
            m.notice_fingerprint, notice_fingerprint(m, items)
        )
        record_status = minutes_status(s, meeting_id)
    return MeetingDetail(
        id=meeting_id,
        version=m.version,
        data=MeetingInput(
            m.group_id,
            m.meeting_date,
            m.kind,
            m.title,
            m.start_time,
            m.end_time,
            m.room,
            m.address,
            m.link,
            m.chair_id,
            m.points_deadline,
            m.notice_planned_date,
        ),
        group_name=group.name,
        status=m.status,
        chair_name=chair.name if chair else "",
        notice_sent_date=m.notice_sent_date,
        notice_sequence=m.notice_sequence,
        notice_outdated=outdated,
        items=views,
        members=tuple(members),
        coordinator=contact_ref(coordinator),
        uid=meeting_uid(m),
        cancelled_reason=m.cancelled_reason,
        overrun=overrun_minutes(m.start_time, m.end_time, [i.minutes_allotted for i in items]),
        missing=missing_for_notice(m, len(items)),
        minutes_status=record_status,
    )


def next_meeting_of_group(db: Database, meeting_id: int) -> int | None:
    with db.session() as s:
        return next_meeting_id(s, meeting_or_error(s, meeting_id))


def next_meeting_id(s, m: Meeting) -> int | None:
    return s.execute(
        select(col(Meeting.id))
        .where(
            col(Meeting.group_id) == m.group_id,
            col(Meeting.status) != "cancelled",
            (col(Meeting.meeting_date) > m.meeting_date)
            | and_(col(Meeting.meeting_date) == m.meeting_date, col(Meeting.id) > m.id),
        )
        .order_by(col(Meeting.meeting_date), col(Meeting.id))
        .limit(1)
    ).scalar()


# --- looking up -----------------------------------------------------------------------


def meeting_or_error(s, meeting_id: int) -> Meeting:
    m = s.get(Meeting, meeting_id)
    if m is None:
        raise NotFoundError(f"Mötet med id {meeting_id} finns inte (längre).")
    return m
