"""Uppföljning: what one or every lokusgrupp did in a year or a period, for the board
and the förbund's verksamhetsberättelse: goals against what was held, every
meeting with attendance per party, minutes, action items, guests, omvärld and
the group's insatser with their money. Plain SQL through ``Database.read_rows``."""

from datetime import date, time

from db.engine import Database
from db.errors import FieldError, ValidationError
from db.goals_counts import default_goals, goal_counts
from db.records import initiative_status
from db.records.follow_up import (
    HELD_STATUSES,
    FollowUp,
    FollowUpMeeting,
    FundingRow,
    GroupFollowUp,
    GuestRow,
    InitiativeFollowUp,
    PartyAttendance,
    PartyRate,
    ScanningRow,
)

IN_GROUP = "(:group IS NULL OR g.id = :group)"
GROUPS = f"SELECT g.id, g.name FROM lokus_group g WHERE {IN_GROUP} ORDER BY g.name, g.id"
MEETINGS = f"""
SELECT m.id, m.group_id, m.meeting_date, m.kind, m.title, m.start_time, m.end_time, m.status,
       coalesce(mi.status, ''), mi.final_date
FROM meeting m JOIN lokus_group g ON g.id = m.group_id
LEFT JOIN minutes mi ON mi.meeting_id = m.id
WHERE m.meeting_date >= :start AND m.meeting_date <= :end AND {IN_GROUP}
ORDER BY m.meeting_date, m.start_time, m.id
"""
ATTENDANCE = f"""
SELECT a.meeting_id, coalesce(o.name, ''), coalesce(o.kind, ''), a.status, a.is_substitute,
       a.is_guest
FROM attendance a JOIN meeting m ON m.id = a.meeting_id JOIN lokus_group g ON g.id = m.group_id
LEFT JOIN organisation o ON o.id = a.organisation_id
WHERE m.meeting_date >= :start AND m.meeting_date <= :end AND {IN_GROUP}
"""
ACTIONS = f"""
SELECT m.group_id, a.status, a.due_date FROM actionitem a
JOIN meeting m ON m.id = a.meeting_id JOIN lokus_group g ON g.id = m.group_id
WHERE m.meeting_date >= :start AND m.meeting_date <= :end AND {IN_GROUP}
"""
GUESTS = f"""
SELECT m.group_id, m.meeting_date, p.name, gi.topic, gi.status FROM guestinvitation gi
JOIN meeting m ON m.id = gi.meeting_id JOIN lokus_group g ON g.id = m.group_id
JOIN person p ON p.id = gi.person_id
WHERE m.meeting_date >= :start AND m.meeting_date <= :end AND {IN_GROUP}
ORDER BY m.meeting_date, gi.id
"""
SCANNING = f"""
SELECT s.group_id, s.entry_date, s.kind, s.title, s.organisation_text FROM scanningentry s
JOIN lokus_group g ON g.id = s.group_id
WHERE s.entry_date >= :start AND s.entry_date <= :end AND {IN_GROUP}
ORDER BY s.entry_date, s.id
"""
INITIATIVES = f"""
SELECT i.id, i.group_id, i.name, i.start_date, i.end_date, i.manual_status FROM initiative i
JOIN lokus_group g ON g.id = i.group_id WHERE {IN_GROUP} ORDER BY i.name, i.id
"""
DECISIONS = f"""
SELECT f.initiative_id, f.reference, f.decision_date, f.start_date, f.end_date,
       f.amount_max_sek, f.id
FROM fundingdecision f JOIN initiative i ON i.id = f.initiative_id
JOIN lokus_group g ON g.id = i.group_id WHERE {IN_GROUP}
ORDER BY f.position, f.id
"""
PER_YEAR = f"""
SELECT f.initiative_id, b.year, sum(b.from_association_sek) FROM budgetline b
JOIN fundingdecision f ON f.id = b.funding_decision_id JOIN initiative i ON i.id = f.initiative_id
JOIN lokus_group g ON g.id = i.group_id WHERE {IN_GROUP}
GROUP BY f.initiative_id, b.year ORDER BY b.year
"""


def _day(value) -> date | None:
    return date.fromisoformat(value[:10]) if isinstance(value, str) else value


def _time(value) -> time | None:
    return time.fromisoformat(value) if isinstance(value, str) else value


def period(year: int | None, start: date | None, end: date | None) -> tuple[date, date, int]:
    """The report's period: a calendar year, or ``start``–``end`` (both given)."""
    if (start is None) != (end is None):
        field = "to" if end is None else "from"
        raise ValidationError([FieldError(field, "Period", "ange både från- och tilldatum")])
    if start is not None and end is not None:
        if end < start:
            raise ValidationError([FieldError("to", "Till", "får inte vara före från-datumet")])
        return start, end, start.year
    if year is None or not 1900 <= year <= 2200:
        raise ValidationError([FieldError("year", "År", "ange ett år, t.ex. 2026")])
    return date(year, 1, 1), date(year, 12, 31), year


