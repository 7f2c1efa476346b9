"""An application in the förbund's form (or any document with its headings): sections
by heading, in any order, with "Organisation:/Kontaktperson:/E-post:" blocks, goals
as bullets or paragraphs, a period and a budget as lines or as a table."""

import re
from dataclasses import dataclass, field
from datetime import date

from imports.lines import Cleaned, glue, heading_key, join_text, strip_bullet, table_cells
from imports.model import BudgetYear, Line, Party
from imports.values import amount_of, dates_in, email_in

LABELS = {
    "organisation": r"organisation|myndighet|kommun|part|insatsägare|samverkanspart",
    "contact": r"kontaktperson|kontakt|namn|ansvarig",
    "email": r"e-?post|e-?mail|mejl|mail",
}
_LABEL_RES = {k: re.compile(rf"(?:{v})", re.IGNORECASE) for k, v in LABELS.items()}


@dataclass
class Found:
    """What the sections said, with the line of each value."""

    values: dict = field(default_factory=dict)
    sources: dict[str, Line] = field(default_factory=dict)
    uncertain: set[str] = field(default_factory=set)

    def put(self, key: str, value, line: Line | None, uncertain: bool = False) -> None:
        if value in (None, "", ()) or key in self.values:
            return
        self.values[key] = value
        if line is not None:
            self.sources[key] = line
        if uncertain:
            self.uncertain.add(key)


def sections(lines: list[Cleaned]) -> dict[str, list[Line]]:
    """Each of our headings' content (the first time the heading appears)."""
    out: dict[str, list[Line]] = {}
    current: list[Line] | None = None
    for item in lines:
        key, rest, is_heading = heading_key(item)
        if is_heading:
            current = None
            if key is not None and key not in out:
                current = out[key] = [item.line]  # the heading line itself comes first
                if rest:
                    current.append(Line(item.line.number, rest))
            continue
        if current is not None:
            current.append(item.line)
    return out


def read_application(lines: list[Cleaned], found: Found) -> None:
    parts = sections(lines)
    for key in ("purpose", "target_group", "method", "background"):
        body = parts.get(key, [])[1:]
        text = join_text(body)
        found.put(key, text, _first(body))
    _read_name(parts.get("name", [])[1:], found)
    owners = parties(parts.get("owner", [])[1:])
    if owners:
        party, line, fixed, lines_of = owners[0]
        found.put("owner", party, line)
        for key, where in lines_of.items():
            found.sources[f"owner.{key}"] = where
        if fixed:
            found.uncertain.add("owner.email")
    partners = parties(parts.get("partners", [])[1:])
    if partners:
        found.put("partners", tuple(p for p, _, _, _ in partners), partners[0][1])
        for n, (_, line, fixed, _) in enumerate(partners, 1):
            found.sources[f"partners.{n}"] = line
            if fixed:
                found.uncertain.add(f"partners.{n}")
    for key in ("effect_goals", "output_goals"):
        goals = goal_items(parts.get(key, [])[1:])
        found.put(key, tuple(text for text, _ in goals), goals[0][1] if goals else None)
        for n, (_, line) in enumerate(goals, 1):
            found.sources[f"{key}.{n}"] = line
    _read_period(parts.get("period", [])[1:], found)
    _read_budget(parts.get("budget", [])[1:], found)


def _first(lines: list[Line]) -> Line | None:
    return next((line for line in lines if line.text), None)


def _read_name(body: list[Line], found: Found) -> None:
    for line in body:
        cells = table_cells(line.text)
        text = " ".join(c for c in cells if c) if cells else line.text
        if text and text.casefold() not in ("ansökan", "beslut", "namn"):
            found.put("name", text, line)
            return


def _label(text: str) -> tuple[str | None, str]:
    cells = table_cells(text)
    if cells is not None:
        cells = [c for c in cells if c]
        if len(cells) != 2:
            return None, ""
        head, value = cells
    else:
        head, sep, value = text.partition(":")
        if not sep:
            return None, ""
    head = head.strip().rstrip(":")
    for key, pattern in _LABEL_RES.items():
        if pattern.fullmatch(head):
            return key, value.strip()
    return None, ""


