"""Validation shared by the UI and the command line.

Parsers turn what a person typed into values and collect a Swedish
``FieldError`` naming the field when they cannot. Validators check whole
records. The data layer runs the validators again before every write.
"""

import re
from datetime import date, time

from db import clock
from db.characters import describe, forbidden
from db.errors import FieldError

MAX_SHORT = 200
MAX_LONG = 20_000

_EMAIL = re.compile(r"^[^@\s<>()\[\],;:\"]+@[^@\s<>()\[\],;:\"]+\.[^@\s<>()\[\],;:\"]{2,}$")


class Errors(list):
    """A list of FieldError with helpers to add to it."""

    def add(self, field: str, label: str, message: str) -> None:
        self.append(FieldError(field, label, message))

    def for_field(self, field: str) -> list[FieldError]:
        return [e for e in self if e.field == field]


def parse_date(text: str, field: str, label: str, errors: Errors, required: bool = False):
    text = (text or "").strip()
    if not text:
        if required:
            errors.add(field, label, "måste fyllas i")
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        errors.add(
            field, label, f"”{text}” är inget datum; skriv ÅÅÅÅ-MM-DD, t.ex. {example_date()}"
        )
        return None


def example_date() -> str:
    """A date to show in a message: the 3rd of next month, so it is never in the past."""
    today = clock.today()
    year, month = (today.year + 1, 1) if today.month == 12 else (today.year, today.month + 1)
    return date(year, month, 3).isoformat()


def parse_time(text: str, field: str, label: str, errors: Errors, required: bool = False):
    typed = (text or "").strip()
    text = typed.replace(".", ":")
    if not text:
        if required:
            errors.add(field, label, "måste fyllas i")
        return None
    m = re.fullmatch(r"(\d{1,2})(?::(\d{2}))?", text)
    if m:
        hour, minute = int(m.group(1)), int(m.group(2) or 0)
        if hour < 24 and minute < 60:
            return time(hour, minute)
    errors.add(field, label, f"”{typed}” är ingen tid; skriv TT.MM, t.ex. 13.00")
    return None


def parse_amount(text: str, field: str, label: str, errors: Errors, required: bool = False):
    """Whole kronor: accepts "1 570 000", "1570000 kr", "1 570 000 kronor"."""
    raw = (text or "").strip()
    if not raw:
        if required:
            errors.add(field, label, "måste fyllas i")
        return None if not required else 0
    cleaned = re.sub(r"\s*(kr|kronor|sek)\.?$", "", raw, flags=re.IGNORECASE)
    cleaned = cleaned.replace("\u00a0", "").replace("\u202f", "").replace(" ", "")
    if cleaned.startswith("-") and cleaned[1:].isdigit():
        errors.add(field, label, "får inte vara negativt")
        return None
    if not cleaned.isdigit():
        errors.add(field, label, f"”{raw}” är inget belopp i hela kronor, t.ex. 316 000")
        return None
    value = int(cleaned)
    if value > 10**12:
        errors.add(field, label, "är orimligt stort")
        return None
    return value


def parse_int(
    text: str,
    field: str,
    label: str,
    errors: Errors,
    minimum: int = 0,
    maximum: int = 10**9,
    default: int | None = None,
):
    raw = (text or "").strip()
    if not raw:
        return default
    if not re.fullmatch(r"-?\d+", raw):
        errors.add(field, label, f"”{raw}” är inget heltal")
        return None
    value = int(raw)
    if value < minimum or value > maximum:
        errors.add(field, label, f"måste vara mellan {minimum} och {maximum}")
        return None
    return value


def parse_budget_lines(text: str, field: str, label: str, errors: Errors):
    """ "2021: 360 000; 2022: 360 000 / 72 000" -> [(2021, 360000, 0), (2022, 360000, 72000)].

    Each year: the amount to draw from the förbund, optionally "/ egenfinansiering".
    """
    lines: list[tuple[int, int, int]] = []
    raw = (text or "").strip()
    if not raw:
        return lines
    for part in re.split(r"[;\n]", raw):
        part = part.strip()
        if not part:
            continue
        m = re.fullmatch(r"(\d{4})\s*[:=]\s*([^/]+?)\s*(?:/\s*(.+))?", part)
        if not m:
            errors.add(
                field,
                label,
                f"”{part}” ska skrivas som ÅR: BELOPP, t.ex. 2021: 360 000 "
                "(eller 2021: 360 000 / 72 000 med egenfinansiering)",
            )
            continue
        year = int(m.group(1))
        if not 1990 <= year <= 2100:
            errors.add(field, label, f"året {year} är orimligt")
            continue
        amount = parse_amount(m.group(2), field, label, errors)
        own = parse_amount(m.group(3), field, label, errors) if m.group(3) else 0
        if amount is not None and own is not None:
            lines.append((year, amount, own))
    years = [y for y, _a, _o in lines]
    if len(set(years)) != len(years):
        errors.add(field, label, "samma år står två gånger")
    return lines


def check_text(
    value: str,
    field: str,
    label: str,
    errors: Errors,
    required: bool = False,
    max_len: int = MAX_SHORT,
    multiline: bool | None = None,
) -> None:
    """Length, and the characters a field may hold (see db.characters).

    ``multiline`` defaults to True for long fields (more than MAX_SHORT)."""
    value = value or ""
    if multiline is None:
        multiline = max_len > MAX_SHORT
    if required and not value.strip():
        errors.add(field, label, "måste fyllas i")
    elif len(value) > max_len:
        errors.add(field, label, f"är för lång ({len(value)} tecken, högst {max_len})")
    check_characters(value, field, label, errors, multiline)


def check_characters(
    value: str, field: str, label: str, errors: Errors, multiline: bool = False
) -> None:
    found = forbidden(value, multiline)
    if found is None:
        return
    kind, char = found
    if kind == "linebreak":
        errors.add(
            field,
            label,
            "får inte innehålla radbrytningar"
            + ("" if char in ("\n", "\r") else f" ({describe(char)})"),
        )
    elif kind == "bidi":
        errors.add(
            field,
            label,
            f"innehåller ett osynligt tecken som vänder textriktningen "
            f"({describe(char)}); ta bort det",
        )
    else:
        errors.add(
            field, label, f"innehåller ett osynligt styrtecken ({describe(char)}); ta bort det"
        )


def check_email(value: str, field: str, label: str, errors: Errors) -> None:
    value = (value or "").strip()
    if value and forbidden(value):
        check_characters(value, field, label, errors)
    elif value and not _EMAIL.match(value):
        errors.add(field, label, f"”{value}” är ingen giltig e-postadress")
    elif len(value) > MAX_SHORT:
        errors.add(field, label, "är för lång")


def check_period(start, end, field: str, label: str, errors: Errors) -> None:
    if start and end and end < start:
        errors.add(field, label, "får inte vara före startdatum")


def check_phone(value: str, field: str, label: str, errors: Errors) -> None:
    value = (value or "").strip()
    if value and forbidden(value):
        check_characters(value, field, label, errors)
    elif value and not re.fullmatch(r"[+\d][\d\s\-()]{4,30}", value):
        errors.add(field, label, f"”{value}” är inget telefonnummer")
