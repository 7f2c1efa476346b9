"""Meetings: list, create (from the group's template), edit, plan a year, agenda items."""

from datetime import date

from sqlalchemy import and_, case, func, select
from sqlalchemy import label as sql_label
from sqlmodel import col

from db import clock
from db.agenda import item_views, items_of, template_items
from db.calendar_rules import overrun_minutes
from db.engine import Database
from db.errors import LokusError, NotFoundError, ValidationError
from db.groups import members_of
from db.meeting_rules import ensure_record_open, minutes_status, update_held
from db.models import (
    AgendaItem,
    Group,
    Meeting,
    Membership,
    Person,
    utcnow,
)
from db.notice_rules import notice_fingerprint, notice_is_outdated, outdated_map
from db.records import (
    ContactRef,
    MeetingDetail,
    MeetingInput,
    MeetingRow,
    Page,
)
from db.text_match import contains
from db.validation import Errors, check_text
from db.versioning import get_checked, get_row, saved_id, touch
from db.vocabulary import MeetingKind, MembershipRole

# --- validation -----------------------------------------------------------------------


def validate_meeting(data: MeetingInput) -> Errors:
    errors = Errors()
    if not data.group_id:
        errors.add("group_id", "Lokusgrupp", "måste väljas")
    if data.meeting_date is None:
        errors.add("meeting_date", "Datum", "måste fyllas i")
    if data.kind not in MeetingKind.values():
        errors.add("kind", "Typ", "okänd mötestyp")
    if data.start_time and data.end_time and data.end_time <= data.start_time:
        errors.add("end_time", "Sluttid", "måste vara efter starttiden")
    if data.end_time and not data.start_time:
        errors.add("start_time", "Starttid", "måste fyllas i när sluttid finns")
    for key, label in (("title", "Rubrik"), ("room", "Lokal"), ("address", "Adress")):
        check_text(getattr(data, key), key, label, errors)
    check_text(data.link, "link", "Länk", errors, max_len=1000, multiline=False)
    if data.link and not data.link.strip().lower().startswith(("https://", "http://")):
        errors.add("link", "Länk", "ska börja med https://")
    if data.meeting_date and data.points_deadline and data.points_deadline > data.meeting_date:
        errors.add("points_deadline", "Sista dag för punkter", "måste vara före mötet")
    if (
        data.meeting_date
        and data.notice_planned_date
        and data.notice_planned_date > data.meeting_date
    ):
        errors.add("notice_planned_date", "Kallelsen skickas", "måste vara före mötet")
    return errors


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


def list_meetings(
    db: Database,
    group_id: int | None = None,
    text: str = "",
    from_date: date | None = None,
    limit: int = 100,
    offset: int = 0,
    today: date | None = None,
) -> Page:
    """Coming meetings first (soonest first), then past ones (latest first)."""
    today = today or clock.today()
    conditions = []
    if group_id:
        conditions.append(col(Meeting.group_id) == group_id)
    if from_date:
        conditions.append(col(Meeting.meeting_date) >= from_date)
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


# --- notice fingerprint (is the sent kallelse out of date?) -----------------------------


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
        coordinator=ContactRef(
            coordinator.id,
            coordinator.name,
            coordinator.title,
            coordinator.email,
            coordinator.phone,
        )
        if coordinator
        else None,
        uid=meeting_uid(m),
        cancelled_reason=m.cancelled_reason,
        overrun=overrun_minutes(m.start_time, m.end_time, [i.minutes_allotted for i in items]),
        missing=missing_for_notice(m, len(items)),
        minutes_status=record_status,
    )


# --- writing meetings -----------------------------------------------------------------


def _apply_meeting(m: Meeting, data: MeetingInput) -> None:
    for key in (
        "group_id",
        "meeting_date",
        "kind",
        "start_time",
        "end_time",
        "chair_id",
        "points_deadline",
        "notice_planned_date",
    ):
        setattr(m, key, getattr(data, key))
    for key in ("title", "room", "address", "link"):
        setattr(m, key, getattr(data, key).strip())
    m.updated_at = utcnow()


def create_meeting(db: Database, data: MeetingInput, from_template: bool = True) -> int:
    errors = validate_meeting(data)
    if errors:
        raise ValidationError(errors)
    with db.session() as s:
        if s.get(Group, data.group_id) is None:
            raise ValidationError(_group_error())
        m = Meeting(group_id=data.group_id, meeting_date=data.meeting_date)
        _apply_meeting(m, data)
        if m.chair_id is None:
            m.chair_id = (
                s.execute(
                    select(col(Membership.person_id)).where(
                        col(Membership.group_id) == data.group_id,
                        col(Membership.role) == MembershipRole.CHAIR,
                    )
                )
                .scalars()
                .first()
            )
        s.add(m)
        s.flush()
        if from_template and data.kind == "lokus_meeting":
            for item in template_items(s, m):
                s.add(item)
        return saved_id(m)


def _group_error():
    errors = Errors()
    errors.add("group_id", "Lokusgrupp", "finns inte")
    return errors


def create_meetings(
    db: Database, group_id: int, dates: list[date], template: MeetingInput
) -> list[int]:
    """The year planner's save: one meeting per date, each from the template."""
    ids = []
    for day in dates:
        data = MeetingInput(**{**template.__dict__, "group_id": group_id, "meeting_date": day})
        ids.append(create_meeting(db, data))
    return ids


def update_meeting(db: Database, meeting_id: int, data: MeetingInput, expected_version: int) -> int:
    errors = validate_meeting(data)
    if errors:
        raise ValidationError(errors)
    with db.session() as s:
        m = get_checked(s, Meeting, meeting_id, expected_version, "Mötet")
        ensure_record_open(s, meeting_id)
        _apply_meeting(m, data)
        s.flush()
        return m.version


def cancel_meeting(db: Database, meeting_id: int, reason: str, expected_version: int) -> None:
    """Cancelling keeps everything: agenda, proposals, guests."""
    errors = Errors()
    check_text(reason, "reason", "Skäl", errors, max_len=2000)
    if errors:
        raise ValidationError(errors)
    with db.session() as s:
        m = get_checked(s, Meeting, meeting_id, expected_version, "Mötet")
        ensure_record_open(s, meeting_id)
        if m.status in ("held", "minutes_in_review", "minutes_final"):
            raise LokusError("Mötet är redan genomfört och kan inte ställas in.")
        m.status = "cancelled"
        m.cancelled_reason = reason.strip()
        touch(m)


def reopen_meeting(db: Database, meeting_id: int, expected_version: int) -> None:
    """Take a cancelled meeting up again."""
    with db.session() as s:
        m = get_checked(s, Meeting, meeting_id, expected_version, "Mötet")
        if m.status != "cancelled":
            return
        m.status = "notice_sent" if m.notice_sent_date else "planned"
        touch(m)
        update_held(s, m)


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


# --- agenda items ---------------------------------------------------------------------


def meeting_or_error(s, meeting_id: int) -> Meeting:
    m = s.get(Meeting, meeting_id)
    if m is None:
        raise NotFoundError(f"Mötet med id {meeting_id} finns inte (längre).")
    return m
