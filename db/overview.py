"""The Översikt, the first screen lokus shows: one block per lokusgrupp saying what
to do (the next meeting's readiness, minutes to write, send and fastställa,
overdue action items, insatser ending, the year's goals).

Plain SQL (db/overview_sql.py) with named parameters and the standard library
only: the same queries run through SQLAlchemy once the database is open
(``Database.read_rows``) and through ``sqlite3`` straight from the file at
start-up (``read_overview_file``), so the first screen shows its data before
SQLAlchemy has been imported. Dates and times come back as objects or as ISO
text depending on the driver; ``_day`` and ``_time`` take both.

Reminders never depend on an optional date: each group has lead times
(kallelse 14 days before the meeting, points 21 days before, minutes sent for
comments within 7 days, fastställda within 30), and a date set on the meeting
itself wins over its lead time.
"""

import json
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, time, timedelta
from pathlib import Path

from db import overview_sql as sql
from db.goals_counts import default_goals, goal_counts
from db.identity import current_user
from db.notice_fingerprint import ITEM_FIELDS, MEETING_FIELDS, fingerprint
from db.records import Overview
from db.records.overview import GroupBlock, GroupRef, OverviewLine
from db.schema import look_uri

Rows = Callable[[str, dict], Sequence[Sequence]]
ACTIONS_SHOWN = 3  # overdue action items listed per group; the rest as one line
PAGE_GROUPS = 10  # group blocks per page


def _day(value) -> date | None:
    return date.fromisoformat(value[:10]) if isinstance(value, str) else value


def _time(value) -> time | None:
    return time.fromisoformat(value) if isinstance(value, str) else value


@dataclass
class _Group:
    id: int
    name: str
    own: bool
    notice_days: int
    points_days: int
    send_days: int
    final_days: int
    lines: list[OverviewLine] = field(default_factory=list)


