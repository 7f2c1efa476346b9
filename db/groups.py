"""Lokusgrupper (listing and picking them) and their members."""

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlmodel import col

from db import clock
from db.engine import Database
from db.errors import FieldError, LokusError, NotFoundError, ValidationError
from db.models import (
    Group,
    Membership,
    Organisation,
    Person,
)
from db.records import (
    GroupRow,
    MemberView,
    Option,
)
from db.validation import Errors, check_text
from db.versioning import check_version, get_row, saved_id, touch
from db.vocabulary import MembershipRole


def list_groups(db: Database) -> list[GroupRow]:
    """Every group, the archived ones last."""
    members = (
        select(func.count(col(Membership.id)))
        .where(col(Membership.group_id) == col(Group.id))
        .correlate(Group)
        .scalar_subquery()
    )
    with db.session() as s:
        rows = s.execute(
            select(
                col(Group.id),
                col(Group.name),
                col(Group.municipality),
                members,
                col(Person.name),
                col(Group.version),
                col(Group.archived_at),
            )
            .outerjoin(Person, col(Person.id) == col(Group.coordinator_id))
            .order_by(col(Group.archived_at).is_not(None), col(Group.name))
        ).all()
    return [GroupRow(i, n, m, c, p or "", v, a is not None) for i, n, m, c, p, v, a in rows]


def group_options(db: Database, include_archived: bool = False) -> list[Option]:
    """The groups to pick from; an archived group only when asked for (a record that
    already belongs to it, a report of earlier years)."""
    query = select(col(Group.id), col(Group.name)).order_by(col(Group.name))
    if not include_archived:
        query = query.where(col(Group.archived_at).is_(None))
    with db.session() as s:
        return [Option(r.id, r.name) for r in s.execute(query)]


def _checked(name: str, municipality: str) -> Errors:
    """A group's name and municipality as typed; ValidationError when they cannot be."""
    errors = Errors()
    check_text(name, "name", "Namn", errors, required=True)
    check_text(municipality, "municipality", "Kommun", errors)
    if errors:
        raise ValidationError(errors)
    return errors


def _name_taken(errors: Errors, name: str) -> ValidationError:
    errors.add("name", "Namn", f"det finns redan en lokusgrupp som heter ”{name.strip()}”")
    return ValidationError(errors)


def update_group(
    db: Database, group_id: int, name: str, municipality: str, expected_version: int
) -> None:
    """Rename a group (a typo, a new name after a merger) or change its municipality."""
    errors = _checked(name, municipality)
    try:
        with db.session() as s:
            group = get_row(s, Group, group_id, "Lokusgruppen")
            check_version(group, expected_version, "Lokusgruppen")
            group.name, group.municipality = name.strip(), municipality.strip()
            touch(group)
    except IntegrityError as exc:
        raise _name_taken(errors, name) from exc


def archive_group(db: Database, group_id: int, archived: bool, expected_version: int) -> None:
    """Archive a group (it keeps its meetings, minutes and insatser) or restore it."""
    with db.session() as s:
        group = get_row(s, Group, group_id, "Lokusgruppen")
        check_version(group, expected_version, "Lokusgruppen")
        if (group.archived_at is not None) != archived:
            group.archived_at = clock.utcnow() if archived else None
            touch(group)


def create_group(
    db: Database, name: str, municipality: str = "", coordinator_id: int | None = None
) -> int:
    errors = _checked(name, municipality)
    try:
        with db.session() as s:
            g = Group(
                name=name.strip(), municipality=municipality.strip(), coordinator_id=coordinator_id
            )
            s.add(g)
            s.flush()
            if coordinator_id:
                s.add(
                    Membership(
                        group_id=saved_id(g),
                        person_id=coordinator_id,
                        role=MembershipRole.COORDINATOR,
                    )
                )
            return saved_id(g)
    except IntegrityError as exc:
        raise _name_taken(errors, name) from exc


def set_member(
    db: Database, group_id: int, person_id: int, role: str, expected_version: int | None
) -> None:
    """Add the person to the group (``expected_version`` None) or change their role
    (the membership's version as seen)."""
    if role not in MembershipRole.values():
        raise ValidationError([FieldError("role", "Roll", "okänd roll")])
    with db.session() as s:
        if s.get(Group, group_id) is None or s.get(Person, person_id) is None:
            raise NotFoundError("Gruppen eller personen finns inte (längre).")
        m = s.execute(
            select(Membership).where(
                col(Membership.group_id) == group_id, col(Membership.person_id) == person_id
            )
        ).scalar()
        if m is not None and expected_version is None:
            raise LokusError("Personen är redan med i gruppen; ändra rollen med r.")
        check_version(m, expected_version, "Medlemskapet")
        if m is None:
            m = Membership(group_id=group_id, person_id=person_id)
            s.add(m)
        m.role = role
        touch(m)
        if role == MembershipRole.COORDINATOR:
            group = get_row(s, Group, group_id, "Lokusgruppen")
            group.coordinator_id = group.coordinator_id or person_id


def remove_member(db: Database, group_id: int, person_id: int, expected_version: int) -> None:
    with db.session() as s:
        m = s.execute(
            select(Membership).where(
                col(Membership.group_id) == group_id, col(Membership.person_id) == person_id
            )
        ).scalar()
        check_version(m, expected_version, "Medlemskapet")
        s.delete(m)
        group = s.get(Group, group_id)
        if group is not None and group.coordinator_id == person_id:
            group.coordinator_id = None


ROLE_ORDER: dict[str, int] = {role: n for n, role in enumerate(MembershipRole)}


def group_members(db: Database, group_id: int) -> list[MemberView]:
    with db.session() as s:
        return members_of(s, group_id)


def members_of(s, group_id: int, include_archived: bool = False) -> list[MemberView]:
    stmt = (
        select(Person, col(Membership.role), col(Organisation.name), col(Membership.version))
        .join(Membership, col(Membership.person_id) == col(Person.id))
        .outerjoin(Organisation, col(Organisation.id) == col(Person.organisation_id))
        .where(col(Membership.group_id) == group_id)
    )
    if not include_archived:
        stmt = stmt.where(col(Person.archived_at).is_(None))
    members = [
        MemberView(
            p.id,
            p.name,
            p.email,
            p.organisation_id,
            org or "",
            role,
            p.archived_at is not None,
            version,
        )
        for p, role, org, version in s.execute(stmt).all()
    ]
    return sorted(members, key=lambda m: (ROLE_ORDER.get(m.role, 9), m.organisation_name, m.name))
