"""The plain SQL of the Översikt (db/overview.py): standard-library friendly, named
parameters, run through SQLAlchemy or straight through ``sqlite3``.

Two kinds: ``URGENT`` and the counts read every group at once, cheaply, to order
the groups (own first, then those with something to do now); the rest read only
the groups of the page shown (``:groups``, a JSON list of ids)."""

from db.notice_fingerprint import ITEM_FIELDS, MEETING_FIELDS

COMING = "m.status IN ('planned', 'notice_sent')"
ON_PAGE = "m.group_id IN (SELECT value FROM json_each(:groups))"

COUNTS = """
SELECT (SELECT count(*) FROM lokus_group WHERE archived_at IS NULL),
       (SELECT count(*) FROM initiative),
       (SELECT count(*) FROM person),
       (SELECT count(*) FROM actionitem WHERE status = 'open'),
       (SELECT count(*) FROM actionitem WHERE status = 'open' AND due_date < :today)
"""
GROUPS = """
SELECT id, name,
       EXISTS (SELECT 1 FROM own_group o
               WHERE o.group_id = lokus_group.id AND o.user_name IN (:user, '')) AS own,
       notice_lead_days, points_lead_days, minutes_send_days, minutes_final_days
FROM lokus_group WHERE archived_at IS NULL
"""
# An insats's period: its own dates, else those of its funding decisions (looked up
# per insats through the decisions' index: a join with every insats's decisions
# grouped made SQLite build a temporary index each time, 0.7 of 0.8 ms at scale 50).
_PERIODS = """
SELECT i.id, i.name, i.group_id, i.manual_status,
       coalesce(i.start_date, (SELECT min(d.start_date) FROM fundingdecision d
                               WHERE d.initiative_id = i.id)) AS start_day,
       coalesce(i.end_date, (SELECT max(d.end_date) FROM fundingdecision d
                             WHERE d.initiative_id = i.id)) AS end_day
FROM initiative i
"""
RUNNING = f"""
SELECT count(*) FROM ({_PERIODS}) p
WHERE p.manual_status = '' AND (p.start_day IS NOT NULL OR p.end_day IS NOT NULL)
  AND (p.start_day IS NULL OR p.start_day <= :today) AND (p.end_day IS NULL OR p.end_day >= :today)
"""
ENDING = f"""
SELECT p.id, p.group_id, p.name, p.end_day FROM ({_PERIODS}) p
WHERE p.manual_status = '' AND p.group_id IN (SELECT value FROM json_each(:groups))
  AND p.end_day >= :today AND p.end_day <= :in_90_days
  AND (p.start_day IS NULL OR p.start_day <= :today)
ORDER BY p.end_day, p.id
"""
# Every coming meeting of the next year: the first of each group is its next meeting.
COMING_MEETINGS = f"""
SELECT m.id, m.group_id, m.meeting_date, m.start_time, m.kind, m.notice_planned_date,
       m.notice_sent_date, m.points_deadline
FROM meeting m
WHERE m.meeting_date >= :today AND m.meeting_date <= :year_ahead AND {COMING} AND {ON_PAGE}
ORDER BY m.meeting_date, m.start_time, m.id
"""
POINTS_OPEN = f"""
SELECT pr.meeting_id, o.name FROM pointsrequest pr
JOIN meeting m ON m.id = pr.meeting_id JOIN organisation o ON o.id = pr.organisation_id
WHERE m.meeting_date >= :today AND {COMING} AND {ON_PAGE}
  AND pr.asked_date IS NOT NULL AND pr.answered_date IS NULL
ORDER BY o.name, o.id
"""
GUESTS_OPEN = f"""
SELECT gi.meeting_id, p.name, gi.status, gi.follow_up_date FROM guestinvitation gi
JOIN meeting m ON m.id = gi.meeting_id JOIN person p ON p.id = gi.person_id
WHERE m.meeting_date >= :today AND {COMING} AND gi.status IN ('idea', 'asked') AND {ON_PAGE}
ORDER BY gi.follow_up_date, gi.id
"""
# Meetings of the last year whose minutes are not fastställda yet.
_MINUTES_OPEN = """
m.meeting_date <= :today AND m.meeting_date >= :year_ago AND m.status != 'cancelled'
AND (m.meeting_date < :today OR m.status NOT IN ('planned', 'notice_sent'))
AND coalesce(mi.status, 'draft') != 'final'
"""
MINUTES_OPEN = f"""
SELECT m.id, m.group_id, m.meeting_date, coalesce(mi.status, 'draft'), mi.comment_deadline
FROM meeting m LEFT JOIN minutes mi ON mi.meeting_id = m.id
WHERE {_MINUTES_OPEN} AND {ON_PAGE}
ORDER BY m.meeting_date, m.id
"""
ACTIONS_OVERDUE = f"""
SELECT a.id, m.group_id, a.text, coalesce(nullif(p.name, ''), a.owner_text, ''), a.due_date,
       a.meeting_id
FROM actionitem a JOIN meeting m ON m.id = a.meeting_id
LEFT JOIN person p ON p.id = a.owner_id
WHERE a.status = 'open' AND a.due_date < :today AND {ON_PAGE}
ORDER BY a.due_date, a.id
"""
# Groups with something to do now: the same rules as the blocks' urgent lines
# (db/overview.py; a test holds them together), for every group at once.
URGENT = f"""
SELECT m.group_id FROM meeting m JOIN lokus_group g ON g.id = m.group_id
WHERE m.meeting_date >= :today AND m.meeting_date <= :year_ahead AND {COMING}
  AND m.notice_sent_date IS NULL
  AND coalesce(m.notice_planned_date,
               date(m.meeting_date, '-' || g.notice_lead_days || ' days')) <= :today
UNION ALL
SELECT m.group_id FROM guestinvitation gi JOIN meeting m ON m.id = gi.meeting_id
WHERE m.meeting_date >= :today AND {COMING} AND gi.status IN ('idea', 'asked')
  AND gi.follow_up_date < :today
UNION ALL
SELECT m.group_id FROM meeting m JOIN lokus_group g ON g.id = m.group_id
LEFT JOIN minutes mi ON mi.meeting_id = m.id
WHERE {_MINUTES_OPEN}
  AND ((coalesce(mi.status, 'draft') = 'draft'
        AND date(m.meeting_date, '+' || g.minutes_send_days || ' days') < :today)
       OR (mi.status = 'in_review'
           AND (mi.comment_deadline IS NULL OR mi.comment_deadline < :today)))
UNION ALL
SELECT m.group_id FROM actionitem a JOIN meeting m ON m.id = a.meeting_id
WHERE a.status = 'open' AND a.due_date < :today
"""
NOTICES_SENT = f"""
SELECT m.id, m.group_id, m.notice_fingerprint, {", ".join("m." + f for f in MEETING_FIELDS)}
FROM meeting m
WHERE m.meeting_date >= :today AND m.notice_sent_date IS NOT NULL
  AND m.notice_fingerprint != '' AND {COMING}
ORDER BY m.meeting_date, m.id
"""
ITEMS = f"""
SELECT a.meeting_id, {", ".join("a." + f for f in ITEM_FIELDS)} FROM agendaitem a
JOIN meeting m ON m.id = a.meeting_id
WHERE m.meeting_date >= :today AND m.notice_sent_date IS NOT NULL
  AND m.notice_fingerprint != '' AND {COMING}
ORDER BY a.meeting_id, a.position, a.id
"""
