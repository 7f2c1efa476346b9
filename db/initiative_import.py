"""Saving an imported application or decision (imports.model.ImportedInitiative).

Organisations and people already in the register are matched, not duplicated
(db.import_matching). An insats is matched by Dnr, then by name: a decision about a known
insats adds a funding decision to it (an extension, a tilläggsansökan), and
fills only what is still empty there; nothing stored is overwritten. Importing
the same document twice changes nothing the second time.

Everything is validated (with the register's own validators) before anything is
written, so a document with a bad e-mail address saves nothing.
"""

from dataclasses import dataclass, replace

from db.contacts import create_person, validate_person
from db.engine import Database
from db.errors import FieldError, ValidationError
from db.import_matching import ImportPlan, PartyMatch, plan_import
from db.initiative_changes import create_initiative, update_initiative, validate_initiative
from db.initiatives import get_initiative
from db.organisations import create_organisation, validate_organisation
from db.records import (
    BudgetLineInput,
    FundingInput,
    GoalInput,
    InitiativeInput,
    OrganisationInput,
    PartnerInput,
    PersonInput,
)
from db.vocabulary import InitiativeStatus, OrganisationKind
from imports.model import ImportedInitiative, Party

__all__ = ["ImportOutcome", "ImportPlan", "plan_import", "save_import"]

_KINDS = (
    ("kommun", OrganisationKind.MUNICIPALITY),
    ("arbetsförmedling", OrganisationKind.EMPLOYMENT_SERVICE),
    ("försäkringskass", OrganisationKind.SOCIAL_INSURANCE),
    ("region", OrganisationKind.REGION),
    ("samordningsförbund", OrganisationKind.ASSOCIATION),
)


@dataclass(frozen=True)
class ImportOutcome:
    initiative_id: int
    created: bool  # a new insats (else an existing one was added to)
    decision_added: bool
    organisations_created: int
    people_created: int


def _kind_of(name: str) -> str:
    low = name.casefold()
    return next((kind.value for word, kind in _KINDS if word in low), OrganisationKind.OTHER.value)


def _party_inputs(doc: ImportedInitiative, plan: ImportPlan):
    """(label, field, party, match) for the owner and each partner."""
    yield "Insatsägare", "owner", doc.owner, plan.owner
    for n, (party, match) in enumerate(zip(doc.partners, plan.partners, strict=True), 1):
        yield f"Samverkanspart {n}", f"partners.{n}", party, match


def _check_parties(doc: ImportedInitiative, plan: ImportPlan) -> list[FieldError]:
    errors: list[FieldError] = []
    for label, field, party, match in _party_inputs(doc, plan):
        if match.organisation_id is None and party.organisation:
            for e in validate_organisation(OrganisationInput(party.organisation)):
                errors.append(FieldError(field, f"{label}, organisation", e.message))
        if match.contact_id is None and party.contact:
            for e in validate_person(PersonInput(party.contact, email=party.email or "")):
                what = "e-post" if e.field == "email" else "kontaktperson"
                errors.append(FieldError(field, f"{label}, {what}", e.message))
        if party.contact is None and party.email and match.contact_id is None:
            errors.append(FieldError(field, label, "e-post utan kontaktperson; skriv namnet"))
        lone = party.organisation is None and (party.contact or party.email)
        if lone and match.organisation_id is None:
            errors.append(FieldError(field, label, "organisationen saknas"))
    return errors


def _resolve(db: Database, party: Party, match: PartyMatch, counts: dict) -> PartyMatch:
    org_id = match.organisation_id
    if org_id is None and party.organisation:
        org_id = create_organisation(
            db, OrganisationInput(party.organisation.strip(), _kind_of(party.organisation))
        )
        counts["organisations"] += 1
    contact_id = match.contact_id
    if contact_id is None and party.contact:
        contact_id = create_person(
            db, PersonInput(party.contact, email=party.email or "", organisation_id=org_id)
        )
        counts["people"] += 1
    return PartyMatch(org_id, contact_id)


def _funding(doc: ImportedInitiative) -> FundingInput | None:
    budget = tuple(BudgetLineInput(b.year, b.amount_sek) for b in doc.budget)
    source = f"Importerat från {doc.file_name}" if doc.file_name else "Importerat"
    if doc.decision is not None:
        d = doc.decision
        return FundingInput(
            doc.reference or "", d.date, d.start, d.end, d.amount_max_sek or 0, source, budget
        )
    if doc.period_start or doc.period_end or budget or doc.total_sek:
        applied = f"; ansökt belopp {doc.total_sek:,} kr".replace(",", " ") if doc.total_sek else ""
        note = f"{source}: ansökan, ännu inget beslut{applied}"
        return FundingInput(
            doc.reference or "", None, doc.period_start, doc.period_end, 0, note, budget
        )
    return None