def follow_up(
    db: Database, start: date, end: date, today: date, group_id: int | None = None
) -> FollowUp:
    params = {"start": start, "end": end, "group": group_id}
    rows = db.read_rows
    goals = goal_counts(rows, start.year, start, end)
    parties: dict[int, dict[str, list]] = {}
    guests_present: dict[int, int] = {}
    for mid, org, kind, status, substitute, guest in rows(ATTENDANCE, params):
        if guest:
            guests_present[mid] = guests_present.get(mid, 0) + (status == "present")
            continue
        counts = parties.setdefault(mid, {}).setdefault(org, [kind, 0, 0, 0, 0])
        if status == "present" and substitute:
            counts[4] += 1
        else:
            counts[{"present": 1, "excused": 2}.get(status, 3)] += 1
    meetings: dict[int, list[FollowUpMeeting]] = {}
    for r in rows(MEETINGS, params):
        mine = parties.get(r[0], {})
        meetings.setdefault(r[1], []).append(
            FollowUpMeeting(
                r[0], _day(r[2]) or start, r[3], r[4], _time(r[5]), _time(r[6]), r[7], r[8],
                _day(r[9]),
                tuple(PartyAttendance(org, *mine[org]) for org in sorted(mine, key=str.casefold)),
                guests_present.get(r[0], 0),
            )
        )  # fmt: skip
    actions: dict[int, list[int]] = {}
    for gid, status, due in rows(ACTIONS, params):
        c = actions.setdefault(gid, [0, 0, 0, 0])
        due = _day(due)
        c[{"done": 0, "open": 1, "dropped": 3}.get(status, 1)] += 1
        c[2] += status == "open" and due is not None and due < today
    guests: dict[int, list[GuestRow]] = {}
    for gid, day, name, topic, status in rows(GUESTS, params):
        guests.setdefault(gid, []).append(GuestRow(_day(day) or start, name, topic, status))
    scanning: dict[int, list[ScanningRow]] = {}
    for gid, day, kind, title, org in rows(SCANNING, params):
        scanning.setdefault(gid, []).append(ScanningRow(_day(day), kind, title, org))
    initiatives = _initiatives(rows, params, today)
    groups = []
    for gid, name in rows(GROUPS, params):
        held = meetings.get(gid, [])
        a = actions.get(gid, [0, 0, 0, 0])
        groups.append(
            GroupFollowUp(
                gid, name, goals.get(gid) or default_goals(), tuple(held), _rates(held),
                a[0], a[1], a[2], a[3], tuple(guests.get(gid, [])), tuple(scanning.get(gid, [])),
                tuple(initiatives.get(gid, [])),
            )
        )  # fmt: skip
    return FollowUp(start, end, start.year, today, tuple(groups))


def _rates(meetings: list[FollowUpMeeting]) -> tuple[PartyRate, ...]:
    """Per party: of the held meetings, at how many it was there (member or substitute)."""
    held = [m for m in meetings if m.status in HELD_STATUSES]
    names = sorted({p.organisation for m in held for p in m.parties}, key=str.casefold)
    return tuple(
        PartyRate(
            name,
            sum(any(p.organisation == name and p.present + p.substitutes for p in m.parties) for m in held),
            len(held),
        )
        for name in names
    )  # fmt: skip


def _initiatives(rows, params: dict, today: date) -> dict[int, list[InitiativeFollowUp]]:
    decisions: dict[int, list[FundingRow]] = {}
    for iid, ref, day, start, end, amount, _fid in rows(DECISIONS, params):
        decisions.setdefault(iid, []).append(
            FundingRow(ref, _day(day), _day(start), _day(end), amount or 0)
        )
    per_year: dict[int, list[tuple[int, int]]] = {}
    for iid, year, amount in rows(PER_YEAR, params):
        per_year.setdefault(iid, []).append((year, amount or 0))
    out: dict[int, list[InitiativeFollowUp]] = {}
    for iid, gid, name, start, end, manual in rows(INITIATIVES, params):
        mine = decisions.get(iid, [])
        start = _day(start) or min((d.start for d in mine if d.start), default=None)
        end = _day(end) or max((d.end for d in mine if d.end), default=None)
        status = initiative_status(manual, start, end, today)
        out.setdefault(gid, []).append(
            InitiativeFollowUp(
                iid, name, status, start, end, tuple(mine), tuple(per_year.get(iid, []))
            )
        )
    return out
