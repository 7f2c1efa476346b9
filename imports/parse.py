"""A file -> what it says: ``import_file(path)`` (ReadError if it cannot be read)."""

import re
from pathlib import Path

from imports.application import Found, read_application
from imports.decision import is_decision, read_decision
from imports.lines import clean_lines
from imports.model import ImportedInitiative, Party
from imports.reading import read_file

_DNR = re.compile(r"\bDnr\.?:?\s*(\d{2,4}\s*[:/.-]\s*[0-9]+(?:[:/.-][0-9A-Za-z]+)*)", re.I)


def import_file(path: Path) -> ImportedInitiative:
    return parse_text(read_file(path), path.name)


def parse_text(text: str, file_name: str = "") -> ImportedInitiative:
    lines = clean_lines(text)
    found = Found()
    kind = "decision" if is_decision(lines) else "application"
    # an application's headings first: a decision may also have labelled fields
    read_application(lines, found)
    if kind == "decision":
        read_decision(lines, found)
    for item in lines:
        m = _DNR.search(item.text)
        if m:
            found.put("reference", re.sub(r"\s", "", m.group(1)), item.line)
            break
    values = found.values
    owner = values.get("owner") or Party()
    sources = dict(found.sources)
    if "owner" in sources:
        for key in ("organisation", "contact", "email"):
            sources.setdefault(f"owner.{key}", sources["owner"])
    uncertain = set(found.uncertain)
    if "owner" in uncertain:
        uncertain.discard("owner")
        uncertain |= {f"owner.{k}" for k, v in owner.to_json().items() if v}
    return ImportedInitiative(
        kind=kind,
        name=values.get("name"),
        reference=values.get("reference"),
        owner=owner,
        partners=values.get("partners", ()),
        purpose=values.get("purpose"),
        target_group=values.get("target_group"),
        method=values.get("method"),
        background=values.get("background"),
        effect_goals=values.get("effect_goals", ()),
        output_goals=values.get("output_goals", ()),
        period_start=values.get("period_start"),
        period_end=values.get("period_end"),
        budget=values.get("budget", ()),
        total_sek=values.get("total_sek"),
        decision=values.get("decision"),
        sources=tuple(sorted(sources.items())),
        uncertain=tuple(sorted(uncertain)),
        file_name=file_name,
    )
