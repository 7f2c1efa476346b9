"""The agenda of a meeting: items with clock times, adding, moving and editing items."""

from sqlalchemy import select
from sqlmodel import col

from db.calendar_rules import clock_times
from db.engine import Database
from db.errors import NotFoundError, ValidationError
from db.meeting_rules import ensure_record_open
from db.models import (
    AgendaItem,
    GuestInvitation,
    Initiative,
    Meeting,
    Person,
)
from db.records import (
    AgendaItemInput,
    AgendaItemView,
)
from db.validation import MAX_LONG, Errors, check_text
from db.versioning import get_checked, get_row, saved_id, touch
from db.vocabulary import AgendaItemKind


def validate_agenda_item(data: AgendaItemInput) -> Errors:
    errors = Errors()
    check_text(data.title, "title", "Rubrik", errors, required=True)
    if data.kind not in AgendaItemKind.values():
        errors.add("kind", "Typ", "okänd punkttyp")
    if data.minutes_allotted is None or not 0 <= data.minutes_allotted <= 600:
        errors.add("minutes_allotted", "Minuter", "måste vara mellan 0 och 600")
    check_text(data.presenter_text, "presenter_text", "Föredragande", errors)
    for key, label in (
        ("description", "Beskrivning"),
        ("prep_notes", "Förberedelser"),
        ("attachments", "Bilagor"),
    ):
        check_text(getattr(data, key), key, label, errors, max_len=MAX_LONG)
    return errors


def item_views(s, meeting: Meeting, items: list[AgendaItem]) -> tuple[AgendaItemView, ...]:
    people = {}
    ids = {i.presenter_id for i in items if i.presenter_id}
    if ids:
        people = dict(
            s.execute(select(col(Person.id), col(Person.name)).where(col(Person.id).in_(ids))).all()
        )
    initiatives = {}
    ids = {i.initiative_id for i in items if i.initiative_id}
    if ids:
        initiatives = dict(
            s.execute(
                select(col(Initiative.id), col(Initiative.name)).where(col(Initiative.id).in_(ids))
            ).all()
        )
    guests: dict[int, list[str]] = {}
    for item_id, name in s.execute(
        select(col(GuestInvitation.agenda_item_id), col(Person.name))
        .join(Person, col(Person.id) == col(GuestInvitation.person_id))
        .where(
            col(GuestInvitation.meeting_id) == meeting.id,
            col(GuestInvitation.agenda_item_id).is_not(None),
            col(GuestInvitation.status).in_(("confirmed", "presented")),
        )
    ):
        guests.setdefault(item_id, []).append(name)
    times = clock_times(meeting.start_time, [i.minutes_allotted for i in items])
    views = []
    for n, item in enumerate(items):
        start, end = times[n] if times else (None, None)
        views.append(
            AgendaItemView(
                saved_id(item),
                item.version,
                item.position,
                AgendaItemInput(
                    item.title,
                    item.description,
                    item.kind,
                    item.presenter_id,
                    item.presenter_text,
                    item.minutes_allotted,
                    item.initiative_id,
                    item.prep_notes,
                    item.attachments,
                ),
                people.get(item.presenter_id, ""),
                initiatives.get(item.initiative_id, ""),
                start,
                end,
                tuple(guests.get(saved_id(item), ())),
            )
        )
    return tuple(views)


def get_agenda_item(db: Database, item_id: int) -> AgendaItemView:
    with db.session() as s:
        item = s.get(AgendaItem, item_id)
        if item is None:
            raise NotFoundError("Punkten finns inte (längre).")
        m = get_row(s, Meeting, item.meeting_id, "Mötet")
        views = item_views(s, m, items_of(s, item.meeting_id))
        return next(v for v in views if v.id == item_id)


def touch_meeting(s, meeting_id: int) -> None:
    touch(s.get(Meeting, meeting_id))


def _renumber(s, meeting_id: int) -> None:
    for pos, item in enumerate(items_of(s, meeting_id)):
        if item.position != pos:
            item.position = pos


