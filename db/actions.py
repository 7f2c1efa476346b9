"""Action items (åtgärder): owner, due date, status, and the follow-up at later meetings."""

from datetime import date

from sqlalchemy import or_, select
from sqlmodel import col

from db import clock
from db.engine import Database
from db.errors import (
    FieldError,
    ValidationError,
)
from db.meeting_rules import ensure_record_open, update_held
from db.meetings import meeting_or_error
from db.models import (
    ActionItem,
    AgendaItem,
    Group,
    Meeting,
    Organisation,
    Person,
)
from db.records import (
    ActionInput,
    ActionRow,
)
from db.validation import Errors, check_text
from db.versioning import get_checked, saved_id, touch
from db.vocabulary import ActionStatus


def validate_action(data: ActionInput) -> Errors:
    errors = Errors()
    check_text(data.text, "text", "Åtgärd", errors, required=True, max_len=2000)
    check_text(data.owner_text, "owner_text", "Ansvarig", errors)
    return errors


def add_action(db: Database, meeting_id: int, item_id: int | None, data: ActionInput) -> int:
    errors = validate_action(data)
    if errors:
        raise ValidationError(errors)
    with db.session() as s:
        m = meeting_or_error(s, meeting_id)
        ensure_record_open(s, meeting_id)
        a = ActionItem(
            meeting_id=meeting_id,
            agenda_item_id=item_id,
            text=data.text.strip(),
            owner_id=data.owner_id,
            owner_text=data.owner_text.strip(),
            due_date=data.due_date,
        )
        s.add(a)
        s.flush()
        update_held(s, m)
        return saved_id(a)


def update_action(db: Database, action_id: int, data: ActionInput, expected_version: int) -> int:
    errors = validate_action(data)
    if errors:
        raise ValidationError(errors)
    with db.session() as s:
        a = get_checked(s, ActionItem, action_id, expected_version, "Åtgärden")
        ensure_record_open(s, a.meeting_id)
        a.text, a.owner_id, a.owner_text, a.due_date = (
            data.text.strip(),
            data.owner_id,
            data.owner_text.strip(),
            data.due_date,
        )
        touch(a)
        s.flush()
        return a.version


def set_action_status(
    db: Database, action_id: int, status: str, expected_version: int, day: date | None = None
) -> None:
    """Done, dropped or open again: follow-up work, allowed after the minutes are fastställda."""
    if status not in ActionStatus.values():
        raise ValidationError([FieldError("status", "Status", "okänt värde")])
    with db.session() as s:
        a = get_checked(s, ActionItem, action_id, expected_version, "Åtgärden")
        a.status = status
        a.closed_date = None if status == "open" else (day or clock.today())
        touch(a)


def delete_action(db: Database, action_id: int, expected_version: int) -> None:
    with db.session() as s:
        a = get_checked(s, ActionItem, action_id, expected_version, "Åtgärden")
        ensure_record_open(s, a.meeting_id)
        s.delete(a)


def action_query():
    return (
        select(
            ActionItem,
            col(Meeting.meeting_date),
            col(Group.name),
            col(AgendaItem.title),
            col(Person.name),
            col(Organisation.name),
        )
        .join(Meeting, col(Meeting.id) == col(ActionItem.meeting_id))
        .join(Group, col(Group.id) == col(Meeting.group_id))
        .outerjoin(AgendaItem, col(AgendaItem.id) == col(ActionItem.agenda_item_id))
        .outerjoin(Person, col(Person.id) == col(ActionItem.owner_id))
        .outerjoin(Organisation, col(Organisation.id) == col(Person.organisation_id))
    )


def action_rows(rows, today: date) -> list[ActionRow]:
    return [
        ActionRow(
            a.id,
            a.version,
            a.meeting_id,
            mdate,
            group,
            a.agenda_item_id,
            item or "",
            a.text,
            a.owner_id,
            person or a.owner_text,
            org or "",
            a.due_date,
            a.status,
            a.closed_date,
            overdue=bool(a.status == "open" and a.due_date and a.due_date < today),
        )
        for a, mdate, group, item, person, org in rows
    ]


def list_actions(
    db: Database,
    group_id: int | None = None,
    meeting_id: int | None = None,
    status: str | None = None,
    person_id: int | None = None,
    organisation_id: int | None = None,
    today: date | None = None,
    limit: int = 2000,
) -> list[ActionRow]:
    """Action items, overdue and open first. ``status`` may also be "overdue"."""
    today = today or clock.today()
    stmt = action_query()
    if group_id:
        stmt = stmt.where(col(Meeting.group_id) == group_id)
    if meeting_id:
        stmt = stmt.where(col(ActionItem.meeting_id) == meeting_id)
    if status == "overdue":
        stmt = stmt.where(col(ActionItem.status) == "open", col(ActionItem.due_date) < today)
    elif status:
        stmt = stmt.where(col(ActionItem.status) == status)
    if person_id:
        stmt = stmt.where(col(ActionItem.owner_id) == person_id)
    if organisation_id:
        stmt = stmt.where(col(Person.organisation_id) == organisation_id)
    order = (
        col(ActionItem.status) != "open",
        col(ActionItem.due_date).is_(None),
        col(ActionItem.due_date),
        col(ActionItem.id),
    )
    with db.session() as s:
        rows = s.execute(stmt.order_by(*order).limit(limit)).all()
    return action_rows(rows, today)


def follow_up_actions(db: Database, meeting_id: int, today: date | None = None) -> list[ActionRow]:
    """Action items of earlier meetings of the group that are followed up at this meeting:
    still open, or closed on or after this meeting's date."""
    today = today or clock.today()
    with db.session() as s:
        m = meeting_or_error(s, meeting_id)
        return follow_ups_of(s, m, today)


def follow_ups_of(s, m: Meeting, today: date) -> list[ActionRow]:
    stmt = action_query().where(
        col(Meeting.group_id) == m.group_id,
        col(Meeting.meeting_date) < m.meeting_date,
        or_(col(ActionItem.status) == "open", col(ActionItem.closed_date) >= m.meeting_date),
    )
    rows = s.execute(stmt.order_by(col(Meeting.meeting_date), col(ActionItem.id))).all()
    return action_rows(rows, today)