def get_overview(rows: Rows, today: date, page: int = 0, todo_limit: int = 15) -> Overview:
    """The overview from any reader of SQL rows (``Database.read_rows`` or a file): the
    figures, every group in order (own, then with something to do now, then the rest)
    and the blocks of one page of ``PAGE_GROUPS`` groups."""
    params = _params(today)
    groups_n, initiatives, people, open_actions, overdue = rows(sql.COUNTS, params)[0]
    running = rows(sql.RUNNING, params)[0][0]
    groups = {
        r[0]: _Group(r[0], r[1], bool(r[2]), r[3], r[4], r[5], r[6])
        for r in rows(sql.GROUPS, params)
    }
    stale = _stale_notices(rows, params)
    urgent = {r[0] for r in rows(sql.URGENT, params)} | set(stale.values())
    order = sorted(
        (GroupRef(g.id, g.name, g.own, g.id in urgent) for g in groups.values()),
        key=lambda g: (not g.own, not g.urgent, g.name.casefold(), g.group_id),
    )
    pages = max(1, -(-len(order) // PAGE_GROUPS))
    page = max(0, min(page, pages - 1))
    shown = [groups[g.group_id] for g in order[page * PAGE_GROUPS : (page + 1) * PAGE_GROUPS]]
    todo: list[tuple[int, str]] = []
    blocks = group_blocks(rows, today, shown, set(stale), todo)
    return Overview(
        groups=groups_n,
        initiatives=initiatives,
        initiatives_running=running,
        people=people,
        open_actions=open_actions,
        overdue_actions=overdue,
        todo=todo[:todo_limit],
        blocks=blocks,
        order=order,
        page=page,
        pages=pages,
    )


def _params(today: date) -> dict:
    return {
        "user": current_user(),  # whose own groups come first
        "today": today,
        "year_ahead": today + timedelta(days=366),
        "year_ago": today - timedelta(days=366),
        "in_90_days": today + timedelta(days=90),
    }


def group_blocks(
    rows: Rows, today: date, shown: list[_Group], stale: set[int], todo: list
) -> list[GroupBlock]:
    """The blocks of the ``shown`` groups, in their order."""
    params = {**_params(today), "groups": json.dumps([g.id for g in shown])}
    groups = {g.id: g for g in shown}
    goals = goal_counts(rows, today.year, groups=list(groups))
    for group in shown:
        group.lines = []
        mine = goals.get(group.id) or default_goals()
        group.lines.append(OverviewLine("goals", "goals", group.id, number=today.year, goals=mine))
    _coming(rows, params, today, groups, todo, stale)
    _minutes(rows, params, today, groups, todo)
    _actions(rows, params, groups)
    for iid, gid, name, end in rows(sql.ENDING, params):
        line = OverviewLine("initiative_ending", "initiative", iid, day=_day(end), name=name)
        groups[gid].lines.append(line)
    return [GroupBlock(g.id, g.name, g.own, tuple(g.lines)) for g in shown]


def all_groups(rows: Rows, today: date) -> list[GroupBlock]:
    """Every group's block, in the order of the overview (for checks and reports)."""
    ov = get_overview(rows, today)
    groups = {
        r[0]: _Group(r[0], r[1], bool(r[2]), r[3], r[4], r[5], r[6])
        for r in rows(sql.GROUPS, _params(today))
    }
    stale = set(_stale_notices(rows, _params(today)))
    return group_blocks(rows, today, [groups[g.group_id] for g in ov.order], stale, [])


# What the coordinator should do now, as one short line (Overview.todo; ISO dates).
TODO_TEXT = {
    "notice_late": "kallelsen skulle ha skickats",
    "notice_today": "kallelsen ska skickas i dag",
    "notice_stale": "kallelsen är inaktuell — skicka en uppdatering",
    "guest_follow_up": "följ upp gästen",
    "minutes_late": "anteckningarna skulle ha skickats på remiss",
    "minutes_finalise": "tiden för synpunkter har gått ut — fastställ",
}


def _todo(todo: list, group: _Group, day: date, line: OverviewLine) -> None:
    if line.urgent and line.what in TODO_TEXT:
        extra = f" {line.name}" if line.what == "guest_follow_up" else ""
        todo.append((line.target_id, f"{group.name} {day}: {TODO_TEXT[line.what]}{extra}"))


def _coming(
    rows: Rows, params: dict, today: date, groups: dict, todo: list, stale: set[int]
) -> None:
    """The next meeting of each group with its readiness; later meetings only when
    something is due (a kallelse to send, an out-of-date kallelse, a guest)."""
    points: dict[int, list[str]] = {}
    for mid, name in rows(sql.POINTS_OPEN, params):
        points.setdefault(mid, []).append(name)
    guests: dict[int, list[tuple]] = {}
    for mid, name, status, follow_up in rows(sql.GUESTS_OPEN, params):
        guests.setdefault(mid, []).append((name, status, _day(follow_up)))
    seen: set[int] = set()
    for r in rows(sql.COMING_MEETINGS, params):
        mid, gid, day, start, kind = r[0], r[1], _day(r[2]), _time(r[3]), r[4]
        planned, sent, deadline = _day(r[5]), _day(r[6]), _day(r[7])
        group = groups.get(gid)
        if group is None or day is None:
            continue
        first = gid not in seen
        seen.add(gid)
        details: list[OverviewLine] = []

        def add(what: str, tab: str, urgent: bool = False, mid=mid, details=details, **data):
            details.append(
                OverviewLine(what, "meeting", mid, tab, urgent=urgent, detail=True, **data)
            )

        if sent is None:
            due = planned or day - timedelta(days=group.notice_days)
            if due < today:
                add("notice_late", "notice", True, day=due)
            elif due == today:
                add("notice_today", "notice", True, day=due)
            elif first:
                add("notice_by", "notice", day=due)
        elif mid in stale:
            add("notice_stale", "notice", True)
        elif first:
            add("notice_sent", "notice", day=sent)
        if first:
            cutoff = deadline or day - timedelta(days=group.points_days)
            waiting = points.get(mid, [])
            if waiting:
                add(
                    "points_waiting",
                    "proposals",
                    day=cutoff,
                    name=", ".join(waiting),
                    number=len(waiting),
                )
            elif cutoff >= today:
                add("points_by", "proposals", day=cutoff)
        for name, status, follow_up in guests.get(mid, []):
            if follow_up is not None and follow_up < today:
                add("guest_follow_up", "guests", True, day=follow_up, name=name, who=status)
            elif first:
                add("guest_unconfirmed", "guests", name=name, who=status)
        if not first and not any(d.urgent for d in details):
            continue
        what = "next_meeting" if first else "meeting"
        group.lines.append(
            OverviewLine(what, "meeting", mid, "agenda", day=day, start=start, name=kind)
        )
        group.lines.extend(details)
        for line in details:
            _todo(todo, group, day, line)


def _minutes(rows: Rows, params: dict, today: date, groups: dict, todo: list) -> None:
    """Minutes of the last year to write, send for comments and fastställa."""
    for mid, gid, day, status, deadline in rows(sql.MINUTES_OPEN, params):
        group, day, deadline = groups.get(gid), _day(day), _day(deadline)
        if group is None or day is None:
            continue
        if status == "draft":
            due = day + timedelta(days=group.send_days)
            what, tab, urgent = (
                ("minutes_late", "review", True)
                if due < today
                else ("minutes_write", "notes", False)
            )
        elif deadline is not None and deadline >= today:
            due, what, tab, urgent = deadline, "minutes_comments", "review", False
        else:
            due = day + timedelta(days=group.final_days)
            what, tab, urgent = "minutes_finalise", "review", True
        line = OverviewLine(what, "meeting", mid, tab, urgent=urgent, day=day, other_day=due)
        group.lines.append(line)
        _todo(todo, group, day, line)


def _actions(rows: Rows, params: dict, groups: dict) -> None:
    late: dict[int, list] = {}
    for r in rows(sql.ACTIONS_OVERDUE, params):
        late.setdefault(r[1], []).append(r)
    for gid, items in late.items():
        group = groups.get(gid)
        if group is None:
            continue
        for _id, _gid, text, owner, due, _mid in items[:ACTIONS_SHOWN]:
            group.lines.append(
                OverviewLine(
                    "action_late", "actions", gid, urgent=True, day=_day(due), name=text, who=owner
                )
            )
        if len(items) > ACTIONS_SHOWN:
            more = len(items) - ACTIONS_SHOWN
            group.lines.append(
                OverviewLine("actions_more", "actions", gid, urgent=True, number=more)
            )


def _stale_notices(rows: Rows, params: dict) -> dict[int, int]:
    """{meeting id: group id} of coming meetings whose sent kallelse no longer says what
    the meeting says."""
    items: dict[int, list[dict]] = {}
    for r in rows(sql.ITEMS, params):
        items.setdefault(r[0], []).append(dict(zip(ITEM_FIELDS, r[1:], strict=True)))
    out = {}
    for r in rows(sql.NOTICES_SENT, params):
        mid, gid, sent = r[0], r[1], r[2]
        if fingerprint(dict(zip(MEETING_FIELDS, r[3:], strict=True)), items.get(mid, [])) != sent:
            out[mid] = gid
    return out


def read_overview_file(path: Path, today: date, page: int = 0) -> Overview:
    """The overview read straight from a SQLite file with the standard library, leaving
    no trace (start-up, before the database layer is loaded). sqlite3.Error propagates."""
    con = sqlite3.connect(look_uri(path), uri=True, timeout=2)
    try:

        def rows(sql: str, params: dict) -> list[tuple]:
            plain = {k: v.isoformat() if isinstance(v, date) else v for k, v in params.items()}
            return con.execute(sql, plain).fetchall()

        return get_overview(rows, today, page)
    finally:
        con.close()
