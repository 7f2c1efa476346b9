"""Changing the insats register: validation, create, update (with goals, decisions and partners), delete."""

from sqlalchemy import select
from sqlalchemy.orm.exc import StaleDataError
from sqlmodel import col

from db.engine import Database
from db.errors import ConflictError, NotFoundError, ValidationError
from db.models import (
    BudgetLine,
    FundingDecision,
    Goal,
    Initiative,
    InitiativePartner,
)
from db.records import (
    InitiativeInput,
)
from db.validation import MAX_LONG, Errors, check_period, check_text
from db.versioning import saved_id, touch
from db.vocabulary import MANUAL_INITIATIVE_STATUSES, GoalKind, Orientation


def validate_initiative(data: InitiativeInput) -> Errors:
    errors = Errors()
    check_text(data.name, "name", "Namn", errors, required=True)
    check_text(data.reference, "reference", "Diarienummer", errors)
    for key, label in (
        ("purpose", "Syfte"),
        ("target_group", "Målgrupp"),
        ("method", "Metod"),
        ("background", "Bakgrund"),
        ("priority_groups", "Prioriterade målgrupper"),
    ):
        check_text(getattr(data, key), key, label, errors, max_len=MAX_LONG)
    check_period(data.start_date, data.end_date, "end_date", "Slutdatum", errors)
    if data.manual_status not in ("", *MANUAL_INITIATIVE_STATUSES):
        errors.add("manual_status", "Status", "okänt värde")
    if data.orientation not in Orientation.values():
        errors.add("orientation", "Inriktning", "okänt värde")
    for n, goal in enumerate(data.goals, start=1):
        if goal.kind not in GoalKind.values():
            errors.add(f"goals.{n}.kind", f"Mål {n}", "okänd måltyp")
        check_text(goal.text, f"goals.{n}.text", f"Mål {n}", errors, required=True, max_len=2000)
    for n, dec in enumerate(data.decisions, start=1):
        label = f"Finansieringsbeslut {n}"
        check_text(dec.reference, f"decisions.{n}.reference", f"{label}, Dnr", errors)
        check_text(
            dec.note, f"decisions.{n}.note", f"{label}, anteckning", errors, max_len=MAX_LONG
        )
        check_period(
            dec.start_date, dec.end_date, f"decisions.{n}.end_date", f"{label}, slutdatum", errors
        )
        if dec.amount_max_sek is None or dec.amount_max_sek < 0:
            errors.add(
                f"decisions.{n}.amount_max_sek", f"{label}, belopp", "får inte vara negativt"
            )
        for line in dec.budget:
            if line.from_association_sek < 0 or line.own_financing_sek < 0:
                errors.add(f"decisions.{n}.budget", f"{label}, budget", "får inte vara negativ")
    seen: set[int] = set()
    for n, partner in enumerate(data.partners, start=1):
        if partner.organisation_id in seen:
            errors.add(
                f"partners.{n}.organisation_id",
                f"Samverkanspart {n}",
                "organisationen står redan med",
            )
        seen.add(partner.organisation_id)
    return errors


def _write_children(s, ini_id: int, data: InitiativeInput) -> None:
    for table in (Goal, FundingDecision, InitiativePartner):
        for row in (
            s.execute(select(table).where(col(table.initiative_id) == ini_id)).scalars().all()
        ):
            s.delete(row)
    s.flush()
    for pos, goal in enumerate(data.goals):
        s.add(Goal(initiative_id=ini_id, kind=goal.kind, text=goal.text.strip(), position=pos))
    for pos, dec in enumerate(data.decisions):
        fd = FundingDecision(
            initiative_id=ini_id,
            reference=dec.reference.strip(),
            decision_date=dec.decision_date,
            start_date=dec.start_date,
            end_date=dec.end_date,
            amount_max_sek=dec.amount_max_sek,
            note=dec.note,
            position=pos,
        )
        s.add(fd)
        s.flush()
        for line in dec.budget:
            s.add(
                BudgetLine(
                    funding_decision_id=saved_id(fd),
                    year=line.year,
                    from_association_sek=line.from_association_sek,
                    own_financing_sek=line.own_financing_sek,
                )
            )
    for pos, partner in enumerate(data.partners):
        s.add(
            InitiativePartner(
                initiative_id=ini_id,
                organisation_id=partner.organisation_id,
                contact_id=partner.contact_id,
                position=pos,
            )
        )


def _apply(ini: Initiative, data: InitiativeInput) -> None:
    for key in (
        "group_id",
        "owner_org_id",
        "owner_contact_id",
        "purpose",
        "target_group",
        "method",
        "background",
        "orientation",
        "priority_groups",
        "start_date",
        "end_date",
        "manual_status",
    ):
        setattr(ini, key, getattr(data, key))
    ini.name = data.name.strip()
    ini.reference = data.reference.strip()
    touch(ini)


def create_initiative(db: Database, data: InitiativeInput) -> int:
    errors = validate_initiative(data)
    if errors:
        raise ValidationError(errors)
    with db.session() as s:
        ini = Initiative(name=data.name.strip())
        _apply(ini, data)
        s.add(ini)
        s.flush()
        _write_children(s, saved_id(ini), data)
        return saved_id(ini)


def update_initiative(
    db: Database, initiative_id: int, data: InitiativeInput, expected_version: int
) -> int:
    """Replace the insats and its goals, decisions and partners; returns the new version."""
    errors = validate_initiative(data)
    if errors:
        raise ValidationError(errors)
    try:
        with db.session() as s:
            ini = s.get(Initiative, initiative_id)
            if ini is None:
                raise NotFoundError("Insatsen har tagits bort i ett annat fönster.")
            if ini.version != expected_version:
                raise ConflictError("Insatsen")
            _apply(ini, data)
            s.flush()
            _write_children(s, initiative_id, data)
            s.flush()
            return ini.version
    except StaleDataError as exc:
        raise ConflictError("Insatsen") from exc


def delete_initiative(db: Database, initiative_id: int, expected_version: int) -> None:
    try:
        with db.session() as s:
            ini = s.get(Initiative, initiative_id)
            if ini is None:
                return
            if ini.version != expected_version:
                raise ConflictError("Insatsen")
            s.delete(ini)
    except StaleDataError as exc:
        raise ConflictError("Insatsen") from exc
