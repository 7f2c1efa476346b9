"""Optimistic versions: every write to an existing record names the version it saw.

Every mutable table has a ``version`` column that SQLAlchemy raises on each
UPDATE (``version_id_col``), so a write that raced another one fails at flush
(``Database.session`` turns that into ConflictError). The explicit check here
catches the common case earlier: the window read version 3, the row is at 4.

Also the typed ways to reach a row: ``get_row`` (a row that must exist) and
``saved_id`` (the id of a row that has been flushed or loaded).
"""

from typing import TypeVar

from sqlmodel import Session

from db.errors import ConflictError, NotFoundError
from db.identity import current_user
from db.models import Tracked, utcnow

T = TypeVar("T", bound=Tracked)


def get_row(s: Session, model: type[T], row_id: int | None, what: str) -> T:
    """The row, or NotFoundError. ``what`` is the Swedish name with article, e.g. "Mötet"."""
    row = s.get(model, row_id) if row_id is not None else None
    if row is None:
        raise NotFoundError(f"{what} finns inte längre (borttaget i ett annat fönster?).")
    return row


def get_checked(s: Session, model: type[T], row_id: int, expected_version: int, what: str) -> T:
    """The row, or NotFoundError; ConflictError when it is not at ``expected_version``.

    ``what`` is the Swedish name with article, e.g. "Mötet", "Punkten"."""
    row = get_row(s, model, row_id, what)
    check_version(row, expected_version, what)
    return row


def saved_id(row: Tracked) -> int:
    """The id of a row that is in the database: loaded, or added and flushed."""
    if row.id is None:
        raise AssertionError(f"{type(row).__name__} has no id: not flushed yet")
    return row.id


def check_version(row: Tracked | None, expected_version: int | None, what: str) -> None:
    """``expected_version`` None means "I saw no such row": a row that exists is a conflict."""
    current = row.version if row is not None else None
    if current != expected_version:
        by = getattr(row, "changed_by", "") or ""
        raise ConflictError(what, by if by and by != current_user() else "")


def touch(row: Tracked) -> None:
    """The row is changed now, by the user of this lokus."""
    row.updated_at = utcnow()
    row.changed_by = current_user()
