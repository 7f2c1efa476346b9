"""The Översikt: one block per lokusgrupp, each line something to see or do.

Frozen records handed between the data layer and the screens (no ORM objects).
A line says what it is (``what``) with its dates and names; the words are
written by exports/overview_text.py.

Named tuples, not frozen dataclasses: these are made as lokus starts, before
Översikt shows, and a dataclass costs about 0.7 ms to make (its methods are
compiled from source), a named tuple a fifth of that.
"""

from collections.abc import Sequence
from datetime import date, time
from typing import NamedTuple


class GoalCount(NamedTuple):
    """A goal of the funding decision for one group and year: held against target."""

    kind: str  # db.vocabulary.MeetingKind value
    target: int
    held: int
    planned: int
    cancelled: int


class OverviewLine(NamedTuple):
    """One line of a group's block; Enter opens ``target`` (``target_id``)."""

    what: str  # goals, next_meeting, meeting, notice_late, notice_today, notice_by, …
    target: str  # meeting, actions (of a group), initiative, goals (of a group)
    target_id: int
    tab: str = ""  # the meeting workspace's tab to open (notice, proposals, guests, review …)
    urgent: bool = False
    detail: bool = False  # about the meeting on the line above
    day: date | None = None
    other_day: date | None = None
    start: time | None = None
    name: str = ""  # a kind, guest, action, insats, or the parties not answering
    who: str = ""  # an action item's owner
    number: int = 0  # a year (goals), or how many
    goals: tuple[GoalCount, ...] = ()


class GroupRef(NamedTuple):
    """A group in the overview's order, whether or not its block is on the page shown."""

    group_id: int
    name: str
    own: bool
    urgent: bool  # something to do now


class GroupBlock(NamedTuple):
    group_id: int
    name: str
    own: bool
    lines: tuple[OverviewLine, ...]

    @property
    def urgent(self) -> int:
        return sum(line.urgent for line in self.lines)


class Overview(NamedTuple):
    groups: int
    initiatives: int
    initiatives_running: int
    people: int = 0
    open_actions: int = 0
    overdue_actions: int = 0
    todo: Sequence = ()  # (meeting id, text) to act on now
    blocks: Sequence = ()  # GroupBlock of the page shown
    order: Sequence = ()  # GroupRef of every group, own groups first
    page: int = 0
    pages: int = 1
