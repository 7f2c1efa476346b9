"""Omvärldsbevakning: notes on projects elsewhere in the county and study visits."""


from sqlalchemy import func, select

from db import clock
from db.engine import Database
from db.errors import NotFoundError, ValidationError
from db.models import SCANNING_KINDS, Group, ScanningEntry, utcnow
from db.records import Page
from db.text_match import contains
from db.validation import MAX_LONG, Errors, check_text

SCANNING_KIND_LABELS = {"external_project": "projekt i länet", "study_visit": "studiebesök",
                        "other": "övrigt"}


def validate_entry(data: dict) -> Errors:
    errors = Errors()
    check_text(data.get("title", ""), "title", "Rubrik", errors, required=True)
    check_text(data.get("organisation_text", ""), "organisation_text", "Organisation", errors)
    check_text(data.get("link", ""), "link", "Länk", errors, max_len=1000)
    check_text(data.get("notes", ""), "notes", "Anteckningar", errors, max_len=MAX_LONG)
    if data.get("kind") not in SCANNING_KINDS:
        errors.add("kind", "Typ", "okänt värde")
    return errors


def list_entries(db: Database, text: str = "", limit: int = 200, offset: int = 0) -> Page:
    stmt = (select(ScanningEntry, Group.name)
            .outerjoin(Group, Group.id == ScanningEntry.group_id))
    for word in text.split():
        stmt = stmt.where(contains(db, ScanningEntry.title, word)
                          | contains(db, ScanningEntry.organisation_text, word)
                          | contains(db, ScanningEntry.notes, word)
                          | contains(db, Group.name, word))
    with db.session() as s:
        total = s.execute(select(func.count()).select_from(stmt.subquery())).scalar_one()
        rows = s.execute(stmt.order_by(ScanningEntry.entry_date.desc(), ScanningEntry.id.desc())
                         .limit(limit).offset(offset)).all()
    return Page([(e, g or "") for e, g in rows], total, offset)


def get_entry(db: Database, entry_id: int) -> dict:
    with db.session() as s:
        e = s.get(ScanningEntry, entry_id)
        if e is None:
            raise NotFoundError("Anteckningen finns inte (längre).")
        return {"id": e.id, "version": e.version, "group_id": e.group_id, "kind": e.kind,
                "entry_date": e.entry_date, "title": e.title,
                "organisation_text": e.organisation_text, "link": e.link, "notes": e.notes}


def save_entry(db: Database, data: dict, entry_id: int | None = None) -> int:
    errors = validate_entry(data)
    if errors:
        raise ValidationError(errors)
    fields = {k: data.get(k) for k in ("group_id", "kind", "entry_date", "title",
                                        "organisation_text", "link", "notes")}
    fields["entry_date"] = fields["entry_date"] or clock.today()
    for key in ("title", "organisation_text", "link", "notes"):
        fields[key] = (fields[key] or "").strip()
    with db.session() as s:
        if entry_id is None:
            e = ScanningEntry(**fields)
            s.add(e)
        else:
            e = s.get(ScanningEntry, entry_id)
            if e is None:
                raise NotFoundError("Anteckningen har tagits bort i ett annat fönster.")
            for key, value in fields.items():
                setattr(e, key, value)
            e.updated_at = utcnow()
        s.flush()
        return e.id


def delete_entry(db: Database, entry_id: int) -> None:
    with db.session() as s:
        e = s.get(ScanningEntry, entry_id)
        if e is not None:
            s.delete(e)
