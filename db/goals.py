"""Goals per lokusgrupp and year (the funding decision's targets) and the group's
settings for the Översikt: whether it is one of the coordinator's own groups and
its lead times. Reading what was held is plain SQL in db/goals_counts.py."""

from dataclasses import dataclass

from sqlalchemy import select
from sqlmodel import col

from db.engine import Database
from db.errors import ValidationError
from db.goals_counts import DEFAULT_COMPETENCE_ACTIVITIES, DEFAULT_LOKUS_MEETINGS, goal_counts
from db.identity import current_user
from db.models import Group, GroupGoal, OwnGroup
from db.records.overview import GoalCount
from db.validation import Errors
from db.versioning import check_version, get_row, touch

LIMITS = {
    "lokus_meetings": ("LOKUS-möten per år", 0, 52),
    "competence_activities": ("Kompetenshöjande aktiviteter per år", 0, 52),
    "notice_lead_days": ("Kallelse, dagar före mötet", 0, 120),
    "points_lead_days": ("Punkter, dagar före mötet", 0, 180),
    "minutes_send_days": ("Anteckningar på remiss, dagar efter mötet", 0, 120),
    "minutes_final_days": ("Fastställda, dagar efter mötet", 0, 365),
}


@dataclass(frozen=True)
class GoalSettings:
    """What the goals screen shows and saves for one group and year."""

    group_id: int
    group_name: str
    year: int
    own: bool
    lokus_meetings: int
    competence_activities: int
    notice_lead_days: int
    points_lead_days: int
    minutes_send_days: int
    minutes_final_days: int
    group_version: int
    goal_version: int | None  # None: no row yet, the defaults hold
    counts: tuple[GoalCount, ...] = ()


def goal_settings(db: Database, group_id: int, year: int) -> GoalSettings:
    with db.session() as s:
        group = get_row(s, Group, group_id, "Lokusgruppen")
        goal = s.execute(
            select(GroupGoal).where(
                col(GroupGoal.group_id) == group_id, col(GroupGoal.year) == year
            )
        ).scalar_one_or_none()
        settings = GoalSettings(
            group_id,
            group.name,
            year,
            is_own(s, group_id),
            goal.lokus_meetings if goal else DEFAULT_LOKUS_MEETINGS,
            goal.competence_activities if goal else DEFAULT_COMPETENCE_ACTIVITIES,
            group.notice_lead_days,
            group.points_lead_days,
            group.minutes_send_days,
            group.minutes_final_days,
            group.version,
            goal.version if goal else None,
        )
    counts = goal_counts(db.read_rows, year).get(group_id)
    return settings if counts is None else _with(settings, counts)


def _with(settings: GoalSettings, counts: tuple) -> GoalSettings:
    from dataclasses import replace

    return replace(settings, counts=counts)


def parse_settings(values: dict[str, str]) -> tuple[dict[str, int], Errors]:
    """Whole numbers within limits; a Swedish message naming each bad field."""
    errors, out = Errors(), {}
    for name, (label, low, high) in LIMITS.items():
        text = str(values.get(name, "")).strip()
        if not text.isdigit():
            errors.add(name, label, f"skriv ett heltal mellan {low} och {high}")
        elif not low <= int(text) <= high:
            errors.add(name, label, f"ska vara mellan {low} och {high}")
        else:
            out[name] = int(text)
    return out, errors


def save_settings(db: Database, seen: GoalSettings, values: dict[str, str], own: bool) -> None:
    """Save the year's goals and the group's lead times, checking both versions."""
    numbers, errors = parse_settings(values)
    if errors:
        raise ValidationError(errors)
    with db.session() as s:
        group = get_row(s, Group, seen.group_id, "Lokusgruppen")
        check_version(group, seen.group_version, "Lokusgruppen")
        goal = s.execute(
            select(GroupGoal).where(
                col(GroupGoal.group_id) == seen.group_id, col(GroupGoal.year) == seen.year
            )
        ).scalar_one_or_none()
        check_version(goal, seen.goal_version, "Årets mål")
        changed_group = {
            k: numbers[k] for k in LIMITS if k.endswith("_days") and getattr(group, k) != numbers[k]
        }
        if changed_group:
            for key, value in changed_group.items():
                setattr(group, key, value)
            touch(group)
        _mark_own(s, seen.group_id, own)
        if goal is None:
            goal = GroupGoal(group_id=seen.group_id, year=seen.year)
            s.add(goal)
        else:
            touch(goal)
        goal.lokus_meetings = numbers["lokus_meetings"]
        goal.competence_activities = numbers["competence_activities"]


def set_own(db: Database, group_id: int, own: bool, expected_version: int) -> None:
    """Mark the group as one of the user's own (shown first in Översikt) or not."""
    with db.session() as s:
        group = get_row(s, Group, group_id, "Lokusgruppen")
        check_version(group, expected_version, "Lokusgruppen")
        _mark_own(s, group_id, own)


def is_own(s, group_id: int) -> bool:
    """One of this user's own groups (or everyone's, from a one-user database)."""
    return (
        s.execute(
            select(col(OwnGroup.id)).where(
                col(OwnGroup.group_id) == group_id,
                col(OwnGroup.user_name).in_((current_user(), "")),
            )
        ).first()
        is not None
    )


def _mark_own(s, group_id: int, own: bool) -> None:
    """A personal choice: it changes no shared row, so no colleague's version."""
    if own == is_own(s, group_id):
        return
    if own:
        s.add(OwnGroup(user_name=current_user(), group_id=group_id))
    else:  # not mine: neither my mark nor the one every user shared
        for row in s.execute(
            select(OwnGroup).where(
                col(OwnGroup.group_id) == group_id,
                col(OwnGroup.user_name).in_((current_user(), "")),
            )
        ).scalars():
            s.delete(row)
