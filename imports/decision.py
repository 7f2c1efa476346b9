"""A board decision (or the proposal for one): the title, the "att …" clauses with the
amount and the period, and what the case text says about owner, parties, purpose,
target group and goals (read from running text, so marked as uncertain)."""

import re

from imports.application import Found
from imports.lines import GENERIC, Cleaned, glue, heading_key, strip_bullet
from imports.model import DecisionFound, Line, Party
from imports.values import amounts_in, dates_in

DECISION_START = re.compile(
    r"förslag till beslut|föreslås besluta|(styrelsen|förbundsstyrelsen) beslut(ar|ade)|^beslut:?$",
    re.IGNORECASE,
)
_CLAUSES_END = re.compile(r"ärendet|ärende|bedömning|bakgrund|beslutsunderlag", re.IGNORECASE)
_SUFFIX = re.compile(
    r"\s*[-–—:]\s*(tilläggsansökan|förlängning|fortsättningsansökan|ansökan|beslut)$",
    re.IGNORECASE,
)
_NAME_IN_CLAUSE = re.compile(
    r"(?:enligt\s+(?:tilläggs|fortsättnings)?ansökan(?:\s+till\s+insatsen)?|till\s+insatsen)\s+"
    r"(.+?)(?:,|\s+för\s+perioden|\s+under\s+perioden|\s+med\s+|$)",
    re.IGNORECASE,
)
_DECISION_DATE = re.compile(
    r"beslutsdatum|beslutad(e)?\s|datum för beslut|sammanträde(sdatum)?|protokoll", re.IGNORECASE
)


def is_decision(lines: list[Cleaned]) -> bool:
    return any(DECISION_START.search(item.text) for item in lines if len(item.text) < 90)


def read_decision(lines: list[Cleaned], found: Found) -> None:
    start = next(
        (n for n, item in enumerate(lines) if DECISION_START.search(item.text)), len(lines)
    )
    _read_title(lines[:start], found)
    clauses = _clauses(lines[start:])
    amount: tuple[int, Line] | None = None
    period: tuple[list, Line] | None = None
    for text, line in clauses:
        low = text.casefold()
        if "maximalt" in low or "bevilja" in low or "avsätta" in low:
            money = amounts_in(text.split("maximalt", 1)[-1], with_unit=True) or amounts_in(
                text, with_unit=True
            )
            if money and amount is None:
                amount = (money[0], line)
            days = dates_in(text)
            if len(days) >= 2 and period is None:
                period = (days, line)
        m = _NAME_IN_CLAUSE.search(text)
        if m:
            name = m.group(1).strip(" .*")
            if "name" not in found.values:
                found.put("name", name, line)
            elif name.casefold() != str(found.values["name"]).casefold():
                found.uncertain.add("name")
    decided_on = None
    for item in lines:
        if _DECISION_DATE.search(item.text) and dates_in(item.text):
            decided_on = dates_in(item.text)[0]
            found.sources["decision.date"] = item.line
            break
    found.values["decision"] = DecisionFound(
        date=decided_on,
        amount_max_sek=amount[0] if amount else None,
        start=period[0][0] if period else None,
        end=period[0][1] if period else None,
    )
    if amount:
        found.sources["decision.amount_max_sek"] = amount[1]
        found.sources.setdefault("decision", amount[1])
    if period:
        found.sources["decision.start"] = found.sources["decision.end"] = period[1]
        found.sources.setdefault("decision", period[1])
        found.put("period_start", period[0][0], period[1])
        found.put("period_end", period[0][1], period[1])
    _read_case(lines[start:], found)


def _read_title(before: list[Cleaned], found: Found) -> None:
    for item in before:
        text = item.text
        if not text or text.casefold() in GENERIC or re.match(r"dnr\b", text, re.IGNORECASE):
            continue
        if re.match(r"[\w ]{1,20}:\s", text):  # "Från: …", "Ämne: …" of a pasted e-mail
            continue
        found.put("name", _SUFFIX.sub("", text).strip(), item.line)
        return


def _clauses(lines: list[Cleaned]) -> list[tuple[str, Line]]:
    """Each "att …" clause of the decision, with its wrapped lines joined."""
    out: list[tuple[str, Line]] = []
    for item in lines[1:]:
        text, _ = strip_bullet(item.text)
        if _CLAUSES_END.fullmatch(text) or (heading_key(item)[2] and out):
            break
        if re.match(r"att\s", text, re.IGNORECASE):
            out.append((text, item.line))
        elif out and text:
            out[-1] = (glue(out[-1][0], text), out[-1][1])
    return out


def sentences(lines: list[Cleaned]) -> list[tuple[str, Line]]:
    """The running text as sentences, each with the line it starts on."""
    out: list[tuple[str, Line]] = []
    current, first = "", None
    for item in lines:
        text = item.text
        if not text:
            continue
        if heading_key(item)[2] or text.casefold() in GENERIC:
            if current and first is not None:
                out.append((current, first))
            current, first = "", None
            continue
        for piece in re.split(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ])", text):
            if first is None:
                first = item.line
            current = glue(current, piece)
            if re.search(r"[.!?]$", piece):
                out.append((current, first))
                current, first = "", None
    if current and first is not None:
        out.append((current, first))
    return out


def _split_goals(text: str) -> list[str]:
    parts = re.split(r"\s+samt\s+", text)
    if len(parts) == 1:
        pieces = re.split(r";\s+|,\s+", text)
        if len(pieces) > 1 and all(len(p.split()) >= 5 for p in pieces):
            parts = pieces
    out = []
    for part in parts:
        part = re.sub(r"^att\s+", "", part.strip(" .")).strip()
        if part:
            out.append(part[0].upper() + part[1:])
    return out


def _read_case(lines: list[Cleaned], found: Found) -> None:
    """Owner, parties, purpose, target group and goals from the case text."""
    owner = None
    for text, line in sentences(lines):
        low = text.casefold()
        m = re.search(r"([A-ZÅÄÖ][\wåäö]*(?: [\wåäö]+)?) (?:är|utgör) (?:huvud)?insatsägare", text)
        if m and owner is None:
            owner = m.group(1)
            found.put("owner", Party(organisation=owner), line, True)
        m = re.match(r"(.+?)\s+ansöker\b", text)
        if m and "partners" not in found.values:
            names = [n.strip() for n in re.split(r",\s*|\s+och\s+", m.group(1))]
            names = [n for n in names if n and n[0].isupper() and len(n.split()) <= 3]
            found.put("partners", tuple(Party(organisation=n) for n in names), line, True)
        if re.search(r"\bsyfte(t)?\b", low):
            found.put("purpose", text, line, True)
        if low.startswith("målgrupp"):
            found.put("target_group", text, line, True)
        for key, word in (("effect_goals", "effektmål"), ("output_goals", "insatsmål")):
            m = re.search(rf"{word}[^:]*:\s*(.+)$", text, re.IGNORECASE)
            if m:
                found.put(key, tuple(_split_goals(m.group(1))), line, True)
    partners = found.values.get("partners")
    if owner and partners:
        rest = tuple(p for p in partners if (p.organisation or "").casefold() != owner.casefold())
        found.values["partners"] = rest
        if not rest:
            del found.values["partners"]
