"""The plain SQL of the Översikt (db/overview.py): standard-library friendly, named
parameters, run through SQLAlchemy or straight through ``sqlite3``."""

from db.notice_fingerprint import ITEM_FIELDS, MEETING_FIELDS

COMING = "m.status IN ('planned', 'notice_sent')"

COUNTS = """
SELECT (SELECT count(*) FROM lokus_group), (SELECT count(*) FROM initiative),
       (SELECT count(*) FROM person),
       (SELECT count(*) FROM actionitem WHERE status = 'open'),
       (SELECT count(*) FROM actionitem WHERE status = 'open' AND due_date < :today)
"""
GROUPS = """
SELECT id, name, own, notice_lead_days, points_lead_days, minutes_send_days,
       minutes_final_days
FROM lokus_group
"""
INITIATIVES = """
SELECT i.id, i.name, coalesce(g.name, ''), coalesce(o.name, ''),
       coalesce(i.start_date, f.fstart), coalesce(i.end_date, f.fend),
       coalesce(f.total, 0), i.manual_status, i.group_id
FROM initiative i
LEFT JOIN lokus_group g ON g.id = i.group_id
LEFT JOIN organisation o ON o.id = i.owner_org_id
LEFT JOIN (SELECT initiative_id, sum(amount_max_sek) AS total, min(start_date) AS fstart,
                  max(end_date) AS fend
           FROM fundingdecision GROUP BY initiative_id) f ON f.initiative_id = i.id
"""
# Every coming meeting of the next year: the first of each group is its next meeting.
COMING_MEETINGS = f"""
SELECT m.id, m.group_id, m.meeting_date, m.start_time, m.kind, m.notice_planned_date,
       m.notice_sent_date, m.points_deadline
FROM meeting m
WHERE m.meeting_date >= :today AND m.meeting_date <= :year_ahead AND {COMING}
ORDER BY m.meeting_date, m.start_time, m.id
"""
POINTS_OPEN = f"""
SELECT pr.meeting_id, o.name FROM pointsrequest pr
JOIN meeting m ON m.id = pr.meeting_id JOIN organisation o ON o.id = pr.organisation_id
WHERE m.meeting_date >= :today AND {COMING}
  AND pr.asked_date IS NOT NULL AND pr.answered_date IS NULL
ORDER BY o.name, o.id
"""
GUESTS_OPEN = f"""
SELECT gi.meeting_id, p.name, gi.status, gi.follow_up_date FROM guestinvitation gi
JOIN meeting m ON m.id = gi.meeting_id JOIN person p ON p.id = gi.person_id
WHERE m.meeting_date >= :today AND {COMING} AND gi.status IN ('idea', 'asked')
ORDER BY gi.follow_up_date, gi.id
"""
# Meetings of the last year whose minutes are not fastställda yet.
MINUTES_OPEN = """
SELECT m.id, m.group_id, m.meeting_date, coalesce(mi.status, 'draft'), mi.comment_deadline
FROM meeting m LEFT JOIN minutes mi ON mi.meeting_id = m.id
WHERE m.meeting_date <= :today AND m.meeting_date >= :year_ago AND m.status != 'cancelled'
  AND (m.meeting_date < :today OR m.status NOT IN ('planned', 'notice_sent'))
  AND coalesce(mi.status, 'draft') != 'final'
ORDER BY m.meeting_date, m.id
"""
ACTIONS_OVERDUE = """
SELECT a.id, m.group_id, a.text, coalesce(nullif(p.name, ''), a.owner_text, ''), a.due_date,
       a.meeting_id
FROM actionitem a JOIN meeting m ON m.id = a.meeting_id
LEFT JOIN person p ON p.id = a.owner_id
WHERE a.status = 'open' AND a.due_date < :today
ORDER BY a.due_date, a.id
"""
NOTICES_SENT = f"""
SELECT m.id, m.meeting_date, g.name, m.notice_fingerprint, {", ".join("m." + f for f in MEETING_FIELDS)}
FROM meeting m JOIN lokus_group g ON g.id = m.group_id
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
