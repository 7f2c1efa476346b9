"""The review cycle of the minutes: sent for comments, fastställd, re-opened; the approved text kept as the record."""

from datetime import date

from sqlalchemy import select
from sqlmodel import Session, col

from db import clock
from db.engine import Database
from db.errors import FieldError, LokusError, NotFoundError, RecordLockedError, ValidationError
from db.meetings import meeting_or_error
from db.models import (
    ExportRecord,
    Group,
    Meeting,
    Minutes,
)
from db.validation import Errors, check_text
from db.versioning import get_checked, get_row, touch
from db.vocabulary import DocumentKind

FINAL_VARIANT = "fastställd"


def find_minutes(s: Session, meeting_id: int) -> Minutes | None:
    """The meeting's minutes; None until they are first sent or commented on."""
    return s.execute(select(Minutes).where(col(Minutes.meeting_id) == meeting_id)).scalar()


def minutes_row(s: Session, meeting_id: int) -> Minutes:
    """The meeting's minutes, created (as a draft) when there are none yet."""
    row = find_minutes(s, meeting_id)
    if row is None:
        row = Minutes(meeting_id=meeting_id)
        s.add(row)
        s.flush()
    return row


def send_for_review(
    db: Database, meeting_id: int, deadline: date, expected_version: int, day: date | None = None
) -> None:
    day = day or clock.today()
    if deadline < day:
        raise ValidationError(
            [FieldError("deadline", "Sista dag för synpunkter", "får inte vara före i dag")]
        )
    with db.session() as s:
        m = get_checked(s, Meeting, meeting_id, expected_version, "Mötet")
        if m.status == "cancelled":
            raise LokusError("Mötet är inställt.")
        if m.meeting_date > day:
            raise LokusError(
                f"Mötet hålls {m.meeting_date.isoformat()}; anteckningarna kan "
                "skickas för synpunkter först efter mötet."
            )
        row = minutes_row(s, meeting_id)
        if row.status == "final":
            raise RecordLockedError("Anteckningarna är redan fastställda.")
        row.status = "in_review"
        row.sent_for_review_date = day
        row.comment_deadline = deadline
        touch(row)
        m.status = "minutes_in_review"
        touch(m)


def finalise(
    db: Database,
    meeting_id: int,
    expected_version: int,
    snapshot: str,
    day: date | None = None,
    early_ok: bool = False,
) -> None:
    """Fastställ: the minutes become a record. ``snapshot`` is the approved text
    (Markdown), kept verbatim; later exports of fastställda minutes use it.

    Refused before the meeting has taken place; before the comment deadline only
    with ``early_ok`` (the UI asks first)."""
    day = day or clock.today()
    with db.session() as s:
        m = get_checked(s, Meeting, meeting_id, expected_version, "Mötet")
        row = _finalise_allowed(m, find_minutes(s, meeting_id), day)
        if (
            row.status == "in_review"
            and row.comment_deadline
            and row.comment_deadline >= day
            and not early_ok
        ):
            raise LokusError(
                f"Sista dag för synpunkter är {row.comment_deadline.isoformat()}; "
                "bekräfta att anteckningarna ska fastställas ändå."
            )
        if m.note_taker_id is None:
            group = get_row(s, Group, m.group_id, "Lokusgruppen")
            m.note_taker_id = group.coordinator_id  # the record names who wrote it
        row.status = "final"
        row.final_date = day
        touch(row)
        m.status = "minutes_final"
        touch(m)
        s.add(
            ExportRecord(
                meeting_id=meeting_id,
                document=DocumentKind.MINUTES,
                variant=FINAL_VARIANT,
                sequence=0,
                file_format="md",
                content=snapshot,
            )
        )