def add_agenda_item(
    db: Database, meeting_id: int, data: AgendaItemInput, position: int | None = None
) -> int:
    errors = validate_agenda_item(data)
    if errors:
        raise ValidationError(errors)
    with db.session() as s:
        if s.get(Meeting, meeting_id) is None:
            raise NotFoundError("Mötet finns inte.")
        ensure_record_open(s, meeting_id)
        return insert_item(s, meeting_id, data, position)


def insert_item(s, meeting_id: int, data: AgendaItemInput, position: int | None) -> int:
    items = items_of(s, meeting_id)
    if position is None or position > len(items):
        position = len(items)
    for item in items[position:]:
        item.position += 1
    item = AgendaItem(meeting_id=meeting_id, position=position, **_item_fields(data))
    s.add(item)
    s.flush()
    touch_meeting(s, meeting_id)
    return saved_id(item)


def _item_fields(data: AgendaItemInput) -> dict:
    return {
        "title": data.title.strip(),
        "description": data.description,
        "kind": data.kind,
        "presenter_id": data.presenter_id,
        "presenter_text": data.presenter_text.strip(),
        "minutes_allotted": data.minutes_allotted,
        "initiative_id": data.initiative_id,
        "prep_notes": data.prep_notes,
        "attachments": data.attachments,
    }


def position_before_other_business(db: Database, meeting_id: int) -> int | None:
    """Where a new point goes: before "Övriga frågor" when the agenda has it."""
    with db.session() as s:
        return position_before_other(s, meeting_id)


def position_before_other(s, meeting_id: int) -> int | None:
    for item in items_of(s, meeting_id):
        if item.title.strip().lower() in ("övriga frågor", "nästa möte", "mötets avslutande"):
            return item.position
    return None


def update_agenda_item(
    db: Database, item_id: int, data: AgendaItemInput, expected_version: int
) -> int:
    errors = validate_agenda_item(data)
    if errors:
        raise ValidationError(errors)
    with db.session() as s:
        item = get_checked(s, AgendaItem, item_id, expected_version, "Punkten")
        ensure_record_open(s, item.meeting_id)
        for key, value in _item_fields(data).items():
            setattr(item, key, value)
        touch(item)
        touch_meeting(s, item.meeting_id)
        s.flush()
        return item.version


def delete_agenda_item(db: Database, item_id: int, expected_version: int) -> None:
    with db.session() as s:
        item = get_checked(s, AgendaItem, item_id, expected_version, "Punkten")
        ensure_record_open(s, item.meeting_id)
        meeting_id = item.meeting_id
        s.delete(item)
        s.flush()
        _renumber(s, meeting_id)
        touch_meeting(s, meeting_id)


def move_agenda_item(db: Database, item_id: int, delta: int, expected_version: int) -> int:
    """Move an item up (-1) or down (+1); returns its new position."""
    with db.session() as s:
        item = get_checked(s, AgendaItem, item_id, expected_version, "Punkten")
        ensure_record_open(s, item.meeting_id)
        items = items_of(s, item.meeting_id)
        index = next(n for n, i in enumerate(items) if i.id == item_id)
        target = max(0, min(len(items) - 1, index + delta))
        if target == index:
            return index
        items.insert(target, items.pop(index))
        for pos, it in enumerate(items):
            if it.position != pos:
                it.position = pos
        touch(item)
        touch_meeting(s, item.meeting_id)
        return target


def initiative_options_for_group(db: Database, group_id: int | None) -> list:
    from db.records import Option

    stmt = select(col(Initiative.id), col(Initiative.name)).order_by(col(Initiative.name))
    if group_id:
        stmt = stmt.where(col(Initiative.group_id) == group_id)
    with db.session() as s:
        return [Option(r.id, r.name) for r in s.execute(stmt.limit(500))]


def items_of(s, meeting_id: int) -> list[AgendaItem]:
    return list(
        s.execute(
            select(AgendaItem)
            .where(col(AgendaItem.meeting_id) == meeting_id)
            .order_by(col(AgendaItem.position), col(AgendaItem.id))
        ).scalars()
    )
