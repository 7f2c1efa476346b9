"""The funding decision's goals per lokusgrupp and year, against what was held.

Plain SQL with named parameters and the standard library only, like
db/overview.py: read through SQLAlchemy (``Database.read_rows``) or straight
from the file at start-up. Without a ``group_goal`` row the defaults hold.
"""

import json
from collections.abc import Callable, Sequence
from datetime import date

from db.records.overview import GoalCount
from db.vocabulary import MeetingKind, MeetingStatus

Rows = Callable[[str, dict], Sequence[Sequence]]

DEFAULT_LOKUS_MEETINGS = 4
DEFAULT_COMPETENCE_ACTIVITIES = 2
GOAL_KINDS = (MeetingKind.LOKUS_MEETING, MeetingKind.COMPETENCE_ACTIVITY)
HELD = (MeetingStatus.HELD, MeetingStatus.MINUTES_IN_REVIEW, MeetingStatus.MINUTES_FINAL)

TARGETS = """
SELECT group_id, lokus_meetings, competence_activities FROM group_goal WHERE year = :year"""
COUNTS = f"""
SELECT group_id, kind,
       sum(CASE WHEN status IN ({", ".join(f"'{s.value}'" for s in HELD)}) THEN 1 ELSE 0 END),
       sum(CASE WHEN status = 'cancelled' THEN 1 ELSE 0 END),
       count(*)
FROM meeting WHERE meeting_date >= :start AND meeting_date <= :end
GROUP BY group_id, kind
"""


ONLY = " AND group_id IN (SELECT value FROM json_each(:groups))"


def goal_counts(
    rows: Rows,
    year: int,
    start: date | None = None,
    end: date | None = None,
    groups: list[int] | None = None,
):
    """{group id: (LOKUS meetings, competence activities)} as GoalCount, for every group
    (or only ``groups``) with a goal row or a meeting in the period (``start``–``end``,
    default the year). A group missing here has the defaults and nothing held."""
    only = "" if groups is None else ONLY
    chosen = {"groups": json.dumps(groups)} if groups is not None else {}
    targets = {g: (m, c) for g, m, c in rows(TARGETS + only, {"year": year, **chosen})}
    params = {"start": start or date(year, 1, 1), "end": end or date(year, 12, 31), **chosen}
    counted: dict[tuple[int, str], tuple[int, int, int]] = {}
    counts = COUNTS.replace("GROUP BY", only.strip() + "\nGROUP BY") if only else COUNTS
    for group_id, kind, held, cancelled, total in rows(counts, params):
        counted[(group_id, kind)] = (held or 0, cancelled or 0, total or 0)
    out = {}
    for group_id in set(targets) | {g for g, _k in counted}:
        out[group_id] = goals_of(group_id, targets.get(group_id), counted)
    return out


def goals_of(group_id: int, target: tuple[int, int] | None, counted: dict) -> tuple:
    target = target or (DEFAULT_LOKUS_MEETINGS, DEFAULT_COMPETENCE_ACTIVITIES)
    result = []
    for kind, goal in zip(GOAL_KINDS, target, strict=True):
        held, cancelled, total = counted.get((group_id, kind.value), (0, 0, 0))
        result.append(GoalCount(kind.value, goal, held, total - held - cancelled, cancelled))
    return tuple(result)


def default_goals() -> tuple[GoalCount, GoalCount]:
    return goals_of(0, None, {})  # type: ignore[return-value]
