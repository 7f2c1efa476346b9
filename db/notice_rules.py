"""The kallelse's state: what was sent, whether it is out of date, which version to send now."""

from db.agenda import items_of
from db.models import (
    AgendaItem,
    Meeting,
)
from db.notice_fingerprint import ITEM_FIELDS, MEETING_FIELDS, fingerprint
from db.versioning import saved_id


def notice_fingerprint(meeting: Meeting, items: list[AgendaItem]) -> str:
    return fingerprint(
        {f: getattr(meeting, f) for f in MEETING_FIELDS},
        [{f: getattr(i, f) for f in ITEM_FIELDS} for i in items],
    )


def outdated_map(s, meetings: list[Meeting]) -> dict[int, bool]:
    out = {}
    for m in meetings:
        if m.notice_sent_date and m.notice_fingerprint and m.status in ("planned", "notice_sent"):
            meeting_id = saved_id(m)
            out[meeting_id] = notice_fingerprint(m, items_of(s, meeting_id)) != m.notice_fingerprint
    return out


def notice_is_outdated(sent_fingerprint: str, current_fingerprint: str) -> bool:
    """The rule: a kallelse that was sent is out of date when what it says changed."""
    return bool(sent_fingerprint) and sent_fingerprint != current_fingerprint


def notice_version(sent_count: int, outdated: bool) -> tuple[int, bool]:
    """(SEQUENCE, is_update) of the kallelse to send now.

    Nothing sent yet: SEQUENCE 0, not an update. Sent ``n`` times and unchanged
    since: it is the last one sent again (SEQUENCE n-1, an update when n > 1).
    Changed since the last one sent: a new update with SEQUENCE n."""
    if sent_count <= 0:
        return 0, False
    if outdated:
        return sent_count, True
    return sent_count - 1, sent_count > 1
