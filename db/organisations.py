"""Organisations: listing and picking them, create, read, update, delete."""

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlmodel import col

from db.engine import Database
from db.errors import NotFoundError, ValidationError
from db.models import Initiative, Organisation, Person
from db.records import Option, OrganisationInput, OrganisationRow, Page
from db.text_match import contains
from db.validation import Errors, check_text
from db.versioning import get_checked, saved_id, touch
from db.vocabulary import OrganisationKind


def validate_organisation(data: OrganisationInput) -> Errors:
    errors = Errors()
    check_text(data.name, "name", "Namn", errors, required=True)
    if data.kind not in OrganisationKind.values():
        errors.add("kind", "Typ", "okänt värde")
    return errors


def list_organisations(db: Database, text: str = "", limit: int = 200, offset: int = 0) -> Page:
    people = (
        select(func.count(col(Person.id)))
        .where(
            col(Person.organisation_id) == col(Organisation.id), col(Person.archived_at).is_(None)
        )
        .correlate(Organisation)
        .scalar_subquery()
    )
    owned = (
        select(func.count(col(Initiative.id)))
        .where(col(Initiative.owner_org_id) == col(Organisation.id))
        .correlate(Organisation)
        .scalar_subquery()
    )
    stmt = select(
        col(Organisation.id),
        col(Organisation.name),
        col(Organisation.kind),
        people.label("people"),
        owned.label("owned"),
        col(Organisation.version),
    )
    for word in text.split():
        stmt = stmt.where(contains(db, col(Organisation.name), word))
    with db.session() as s:
        total = s.execute(select(func.count()).select_from(stmt.subquery())).scalar_one()
        rows = s.execute(stmt.order_by(col(Organisation.name)).limit(limit).offset(offset)).all()
    return Page(
        [OrganisationRow(r.id, r.name, r.kind, r.people, r.owned, r.version) for r in rows],
        total,
        offset,
    )


def organisation_options(db: Database) -> list[Option]:
    with db.session() as s:
        rows = s.execute(
            select(col(Organisation.id), col(Organisation.name)).order_by(col(Organisation.name))
        )
        return [Option(r.id, r.name) for r in rows]


def create_organisation(db: Database, data: OrganisationInput) -> int:
    errors = validate_organisation(data)
    if errors:
        raise ValidationError(errors)
    try:
        with db.session() as s:
            org = Organisation(name=data.name.strip(), kind=data.kind, note=data.note)
            s.add(org)
            s.flush()
            return saved_id(org)
    except IntegrityError as exc:
        errors.add("name", "Namn", f"det finns redan en organisation som heter ”{data.name}”")
        raise ValidationError(errors) from exc


def get_organisation(db: Database, organisation_id: int) -> tuple[OrganisationInput, int]:
    with db.session() as s:
        org = s.get(Organisation, organisation_id)
        if org is None:
            raise NotFoundError("Organisationen finns inte (längre).")
        return OrganisationInput(org.name, org.kind, org.note), org.version


def update_organisation(
    db: Database, organisation_id: int, data: OrganisationInput, expected_version: int
) -> int:
    errors = validate_organisation(data)
    if errors:
        raise ValidationError(errors)
    try:
        with db.session() as s:
            org = get_checked(s, Organisation, organisation_id, expected_version, "Organisationen")
            org.name, org.kind, org.note = data.name.strip(), data.kind, data.note
            touch(org)
            s.flush()
            return org.version
    except IntegrityError as exc:
        errors.add("name", "Namn", f"det finns redan en organisation som heter ”{data.name}”")
        raise ValidationError(errors) from exc


def delete_organisation(db: Database, organisation_id: int, expected_version: int) -> None:
    """People stay (without organisation); the organisation leaves insatser it was part of."""
    with db.session() as s:
        org = get_checked(s, Organisation, organisation_id, expected_version, "Organisationen")
        s.delete(org)
