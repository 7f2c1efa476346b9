"""Omvärldsbevakning (scanning).

Frozen records handed between the data layer and the screens: screens never see
ORM objects or sessions.
"""

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class ScanningInput:
    title: str
    kind: str = "external_project"
    entry_date: date | None = None
    group_id: int | None = None
    organisation_text: str = ""
    link: str = ""
    notes: str = ""


@dataclass(frozen=True)
class ScanningView:
    id: int
    version: int
    data: ScanningInput
    group_name: str = ""
