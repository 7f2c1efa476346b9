"""Guests asked to present at a meeting: who, on what, and where the invitation stands."""

from datetime import date

from sqlalchemy import select
from sqlmodel import col

from db import clock
from db.agenda import insert_item, items_of, touch_meeting
from db.contacts import create_person
from db.engine import Database
from db.errors import FieldError, LokusError, NotFoundError, ValidationError
from db.meeting_rules import ensure_record_open
from db.models import (
    AgendaItem,
    GuestInvitation,
    Meeting,
    Organisation,
    Person,
)
from db.records import (
    AgendaItemInput,
    GuestView,
    PersonInput,
)
from db.validation import MAX_LONG, Errors, check_text
from db.versioning import get_checked, saved_id, touch
from db.vocabulary import GuestStatus


def list_guests(
    db: Database, meeting_id: int, today: date | None = None, guest_id: int | None = None
) -> list[GuestView]:
    today = today or clock.today()
    condition = (
        col(GuestInvitation.id) == guest_id
        if guest_id is not None
        else col(GuestInvitation.meeting_id) == meeting_id
    )
    with db.session() as s:
        rows = s.execute(
            select(GuestInvitation, Person, col(Organisation.name), col(AgendaItem.title))
            .join(Person, col(Person.id) == col(GuestInvitation.person_id))
            .outerjoin(Organisation, col(Organisation.id) == col(Person.organisation_id))
            .outerjoin(AgendaItem, col(AgendaItem.id) == col(GuestInvitation.agenda_item_id))
            .where(condition)
            .order_by(col(GuestInvitation.id))
        ).all()
    return [
        GuestView(
            g.id,
            g.version,
            p.id,
            p.name,
            p.email,
            org or "",
            g.topic,
            g.agenda_item_id,
            item or "",
            g.status,
            g.asked_date,
            g.answered_date,
            g.follow_up_date,
            g.note,
            overdue=bool(
                g.follow_up_date and g.follow_up_date < today and g.status in ("idea", "asked")
            ),
        )
        for g, p, org, item in rows
    ]


def get_guest(db: Database, guest_id: int) -> GuestView:
    found = list_guests(db, 0, guest_id=guest_id)
    if not found:
        raise NotFoundError("Inbjudan finns inte (längre).")
    return found[0]


def invite_guest(
    db: Database,
    meeting_id: int,
    topic: str,
    person_id: int | None = None,
    new_person: PersonInput | None = None,
    agenda_item_id: int | None = None,
    follow_up_date: date | None = None,
    note: str = "",
) -> int:
    """Invite an existing person, or create the person first (new_person)."""
    errors = Errors()
    check_text(topic, "topic", "Ämne", errors, required=True)
    check_text(note, "note", "Anteckning", errors, max_len=MAX_LONG)
    if person_id is None and new_person is None:
        errors.add("person_id", "Gäst", "välj en person eller skriv in en ny")
    if errors:
        raise ValidationError(errors)
    with db.session() as s:
        if s.get(Meeting, meeting_id) is None:
            raise NotFoundError("Mötet finns inte.")
        ensure_record_open(s, meeting_id)
    if person_id is None:
        assert new_person is not None  # one of the two, checked above
        person_id = create_person(db, new_person)
    with db.session() as s:
        if agenda_item_id == OWN_POINT:
            agenda_item_id = _own_point(s, meeting_id, topic, person_id)
        g = GuestInvitation(
            meeting_id=meeting_id,
            person_id=person_id,
            topic=topic.strip(),
            agenda_item_id=agenda_item_id,
            follow_up_date=follow_up_date,
            note=note,
        )
        s.add(g)
        s.flush()
        return saved_id(g)


# The agenda point chosen for a guest: a new point of their own, made from the topic.
OWN_POINT = -1
_CLOSING_TITLES = ("övriga frågor", "nästa möte", "mötets avslutande")


def _own_point(s, meeting_id: int, topic: str, person_id: int) -> int:
    """A new agenda point for the guest's topic, presented by the guest, placed before
    the meeting's closing points (Övriga frågor, Nästa möte, Mötets avslutande)."""
    items = items_of(s, meeting_id)
    position = next(
        (n for n, item in enumerate(items) if item.title.strip().casefold() in _CLOSING_TITLES),
        len(items),
    )
    data = AgendaItemInput(topic.strip(), presenter_id=person_id, minutes_allotted=20)
    return insert_item(s, meeting_id, data, position)


NEXT_GUEST_STATUS = {"idea": "asked", "asked": "confirmed", "confirmed": "presented"}


def set_guest_status(
    db: Database, guest_id: int, status: str, expected_version: int, day: date | None = None
) -> None:
    if status not in GuestStatus.values():
        raise ValidationError([FieldError("status", "Status", "okänt värde")])
    day = day or clock.today()
    with db.session() as s:
        g = get_checked(s, GuestInvitation, guest_id, expected_version, "Inbjudan")
        ensure_record_open(s, g.meeting_id)
        if status == "presented" and g.status not in ("confirmed", "presented"):
            raise LokusError("Bara en bekräftad gäst kan markeras som att ha presenterat.")
        g.status = status
        if status == "asked":
            g.asked_date = g.asked_date or day
        if status in ("confirmed", "declined"):
            g.asked_date = g.asked_date or day
            g.answered_date = day
        touch(g)
        touch_meeting(s, g.meeting_id)


def update_guest(
    db: Database,
    guest_id: int,
    topic: str,
    agenda_item_id: int | None,
    follow_up_date: date | None,
    note: str,
    expected_version: int,
) -> int:
    errors = Errors()
    check_text(topic, "topic", "Ämne", errors, required=True)
    check_text(note, "note", "Anteckning", errors, max_len=MAX_LONG)
    if errors:
        raise ValidationError(errors)
    with db.session() as s:
        g = get_checked(s, GuestInvitation, guest_id, expected_version, "Inbjudan")
        ensure_record_open(s, g.meeting_id)
        if agenda_item_id == OWN_POINT:
            agenda_item_id = _own_point(s, g.meeting_id, topic, g.person_id)
        g.topic, g.agenda_item_id, g.follow_up_date, g.note = (
            topic.strip(),
            agenda_item_id,
            follow_up_date,
            note,
        )
        touch(g)
        s.flush()
        return g.version


def delete_guest(db: Database, guest_id: int, expected_version: int) -> None:
    with db.session() as s:
        g = get_checked(s, GuestInvitation, guest_id, expected_version, "Inbjudan")
        ensure_record_open(s, g.meeting_id)
        s.delete(g)
