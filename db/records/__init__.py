"""Plain data handed between the data layer and the screens, by domain.

Screens never see ORM objects or sessions: they get these frozen records and send
back the ``...Input`` records, which the data layer validates.
"""

from db.records.common import (  # noqa: F401
    ContactRef,
    Option,
    Page,
    SearchHit,
)
from db.records.contacts import (  # noqa: F401
    GroupRow,
    MembershipView,
    MemberView,
    OrganisationInput,
    OrganisationRow,
    PersonDetail,
    PersonInput,
    PersonRow,
    PersonUsage,
)
from db.records.initiatives import (  # noqa: F401
    BudgetLineInput,
    FundingInput,
    GoalInput,
    InitiativeDetail,
    InitiativeInput,
    InitiativeRow,
    PartnerInput,
    PartnerView,
    initiative_status,
)
from db.records.meetings import (  # noqa: F401
    AgendaItemInput,
    AgendaItemView,
    AgendaTemplate,
    GuestView,
    MeetingDetail,
    MeetingInput,
    MeetingRow,
    NoticeData,
    NoticeGuest,
    PointsRequestView,
    ProposalView,
    SentNotice,
)
from db.records.minutes import (  # noqa: F401
    ActionInput,
    ActionRow,
    AttendanceRow,
    CommentView,
    DecisionView,
    MinutesData,
    MinutesItem,
    MinutesState,
    NotesSaved,
    PartyCount,
)
from db.records.other import (  # noqa: F401
    Overview,
    ScanningInput,
    ScanningView,
)
