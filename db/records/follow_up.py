"""The year's follow-up (Uppföljning) of one or every lokusgrupp: plain data for the
report (exports/follow_up.py) and its screen. No ORM objects."""

from dataclasses import dataclass
from datetime import date, time

from db.records.overview import GoalCount


@dataclass(frozen=True)
class PartyAttendance:
    organisation: str
    kind: str  # db.vocabulary.OrganisationKind value ("" when unknown)
    present: int  # members present (substitutes not included)
    excused: int  # anmält förhinder
    absent: int
    substitutes: int  # ersättare present


@dataclass(frozen=True)
class FollowUpMeeting:
    id: int
    day: date
    kind: str
    title: str
    start: time | None
    end: time | None
    status: str
    minutes_status: str
    final_date: date | None
    parties: tuple[PartyAttendance, ...]
    guests_present: int = 0


@dataclass(frozen=True)
class PartyRate:
    organisation: str
    attended: int  # held meetings where the party was there (a member or a substitute)
    held: int


@dataclass(frozen=True)
class GuestRow:
    day: date
    name: str
    topic: str
    status: str


@dataclass(frozen=True)
class ScanningRow:
    day: date | None
    kind: str
    title: str
    organisation: str


@dataclass(frozen=True)
class FundingRow:
    reference: str
    decision_date: date | None
    start: date | None
    end: date | None
    amount: int


@dataclass(frozen=True)
class InitiativeFollowUp:
    id: int
    name: str
    status: str
    start: date | None
    end: date | None
    decisions: tuple[FundingRow, ...]
    per_year: tuple[tuple[int, int], ...]  # (year, from the förbund)


@dataclass(frozen=True)
class GroupFollowUp:
    group_id: int
    name: str
    goals: tuple[GoalCount, ...]
    meetings: tuple[FollowUpMeeting, ...]
    rates: tuple[PartyRate, ...]
    actions_done: int
    actions_open: int
    actions_overdue: int
    actions_dropped: int
    guests: tuple[GuestRow, ...]
    scanning: tuple[ScanningRow, ...]
    initiatives: tuple[InitiativeFollowUp, ...]

    @property
    def held(self) -> tuple[FollowUpMeeting, ...]:
        return tuple(m for m in self.meetings if m.status in HELD_STATUSES)

    @property
    def final_days(self) -> tuple[int, ...]:
        """Days from each held meeting to its fastställda minutes."""
        return tuple(
            (m.final_date - m.day).days
            for m in self.meetings
            if m.minutes_status == "final" and m.final_date is not None
        )


HELD_STATUSES = ("held", "minutes_in_review", "minutes_final")


@dataclass(frozen=True)
class FollowUp:
    start: date
    end: date
    year: int
    made: date
    groups: tuple[GroupFollowUp, ...]
