"""What an application or a decision was found to say: plain frozen data.

Every value remembers the line it came from (``sources``) so that the coordinator
can check it; values read from running text rather than from a labelled field are
listed in ``uncertain``.
"""

import datetime as dt
from dataclasses import dataclass, field, replace

KINDS = ("application", "decision")


class ReadError(Exception):
    """The file cannot be read as a document; str() is a Swedish sentence for the user."""


@dataclass(frozen=True)
class Line:
    number: int  # 1-based, in the text as read from the file
    text: str


@dataclass(frozen=True)
class Party:
    organisation: str | None = None
    contact: str | None = None
    email: str | None = None

    def to_json(self) -> dict:
        return {"organisation": self.organisation, "contact": self.contact, "email": self.email}


@dataclass(frozen=True)
class BudgetYear:
    year: int
    amount_sek: int


@dataclass(frozen=True)
class DecisionFound:
    date: dt.date | None = None
    amount_max_sek: int | None = None
    start: dt.date | None = None
    end: dt.date | None = None

    def to_json(self) -> dict:
        return {
            "date": _iso(self.date),
            "amount_max_sek": self.amount_max_sek,
            "start": _iso(self.start),
            "end": _iso(self.end),
        }


@dataclass(frozen=True)
class ImportedInitiative:
    kind: str
    name: str | None = None
    reference: str | None = None
    owner: Party = field(default_factory=Party)
    partners: tuple[Party, ...] = ()
    purpose: str | None = None
    target_group: str | None = None
    method: str | None = None
    background: str | None = None
    effect_goals: tuple[str, ...] = ()
    output_goals: tuple[str, ...] = ()
    period_start: dt.date | None = None
    period_end: dt.date | None = None
    budget: tuple[BudgetYear, ...] = ()
    total_sek: int | None = None
    decision: DecisionFound | None = None
    # key ("name", "owner.email", "partners.2", "effect_goals.1" …) -> the line it came from
    sources: tuple[tuple[str, Line], ...] = ()
    # keys whose value was read from running text or corrected, to be checked
    uncertain: tuple[str, ...] = ()
    file_name: str = ""

    def source(self, key: str) -> Line | None:
        return dict(self.sources).get(key)

    def with_values(self, **values) -> "ImportedInitiative":
        return replace(self, **values)

    @property
    def missing(self) -> list[str]:
        """Keys of the JSON object that were not found (``owner.email`` for a part)."""
        out: list[str] = []
        for key in _KEYS:
            if key == "owner":
                owner = self.owner.to_json()
                if not any(owner.values()):
                    out.append("owner")
                else:
                    out += [f"owner.{k}" for k, v in owner.items() if v is None]
            elif key == "decision":
                if self.decision is None:
                    out.append("decision")
                else:
                    out += [
                        f"decision.{k}" for k, v in self.decision.to_json().items() if v is None
                    ]
            elif getattr(self, key) in (None, "", ()):
                out.append(key)
        return out

    def to_json(self) -> dict:
        return {
            "kind": self.kind,
            "name": self.name,
            "reference": self.reference,
            "owner": self.owner.to_json(),
            "partners": [p.to_json() for p in self.partners],
            "purpose": self.purpose,
            "target_group": self.target_group,
            "method": self.method,
            "background": self.background,
            "effect_goals": list(self.effect_goals),
            "output_goals": list(self.output_goals),
            "period_start": _iso(self.period_start),
            "period_end": _iso(self.period_end),
            "budget": [{"year": b.year, "amount_sek": b.amount_sek} for b in self.budget],
            "total_sek": self.total_sek,
            "decision": self.decision.to_json() if self.decision else None,
            "missing": self.missing,
        }


_KEYS = (
    "name",
    "reference",
    "owner",
    "partners",
    "purpose",
    "target_group",
    "method",
    "background",
    "effect_goals",
    "output_goals",
    "period_start",
    "period_end",
    "budget",
    "total_sek",
    "decision",
)


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


# Swedish names of the keys, for messages and the review form.
LABELS = {
    "kind": "Typ",
    "name": "Insatsens namn",
    "reference": "Dnr",
    "owner": "Insatsägare",
    "owner.organisation": "Insatsägare",
    "owner.contact": "Kontaktperson hos ägaren",
    "owner.email": "E-post till kontaktpersonen",
    "partners": "Samverkansparter",
    "purpose": "Syfte",
    "target_group": "Målgrupp",
    "method": "Metod",
    "background": "Bakgrund",
    "effect_goals": "Effektmål",
    "output_goals": "Insatsmål",
    "period_start": "Startdatum",
    "period_end": "Slutdatum",
    "budget": "Budget per år",
    "total_sek": "Budget totalt",
    "decision": "Beslut",
    "decision.date": "Beslutsdatum",
    "decision.amount_max_sek": "Beviljat belopp (max)",
    "decision.start": "Beslutets startdatum",
    "decision.end": "Beslutets slutdatum",
}
KIND_LABELS = {"application": "ansökan", "decision": "beslut"}
