"""Numbers for the Översikt section."""

from datetime import date, timedelta

from sqlalchemy import func, select

from db.engine import Database
from db.initiatives import count_by_status, ending_soon
from db.models import ActionItem, Group, Initiative, Meeting, Person
from db.records import Overview


def get_overview(db: Database, today: date | None = None) -> Overview:
    today = today or date.today()
    ending = ending_soon(db, today)
    by_status = count_by_status(db, today)
    with db.session() as s:
        groups = s.execute(select(func.count(Group.id))).scalar_one()
        initiatives = s.execute(select(func.count(Initiative.id))).scalar_one()
        people = s.execute(select(func.count(Person.id))).scalar_one()
        upcoming = s.execute(
            select(Meeting.meeting_date, Group.name, Meeting.kind, Meeting.id)
            .join(Group, Group.id == Meeting.group_id)
            .where(Meeting.meeting_date >= today, Meeting.meeting_date <= today + timedelta(days=60),
                   Meeting.status != "cancelled")
            .order_by(Meeting.meeting_date).limit(8)).all()
        open_actions = s.execute(select(func.count(ActionItem.id))
                                 .where(ActionItem.status == "open")).scalar_one()
        overdue = s.execute(select(func.count(ActionItem.id)).where(
            ActionItem.status == "open", ActionItem.due_date < today)).scalar_one()
    running_count = by_status.get("pagaende", 0) + by_status.get("slutar_snart", 0)
    return Overview(groups=groups, initiatives=initiatives, initiatives_running=running_count,
                    initiatives_ending=ending, people=people,
                    upcoming_meetings=[tuple(r) for r in upcoming], open_actions=open_actions,
                    overdue_actions=overdue)

