"""Dates, amounts and e-mail addresses as Swedish documents write them."""

import re
from datetime import date

MONTHS = {
    name: n
    for n, name in enumerate(
        (
            "januari",
            "februari",
            "mars",
            "april",
            "maj",
            "juni",
            "juli",
            "augusti",
            "september",
            "oktober",
            "november",
            "december",
        ),
        start=1,
    )
}
_MONTH_NAMES = "|".join(MONTHS)
DATE = re.compile(
    rf"\b(?:(\d{{4}})-(\d{{1,2}})-(\d{{1,2}})|(\d{{1,2}})(?::a|:e)?\s+({_MONTH_NAMES})\s+(\d{{4}}))\b",
    re.IGNORECASE,
)
# "1 570 000 kr", "270 000 kronor", "270000", "316 000:-", "1.570.000 kr"
_SPACE = "[ \u00a0\u202f.]"
AMOUNT = re.compile(
    rf"(?<![\d-])(\d{{1,3}}(?:{_SPACE}\d{{3}})+|\d+)(?:\s*(kr|kronor|sek|:-)(?![a-zåäö]))?",
    re.IGNORECASE,
)
EMAIL = re.compile(r"[\w.+'-]+@\s?[\w-]+(?:\s?\.[\w-]+)*\.[a-z]{2,}", re.IGNORECASE)


def dates_in(text: str) -> list[date]:
    out = []
    for m in DATE.finditer(text):
        try:
            if m.group(1):
                out.append(date(int(m.group(1)), int(m.group(2)), int(m.group(3))))
            else:
                out.append(date(int(m.group(6)), MONTHS[m.group(5).lower()], int(m.group(4))))
        except ValueError:
            continue
    return out


def amounts_in(text: str, with_unit: bool = False) -> list[int]:
    """Amounts in whole kronor, in order; dates and years are not amounts."""
    text = DATE.sub(" ", text)
    out = []
    for m in AMOUNT.finditer(text):
        if with_unit and not m.group(2):
            continue
        out.append(int(re.sub(r"\D", "", m.group(1))))
    return out


def amount_of(text: str) -> int | None:
    """The one amount in a cell or after a label ("360 000 kronor", "720000")."""
    found = amounts_in(text)
    return found[0] if found else None


def email_in(text: str) -> tuple[str | None, bool]:
    """The e-mail address in ``text`` and whether spaces had to be taken out of it."""
    m = EMAIL.search(text)
    if m is None:
        return None, False
    raw = m.group(0)
    cleaned = re.sub(r"\s", "", raw)
    return cleaned, cleaned != raw
