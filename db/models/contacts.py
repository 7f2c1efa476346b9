"""Lokusgrupper, organisations, people and memberships."""

from datetime import datetime

from sqlalchemy import UniqueConstraint
from sqlmodel import Field

from db.models.base import Tracked, UTCDateTime
from db.vocabulary import MembershipRole


class Group(Tracked, table=True):
    __tablename__ = "lokus_group"
    name: str = Field(index=True, unique=True)
    municipality: str = ""
    note: str = ""
    # One agenda item title per line; empty means the standard template.
    agenda_template: str = ""
    coordinator_id: int | None = Field(default=None, foreign_key="person.id", ondelete="SET NULL")


class Organisation(Tracked, table=True):
    name: str = Field(index=True, unique=True)
    kind: str = "other"
    note: str = ""


class Person(Tracked, table=True):
    name: str = Field(index=True)
    title: str = ""
    email: str = ""
    phone: str = ""
    organisation_id: int | None = Field(
        default=None, foreign_key="organisation.id", index=True, ondelete="SET NULL"
    )
    note: str = ""
    # Set when the person was "deleted" but appears in meeting records: hidden from
    # lists and pickers, kept in the records, can be restored.
    archived_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class Membership(Tracked, table=True):
    __table_args__ = (UniqueConstraint("group_id", "person_id", name="uq_membership"),)
    group_id: int = Field(foreign_key="lokus_group.id", index=True, ondelete="CASCADE")
    person_id: int = Field(foreign_key="person.id", index=True, ondelete="CASCADE")
    role: str = MembershipRole.MEMBER.value
