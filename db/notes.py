"""Minnesanteckningar per agenda item: notes saved with three-way merges, and decisions."""

from sqlalchemy import select
from sqlmodel import col

from db.engine import Database
from db.errors import (
    ConflictError,
    FieldError,
    NotFoundError,
    ValidationError,
)
from db.meeting_rules import ensure_record_open, update_held
from db.meetings import meeting_or_error
from db.models import (
    AgendaItem,
    Decision,
    utcnow,
)
from db.records import (
    DecisionView,
    NotesSaved,
)
from db.text_merge import merge_text
from db.validation import MAX_LONG, Errors, check_text
from db.versioning import get_checked, get_row, saved_id, touch

NOTES_MAX = 200_000


AUTOSAVE_BUSY_MS = 300  # an autosave waits this long for a lock, then tries again later


def save_notes(db: Database, item_id: int, text: str, base_text: str) -> NotesSaved:
    """Save the notes of one agenda item, merged with any change saved meanwhile.

    ``base_text`` is what the editor started from (the last text it loaded or
    saved). If the stored notes are still that, ``text`` is written. If they
    changed in another window, the three texts are merged (db.text_merge):
    nothing is duplicated, nothing is lost, and a real conflict is marked. A
    change to another field of the item (its title, say) is no conflict.

    Raises ValidationError (no text in the message) when the result would be
    longer than the limit; nothing is written then."""
    for _attempt in range(3):
        try:
            return _save_notes_once(db, item_id, text, base_text)
        except ConflictError:
            continue  # another window wrote between our read and our write: merge again
    raise ConflictError("Anteckningarna")


def item_notes(db: Database, item_id: int) -> tuple[str, int]:
    with db.session() as s:
        item = s.get(AgendaItem, item_id)
        if item is None:
            raise NotFoundError("Punkten finns inte.")
        return item.notes, item.version


def list_decisions(db: Database, item_id: int) -> list[DecisionView]:
    with db.session() as s:
        return [
            DecisionView(d.id, d.text, d.version)
            for d in s.execute(
                select(Decision)
                .where(col(Decision.agenda_item_id) == item_id)
                .order_by(col(Decision.position), col(Decision.id))
            ).scalars()
        ]


def add_decision(db: Database, item_id: int, text: str) -> int:
    errors = Errors()
    check_text(text, "decision", "Beslut", errors, required=True, max_len=MAX_LONG)
    if errors:
        raise ValidationError(errors)
    with db.session() as s:
        item = s.get(AgendaItem, item_id)
        if item is None:
            raise NotFoundError("Punkten finns inte.")
        ensure_record_open(s, item.meeting_id)
        count = len(list_decisions_in(s, item_id))
        d = Decision(agenda_item_id=item_id, text=text.strip(), position=count)
        s.add(d)
        s.flush()
        update_held(s, meeting_or_error(s, item.meeting_id))
        return saved_id(d)


def list_decisions_in(s, item_id: int):
    return list(
        s.execute(select(Decision).where(col(Decision.agenda_item_id) == item_id)).scalars()
    )


def delete_decision(db: Database, decision_id: int, expected_version: int) -> None:
    with db.session() as s:
        d = get_checked(s, Decision, decision_id, expected_version, "Beslutet")
        item = get_row(s, AgendaItem, d.agenda_item_id, "Punkten")
        ensure_record_open(s, item.meeting_id)
        s.delete(d)


def _save_notes_once(db: Database, item_id: int, text: str, base_text: str) -> NotesSaved:
    with db.session(busy_timeout_ms=AUTOSAVE_BUSY_MS) as s:
        item = s.get(AgendaItem, item_id)
        if item is None:
            raise NotFoundError("Punkten har tagits bort i ett annat fönster.")
        ensure_record_open(s, item.meeting_id)
        stored = item.notes
        merged = merge_text(base_text, text, stored)
        if len(merged.text) > NOTES_MAX:
            raise ValidationError(
                [
                    FieldError(
                        "notes",
                        "Anteckningar",
                        f"blir för långa ({len(merged.text)} tecken, högst {NOTES_MAX}); texten "
                        "finns kvar i rutan — korta den eller dela upp den på flera punkter",
                    )
                ]
            )
        held = False
        if merged.text != stored:
            item.notes = merged.text
            item.notes_saved_at = utcnow()
            touch(item)
            held = update_held(s, meeting_or_error(s, item.meeting_id))
            s.flush()
        return NotesSaved(
            merged.text,
            item.version,
            merged=stored != base_text,
            conflicts=merged.conflicts,
            held=held,
        )
