"""Meetings: list, create (from the group's template), edit, plan a year, agenda items."""

import hashlib
import json
from datetime import date

from sqlalchemy import and_, case, func, select

from db import clock
from db.agenda_template import FOLLOW_UP_TITLE, PARTIES_TITLE, template_titles
from db.calendar_rules import clock_times, overrun_minutes
from db.engine import Database
from db.errors import LokusError, NotFoundError, ValidationError
from db.meeting_rules import ensure_record_open, minutes_status, update_held
from db.models import (
    AgendaItem,
    Group,
    GuestInvitation,
    Initiative,
    Meeting,
    Membership,
    Organisation,
    Person,
    utcnow,
)
from db.records import (
    AgendaItemInput,
    AgendaItemView,
    AgendaTemplate,
    ContactRef,
    MeetingDetail,
    MeetingInput,
    MeetingRow,
    MemberView,
    Page,
)
from db.text_match import contains
from db.validation import MAX_LONG, Errors, check_text
from db.versioning import get_checked, touch
from db.vocabulary import AgendaItemKind, MeetingKind, MembershipRole

ROLE_ORDER = {role: n for n, role in enumerate(MembershipRole)}


# --- validation -----------------------------------------------------------------------


def validate_meeting(data: MeetingInput) -> Errors:
    errors = Errors()
    if not data.group_id:
        errors.add("group_id", "Lokusgrupp", "måste väljas")
    if data.meeting_date is None:
        errors.add("meeting_date", "Datum", "måste fyllas i")
    if data.kind not in MeetingKind.values():
        errors.add("kind", "Typ", "okänd mötestyp")
    if data.start_time and data.end_time and data.end_time <= data.start_time:
        errors.add("end_time", "Sluttid", "måste vara efter starttiden")
    if data.end_time and not data.start_time:
        errors.add("start_time", "Starttid", "måste fyllas i när sluttid finns")
    for key, label in (("title", "Rubrik"), ("room", "Lokal"), ("address", "Adress")):
        check_text(getattr(data, key), key, label, errors)
    check_text(data.link, "link", "Länk", errors, max_len=1000, multiline=False)
    if data.link and not data.link.strip().lower().startswith(("https://", "http://")):
        errors.add("link", "Länk", "ska börja med https://")
    if data.meeting_date and data.points_deadline and data.points_deadline > data.meeting_date:
        errors.add("points_deadline", "Sista dag för punkter", "måste vara före mötet")
    if (data.meeting_date and data.notice_planned_date
            and data.notice_planned_date > data.meeting_date):
        errors.add("notice_planned_date", "Kallelsen skickas", "måste vara före mötet")
    return errors


def validate_agenda_item(data: AgendaItemInput) -> Errors:
    errors = Errors()
    check_text(data.title, "title", "Rubrik", errors, required=True)
    if data.kind not in AgendaItemKind.values():
        errors.add("kind", "Typ", "okänd punkttyp")
    if data.minutes_allotted is None or not 0 <= data.minutes_allotted <= 600:
        errors.add("minutes_allotted", "Minuter", "måste vara mellan 0 och 600")
    check_text(data.presenter_text, "presenter_text", "Föredragande", errors)
    for key, label in (("description", "Beskrivning"), ("prep_notes", "Förberedelser"),
                       ("attachments", "Bilagor")):
        check_text(getattr(data, key), key, label, errors, max_len=MAX_LONG)
    return errors


# --- listing --------------------------------------------------------------------------


def _place(room: str, address: str, link: str) -> str:
    parts = [p for p in (room, address) if p]
    if link:
        parts.append("digitalt")
    return ", ".join(parts)


def _missing(m, item_count: int) -> tuple[str, ...]:
    missing = []
    if m.status == "cancelled":
        return ()
    if not item_count:
        missing.append("dagordning")
    if not m.chair_id:
        missing.append("ordförande")
    if not (m.room or m.address or m.link):
        missing.append("plats eller länk")
    if not m.start_time:
        missing.append("tid")
    return tuple(missing)


