"""Has anything changed since a screen last read its data? A cheap stamp per view,
read every few seconds by the app, so that what a colleague (or another window)
saves appears without a restart. Edits that raced still meet the version checks.

A stamp is the number of rows and the sum of their versions in the tables a view
shows: an insert or a delete changes the count, every update raises a version (the
clocks of other machines play no part)."""

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the first screen imports this before SQLAlchemy is loaded
    from db.engine import Database

LISTS = {
    "meetings": ("meeting", "lokus_group", "agendaitem"),
    "initiatives": ("initiative", "fundingdecision", "lokus_group", "organisation", "person"),
    "contacts": ("person", "organisation", "membership", "lokus_group"),
    "scanning": ("scanningentry",),
    "actions": ("actionitem", "person", "meeting"),
    "overview": (
        "meeting",
        "actionitem",
        "guestinvitation",
        "agendaproposal",
        "pointsrequest",
        "minutes",
        "initiative",
        "fundingdecision",
        "lokus_group",
        "group_goal",
    ),
}
# A meeting's own rows: (table, the condition that ties a row to the meeting :m)
_ITEMS = "agenda_item_id IN (SELECT id FROM agendaitem WHERE meeting_id = :m)"
MEETING_ROWS = (
    ("meeting", "id = :m"),
    ("agendaitem", "meeting_id = :m"),
    ("attendance", "meeting_id = :m"),
    ("guestinvitation", "meeting_id = :m"),
    ("agendaproposal", "meeting_id = :m"),
    ("pointsrequest", "meeting_id = :m"),
    ("actionitem", "meeting_id = :m"),
    ("minutes", "meeting_id = :m"),
    ("exportrecord", "meeting_id = :m"),
    ("decision", _ITEMS),
    ("minutescomment", "minutes_id IN (SELECT id FROM minutes WHERE meeting_id = :m)"),
)


def _stamp(db: "Database", parts: list[tuple[str, str]], params: dict) -> tuple:
    sql = "SELECT " + ", ".join(
        f"(SELECT count(*) FROM {table} WHERE {where}), "
        f"(SELECT coalesce(sum(version), 0) FROM {table} WHERE {where})"
        for table, where in parts
    )
    return tuple(db.read_rows(sql, params)[0])


def list_stamp(db: "Database", view: str) -> tuple:
    """The stamp of one of the section lists (a key of LISTS)."""
    return _stamp(db, [(table, "1 = 1") for table in LISTS[view]], {})


def meeting_stamp(db: "Database", meeting_id: int) -> tuple:
    """The stamp of one meeting with its agenda, attendance, guests, notes, minutes."""
    return _stamp(db, list(MEETING_ROWS), {"m": meeting_id})