def list_exports(db: Database, meeting_id: int) -> list[tuple[int, str, str, str, object]]:
    """(id, document, variant, format, created_at) of everything exported, newest first."""
    with db.session() as s:
        rows = s.execute(
            select(ExportRecord)
            .where(col(ExportRecord.meeting_id) == meeting_id)
            .order_by(col(ExportRecord.created_at).desc(), col(ExportRecord.id).desc())
        )
        return [(r.id, r.document, r.variant, r.file_format, r.created_at) for r in rows.scalars()]


def exported_content(db: Database, export_id: int) -> tuple[str, str]:
    with db.session() as s:
        r = s.get(ExportRecord, export_id)
        if r is None:
            raise NotFoundError("Exporten finns inte.")
        return r.file_format, r.content


def check_finalise(db: Database, meeting_id: int, today: date | None = None) -> str:
    """Why fastställa would need a second thought ('' when nothing): the comment
    deadline has not passed. Raises LokusError when it is not allowed at all."""
    today = today or clock.today()
    with db.session() as s:
        m = meeting_or_error(s, meeting_id)
        row = _finalise_allowed(m, find_minutes(s, meeting_id), today)
        if row.status == "in_review" and row.comment_deadline and row.comment_deadline >= today:
            return (
                f"Sista dag för synpunkter är {row.comment_deadline.isoformat()}; "
                "synpunkter kan fortfarande komma in."
            )
        return ""


def _finalise_allowed(m: Meeting, row: Minutes | None, today: date) -> Minutes:
    """The minutes, when they may be fastställda; LokusError saying why not otherwise."""
    if m.status == "cancelled":
        raise LokusError("Mötet är inställt.")
    if m.meeting_date > today:
        raise LokusError(
            f"Mötet hålls {m.meeting_date.isoformat()}; anteckningar kan "
            "fastställas först när mötet har ägt rum."
        )
    if row is None or row.status == "draft" and not row.reopened_date:
        raise LokusError(
            "Anteckningarna måste ha skickats för synpunkter innan de kan fastställas."
        )
    if row.status == "final":
        raise RecordLockedError("Anteckningarna är redan fastställda.")
    return row


def reopen_minutes(
    db: Database, meeting_id: int, reason: str, expected_version: int, day: date | None = None
) -> None:
    """Open fastställda minutes again: the reason is required and kept; the approved
    version stays in the history, labelled with the day and the reason."""
    errors = Errors()
    check_text(reason, "reason", "Skäl", errors, required=True, max_len=2000)
    if errors:
        raise ValidationError(errors)
    day = day or clock.today()
    with db.session() as s:
        m = get_checked(s, Meeting, meeting_id, expected_version, "Mötet")
        row = find_minutes(s, meeting_id)
        if row is None or row.status != "final":
            raise LokusError("Anteckningarna är inte fastställda.")
        label = (
            f"fastställd {row.final_date.isoformat() if row.final_date else ''}, "
            f"återöppnad {day.isoformat()}: {reason.strip()}"
        )
        for record in s.execute(
            select(ExportRecord).where(
                col(ExportRecord.meeting_id) == meeting_id,
                col(ExportRecord.document) == DocumentKind.MINUTES,
                col(ExportRecord.variant) == FINAL_VARIANT,
            )
        ).scalars():
            record.variant = label
            touch(record)
        row.status = "draft"
        row.final_date = None
        row.reopened_date = day
        row.reopened_reason = reason.strip()
        touch(row)
        m.status = "held"
        touch(m)


def final_snapshot(db: Database, meeting_id: int) -> str | None:
    """The approved text of fastställda minutes (None when they are not fastställda)."""
    with db.session() as s:
        row = find_minutes(s, meeting_id)
        if row is None or row.status != "final":
            return None
        return s.execute(
            select(col(ExportRecord.content))
            .where(
                col(ExportRecord.meeting_id) == meeting_id,
                col(ExportRecord.document) == DocumentKind.MINUTES,
                col(ExportRecord.variant) == FINAL_VARIANT,
                col(ExportRecord.file_format) == "md",
            )
            .order_by(col(ExportRecord.created_at), col(ExportRecord.id))
            .limit(1)
        ).scalar()
