"""Changing meetings: validate, create (from the group's template), update, cancel, reopen."""

from datetime import date

from sqlalchemy import select
from sqlmodel import col

from db.engine import Database
from db.errors import LokusError, ValidationError
from db.group_template import template_items
from db.meeting_rules import ensure_record_open, update_held
from db.models import Group, Meeting, Membership
from db.records import MeetingInput
from db.validation import Errors, check_text
from db.versioning import get_checked, saved_id, touch
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
    touch(m)


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