def _goals(doc: ImportedInitiative) -> tuple[GoalInput, ...]:
    return tuple(GoalInput("effect", g) for g in doc.effect_goals) + tuple(
        GoalInput("output", g) for g in doc.output_goals
    )


def _new_input(doc: ImportedInitiative, owner: PartyMatch, partners, funding) -> InitiativeInput:
    application = doc.kind == "application"
    return InitiativeInput(
        name=doc.name or "",
        reference=doc.reference or "",
        owner_org_id=owner.organisation_id,
        owner_contact_id=owner.contact_id,
        purpose=doc.purpose or "",
        target_group=doc.target_group or "",
        method=doc.method or "",
        background=doc.background or "",
        start_date=doc.period_start if application else None,
        end_date=doc.period_end if application else None,
        manual_status=InitiativeStatus.APPLICATION.value if application else "",
        goals=_goals(doc),
        decisions=(funding,) if funding else (),
        partners=partners,
    )


def _added_to(data: InitiativeInput, doc: ImportedInitiative, owner, partners, funding):
    """The stored insats with the document added: empty fields filled, a new decision."""
    fill: dict[str, object] = {
        key: getattr(doc, key) or ""
        for key in ("reference", "purpose", "target_group", "method", "background")
        if not getattr(data, key) and getattr(doc, key)
    }
    if data.owner_org_id is None and owner.organisation_id is not None:
        fill["owner_org_id"] = owner.organisation_id
        fill["owner_contact_id"] = owner.contact_id
    if not data.goals:
        fill["goals"] = _goals(doc)
    known = {p.organisation_id for p in data.partners} | {
        fill.get("owner_org_id", data.owner_org_id)
    }
    new_partners = tuple(p for p in partners if p.organisation_id not in known)
    if new_partners:
        fill["partners"] = data.partners + new_partners
    added = False
    if funding is not None:
        decisions = list(data.decisions)
        same = [
            n
            for n, d in enumerate(decisions)
            if d.start_date == funding.start_date and d.end_date == funding.end_date
        ]
        placeholder = next((n for n in same if not decisions[n].amount_max_sek), None)
        decided = funding.amount_max_sek or funding.decision_date
        if not same:
            decisions.append(funding)
            added = True
        elif placeholder is not None and decided:
            old = decisions[placeholder]
            decisions[placeholder] = replace(funding, budget=funding.budget or old.budget)
            added = True
        fill["decisions"] = tuple(decisions)
        if decided and data.manual_status == InitiativeStatus.APPLICATION.value:
            fill["manual_status"] = ""
    return replace(data, **fill), added  # type: ignore[arg-type]


def save_import(db: Database, doc: ImportedInitiative) -> ImportOutcome:
    """Save what the coordinator approved; ValidationError (nothing saved) if it is not valid."""
    plan = plan_import(db, doc)
    errors = _check_parties(doc, plan)
    if not (doc.name or "").strip() and plan.initiative_id is None:
        errors.append(FieldError("name", "Namn", "måste fyllas i"))
    funding = _funding(doc)
    placeholder_ids = PartyMatch(None, None)
    probe = _new_input(doc, placeholder_ids, (), funding)
    errors += [e for e in validate_initiative(probe) if not e.field.startswith("partners")]
    if errors:
        raise ValidationError(errors)
    counts = {"organisations": 0, "people": 0}
    owner = _resolve(db, doc.owner, plan.owner, counts)
    partners: list[PartnerInput] = []
    for party, match in zip(doc.partners, plan.partners, strict=True):
        resolved = _resolve(db, party, match, counts)
        if resolved.organisation_id is not None and resolved.organisation_id not in (
            owner.organisation_id,
            *(p.organisation_id for p in partners),
        ):
            partners.append(PartnerInput(resolved.organisation_id, resolved.contact_id))
    if plan.initiative_id is None:
        new_id = create_initiative(db, _new_input(doc, owner, tuple(partners), funding))
        return ImportOutcome(
            new_id, True, funding is not None, counts["organisations"], counts["people"]
        )
    detail = get_initiative(db, plan.initiative_id)
    data, added = _added_to(detail.data, doc, owner, tuple(partners), funding)
    if data != detail.data:
        update_initiative(db, plan.initiative_id, data, detail.version)
    return ImportOutcome(
        plan.initiative_id, False, added, counts["organisations"], counts["people"]
    )