def list_meetings(db: Database, group_id: int | None = None, text: str = "",
                  from_date: date | None = None, limit: int = 100, offset: int = 0,
                  today: date | None = None) -> Page:
    """Coming meetings first (soonest first), then past ones (latest first)."""
    today = today or clock.today()
    conditions = []
    if group_id:
        conditions.append(Meeting.group_id == group_id)
    if from_date:
        conditions.append(Meeting.meeting_date >= from_date)
    for word in text.split():
        conditions.append(contains(db, Group.name, word) | contains(db, Meeting.title, word)
                          | contains(db, Meeting.room, word) | contains(db, Meeting.address, word))
    upcoming = Meeting.meeting_date >= today
    order = (case((upcoming, 0), else_=1), case((upcoming, Meeting.meeting_date)),
             Meeting.meeting_date.desc(), Meeting.id)
    page = (select(Meeting, Group.name.label("group_name"))
            .join(Group, Group.id == Meeting.group_id).where(*conditions)
            .order_by(*order).limit(limit).offset(offset))
    count = (select(func.count(Meeting.id)).join(Group, Group.id == Meeting.group_id)
             .where(*conditions))
    with db.session() as s:
        total = s.execute(count).scalar_one()
        found = s.execute(page).all()
        ids = [m.id for m, _g in found]
        counts = dict(s.execute(
            select(AgendaItem.meeting_id, func.count(AgendaItem.id))
            .where(AgendaItem.meeting_id.in_(ids)).group_by(AgendaItem.meeting_id)).all()) \
            if ids else {}
        rows = [(m, g, counts.get(m.id, 0)) for m, g in found]
        outdated = _outdated_map(s, [m for m, _g, _n in rows])
    return Page([
        MeetingRow(m.id, m.group_id, g, m.kind, m.status, m.meeting_date, m.start_time,
                   m.end_time, _place(m.room, m.address, m.link), _missing(m, n),
                   outdated.get(m.id, False))
        for m, g, n in rows], total, offset)


# --- notice fingerprint (is the sent kallelse out of date?) -----------------------------


def _fingerprint(meeting: Meeting, items: list[AgendaItem]) -> str:
    payload = [
        str(meeting.meeting_date), str(meeting.start_time), str(meeting.end_time),
        meeting.room, meeting.address, meeting.link, meeting.chair_id, meeting.title,
        [(i.title, i.description, i.kind, i.presenter_id, i.presenter_text,
          i.minutes_allotted, i.prep_notes, i.attachments) for i in items],
    ]
    return hashlib.sha256(json.dumps(payload, default=str).encode()).hexdigest()[:32]


def _items(s, meeting_id: int) -> list[AgendaItem]:
    return list(s.execute(select(AgendaItem).where(AgendaItem.meeting_id == meeting_id)
                          .order_by(AgendaItem.position, AgendaItem.id)).scalars())


def _outdated_map(s, meetings: list[Meeting]) -> dict[int, bool]:
    out = {}
    for m in meetings:
        if m.notice_sent_date and m.notice_fingerprint and m.status in ("planned",
                                                                         "notice_sent"):
            out[m.id] = _fingerprint(m, _items(s, m.id)) != m.notice_fingerprint
    return out


def notice_is_outdated(sent_fingerprint: str, current_fingerprint: str) -> bool:
    """The rule: a kallelse that was sent is out of date when what it says changed."""
    return bool(sent_fingerprint) and sent_fingerprint != current_fingerprint


# --- reading one meeting --------------------------------------------------------------


def group_members(db: Database, group_id: int) -> list[MemberView]:
    with db.session() as s:
        return _members(s, group_id)


def _members(s, group_id: int, include_archived: bool = False) -> list[MemberView]:
    stmt = (select(Person, Membership.role, Organisation.name, Membership.version)
            .join(Membership, Membership.person_id == Person.id)
            .outerjoin(Organisation, Organisation.id == Person.organisation_id)
            .where(Membership.group_id == group_id))
    if not include_archived:
        stmt = stmt.where(Person.archived_at.is_(None))
    members = [MemberView(p.id, p.name, p.email, p.organisation_id, org or "", role,
                          p.archived_at is not None, version)
               for p, role, org, version in s.execute(stmt).all()]
    return sorted(members, key=lambda m: (ROLE_ORDER.get(m.role, 9), m.organisation_name,
                                          m.name))


def meeting_uid(meeting: Meeting) -> str:
    created = int(meeting.created_at.timestamp()) if meeting.created_at else 0
    return f"lokus-meeting-{meeting.id}-{created}@lokus.invalid"


