"""Errors the data layer raises; every message is Swedish and fit to show a user."""

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
    def __init__(self, what: str = "Posten"):
        super().__init__(f"{what} har ändrats i ett annat fönster — laddar om")


class NotFoundError(LokusError):
    pass


class DatabaseOpenError(LokusError):
    """The database cannot be used: not a lokus file, newer schema, no access."""

    def __init__(self, message: str, exit_code: int = 2):
        super().__init__(message)
        self.exit_code = exit_code
