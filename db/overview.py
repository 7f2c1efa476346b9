"""Numbers for the Översikt section, the first screen lokus shows.

Plain SQL with named parameters and the standard library only: the same queries
run through SQLAlchemy once the database is open (``Database.read_rows``) and
through ``sqlite3`` straight from the file at start-up (``read_overview_file``),
so the first screen shows its data before SQLAlchemy has been imported. Dates
come back as ``date`` objects or as ISO text depending on the driver;
``_day`` takes both.
"""

import sqlite3
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from pathlib import Path

from db.notice_fingerprint import ITEM_FIELDS, MEETING_FIELDS, fingerprint
from db.records import InitiativeRow, Overview, initiative_status
from db.schema import look_uri
from db.vocabulary import InitiativeStatus

Rows = Callable[[str, dict], Sequence[Sequence]]

COUNTS = """
SELECT (SELECT count(*) FROM lokus_group), (SELECT count(*) FROM initiative),
       (SELECT count(*) FROM person),
       (SELECT count(*) FROM actionitem WHERE status = 'open'),
       (SELECT count(*) FROM actionitem WHERE status = 'open' AND due_date < :today)
"""
INITIATIVES = """
SELECT i.id, i.name, coalesce(g.name, ''), coalesce(o.name, ''),
       coalesce(i.start_date, f.fstart), coalesce(i.end_date, f.fend),
       coalesce(f.total, 0), i.manual_status
FROM initiative i
LEFT JOIN lokus_group g ON g.id = i.group_id
LEFT JOIN organisation o ON o.id = i.owner_org_id
LEFT JOIN (SELECT initiative_id, sum(amount_max_sek) AS total, min(start_date) AS fstart,
                  max(end_date) AS fend
           FROM fundingdecision GROUP BY initiative_id) f ON f.initiative_id = i.id
"""
UPCOMING = """
SELECT m.meeting_date, g.name, m.kind, m.id FROM meeting m JOIN lokus_group g ON g.id = m.group_id
WHERE m.meeting_date >= :today AND m.meeting_date <= :until AND m.status != 'cancelled'
ORDER BY m.meeting_date, m.id LIMIT 8
"""
NOTICE_DUE = """
SELECT m.id, m.meeting_date, g.name FROM meeting m JOIN lokus_group g ON g.id = m.group_id
WHERE m.status = 'planned' AND m.meeting_date >= :today AND m.notice_planned_date <= :today
ORDER BY m.meeting_date, m.id LIMIT :limit
"""
REVIEW_OVER = """
SELECT m.id, m.meeting_date, g.name FROM meeting m JOIN lokus_group g ON g.id = m.group_id
JOIN minutes mi ON mi.meeting_id = m.id
WHERE mi.status = 'in_review' AND mi.comment_deadline < :today
ORDER BY m.meeting_date, m.id LIMIT :limit
"""
GUESTS_DUE = """
SELECT m.id, m.meeting_date, g.name, p.name FROM guestinvitation gi
JOIN meeting m ON m.id = gi.meeting_id JOIN lokus_group g ON g.id = m.group_id
JOIN person p ON p.id = gi.person_id
WHERE gi.status IN ('idea', 'asked') AND gi.follow_up_date < :today
ORDER BY gi.follow_up_date, gi.id LIMIT :limit
"""
NOTICES_SENT = f"""
SELECT m.id, m.meeting_date, g.name, m.notice_fingerprint, {", ".join("m." + f for f in MEETING_FIELDS)}
FROM meeting m JOIN lokus_group g ON g.id = m.group_id
WHERE m.meeting_date >= :today AND m.notice_sent_date IS NOT NULL
  AND m.notice_fingerprint != '' AND m.status IN ('planned', 'notice_sent')
ORDER BY m.meeting_date, m.id
"""
ITEMS = f"""
SELECT a.meeting_id, {", ".join("a." + f for f in ITEM_FIELDS)} FROM agendaitem a
JOIN meeting m ON m.id = a.meeting_id
WHERE m.meeting_date >= :today AND m.notice_sent_date IS NOT NULL
  AND m.notice_fingerprint != '' AND m.status IN ('planned', 'notice_sent')
ORDER BY a.meeting_id, a.position, a.id
"""


def _day(value) -> date | None:
    return date.fromisoformat(value) if isinstance(value, str) else value


def get_overview(rows: Rows, today: date, todo_limit: int = 15) -> Overview:
    """The overview from any reader of SQL rows (``Database.read_rows`` or a file)."""
    params = {"today": today, "until": today + timedelta(days=60), "limit": todo_limit}
    groups, initiatives, people, open_actions, overdue = rows(COUNTS, params)[0]
    ending, running = [], 0
    for r in rows(INITIATIVES, params):
        start, end = _day(r[4]), _day(r[5])
        status = initiative_status(r[7], start, end, today)
        running += status in (InitiativeStatus.RUNNING, InitiativeStatus.ENDING_SOON)
        if status == InitiativeStatus.ENDING_SOON:
            ending.append(InitiativeRow(r[0], r[1], r[2], r[3], start, end, r[6] or 0, status))
    ending.sort(key=lambda row: (row.end_date, row.id))
    upcoming = [(_day(d), g, k, i) for d, g, k, i in rows(UPCOMING, params)]
    return Overview(
        groups=groups,
        initiatives=initiatives,
        initiatives_running=running,
        initiatives_ending=ending[:20],
        people=people,
        upcoming_meetings=upcoming,
        open_actions=open_actions,
        overdue_actions=overdue,
        todo=_todo(rows, params)[:todo_limit],
    )


def _todo(rows: Rows, params: dict) -> list[tuple[int, str]]:
    """What the coordinator should act on now, meeting by meeting."""
    out = [
        (mid, f"{g} {_day(d)}: kallelsen skulle ha skickats")
        for mid, d, g in rows(NOTICE_DUE, params)
    ]
    out += [
        (mid, f"{g} {_day(d)}: tiden för synpunkter har gått ut — fastställ")
        for mid, d, g in rows(REVIEW_OVER, params)
    ]
    out += [
        (mid, f"{g} {_day(d)}: följ upp gästen {p}") for mid, d, g, p in rows(GUESTS_DUE, params)
    ]
    items: dict[int, list[dict]] = {}
    for r in rows(ITEMS, params):
        items.setdefault(r[0], []).append(dict(zip(ITEM_FIELDS, r[1:], strict=True)))
    for r in rows(NOTICES_SENT, params):
        mid, day, group, sent = r[:4]
        current = fingerprint(dict(zip(MEETING_FIELDS, r[4:], strict=True)), items.get(mid, []))
        if current != sent:
            out.append(
                (mid, f"{group} {_day(day)}: kallelsen är inaktuell — skicka en uppdatering")
            )
    return out


def read_overview_file(path: Path, today: date) -> Overview:
    """The overview read straight from a SQLite file with the standard library, leaving
    no trace (start-up, before the database layer is loaded). sqlite3.Error propagates."""
    con = sqlite3.connect(look_uri(path), uri=True, timeout=2)
    try:

        def rows(sql: str, params: dict) -> list[tuple]:
            plain = {k: v.isoformat() if isinstance(v, date) else v for k, v in params.items()}
            return con.execute(sql, plain).fetchall()

        return get_overview(rows, today)
    finally:
        con.close()