def _item_views(s, meeting: Meeting, items: list[AgendaItem]) -> tuple[AgendaItemView, ...]:
    people = {}
    ids = {i.presenter_id for i in items if i.presenter_id}
    if ids:
        people = dict(s.execute(select(Person.id, Person.name).where(Person.id.in_(ids))).all())
    initiatives = {}
    ids = {i.initiative_id for i in items if i.initiative_id}
    if ids:
        initiatives = dict(s.execute(select(Initiative.id, Initiative.name)
                                     .where(Initiative.id.in_(ids))).all())
    guests: dict[int, list[str]] = {}
    for item_id, name in s.execute(
            select(GuestInvitation.agenda_item_id, Person.name)
            .join(Person, Person.id == GuestInvitation.person_id)
            .where(GuestInvitation.meeting_id == meeting.id,
                   GuestInvitation.agenda_item_id.is_not(None),
                   GuestInvitation.status.in_(("confirmed", "presented")))):
        guests.setdefault(item_id, []).append(name)
    times = clock_times(meeting.start_time, [i.minutes_allotted for i in items])
    views = []
    for n, item in enumerate(items):
        start, end = times[n] if times else (None, None)
        views.append(AgendaItemView(
            item.id, item.version, item.position,
            AgendaItemInput(item.title, item.description, item.kind, item.presenter_id,
                            item.presenter_text, item.minutes_allotted, item.initiative_id,
                            item.prep_notes, item.attachments),
            people.get(item.presenter_id, ""), initiatives.get(item.initiative_id, ""),
            start, end, tuple(guests.get(item.id, ()))))
    return tuple(views)


def get_meeting(db: Database, meeting_id: int) -> MeetingDetail:
    with db.session() as s:
        m = s.get(Meeting, meeting_id)
        if m is None:
            raise NotFoundError(f"Mötet med id {meeting_id} finns inte (längre).")
        group = s.get(Group, m.group_id)
        chair = s.get(Person, m.chair_id) if m.chair_id else None
        coordinator = s.get(Person, group.coordinator_id) if group.coordinator_id else None
        items = _items(s, m.id)
        views = _item_views(s, m, items)
        members = _members(s, m.group_id)
        outdated = (m.status in ("planned", "notice_sent")
                    and notice_is_outdated(m.notice_fingerprint, _fingerprint(m, items)))
        record_status = minutes_status(s, m.id)
    return MeetingDetail(
        id=m.id, version=m.version,
        data=MeetingInput(m.group_id, m.meeting_date, m.kind, m.title, m.start_time,
                          m.end_time, m.room, m.address, m.link, m.chair_id, m.points_deadline,
                          m.notice_planned_date),
        group_name=group.name, status=m.status, chair_name=chair.name if chair else "",
        notice_sent_date=m.notice_sent_date, notice_sequence=m.notice_sequence,
        notice_outdated=outdated, items=views, members=tuple(members),
        coordinator=ContactRef(coordinator.id, coordinator.name, coordinator.title,
                               coordinator.email, coordinator.phone) if coordinator else None,
        uid=meeting_uid(m), cancelled_reason=m.cancelled_reason,
        overrun=overrun_minutes(m.start_time, m.end_time, [i.minutes_allotted for i in items]),
        missing=_missing(m, len(items)), minutes_status=record_status,
    )


def get_agenda_item(db: Database, item_id: int) -> AgendaItemView:
    with db.session() as s:
        item = s.get(AgendaItem, item_id)
        if item is None:
            raise NotFoundError("Punkten finns inte (längre).")
        m = s.get(Meeting, item.meeting_id)
        views = _item_views(s, m, _items(s, m.id))
        return next(v for v in views if v.id == item_id)


# --- writing meetings -----------------------------------------------------------------


def _apply_meeting(m: Meeting, data: MeetingInput) -> None:
    for key in ("group_id", "meeting_date", "kind", "start_time", "end_time", "chair_id",
                "points_deadline", "notice_planned_date"):
        setattr(m, key, getattr(data, key))
    for key in ("title", "room", "address", "link"):
        setattr(m, key, getattr(data, key).strip())
    m.updated_at = utcnow()


def _party_lines(s, group_id: int) -> str:
    names = s.execute(
        select(Organisation.name).join(Person, Person.organisation_id == Organisation.id)
        .join(Membership, Membership.person_id == Person.id)
        .where(Membership.group_id == group_id).distinct().order_by(Organisation.name)).scalars()
    return "\n".join(names)


def _template_items(s, meeting: Meeting) -> list[AgendaItem]:
    group = s.get(Group, meeting.group_id)
    items = []
    for pos, title in enumerate(template_titles(group.agenda_template)):
        description = ""
        minutes = 5
        kind = "information"
        if title == FOLLOW_UP_TITLE:
            minutes = 10  # the open action items are listed live, see db.minutes.follow_ups
        elif title == PARTIES_TITLE:
            description = _party_lines(s, meeting.group_id)
            minutes, kind = 30, AgendaItemKind.DISCUSSION
        elif title == "Övriga frågor":
            minutes = 10
        items.append(AgendaItem(meeting_id=meeting.id, position=pos, title=title,
                                description=description, kind=kind, minutes_allotted=minutes))
    return items


