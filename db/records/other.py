"""The overview and omvärldsbevakning.

Frozen records handed between the data layer and the screens: screens never see
ORM objects or sessions.
"""

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Overview:
    groups: int
    initiatives: int
    initiatives_running: int
    people: int = 0
    open_actions: int = 0
    overdue_actions: int = 0
    todo: list = field(default_factory=list)  # (meeting id, text) to act on now
    blocks: list = field(default_factory=list)  # GroupBlock of the page shown
    order: list = field(default_factory=list)  # GroupRef of every group, own groups first
    page: int = 0
    pages: int = 1


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
