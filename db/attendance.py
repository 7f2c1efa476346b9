"""Närvaro: who came to a meeting, per party; substitutes and guests."""

from sqlalchemy import select
from sqlmodel import col

from db.engine import Database
from db.errors import (
    FieldError,
    NotFoundError,
    ValidationError,
)
from db.groups import members_of
from db.meeting_rules import ensure_record_open, update_held
from db.meetings import meeting_or_error
from db.models import (
    Attendance,
    GuestInvitation,
    Meeting,
    Organisation,
    Person,
)
from db.records import (
    AttendanceRow,
    PartyCount,
)
from db.versioning import check_version, touch
from db.vocabulary import AttendanceStatus


def attendance_list(db: Database, meeting_id: int) -> list[AttendanceRow]:
    """Every member of the group, then substitutes and guests, with their status."""
    with db.session() as s:
        m = meeting_or_error(s, meeting_id)
        return attendance_rows(s, m)


def attendance_rows(s, m: Meeting) -> list[AttendanceRow]:
    marks = {
        a.person_id: a
        for a in s.execute(select(Attendance).where(col(Attendance.meeting_id) == m.id)).scalars()
    }
    rows = []
    member_ids = set()
    for member in members_of(s, m.group_id, include_archived=True):
        mark = marks.get(member.person_id)
        if member.archived and mark is None:
            continue  # archived people stay where they were recorded, nowhere else
        member_ids.add(member.person_id)
        rows.append(
            AttendanceRow(
                member.person_id,
                member.name,
                member.organisation_id,
                member.organisation_name,
                member.role,
                mark.status if mark else None,
                version=mark.version if mark else None,
            )
        )
    guests = {
        g.person_id
        for g in s.execute(
            select(GuestInvitation).where(
                col(GuestInvitation.meeting_id) == m.id,
                col(GuestInvitation.status).in_(("confirmed", "presented")),
            )
        ).scalars()
    }
    extra_ids = (set(marks) | guests) - member_ids
    if extra_ids:
        people = s.execute(
            select(Person, col(Organisation.name))
            .outerjoin(Organisation, col(Organisation.id) == col(Person.organisation_id))
            .where(col(Person.id).in_(extra_ids))
        ).all()
        extras = []
        for person, org in people:
            mark = marks.get(person.id)
            is_guest = mark.is_guest if mark else True
            extras.append(
                AttendanceRow(
                    person.id,
                    person.name,
                    person.organisation_id,
                    org or "",
                    "",
                    mark.status if mark else None,
                    is_substitute=bool(mark and mark.is_substitute),
                    is_guest=is_guest and not (mark and mark.is_substitute),
                    version=mark.version if mark else None,
                )
            )
        rows += sorted(extras, key=lambda r: (r.is_guest, r.organisation_name, r.name))
    return rows


def set_attendance(
    db: Database,
    meeting_id: int,
    person_id: int,
    status: str,
    expected_version: int | None,
    is_substitute: bool | None = None,
    is_guest: bool | None = None,
) -> bool:
    """Mark one person; ``expected_version`` is the mark as seen (None: not marked yet).

    Returns True when the meeting became held by it (see db.meeting_rules)."""
    if status not in AttendanceStatus.values():
        raise ValidationError([FieldError("status", "Närvaro", "okänt värde")])
    with db.session() as s:
        m = meeting_or_error(s, meeting_id)
        ensure_record_open(s, meeting_id)
        person = s.get(Person, person_id)
        if person is None:
            raise NotFoundError("Personen finns inte (längre).")
        row = s.execute(
            select(Attendance).where(
                col(Attendance.meeting_id) == meeting_id, col(Attendance.person_id) == person_id
            )
        ).scalar()
        check_version(row, expected_version, "Närvaron")
        if row is None:
            row = Attendance(
                meeting_id=meeting_id, person_id=person_id, organisation_id=person.organisation_id
            )
            s.add(row)
        row.status = status
        if is_substitute is not None:
            row.is_substitute = is_substitute
        if is_guest is not None:
            row.is_guest = is_guest
        touch(row)
        return update_held(s, m)


def add_substitute(db: Database, meeting_id: int, person_id: int) -> None:
    """An ersättare who came: present, marked as substitute (an addition, not an edit)."""
    with db.session() as s:
        row = s.execute(
            select(Attendance).where(
                col(Attendance.meeting_id) == meeting_id, col(Attendance.person_id) == person_id
            )
        ).scalar()
        version = row.version if row else None
    set_attendance(
        db, meeting_id, person_id, "present", version, is_substitute=True, is_guest=False
    )


def party_counts(rows: list[AttendanceRow]) -> list[PartyCount]:
    """Present, absent and excused per party (guests not counted)."""
    counts: dict[str, list[int]] = {}
    for r in rows:
        if r.is_guest:
            continue
        c = counts.setdefault(r.organisation_name or "Utan organisation", [0, 0, 0])
        if r.status == "present":
            c[0] += 1
        elif r.status == "absent":
            c[1] += 1
        elif r.status == "excused":
            c[2] += 1
    return [PartyCount(name, *c) for name, c in sorted(counts.items())]
