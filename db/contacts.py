"""People: list, pick, read, create, update; where they appear; delete or archive."""

from sqlalchemy import func, label, or_, select
from sqlmodel import col

from db.engine import Database
from db.errors import NotFoundError, ValidationError
from db.models import (
    ActionItem,
    AgendaItem,
    AgendaProposal,
    Attendance,
    Group,
    GuestInvitation,
    Initiative,
    InitiativePartner,
    Meeting,
    Membership,
    MinutesComment,
    Organisation,
    Person,
    utcnow,
)
from db.records import (
    ContactRef,
    MembershipView,
    Option,
    Page,
    PersonDetail,
    PersonInput,
    PersonRow,
    PersonUsage,
)
from db.text_match import contains
from db.validation import MAX_LONG, Errors, check_email, check_phone, check_text
from db.versioning import get_checked, saved_id, touch


def validate_person(data: PersonInput) -> Errors:
    errors = Errors()
    check_text(data.name, "name", "Namn", errors, required=True)
    check_text(data.title, "title", "Titel", errors)
    check_email(data.email, "email", "E-post", errors)
    check_phone(data.phone, "phone", "Telefon", errors)
    check_text(data.note, "note", "Anteckning", errors, max_len=MAX_LONG)
    return errors


def list_people(
    db: Database,
    text: str = "",
    limit: int = 100,
    offset: int = 0,
    organisation_id: int | None = None,
    archived: bool = False,
) -> Page:
    """People (or, with ``archived``, only the archived ones)."""
    stmt = (
        select(
            col(Person.id),
            col(Person.name),
            col(Person.title),
            label("org", col(Organisation.name)),
            col(Person.email),
            col(Person.phone),
        )
        .outerjoin(Organisation, col(Organisation.id) == col(Person.organisation_id))
        .where(
            col(Person.archived_at).is_not(None) if archived else col(Person.archived_at).is_(None)
        )
    )
    if organisation_id is not None:
        stmt = stmt.where(col(Person.organisation_id) == organisation_id)
    for word in text.split():
        stmt = stmt.where(
            or_(
                contains(db, col(Person.name), word),
                contains(db, col(Person.title), word),
                contains(db, col(Person.email), word),
                contains(db, col(Organisation.name), word),
            )
        )
    with db.session() as s:
        total = s.execute(select(func.count()).select_from(stmt.subquery())).scalar_one()
        rows = s.execute(
            stmt.order_by(col(Person.name), col(Person.id)).limit(limit).offset(offset)
        ).all()
    return Page(
        [PersonRow(r.id, r.name, r.title, r.org or "", r.email, r.phone) for r in rows],
        total,
        offset,
    )


def people_options(db: Database, organisation_id: int | None, limit: int = 500) -> list[Option]:
    """People of one organisation, for choosing a contact person (never archived ones)."""
    stmt = (
        select(col(Person.id), col(Person.name), col(Person.title))
        .where(col(Person.archived_at).is_(None))
        .order_by(col(Person.name))
        .limit(limit)
    )
    if organisation_id is not None:
        stmt = stmt.where(col(Person.organisation_id) == organisation_id)
    with db.session() as s:
        return [
            Option(r.id, f"{r.name}, {r.title}" if r.title else r.name) for r in s.execute(stmt)
        ]


def get_person(db: Database, person_id: int) -> PersonDetail:
    with db.session() as s:
        person = s.get(Person, person_id)
        if person is None:
            raise NotFoundError(f"Personen med id {person_id} finns inte (längre).")
        org = s.get(Organisation, person.organisation_id) if person.organisation_id else None
        memberships = s.execute(
            select(col(Group.id), col(Group.name), col(Membership.role))
            .join(Group, col(Group.id) == col(Membership.group_id))
            .where(col(Membership.person_id) == person_id)
            .order_by(col(Group.name))
        ).all()
        owned = s.execute(
            select(col(Initiative.id), col(Initiative.name))
            .where(col(Initiative.owner_contact_id) == person_id)
            .order_by(col(Initiative.name))
        ).all()
        partner = s.execute(
            select(col(Initiative.id), col(Initiative.name))
            .join(InitiativePartner, col(InitiativePartner.initiative_id) == col(Initiative.id))
            .where(col(InitiativePartner.contact_id) == person_id)
            .order_by(col(Initiative.name))
        ).all()
        usage = _usage(s, person_id)
    return PersonDetail(
        id=person_id,
        version=person.version,
        data=PersonInput(
            person.name,
            person.title,
            person.email,
            person.phone,
            person.organisation_id,
            person.note,
        ),
        organisation_name=org.name if org else "",
        memberships=tuple(MembershipView(g, n, r) for g, n, r in memberships),
        initiatives=tuple(
            [(i, n, "insatsägare") for i, n in owned]
            + [(i, n, "samverkanspart") for i, n in partner]
        ),
        archived_at=person.archived_at,
        usage=usage,
    )


