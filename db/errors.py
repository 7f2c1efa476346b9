"""Errors the data layer raises; every message is Swedish and fit to show a user.

No message ever contains what a user typed into a long text field: messages
name the field and the problem, so they can go to a status line or a log.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class FieldError:
    field: str  # key of the field in the form, e.g. "end_date" or "goals.1.text"
    label: str  # Swedish name shown to the user, e.g. "Slutdatum"
    message: str  # e.g. "får inte vara före startdatum"

    def __str__(self) -> str:
        return f"{self.label}: {self.message}"


class LokusError(Exception):
    """Base class: str(error) is a Swedish sentence for the user."""


class ValidationError(LokusError):
    def __init__(self, errors: list[FieldError]):
        self.errors = list(errors)
        super().__init__("; ".join(str(e) for e in self.errors))


class ConflictError(LokusError):
    def __init__(self, what: str = "Posten", by: str = ""):
        # by: a colleague who changed it (a shared database); else another window
        where = f"av {by}" if by else "i ett annat fönster"
        super().__init__(f"{what} har ändrats {where} — laddar om")
        self.by = by


class NotFoundError(LokusError):
    pass


class RecordLockedError(LokusError):
    """The record may not change: fastställda minutes, an archived person …"""


# Why a database could not be used, with the exit code the command line gives.
OPEN_PROBLEMS = {
    "foreign": 2,  # not a lokus database
    "newer": 3,  # made by a newer lokus
    "missing": 4,  # the file (or its folder) does not exist
    "empty": 5,  # a zero-byte file
    "read_only": 6,  # cannot be written and would have to be
    "locked": 7,  # another program holds a lock
    "directory": 8,  # a folder, not a file
    "damaged": 9,  # SQLite says the file is malformed
    "disk_full": 10,  # no space left to create, back up or migrate
    "outdated": 11,  # an older schema; a read-only command does not upgrade it
    "other": 12,
    "unreachable": 13,  # a database server that does not answer
    "auth": 14,  # a database server that refuses the user name or password
}


class DatabaseOpenError(LokusError):
    """The database cannot be used; ``problem`` is a key of OPEN_PROBLEMS."""

    def __init__(self, message: str, exit_code: int | None = None, problem: str = "other"):
        super().__init__(message)
        self.problem = problem
        self.exit_code = exit_code if exit_code is not None else OPEN_PROBLEMS[problem]


# SQLite's own error names -> what it means for the user (see StorageError).
STORAGE_PROBLEMS = {
    "locked": "databasen är låst av ett annat program",
    "disk_full": "disken är full",
    "read_only": "databasen är skrivskyddad — ändringar sparas inte",
    "io": "disken kunde inte läsas eller skrivas",
    "damaged": "databasfilen är skadad",
    "other": "databasen kunde inte användas",
}


class StorageError(LokusError):
    """Writing or reading failed for a reason outside lokus (locked, disk full …).

    The message never contains the SQL or the values: only what happened."""

    def __init__(self, problem: str):
        self.problem = problem if problem in STORAGE_PROBLEMS else "other"
        super().__init__(STORAGE_PROBLEMS[self.problem])

    @property
    def retryable(self) -> bool:
        return self.problem in ("locked", "disk_full", "io")

    @property
    def exit_code(self) -> int:
        return OPEN_PROBLEMS.get(self.problem, OPEN_PROBLEMS["other"])


def storage_problem(exc: BaseException) -> str:
    """Classify a sqlite3 (or DB-API) error without looking at any values."""
    name = getattr(exc, "sqlite_errorname", "") or ""
    text = str(exc).lower()
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "locked" in text:
        return "locked"
    if name.startswith("SQLITE_FULL") or "disk is full" in text or "no space" in text:
        return "disk_full"
    if name.startswith("SQLITE_READONLY") or "readonly" in text or "read-only" in text:
        return "read_only"
    if name.startswith("SQLITE_CORRUPT") or "malformed" in text:
        return "damaged"
    if name.startswith(("SQLITE_IOERR", "SQLITE_CANTOPEN")) or "i/o error" in text:
        return "io"
    return "other"
