"""The fields of the import review form: what each shows, which line of the document
it came from, and how the register already knows its parties."""

from db.initiative_import import ImportPlan
from exports.swedish import format_amount
from imports.model import DecisionFound, ImportedInitiative, Party

# form field -> (label, key in the document's sources/missing, kind of widget)
FIELDS: tuple[tuple[str, str, str, str], ...] = (
    ("name", "Insatsens namn *", "name", "line"),
    ("reference", "Dnr", "reference", "line"),
    ("owner_organisation", "Insatsägare (organisation)", "owner.organisation", "line"),
    ("owner_contact", "Kontaktperson hos ägaren", "owner.contact", "line"),
    ("owner_email", "Kontaktpersonens e-post", "owner.email", "line"),
    ("partners", "Samverkansparter: organisation; kontaktperson; e-post", "partners", "text"),
    ("purpose", "Syfte", "purpose", "text"),
    ("target_group", "Målgrupp", "target_group", "text"),
    ("method", "Metod", "method", "text"),
    ("background", "Bakgrund", "background", "text"),
    ("effect_goals", "Effektmål (ett per rad)", "effect_goals", "text"),
    ("output_goals", "Insatsmål (ett per rad)", "output_goals", "text"),
    ("period_start", "Startdatum (ÅÅÅÅ-MM-DD)", "period_start", "date"),
    ("period_end", "Slutdatum", "period_end", "date"),
    ("budget", "Budget per år (ÅÅÅÅ: belopp)", "budget", "text"),
    ("total_sek", "Budget totalt", "total_sek", "line"),
    ("decision_date", "Beslutsdatum", "decision.date", "date"),
    ("decision_amount", "Beviljat belopp (max)", "decision.amount_max_sek", "line"),
    ("decision_start", "Beslutets startdatum", "decision.start", "date"),
    ("decision_end", "Beslutets slutdatum", "decision.end", "date"),
)
LABELS = {field: label.rstrip(" *") for field, label, _key, _kind in FIELDS}
# where the data layer's messages belong in this form
ERROR_FIELDS = (
    (r"owner$", "owner_organisation"),
    (r"partners\b.*", "partners"),
    (r"decisions\.\d+\.amount.*", "decision_amount"),
    (r"decisions\.\d+\..*", "decision_end"),
    (r"start_date$", "period_start"),
    (r"end_date$", "period_end"),
    (r"goals\..*", "effect_goals"),
)


def _date(value) -> str:
    return value.isoformat() if value else ""


def _amount(value: int | None) -> str:
    return format_amount(value) if value is not None else ""


def _party_line(p: Party) -> str:
    return "; ".join(x or "" for x in (p.organisation, p.contact, p.email)).rstrip("; ")


def initial_values(doc: ImportedInitiative) -> dict[str, str]:
    d = doc.decision or DecisionFound()
    return {
        "name": doc.name or "",
        "reference": doc.reference or "",
        "owner_organisation": doc.owner.organisation or "",
        "owner_contact": doc.owner.contact or "",
        "owner_email": doc.owner.email or "",
        "partners": "\n".join(_party_line(p) for p in doc.partners),
        "purpose": doc.purpose or "",
        "target_group": doc.target_group or "",
        "method": doc.method or "",
        "background": doc.background or "",
        "effect_goals": "\n".join(doc.effect_goals),
        "output_goals": "\n".join(doc.output_goals),
        "period_start": _date(doc.period_start),
        "period_end": _date(doc.period_end),
        "budget": "\n".join(f"{b.year}: {format_amount(b.amount_sek)}" for b in doc.budget),
        "total_sek": _amount(doc.total_sek),
        "decision_date": _date(d.date),
        "decision_amount": _amount(d.amount_max_sek),
        "decision_start": _date(d.start),
        "decision_end": _date(d.end),
    }


def source_note(doc: ImportedInitiative, key: str) -> tuple[str, str]:
    """(the note under a field, its class): where the value came from, or that it is missing."""
    missing = doc.missing
    base = key.split(".")[0]
    if key.startswith("decision.") and doc.decision is None:
        if doc.kind == "application":
            return "Ansökan: inget beslut ännu (fyll i om det finns)", "field-source"
        return "SAKNAS i dokumentet", "field-source missing"
    if key in missing or base in missing:
        return "SAKNAS i dokumentet: fyll i eller lämna tomt", "field-source missing"
    line = doc.source(key) or doc.source(base)
    where = f"rad {line.number}: {line.text}" if line else "ur dokumentet"
    where = where if len(where) <= 130 else where[:129] + "…"
    unsure = key in doc.uncertain or (
        "." not in key and any(k.startswith(key + ".") for k in doc.uncertain)
    )
    if unsure:
        return f"OSÄKERT, kontrollera – {where}", "field-source uncertain"
    return f"Från {where}", "field-source"


def register_note(doc: ImportedInitiative, plan: ImportPlan) -> str:
    """How many of the named organisations and people are in the register already."""
    known = new = 0
    for party, match in ((doc.owner, plan.owner), *zip(doc.partners, plan.partners, strict=True)):
        for named, found in (
            (party.organisation, match.organisation_id),
            (party.contact, match.contact_id),
        ):
            if named:
                known, new = (known + 1, new) if found is not None else (known, new + 1)
    if not known and not new:
        return ""
    return f"Organisationer och personer: {known} finns i registret, {new} läggs till. "
