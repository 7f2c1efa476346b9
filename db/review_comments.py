"""Comments on minutes under review: the review's state with its comments, add, handle."""

from datetime import date

from sqlalchemy import select
from sqlmodel import col

from db import clock
from db.agenda import items_of
from db.engine import Database
from db.errors import LokusError, ValidationError
from db.meeting_rules import ensure_record_open
from db.meetings import meeting_or_error
from db.models import Minutes, MinutesComment, Person
from db.records import CommentView, MinutesState
from db.review import find_minutes, minutes_row
from db.validation import MAX_LONG, Errors, check_text
from db.versioning import get_checked, get_row, saved_id, touch


def minutes_state(db: Database, meeting_id: int, today: date | None = None) -> MinutesState:
    today = today or clock.today()
    with db.session() as s:
        meeting_or_error(s, meeting_id)
        row = find_minutes(s, meeting_id)
        if row is None:
            return MinutesState(meeting_id, "draft", None, None, None)
        items = {i.id: i.title for i in items_of(s, meeting_id)}
        comments = []
        for c, person in s.execute(
            select(MinutesComment, col(Person.name))
            .outerjoin(Person, col(Person.id) == col(MinutesComment.person_id))
            .where(col(MinutesComment.minutes_id) == row.id)
            .order_by(col(MinutesComment.received_date), col(MinutesComment.id))
        ).all():
            comments.append(
                CommentView(
                    c.id,
                    c.version,
                    person or c.author_text,
                    c.received_date,
                    c.agenda_item_id,
                    items.get(c.agenda_item_id, ""),
                    c.text,
                    c.handled,
                    c.handled_note,
                    late=bool(
                        row.comment_deadline
                        and c.received_date
                        and c.received_date > row.comment_deadline
                    ),
                )
            )
        return MinutesState(
            meeting_id,
            row.status,
            row.sent_for_review_date,
            row.comment_deadline,
            row.final_date,
            tuple(comments),
            deadline_passed=bool(
                row.status == "in_review" and row.comment_deadline and row.comment_deadline < today
            ),
            reopened_date=row.reopened_date,
            reopened_reason=row.reopened_reason,
        )


def add_comment(
    db: Database,
    meeting_id: int,
    text: str,
    person_id: int | None = None,
    author_text: str = "",
    item_id: int | None = None,
    received_date: date | None = None,
) -> int:
    errors = Errors()
    check_text(text, "text", "Synpunkt", errors, required=True, max_len=MAX_LONG)
    if person_id is None and not author_text.strip():
        errors.add("author", "Från", "ange vem synpunkten kommer från")
    check_text(author_text, "author", "Från", errors)
    if errors:
        raise ValidationError(errors)
    with db.session() as s:
        meeting_or_error(s, meeting_id)
        ensure_record_open(s, meeting_id)
        row = minutes_row(s, meeting_id)
        if row.status == "draft":
            raise LokusError("Anteckningarna har inte skickats för synpunkter än.")
        c = MinutesComment(
            minutes_id=saved_id(row),
            person_id=person_id,
            author_text=author_text.strip(),
            agenda_item_id=item_id,
            text=text.strip(),
            received_date=received_date or clock.today(),
        )
        s.add(c)
        s.flush()
        return saved_id(c)


def set_comment_handled(
    db: Database, comment_id: int, note: str, expected_version: int, handled: bool = True
) -> None:
    with db.session() as s:
        c = get_checked(s, MinutesComment, comment_id, expected_version, "Synpunkten")
        minutes = get_row(s, Minutes, c.minutes_id, "Anteckningarna")
        ensure_record_open(s, minutes.meeting_id)
        c.handled = handled
        c.handled_note = note.strip()
        touch(c)
