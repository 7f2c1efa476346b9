"""What a sent kallelse said, as a short hash: when it differs from the meeting's
current one, the kallelse is out of date.

Standard library only, so the first screen can compute it before SQLAlchemy is
loaded (db/overview.py). Values come from ORM objects or from plain SQL rows;
``normalised`` makes both give the same hash.
"""

import hashlib
import json
from collections.abc import Mapping, Sequence
from datetime import date, time

MEETING_FIELDS = (
    "meeting_date",
    "start_time",
    "end_time",
    "room",
    "address",
    "link",
    "chair_id",
    "title",
)
ITEM_FIELDS = (
    "title",
    "description",
    "kind",
    "presenter_id",
    "presenter_text",
    "minutes_allotted",
    "prep_notes",
    "attachments",
)


def normalised(field: str, value):
    """A stored value as the ORM gives it: SQLite keeps dates and times as text."""
    if isinstance(value, str) and field == "meeting_date":
        return date.fromisoformat(value)
    if isinstance(value, str) and field in ("start_time", "end_time"):
        return time.fromisoformat(value)
    return value


def fingerprint(meeting: Mapping, items: Sequence[Mapping]) -> str:
    payload: list[object] = [str(normalised(f, meeting[f])) for f in MEETING_FIELDS[:3]]
    payload += [meeting[f] for f in MEETING_FIELDS[3:]]
    payload.append([tuple(item[f] for f in ITEM_FIELDS) for item in items])
    return hashlib.sha256(json.dumps(payload, default=str).encode()).hexdigest()[:32]