def create_meeting(db: Database, data: MeetingInput, from_template: bool = True) -> int:
    errors = validate_meeting(data)
    if errors:
        raise ValidationError(errors)
    with db.session() as s:
        if s.get(Group, data.group_id) is None:
            raise ValidationError(_group_error())
        m = Meeting(group_id=data.group_id, meeting_date=data.meeting_date)
        _apply_meeting(m, data)
        if m.chair_id is None:
            m.chair_id = s.execute(select(Membership.person_id).where(
                Membership.group_id == data.group_id, Membership.role == MembershipRole.CHAIR)
            ).scalars().first()
        s.add(m)
        s.flush()
        if from_template and data.kind == "lokus_meeting":
            for item in _template_items(s, m):
                s.add(item)
        return m.id


def _group_error():
    errors = Errors()
    errors.add("group_id", "Lokusgrupp", "finns inte")
    return errors


def create_meetings(db: Database, group_id: int, dates: list[date], template: MeetingInput
                    ) -> list[int]:
    """The year planner's save: one meeting per date, each from the template."""
    ids = []
    for day in dates:
        data = MeetingInput(**{**template.__dict__, "group_id": group_id, "meeting_date": day})
        ids.append(create_meeting(db, data))
    return ids


def update_meeting(db: Database, meeting_id: int, data: MeetingInput,
                   expected_version: int) -> int:
    errors = validate_meeting(data)
    if errors:
        raise ValidationError(errors)
    with db.session() as s:
        m = get_checked(s, Meeting, meeting_id, expected_version, "Mötet")
        ensure_record_open(s, meeting_id)
        _apply_meeting(m, data)
        s.flush()
        return m.version


def cancel_meeting(db: Database, meeting_id: int, reason: str, expected_version: int) -> None:
    """Cancelling keeps everything: agenda, proposals, guests."""
    errors = Errors()
    check_text(reason, "reason", "Skäl", errors, max_len=2000)
    if errors:
        raise ValidationError(errors)
    with db.session() as s:
        m = get_checked(s, Meeting, meeting_id, expected_version, "Mötet")
        ensure_record_open(s, meeting_id)
        if m.status in ("held", "minutes_in_review", "minutes_final"):
            raise LokusError("Mötet är redan genomfört och kan inte ställas in.")
        m.status = "cancelled"
        m.cancelled_reason = reason.strip()
        touch(m)


def reopen_meeting(db: Database, meeting_id: int, expected_version: int) -> None:
    """Take a cancelled meeting up again."""
    with db.session() as s:
        m = get_checked(s, Meeting, meeting_id, expected_version, "Mötet")
        if m.status != "cancelled":
            return
        m.status = "notice_sent" if m.notice_sent_date else "planned"
        touch(m)
        update_held(s, m)


def mark_notice_sent(db: Database, meeting_id: int, expected_version: int,
                     day: date | None = None) -> int:
    """Record that the kallelse as it reads now was sent; returns how many were sent.

    ``expected_version`` is the meeting as the user saw it: a meeting changed in
    another window since then is refused, so the fingerprint is of what was sent."""
    day = day or clock.today()
    with db.session() as s:
        m = get_checked(s, Meeting, meeting_id, expected_version, "Mötet")
        if m.status == "cancelled":
            raise LokusError("Mötet är inställt; kallelsen kan inte markeras som skickad.")
        fingerprint = _fingerprint(m, _items(s, m.id))
        if m.notice_sequence and fingerprint == m.notice_fingerprint:
            if m.notice_sent_date != day:
                m.notice_sent_date = day
                touch(m)
            return m.notice_sequence  # the same kallelse again: not a new version
        m.notice_sent_date = day
        m.notice_sequence += 1
        m.notice_fingerprint = fingerprint
        if m.status == "planned":
            m.status = "notice_sent"
        touch(m)
        return m.notice_sequence


def next_meeting_of_group(db: Database, meeting_id: int) -> int | None:
    with db.session() as s:
        return _next_meeting(s, s.get(Meeting, meeting_id))


def _next_meeting(s, m: Meeting) -> int | None:
    return s.execute(
        select(Meeting.id).where(
            Meeting.group_id == m.group_id, Meeting.status != "cancelled",
            (Meeting.meeting_date > m.meeting_date)
            | and_(Meeting.meeting_date == m.meeting_date, Meeting.id > m.id))
        .order_by(Meeting.meeting_date, Meeting.id).limit(1)).scalar()


