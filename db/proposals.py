"""Preparing a meeting: points from the parties, the asked/answered checklist, guests."""

from datetime import date

from sqlalchemy import func, select
from sqlmodel import col

from db import clock
from db.agenda import insert_item, position_before_other
from db.engine import Database
from db.errors import LokusError, NotFoundError, ValidationError
from db.meeting_rules import ensure_record_open
from db.meetings import next_meeting_id
from db.models import (
    AgendaProposal,
    Meeting,
    Membership,
    Organisation,
    Person,
    PointsRequest,
)
from db.records import (
    AgendaItemInput,
    PointsRequestView,
    ProposalView,
)
from db.validation import Errors, check_text
from db.versioning import check_version, get_checked, get_row, saved_id, touch
from db.vocabulary import AgendaItemKind

# --- proposals ------------------------------------------------------------------------


def list_proposals(db: Database, meeting_id: int) -> list[ProposalView]:
    with db.session() as s:
        rows = s.execute(
            select(AgendaProposal, col(Person.name), col(Organisation.name))
            .outerjoin(Person, col(Person.id) == col(AgendaProposal.person_id))
            .outerjoin(Organisation, col(Organisation.id) == col(AgendaProposal.organisation_id))
            .where(col(AgendaProposal.meeting_id) == meeting_id)
            .order_by(col(AgendaProposal.received_date), col(AgendaProposal.id))
        ).all()
    return [
        ProposalView(
            p.id,
            p.version,
            p.text,
            person or "",
            org or "",
            p.received_date,
            p.status,
            p.reason,
            p.agenda_item_id,
        )
        for p, person, org in rows
    ]


def add_proposal(
    db: Database,
    meeting_id: int,
    text: str,
    organisation_id: int | None = None,
    person_id: int | None = None,
    received_date: date | None = None,
) -> int:
    errors = Errors()
    check_text(text, "text", "Förslag", errors, required=True, max_len=2000)
    if errors:
        raise ValidationError(errors)
    with db.session() as s:
        if s.get(Meeting, meeting_id) is None:
            raise NotFoundError("Mötet finns inte.")
        received = received_date or clock.today()
        if person_id and organisation_id is None:
            person = s.get(Person, person_id)
            organisation_id = person.organisation_id if person else None
        p = AgendaProposal(
            meeting_id=meeting_id,
            text=text.strip(),
            person_id=person_id,
            organisation_id=organisation_id,
            received_date=received,
        )
        s.add(p)
        s.flush()
        if organisation_id:
            _mark_answered(s, meeting_id, organisation_id, received)
        return saved_id(p)


def _proposal(s, proposal_id: int, expected_version: int) -> AgendaProposal:
    p = get_checked(s, AgendaProposal, proposal_id, expected_version, "Förslaget")
    if p.status not in ("received", "postponed"):
        raise LokusError("Förslaget är redan behandlat.")
    return p


def accept_proposal(
    db: Database, proposal_id: int, expected_version: int, minutes: int = 10
) -> int:
    """The proposal becomes an agenda item (before "Övriga frågor"); returns its id."""
    with db.session() as s:
        p = _proposal(s, proposal_id, expected_version)
        ensure_record_open(s, p.meeting_id)
        presenter_text = ""
        if p.organisation_id:
            org = s.get(Organisation, p.organisation_id)
            presenter_text = org.name if org else ""
        title = p.text.strip().splitlines()[0][:200]
        data = AgendaItemInput(
            title=title,
            description=p.text if "\n" in p.text else "",
            kind=AgendaItemKind.DISCUSSION,
            presenter_id=p.person_id,
            presenter_text="" if p.person_id else presenter_text,
            minutes_allotted=minutes,
        )
        item_id = insert_item(s, p.meeting_id, data, position_before_other(s, p.meeting_id))
        p.status = "accepted"
        p.agenda_item_id = item_id
        touch(p)
        return item_id


