"""The kallelse's state: what was sent, whether it is out of date, which version to send now."""

from datetime import date, timedelta

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


def cancel_sequence(sent_count: int) -> int:
    """The SEQUENCE of a cancellation: one more than the last kallelse sent (whose
    SEQUENCE was ``sent_count - 1``), and above 0 also when none was marked sent
    (one may have been exported and sent all the same)."""
    return max(sent_count, 1)


def reply_by(meeting_date: date) -> date:
    """Anmäl förhinder senast: two working days before the meeting (a Tuesday
    meeting: the Friday before), so an ersättare can be found."""
    day, left = meeting_date, 2
    while left:
        day -= timedelta(days=1)
        if day.weekday() < 5:
            left -= 1
    return day


def usual_length(durations: list[int], default: int = 120) -> int:
    """The group's usual meeting length in minutes: the most common one of its
    meetings with a start and an end (the longer one on a tie), else two hours."""
    counts: dict[int, int] = {}
    for minutes in durations:
        if 15 <= minutes <= 12 * 60:
            counts[minutes] = counts.get(minutes, 0) + 1
    if not counts:
        return default
    return max(counts, key=lambda m: (counts[m], m))
