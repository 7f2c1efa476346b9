"""Plain data handed between the data layer and the screens, by domain.

Screens never see ORM objects or sessions: they get these frozen records and send
back the ``...Input`` records, which the data layer validates.

The names below are imported from their domain's module when first used (PEP
562): the first screen needs only the overview's records, and importing every
domain's dataclasses before it shows costs about 30 ms of start-up.
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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
    from db.records.overview import Overview  # noqa: F401
    from db.records.scanning import (  # noqa: F401
        ScanningInput,
        ScanningView,
    )

_HOME = {
    "ContactRef": "common",
    "Option": "common",
    "Page": "common",
    "SearchHit": "common",
    "GroupRow": "contacts",
    "MembershipView": "contacts",
    "MemberView": "contacts",
    "OrganisationInput": "contacts",
    "OrganisationRow": "contacts",
    "PersonDetail": "contacts",
    "PersonInput": "contacts",
    "PersonRow": "contacts",
    "PersonUsage": "contacts",
    "BudgetLineInput": "initiatives",
    "FundingInput": "initiatives",
    "GoalInput": "initiatives",
    "InitiativeDetail": "initiatives",
    "InitiativeInput": "initiatives",
    "InitiativeRow": "initiatives",
    "PartnerInput": "initiatives",
    "PartnerView": "initiatives",
    "initiative_status": "initiatives",
    "AgendaItemInput": "meetings",
    "AgendaItemView": "meetings",
    "AgendaTemplate": "meetings",
    "GuestView": "meetings",
    "MeetingDetail": "meetings",
    "MeetingInput": "meetings",
    "MeetingRow": "meetings",
    "NoticeData": "meetings",
    "NoticeGuest": "meetings",
    "PointsRequestView": "meetings",
    "ProposalView": "meetings",
    "SentNotice": "meetings",
    "ActionInput": "minutes",
    "ActionRow": "minutes",
    "AttendanceRow": "minutes",
    "CommentView": "minutes",
    "DecisionView": "minutes",
    "MinutesData": "minutes",
    "MinutesItem": "minutes",
    "MinutesState": "minutes",
    "NotesSaved": "minutes",
    "PartyCount": "minutes",
    "Overview": "overview",
    "ScanningInput": "scanning",
    "ScanningView": "scanning",
}


def __getattr__(name: str) -> Any:
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"db.records.{home}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_HOME])
