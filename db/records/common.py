"""Records shared by every domain.

Frozen records handed between the data layer and the screens: screens never see
ORM objects or sessions.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Option:
    id: int
    label: str


@dataclass(frozen=True)
class Page:
    rows: list
    total: int
    offset: int = 0


@dataclass(frozen=True)
class ContactRef:
    person_id: int | None
    name: str
    title: str = ""
    email: str = ""
    phone: str = ""


@dataclass(frozen=True)
class SearchHit:
    kind: str  # initiative, person, organisation
    id: int
    title: str
    detail: str = ""
