"""Optimistic versions: every write to an existing record names the version it saw.

Every mutable table has a ``version`` column that SQLAlchemy raises on each
UPDATE (``version_id_col``), so a write that raced another one fails at flush
(``Database.session`` turns that into ConflictError). The explicit check here
catches the common case earlier: the window read version 3, the row is at 4.
"""

from db.errors import ConflictError, NotFoundError
from db.models import utcnow


def get_checked(s, model, row_id: int, expected_version: int, what: str):
    """The row, or NotFoundError; ConflictError when it is not at ``expected_version``.

    ``what`` is the Swedish name with article, e.g. "Mötet", "Punkten"."""
    row = s.get(model, row_id) if row_id is not None else None
    if row is None:
        raise NotFoundError(f"{what} finns inte längre (borttaget i ett annat fönster?).")
    check_version(row, expected_version, what)
    return row


def check_version(row, expected_version: int | None, what: str) -> None:
    """``expected_version`` None means "I saw no such row": a row that exists is a conflict."""
    current = row.version if row is not None else None
    if current != expected_version:
        raise ConflictError(what)


def touch(row) -> None:
    row.updated_at = utcnow()
