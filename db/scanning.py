"""Omvärldsbevakning: notes on projects elsewhere in the county and study visits."""

from datetime import date

from sqlalchemy import func, select
from sqlmodel import col

from db import clock
from db.engine import Database
from db.errors import NotFoundError, ValidationError
from db.models import Group, ScanningEntry
from db.records import Page, ScanningInput, ScanningView
from db.text_match import contains
from db.validation import MAX_LONG, Errors, check_text
from db.versioning import get_checked, saved_id, touch
from db.vocabulary import ScanningKind


def validate_entry(data: ScanningInput) -> Errors:
    errors = Errors()
    check_text(data.title, "title", "Rubrik", errors, required=True)
    check_text(data.organisation_text, "organisation_text", "Organisation", errors)
    check_text(data.link, "link", "Länk", errors, max_len=1000, multiline=False)
    check_text(data.notes, "notes", "Anteckningar", errors, max_len=MAX_LONG)
    if data.kind not in ScanningKind.values():
        errors.add("kind", "Typ", "okänt värde")
    return errors


def _view(e: ScanningEntry, group_name: str) -> ScanningView:
    return ScanningView(
        saved_id(e),
        e.version,
        ScanningInput(
            e.title, e.kind, e.entry_date, e.group_id, e.organisation_text, e.link, e.notes
        ),
        group_name or "",
    )


def list_entries(db: Database, text: str = "", limit: int = 200, offset: int = 0) -> Page:
    stmt = select(ScanningEntry, col(Group.name)).outerjoin(
        Group, col(Group.id) == col(ScanningEntry.group_id)
    )
    for word in text.split():
        stmt = stmt.where(
            contains(db, col(ScanningEntry.title), word)
            | contains(db, col(ScanningEntry.organisation_text), word)
            | contains(db, col(ScanningEntry.notes), word)
            | contains(db, col(Group.name), word)
        )
    with db.session() as s:
        total = s.execute(select(func.count()).select_from(stmt.subquery())).scalar_one()
        rows = s.execute(
            stmt.order_by(col(ScanningEntry.entry_date).desc(), col(ScanningEntry.id).desc())
            .limit(limit)
            .offset(offset)
        ).all()
    return Page([_view(e, g) for e, g in rows], total, offset)


def get_entry(db: Database, entry_id: int) -> ScanningView:
    with db.session() as s:
        e = s.get(ScanningEntry, entry_id)
        if e is None:
            raise NotFoundError("Anteckningen finns inte (längre).")
        group = s.get(Group, e.group_id) if e.group_id else None
        return _view(e, group.name if group else "")


def _fields(data: ScanningInput, day: date) -> dict:
    return {
        "group_id": data.group_id,
        "kind": data.kind,
        "entry_date": data.entry_date or day,
        "title": data.title.strip(),
        "organisation_text": data.organisation_text.strip(),
        "link": data.link.strip(),
        "notes": data.notes.strip(),
    }


def create_entry(db: Database, data: ScanningInput) -> int:
    errors = validate_entry(data)
    if errors:
        raise ValidationError(errors)
    with db.session() as s:
        e = ScanningEntry(**_fields(data, clock.today()))
        s.add(e)
        s.flush()
        return saved_id(e)


def update_entry(db: Database, entry_id: int, data: ScanningInput, expected_version: int) -> int:
    errors = validate_entry(data)
    if errors:
        raise ValidationError(errors)
    with db.session() as s:
        e = get_checked(s, ScanningEntry, entry_id, expected_version, "Anteckningen")
        for key, value in _fields(data, clock.today()).items():
            setattr(e, key, value)
        touch(e)
        s.flush()
        return e.version


def delete_entry(db: Database, entry_id: int, expected_version: int) -> None:
    with db.session() as s:
        e = get_checked(s, ScanningEntry, entry_id, expected_version, "Anteckningen")
        s.delete(e)
