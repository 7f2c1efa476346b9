"""Omvärldsbevakning."""

from datetime import date

from sqlmodel import Field

from db.models.base import Tracked


class ScanningEntry(Tracked, table=True):
    group_id: int | None = Field(
        default=None, foreign_key="lokus_group.id", index=True, ondelete="SET NULL"
    )
    kind: str = "external_project"
    entry_date: date | None = None
    title: str
    organisation_text: str = ""
    contact_id: int | None = Field(default=None, foreign_key="person.id", ondelete="SET NULL")
    link: str = ""
    notes: str = ""
