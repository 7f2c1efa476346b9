"""The whole lokus domain model as SQLModel tables.

Names follow the glossary in DOMAIN.md: English in code, Swedish in the UI.
Every mutable row carries ``created_at``, ``updated_at`` and ``version``; the
mapper uses ``version`` as SQLAlchemy's version counter, so a stale UPDATE
raises instead of silently overwriting.

Datetimes are stored as UTC (naive in SQLite, converted by ``UTCDateTime``)
and handed out timezone-aware.
"""

from db.models.base import Tracked, UTCDateTime, utcnow  # noqa: F401
from db.models.contacts import (  # noqa: F401
    Group,
    GroupGoal,
    Membership,
    Organisation,
    OwnGroup,
    Person,
)
from db.models.initiatives import BudgetLine, FundingDecision, Goal, Initiative, InitiativePartner  # noqa: F401
from db.models.meetings import AgendaItem, AgendaProposal, GuestInvitation, Meeting, PointsRequest  # noqa: F401
from db.models.minutes import (  # noqa: F401
    ActionItem,
    Attendance,
    Decision,
    ExportRecord,
    Minutes,
    MinutesComment,
)
from db.models.scanning import ScanningEntry  # noqa: F401

VERSIONED_TABLES = [
    Group,
    GroupGoal,
    Organisation,
    Person,
    Membership,
    Initiative,
    InitiativePartner,
    Goal,
    FundingDecision,
    BudgetLine,
    Meeting,
    AgendaItem,
    AgendaProposal,
    PointsRequest,
    GuestInvitation,
    Attendance,
    Decision,
    ActionItem,
    Minutes,
    MinutesComment,
    ExportRecord,
    ScanningEntry,
]