def postpone_proposal(db: Database, proposal_id: int, expected_version: int) -> int:
    """Move the proposal to the group's next meeting; returns that meeting's id."""
    with db.session() as s:
        p = _proposal(s, proposal_id, expected_version)
        meeting = get_row(s, Meeting, p.meeting_id, "Mötet")
        target = next_meeting_id(s, meeting)
        if target is None:
            raise LokusError(
                "Det finns inget senare möte i gruppen att skjuta upp förslaget "
                "till. Planera nästa möte först."
            )
        p.meeting_id = target
        p.status = "postponed"
        p.reason = f"Uppskjutet från mötet {meeting.meeting_date.isoformat()}"
        touch(p)
        return target


def reject_proposal(db: Database, proposal_id: int, reason: str, expected_version: int) -> None:
    errors = Errors()
    check_text(reason, "reason", "Skäl", errors, required=True, max_len=2000)
    if errors:
        raise ValidationError(errors)
    with db.session() as s:
        p = _proposal(s, proposal_id, expected_version)
        p.status = "rejected"
        p.reason = reason.strip()
        touch(p)


# --- asked / answered per party --------------------------------------------------------


def points_checklist(db: Database, meeting_id: int) -> list[PointsRequestView]:
    """One row per party of the group (organisations of its members)."""
    with db.session() as s:
        m = s.get(Meeting, meeting_id)
        if m is None:
            raise NotFoundError("Mötet finns inte.")
        orgs = s.execute(
            select(col(Organisation.id), col(Organisation.name))
            .join(Person, col(Person.organisation_id) == col(Organisation.id))
            .join(Membership, col(Membership.person_id) == col(Person.id))
            .where(col(Membership.group_id) == m.group_id, col(Person.archived_at).is_(None))
            .distinct()
            .order_by(col(Organisation.name))
        ).all()
        requests = {
            r.organisation_id: r
            for r in s.execute(
                select(PointsRequest).where(col(PointsRequest.meeting_id) == meeting_id)
            ).scalars()
        }
        counts = dict(
            s.execute(
                select(col(AgendaProposal.organisation_id), func.count(col(AgendaProposal.id)))
                .where(col(AgendaProposal.meeting_id) == meeting_id)
                .group_by(col(AgendaProposal.organisation_id))
            ).all()
        )
    out = []
    for org_id, name in orgs:
        r = requests.get(org_id)
        out.append(
            PointsRequestView(
                org_id,
                name,
                r.asked_date if r else None,
                r.answered_date if r else None,
                counts.get(org_id, 0),
                r.version if r else None,
            )
        )
    return out


def _request(
    s,
    meeting_id: int,
    organisation_id: int,
    expected_version: int | None = None,
    check: bool = False,
) -> PointsRequest:
    r = s.execute(
        select(PointsRequest).where(
            col(PointsRequest.meeting_id) == meeting_id,
            col(PointsRequest.organisation_id) == organisation_id,
        )
    ).scalar()
    if check:
        check_version(r, expected_version, "Partens svar")
    if r is None:
        r = PointsRequest(meeting_id=meeting_id, organisation_id=organisation_id)
        s.add(r)
    return r


def _mark_answered(s, meeting_id: int, organisation_id: int, day: date) -> None:
    r = _request(s, meeting_id, organisation_id)
    r.asked_date = r.asked_date or day
    r.answered_date = r.answered_date or day
    touch(r)


def mark_party_asked(
    db: Database,
    meeting_id: int,
    organisation_id: int,
    expected_version: int | None,
    day: date | None = None,
    asked: bool = True,
) -> None:
    """``expected_version``: the party's row as seen (None: nothing recorded yet)."""
    with db.session() as s:
        r = _request(s, meeting_id, organisation_id, expected_version, check=True)
        r.asked_date = (day or clock.today()) if asked else None
        touch(r)


def mark_party_answered(
    db: Database,
    meeting_id: int,
    organisation_id: int,
    expected_version: int | None,
    day: date | None = None,
    answered: bool = True,
) -> None:
    with db.session() as s:
        r = _request(s, meeting_id, organisation_id, expected_version, check=True)
        if answered:
            r.asked_date = r.asked_date or (day or clock.today())
            r.answered_date = day or clock.today()
        else:
            r.answered_date = None
        touch(r)


# --- guests ---------------------------------------------------------------------------
