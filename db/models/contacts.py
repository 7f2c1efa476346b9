"""Lokusgrupper, organisations, people and memberships."""

from datetime import datetime

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

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
    # Lead times in days (0004). (The column ``own`` of 0004 is no longer read: a
    # group is someone's own in own_group, 0006.)
    notice_lead_days: int = Field(default=14, sa_column_kwargs={"server_default": "14"})
    points_lead_days: int = Field(default=21, sa_column_kwargs={"server_default": "21"})
    minutes_send_days: int = Field(default=7, sa_column_kwargs={"server_default": "7"})
    minutes_final_days: int = Field(default=30, sa_column_kwargs={"server_default": "30"})
    # An ended or merged group (0005): kept with its records, out of Översikt and pickers.
    archived_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class GroupGoal(Tracked, table=True):
    """The funding decision's targets for one group and calendar year (0004)."""

    __tablename__ = "group_goal"
    __table_args__ = (UniqueConstraint("group_id", "year", name="uq_group_goal"),)
    group_id: int = Field(foreign_key="lokus_group.id", index=True, ondelete="CASCADE")
    year: int
    lokus_meetings: int = 4
    competence_activities: int = 2


class OwnGroup(SQLModel, table=True):
    """A group one user counts as their own (first in their Översikt; 0006). An empty
    user name: everyone's own (what a one-user database had before)."""

    __tablename__ = "own_group"
    __table_args__ = (UniqueConstraint("user_name", "group_id", name="uq_own_group"),)
    id: int | None = Field(default=None, primary_key=True)
    user_name: str = Field(default="", index=True)
    group_id: int = Field(foreign_key="lokus_group.id", index=True, ondelete="CASCADE")


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
