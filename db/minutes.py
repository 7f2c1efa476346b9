"""At and after the meeting: attendance, notes, decisions, action items, the review cycle."""

from datetime import date

from sqlalchemy import select
from sqlmodel import col

from db import clock
from db.actions import action_query, action_rows, follow_ups_of
from db.agenda import items_of
from db.agenda_template import is_follow_up
from db.attendance import attendance_rows
from db.contacts import contact_ref
from db.engine import Database
from db.groups import members_of
from db.meetings import meeting_or_error, next_meeting_id
from db.models import (
    ActionItem,
    Decision,
    Group,
    Meeting,
    Person,
)
from db.records import (
    MinutesData,
    MinutesItem,
)
from db.review import find_minutes
from db.versioning import get_row, saved_id
from db.vocabulary import MeetingKind

# --- attendance -----------------------------------------------------------------------


# --- notes and decisions ----------------------------------------------------------------


# --- action items ---------------------------------------------------------------------


# --- the review cycle -------------------------------------------------------------------


# --- the document ----------------------------------------------------------------------


def minutes_data(db: Database, meeting_id: int, today: date | None = None) -> MinutesData:
    today = today or clock.today()
    with db.session() as s:
        m = meeting_or_error(s, meeting_id)
        group = get_row(s, Group, m.group_id, "Lokusgruppen")
        chair = s.get(Person, m.chair_id) if m.chair_id else None
        taker = (
            s.get(Person, m.note_taker_id or group.coordinator_id)
            if (m.note_taker_id or group.coordinator_id)
            else None
        )
        coordinator = s.get(Person, group.coordinator_id) if group.coordinator_id else None
        items = items_of(s, meeting_id)
        all_actions = action_rows(
            s.execute(
                action_query()
                .where(col(ActionItem.meeting_id) == meeting_id)
                .order_by(col(ActionItem.id))
            ).all(),
            today,
        )
        follow_ups = tuple(follow_ups_of(s, m, today))
        decisions: dict[int, list[str]] = {}
        if items:
            for d in s.execute(
                select(Decision)
                .where(col(Decision.agenda_item_id).in_([i.id for i in items]))
                .order_by(col(Decision.position), col(Decision.id))
            ).scalars():
                decisions.setdefault(d.agenda_item_id, []).append(d.text)
        minutes_items = []
        for n, item in enumerate(items, 1):
            minutes_items.append(
                MinutesItem(
                    n,
                    item.title,
                    item.notes,
                    tuple(decisions.get(saved_id(item), ())),
                    tuple(a for a in all_actions if a.agenda_item_id == item.id),
                    follow_ups if is_follow_up(item.title) else (),
                )
            )
        next_id = next_meeting_id(s, m)
        next_meeting = s.get(Meeting, next_id) if next_id else None
        row = find_minutes(s, meeting_id)
        attendance = attendance_rows(s, m)
        members = tuple(members_of(s, m.group_id))
        place = ", ".join(p for p in (m.room, m.address) if p)
        if m.link:
            place = f"{place} och digitalt" if place else "digitalt"
    return MinutesData(
        meeting_id=meeting_id,
        group_name=group.name,
        kind_label=MeetingKind.label_of(m.kind),
        meeting_date=m.meeting_date,
        start_time=m.start_time,
        end_time=m.end_time,
        place=place,
        chair_name=chair.name if chair else "",
        note_taker_name=taker.name if taker else "",
        attendance=tuple(attendance),
        items=tuple(minutes_items),
        actions=tuple(all_actions),
        next_meeting=next_meeting.meeting_date if next_meeting else None,
        next_meeting_start=next_meeting.start_time if next_meeting else None,
        status=row.status if row else "draft",
        comment_deadline=row.comment_deadline if row else None,
        final_date=row.final_date if row else None,
        participants=members,
        coordinator=contact_ref(coordinator),
    )