# --- agenda items ---------------------------------------------------------------------


def _touch_meeting(s, meeting_id: int) -> None:
    touch(s.get(Meeting, meeting_id))


def _renumber(s, meeting_id: int) -> None:
    for pos, item in enumerate(_items(s, meeting_id)):
        if item.position != pos:
            item.position = pos


def add_agenda_item(db: Database, meeting_id: int, data: AgendaItemInput,
                    position: int | None = None) -> int:
    errors = validate_agenda_item(data)
    if errors:
        raise ValidationError(errors)
    with db.session() as s:
        if s.get(Meeting, meeting_id) is None:
            raise NotFoundError("Mötet finns inte.")
        ensure_record_open(s, meeting_id)
        return _insert_item(s, meeting_id, data, position)


def _insert_item(s, meeting_id: int, data: AgendaItemInput, position: int | None) -> int:
    items = _items(s, meeting_id)
    if position is None or position > len(items):
        position = len(items)
    for item in items[position:]:
        item.position += 1
    item = AgendaItem(meeting_id=meeting_id, position=position, **_item_fields(data))
    s.add(item)
    s.flush()
    _touch_meeting(s, meeting_id)
    return item.id


def _item_fields(data: AgendaItemInput) -> dict:
    return {"title": data.title.strip(), "description": data.description, "kind": data.kind,
            "presenter_id": data.presenter_id, "presenter_text": data.presenter_text.strip(),
            "minutes_allotted": data.minutes_allotted, "initiative_id": data.initiative_id,
            "prep_notes": data.prep_notes, "attachments": data.attachments}


def position_before_other_business(db: Database, meeting_id: int) -> int | None:
    """Where a new point goes: before "Övriga frågor" when the agenda has it."""
    with db.session() as s:
        return _position_before_other(s, meeting_id)


def _position_before_other(s, meeting_id: int) -> int | None:
    for item in _items(s, meeting_id):
        if item.title.strip().lower() in ("övriga frågor", "nästa möte", "mötets avslutande"):
            return item.position
    return None


def update_agenda_item(db: Database, item_id: int, data: AgendaItemInput,
                       expected_version: int) -> int:
    errors = validate_agenda_item(data)
    if errors:
        raise ValidationError(errors)
    with db.session() as s:
        item = get_checked(s, AgendaItem, item_id, expected_version, "Punkten")
        ensure_record_open(s, item.meeting_id)
        for key, value in _item_fields(data).items():
            setattr(item, key, value)
        touch(item)
        _touch_meeting(s, item.meeting_id)
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
        _touch_meeting(s, meeting_id)


def move_agenda_item(db: Database, item_id: int, delta: int, expected_version: int) -> int:
    """Move an item up (-1) or down (+1); returns its new position."""
    with db.session() as s:
        item = get_checked(s, AgendaItem, item_id, expected_version, "Punkten")
        ensure_record_open(s, item.meeting_id)
        items = _items(s, item.meeting_id)
        index = next(n for n, i in enumerate(items) if i.id == item_id)
        target = max(0, min(len(items) - 1, index + delta))
        if target == index:
            return index
        items.insert(target, items.pop(index))
        for pos, it in enumerate(items):
            if it.position != pos:
                it.position = pos
        touch(item)
        _touch_meeting(s, item.meeting_id)
        return target


def initiative_options_for_group(db: Database, group_id: int | None) -> list:
    from db.records import Option

    stmt = select(Initiative.id, Initiative.name).order_by(Initiative.name)
    if group_id:
        stmt = stmt.where(Initiative.group_id == group_id)
    with db.session() as s:
        return [Option(r.id, r.name) for r in s.execute(stmt.limit(500))]


def agenda_template(db: Database, group_id: int) -> AgendaTemplate:
    with db.session() as s:
        group = s.get(Group, group_id)
        if group is None:
            raise NotFoundError("Lokusgruppen finns inte (längre).")
        return AgendaTemplate(group.id, group.name, tuple(template_titles(group.agenda_template)),
                              group.version)


def set_agenda_template(db: Database, group_id: int, titles: list[str],
                        expected_version: int) -> None:
    titles = [t.strip() for t in titles if t.strip()]
    errors = Errors()
    for n, title in enumerate(titles, 1):
        check_text(title, f"template.{n}", f"Mallpunkt {n}", errors)
    if errors:
        raise ValidationError(errors)
    with db.session() as s:
        group = get_checked(s, Group, group_id, expected_version, "Lokusgruppen")
        group.agenda_template = "\n".join(titles)
        touch(group)


