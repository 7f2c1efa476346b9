"""Numbers for the Översikt section."""

from datetime import date, timedelta

from sqlalchemy import func, select
from sqlmodel import col

from db import clock
from db.engine import Database
from db.initiatives import count_by_status, ending_soon
from db.meetings import list_meetings
from db.models import ActionItem, Group, GuestInvitation, Initiative, Meeting, Minutes, Person
from db.records import Overview
from db.vocabulary import InitiativeStatus


def get_overview(db: Database, today: date | None = None) -> Overview:
    today = today or clock.today()
    ending = ending_soon(db, today)
    by_status = count_by_status(db, today)
    with db.session() as s:
        groups = s.execute(select(func.count(col(Group.id)))).scalar_one()
        initiatives = s.execute(select(func.count(col(Initiative.id)))).scalar_one()
        people = s.execute(select(func.count(col(Person.id)))).scalar_one()
        upcoming = s.execute(
            select(col(Meeting.meeting_date), col(Group.name), col(Meeting.kind), col(Meeting.id))
            .join(Group, col(Group.id) == col(Meeting.group_id))
            .where(
                col(Meeting.meeting_date) >= today,
                col(Meeting.meeting_date) <= today + timedelta(days=60),
                col(Meeting.status) != "cancelled",
            )
            .order_by(col(Meeting.meeting_date))
            .limit(8)
        ).all()
        open_actions = s.execute(
            select(func.count(col(ActionItem.id))).where(col(ActionItem.status) == "open")
        ).scalar_one()
        overdue = s.execute(
            select(func.count(col(ActionItem.id))).where(
                col(ActionItem.status) == "open", col(ActionItem.due_date) < today
            )
        ).scalar_one()
    running_count = by_status.get(InitiativeStatus.RUNNING, 0) + by_status.get(
        InitiativeStatus.ENDING_SOON, 0
    )
    todo = _todo(db, today)
    return Overview(
        groups=groups,
        initiatives=initiatives,
        initiatives_running=running_count,
        initiatives_ending=ending,
        people=people,
        upcoming_meetings=[tuple(r) for r in upcoming],
        open_actions=open_actions,
        overdue_actions=overdue,
        todo=todo,
    )


def _todo(db: Database, today: date, limit: int = 15) -> list[tuple[int, str]]:
    """What the coordinator should act on now, meeting by meeting."""
    out: list[tuple[int, str]] = []
    with db.session() as s:
        due = s.execute(
            select(col(Meeting.id), col(Meeting.meeting_date), col(Group.name))
            .join(Group, col(Group.id) == col(Meeting.group_id))
            .where(
                col(Meeting.status) == "planned",
                col(Meeting.meeting_date) >= today,
                col(Meeting.notice_planned_date) <= today,
            )
            .order_by(col(Meeting.meeting_date))
            .limit(limit)
        ).all()
        out += [(mid, f"{g} {d.isoformat()}: kallelsen skulle ha skickats") for mid, d, g in due]
        review = s.execute(
            select(col(Meeting.id), col(Meeting.meeting_date), col(Group.name))
            .join(Group, col(Group.id) == col(Meeting.group_id))
            .join(Minutes, col(Minutes.meeting_id) == col(Meeting.id))
            .where(col(Minutes.status) == "in_review", col(Minutes.comment_deadline) < today)
            .order_by(col(Meeting.meeting_date))
            .limit(limit)
        ).all()
        out += [
            (mid, f"{g} {d.isoformat()}: tiden för synpunkter har gått ut — fastställ")
            for mid, d, g in review
        ]
        guests = s.execute(
            select(col(Meeting.id), col(Meeting.meeting_date), col(Group.name), col(Person.name))
            .join(GuestInvitation, col(GuestInvitation.meeting_id) == col(Meeting.id))
            .join(Group, col(Group.id) == col(Meeting.group_id))
            .join(Person, col(Person.id) == col(GuestInvitation.person_id))
            .where(
                col(GuestInvitation.status).in_(("idea", "asked")),
                col(GuestInvitation.follow_up_date) < today,
            )
            .order_by(col(GuestInvitation.follow_up_date))
            .limit(limit)
        ).all()
        out += [(mid, f"{g} {d.isoformat()}: följ upp gästen {p}") for mid, d, g, p in guests]
    for row in list_meetings(db, from_date=today, limit=50, today=today).rows:
        if row.notice_outdated:
            out.append(
                (
                    row.id,
                    f"{row.group_name} {row.meeting_date.isoformat()}: "
                    "kallelsen är inaktuell — skicka en uppdatering",
                )
            )
    return out[:limit]
