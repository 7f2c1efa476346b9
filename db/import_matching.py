"""Which insats, organisations and people in the register an imported document is about.

A person is matched by e-mail, then by name within the same organisation; an
organisation through its contact's e-mail, then by name; an insats by Dnr (its own
or a funding decision's), then by name. Names compare without regard to case or
spacing. Nothing here writes.
"""

from dataclasses import dataclass

from sqlalchemy import select
from sqlmodel import col

from db.engine import Database
from db.models import FundingDecision, Initiative, Organisation, Person
from imports.model import ImportedInitiative, Party


@dataclass(frozen=True)
class PartyMatch:
    """Ids already in the register (None: will be created on saving)."""

    organisation_id: int | None
    contact_id: int | None


@dataclass(frozen=True)
class ImportPlan:
    initiative_id: int | None  # the known insats the document is about
    initiative_name: str
    matched_by: str  # "dnr", "name" or ""
    owner: PartyMatch
    partners: tuple[PartyMatch, ...]

    def describe(self, kind: str) -> str:
        """One Swedish sentence: what saving will do with the insats."""
        if self.initiative_id is None:
            return "Ny insats: sparas som en ny insats i registret."
        how = "samma Dnr" if self.matched_by == "dnr" else "samma namn"
        added = (
            "Beslutet läggs till som ett nytt finansieringsbeslut"
            if kind == "decision"
            else "Ansökan fyller i det som saknas"
        )
        return (
            f"Finns redan ({how}): ”{self.initiative_name}”. {added}; det som redan "
            "är ifyllt ändras inte."
        )


def _key(text: str | None) -> str:
    return " ".join((text or "").split()).casefold()


def plan_import(db: Database, doc: ImportedInitiative) -> ImportPlan:
    """What the document matches in the register; writes nothing."""
    with db.session() as s:
        orgs = {
            _key(name): oid
            for oid, name in s.execute(select(col(Organisation.id), col(Organisation.name)))
        }
        people = s.execute(
            select(
                col(Person.id), col(Person.name), col(Person.email), col(Person.organisation_id)
            ).where(col(Person.archived_at).is_(None))
        ).all()
        found_id, found_name, how = _match_initiative(s, doc)

    def match(party: Party) -> PartyMatch:
        org_id = orgs.get(_key(party.organisation)) if party.organisation else None
        person = None
        if party.email:
            person = next((p for p in people if _key(p.email) == _key(party.email)), None)
            if person is not None and person.organisation_id is not None:
                org_id = person.organisation_id
        if person is None and party.contact:
            # by name only within the same organisation: two people may share a name
            person = next(
                (
                    p
                    for p in people
                    if _key(p.name) == _key(party.contact) and p.organisation_id == org_id
                ),
                None,
            )
        return PartyMatch(org_id, person.id if person is not None else None)

    return ImportPlan(
        found_id,
        found_name,
        how,
        match(doc.owner),
        tuple(match(p) for p in doc.partners),
    )


def _match_initiative(s, doc: ImportedInitiative) -> tuple[int | None, str, str]:
    if doc.reference:
        row = s.execute(
            select(col(Initiative.id), col(Initiative.name))
            .outerjoin(FundingDecision, col(FundingDecision.initiative_id) == col(Initiative.id))
            .where(
                (col(Initiative.reference) == doc.reference)
                | (col(FundingDecision.reference) == doc.reference)
            )
            .order_by(col(Initiative.id))
        ).first()
        if row is not None:
            return row.id, row.name, "dnr"
    if doc.name:
        for ini_id, name in s.execute(
            select(col(Initiative.id), col(Initiative.name)).order_by(col(Initiative.id))
        ):
            if _key(name) == _key(doc.name):
                return ini_id, name, "name"
    return None, "", ""