def _person_fields(person: Person, data: PersonInput) -> None:
    person.name = data.name.strip()
    person.title = data.title.strip()
    person.email = data.email.strip()
    person.phone = data.phone.strip()
    person.organisation_id = data.organisation_id
    person.note = data.note
    touch(person)


def create_person(db: Database, data: PersonInput) -> int:
    errors = validate_person(data)
    if errors:
        raise ValidationError(errors)
    with db.session() as s:
        person = Person(name=data.name)
        _person_fields(person, data)
        s.add(person)
        s.flush()
        return saved_id(person)


def update_person(db: Database, person_id: int, data: PersonInput, expected_version: int) -> int:
    errors = validate_person(data)
    if errors:
        raise ValidationError(errors)
    with db.session() as s:
        person = get_checked(s, Person, person_id, expected_version, "Personen")
        _person_fields(person, data)
        s.flush()
        return person.version


def _count(s, stmt) -> int:
    return s.execute(select(func.count()).select_from(stmt.subquery())).scalar_one()


def _usage(s, person_id: int) -> PersonUsage:
    def meetings_where(*conditions) -> int:
        return _count(s, select(col(Meeting.id)).where(*conditions))

    return PersonUsage(
        attendance=_count(
            s, select(col(Attendance.id)).where(col(Attendance.person_id) == person_id)
        ),
        actions=_count(s, select(col(ActionItem.id)).where(col(ActionItem.owner_id) == person_id)),
        chair=meetings_where(col(Meeting.chair_id) == person_id),
        note_taker=meetings_where(col(Meeting.note_taker_id) == person_id),
        comments=_count(
            s, select(col(MinutesComment.id)).where(col(MinutesComment.person_id) == person_id)
        ),
        proposals=_count(
            s, select(col(AgendaProposal.id)).where(col(AgendaProposal.person_id) == person_id)
        ),
        guest=_count(
            s, select(col(GuestInvitation.id)).where(col(GuestInvitation.person_id) == person_id)
        ),
        presenter=_count(
            s, select(col(AgendaItem.id)).where(col(AgendaItem.presenter_id) == person_id)
        ),
        coordinator=_count(s, select(col(Group.id)).where(col(Group.coordinator_id) == person_id)),
        memberships=_count(
            s, select(col(Membership.id)).where(col(Membership.person_id) == person_id)
        ),
        initiatives=_count(
            s, select(col(Initiative.id)).where(col(Initiative.owner_contact_id) == person_id)
        )
        + _count(
            s,
            select(col(InitiativePartner.id)).where(col(InitiativePartner.contact_id) == person_id),
        ),
    )


def person_usage(db: Database, person_id: int) -> PersonUsage:
    """Where the person appears: what deleting them would touch, in numbers."""
    with db.session() as s:
        return _usage(s, person_id)


def delete_person(db: Database, person_id: int, expected_version: int) -> str:
    """Delete the person, or archive them when they appear in any meeting record.

    Returns "deleted" or "archived". An archived person is hidden from lists and
    pickers but keeps their name in attendance, action items, comments and the
    minutes (and stays in the groups they were members of)."""
    with db.session() as s:
        person = get_checked(s, Person, person_id, expected_version, "Personen")
        if _usage(s, person_id).in_meeting_records:
            person.archived_at = utcnow()
            touch(person)
            return "archived"
        s.delete(person)
        return "deleted"


def restore_person(db: Database, person_id: int, expected_version: int) -> None:
    with db.session() as s:
        person = get_checked(s, Person, person_id, expected_version, "Personen")
        person.archived_at = None
        touch(person)


def contact_ref(person: Person | None) -> ContactRef | None:
    """A person as the documents and screens name them (None stays None)."""
    if person is None:
        return None
    return ContactRef(person.id, person.name, person.title, person.email, person.phone)