def parties(body: list[Line]) -> list[tuple[Party, Line, bool, dict[str, Line]]]:
    """Organisation/contact/e-mail blocks, as label lines or as a table with a header:
    each party, its first line, whether its address was corrected, each value's line."""
    out: list[tuple[Party, Line, bool, dict[str, Line]]] = []
    current: dict = {}
    lines_of: dict[str, Line] = {}
    start: Line | None = None
    fixed = False
    columns: list[str | None] | None = None

    def close() -> None:
        nonlocal current, start, fixed, lines_of
        if current and start is not None:
            out.append((Party(**current), start, fixed, lines_of))
        current, start, fixed, lines_of = {}, None, False, {}

    for line in body:
        cells = table_cells(line.text)
        if cells is not None and columns is None:
            names = [_column(c) for c in cells]
            if sum(1 for n in names if n) >= 2:
                columns = names
                continue
        if cells is not None and columns is not None:
            row: dict = {}
            for name, cell in zip(columns, cells, strict=False):
                if name and cell:
                    row[name] = cell
            if row:
                close()
                current, start = _party_values(row)
                start = line
                lines_of = dict.fromkeys(current, line)
                close()
            continue
        key, value = _label(line.text)
        if key is None or not value:
            continue
        if key in current or (key == "organisation" and current):
            close()
        if start is None:
            start = line
        lines_of[key] = line
        if key == "email":
            email, was_fixed = email_in(value)
            if email:
                current["email"] = email
                fixed = fixed or was_fixed
        elif key == "contact":
            current["contact"] = value.split(",")[0].strip()
        else:
            current["organisation"] = value
    close()
    return out


def _column(cell: str) -> str | None:
    for key, pattern in _LABEL_RES.items():
        if pattern.fullmatch(cell.strip().rstrip(":")):
            return key
    return None


def _party_values(row: dict) -> tuple[dict, None]:
    values: dict = {}
    if row.get("organisation"):
        values["organisation"] = row["organisation"]
    if row.get("contact"):
        values["contact"] = row["contact"].split(",")[0].strip()
    if row.get("email"):
        values["email"] = email_in(row["email"])[0]
    return values, None


def goal_items(body: list[Line]) -> list[tuple[str, Line]]:
    """One goal per bullet or per paragraph; wrapped lines belong to their goal."""
    items: list[tuple[str, Line]] = []
    open_item = False
    for line in body:
        if not line.text:
            open_item = False
            continue
        cells = table_cells(line.text)
        text, bullet = strip_bullet(line.text) if cells is None else (" ".join(cells), True)
        if bullet or not open_item:
            items.append((text, line))
        else:
            items[-1] = (glue(items[-1][0], text), items[-1][1])
        open_item = True
    return [(t, line) for t, line in items if t]


def _read_period(body: list[Line], found: Found) -> None:
    start: tuple[date, Line] | None = None
    end: tuple[date, Line] | None = None
    loose: list[tuple[date, Line]] = []
    for line in body:
        for d in dates_in(line.text):
            low = line.text.casefold()
            if ("start" in low or "från" in low) and start is None:
                start = (d, line)
            elif "slut" in low:
                end = end or (d, line)
            else:
                loose.append((d, line))
    start = start or (loose.pop(0) if loose else None)
    end = end or (loose.pop(0) if loose else None)
    if start:
        found.put("period_start", start[0], start[1])
    if end:
        found.put("period_end", end[0], end[1])


def _read_budget(body: list[Line], found: Found) -> None:
    years: list[BudgetYear] = []
    for line in body:
        cells = table_cells(line.text)
        if cells is not None:
            head, values = cells[0], [c for c in cells[1:] if c]
        else:
            head, _, rest = line.text.partition(":")
            values = [rest] if rest.strip() else []
        head = head.strip().casefold()
        year = re.fullmatch(r"(?:år\s*)?(\d{4})", head)
        amount = amount_of(values[0] if cells is not None and values else " ".join(values))
        if amount is None:
            continue
        if year and 1990 < int(year.group(1)) < 2100:
            years.append(BudgetYear(int(year.group(1)), amount))
            found.sources.setdefault("budget", line)
            found.sources[f"budget.{len(years)}"] = line
        elif re.fullmatch(r"totalt?|summa|total(t)? belopp|totalt sökt belopp", head):
            found.put("total_sek", amount, line)
    found.put("budget", tuple(years), found.sources.get("budget"))
    if years and "total_sek" not in found.values:
        found.put("total_sek", sum(b.amount_sek for b in years), found.sources["budget"], True)
