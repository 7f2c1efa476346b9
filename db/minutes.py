"""At and after the meeting: attendance, notes, decisions, action items, the review cycle."""

from datetime import date

from sqlalchemy import or_, select

from db import clock
from db.agenda import items_of
from db.engine import Database
from db.errors import (
    ConflictError,
    FieldError,
    LokusError,
    NotFoundError,
    RecordLockedError,
    ValidationError,
)
from db.groups import members_of
from db.meeting_rules import ensure_record_open, update_held
from db.meetings import next_meeting_id
from db.models import (
    ActionItem,
    AgendaItem,
    Attendance,
    Decision,
    ExportRecord,
    Group,
    GuestInvitation,
    Meeting,
    Minutes,
    MinutesComment,
    Organisation,
    Person,
    utcnow,
)
from db.records import (
    ActionInput,
    ActionRow,
    AttendanceRow,
    CommentView,
    ContactRef,
    DecisionView,
    MinutesData,
    MinutesItem,
    MinutesState,
    NotesSaved,
    PartyCount,
)
from db.text_merge import merge_text
from db.validation import MAX_LONG, Errors, check_text
from db.versioning import check_version, get_checked, touch
from db.vocabulary import ActionStatus, AttendanceStatus, DocumentKind, MeetingKind

NOTES_MAX = 200_000
AUTOSAVE_BUSY_MS = 300  # an autosave waits this long for a lock, then tries again later
FINAL_VARIANT = "fastställd"


def meeting_or_error(s, meeting_id: int) -> Meeting:
    m = s.get(Meeting, meeting_id)
    if m is None:
        raise NotFoundError(f"Mötet med id {meeting_id} finns inte (längre).")
    return m


# --- attendance -----------------------------------------------------------------------


def attendance_list(db: Database, meeting_id: int) -> list[AttendanceRow]:
    """Every member of the group, then substitutes and guests, with their status."""
    with db.session() as s:
        m = meeting_or_error(s, meeting_id)
        return attendance_rows(s, m)


def attendance_rows(s, m: Meeting) -> list[AttendanceRow]:
    marks = {a.person_id: a for a in s.execute(
        select(Attendance).where(Attendance.meeting_id == m.id)).scalars()}
    rows = []
    member_ids = set()
    for member in members_of(s, m.group_id, include_archived=True):
        mark = marks.get(member.person_id)
        if member.archived and mark is None:
            continue  # archived people stay where they were recorded, nowhere else
        member_ids.add(member.person_id)
        rows.append(AttendanceRow(member.person_id, member.name, member.organisation_id,
                                  member.organisation_name, member.role,
                                  mark.status if mark else None,
                                  version=mark.version if mark else None))
    guests = {g.person_id for g in s.execute(select(GuestInvitation).where(
        GuestInvitation.meeting_id == m.id,
        GuestInvitation.status.in_(("confirmed", "presented")))).scalars()}
    extra_ids = (set(marks) | guests) - member_ids
    if extra_ids:
        people = s.execute(select(Person, Organisation.name)
                           .outerjoin(Organisation, Organisation.id == Person.organisation_id)
                           .where(Person.id.in_(extra_ids))).all()
        extras = []
        for person, org in people:
            mark = marks.get(person.id)
            is_guest = mark.is_guest if mark else True
            extras.append(AttendanceRow(person.id, person.name, person.organisation_id,
                                        org or "", "", mark.status if mark else None,
                                        is_substitute=bool(mark and mark.is_substitute),
                                        is_guest=is_guest and not (mark and mark.is_substitute),
                                        version=mark.version if mark else None))
        rows += sorted(extras, key=lambda r: (r.is_guest, r.organisation_name, r.name))
    return rows


def set_attendance(db: Database, meeting_id: int, person_id: int, status: str,
                   expected_version: int | None, is_substitute: bool | None = None,
                   is_guest: bool | None = None) -> bool:
    """Mark one person; ``expected_version`` is the mark as seen (None: not marked yet).

    Returns True when the meeting became held by it (see db.meeting_rules)."""
    if status not in AttendanceStatus.values():
        raise ValidationError([FieldError("status", "Närvaro", "okänt värde")])
    with db.session() as s:
        m = meeting_or_error(s, meeting_id)
        ensure_record_open(s, meeting_id)
        person = s.get(Person, person_id)
        if person is None:
            raise NotFoundError("Personen finns inte (längre).")
        row = s.execute(select(Attendance).where(Attendance.meeting_id == meeting_id,
                                                 Attendance.person_id == person_id)).scalar()
        check_version(row, expected_version, "Närvaron")
        if row is None:
            row = Attendance(meeting_id=meeting_id, person_id=person_id,
                             organisation_id=person.organisation_id)
            s.add(row)
        row.status = status
        if is_substitute is not None:
            row.is_substitute = is_substitute
        if is_guest is not None:
            row.is_guest = is_guest
        touch(row)
        return update_held(s, m)


def add_substitute(db: Database, meeting_id: int, person_id: int) -> None:
    """An ersättare who came: present, marked as substitute (an addition, not an edit)."""
    with db.session() as s:
        row = s.execute(select(Attendance).where(Attendance.meeting_id == meeting_id,
                                                 Attendance.person_id == person_id)).scalar()
        version = row.version if row else None
    set_attendance(db, meeting_id, person_id, "present", version, is_substitute=True,
                   is_guest=False)


def party_counts(rows: list[AttendanceRow]) -> list[PartyCount]:
    """Present, absent and excused per party (guests not counted)."""
    counts: dict[str, list[int]] = {}
    for r in rows:
        if r.is_guest:
            continue
        c = counts.setdefault(r.organisation_name or "Utan organisation", [0, 0, 0])
        if r.status == "present":
            c[0] += 1
        elif r.status == "absent":
            c[1] += 1
        elif r.status == "excused":
            c[2] += 1
    return [PartyCount(name, *c) for name, c in sorted(counts.items())]


# --- notes and decisions ----------------------------------------------------------------


def save_notes(db: Database, item_id: int, text: str, base_text: str) -> NotesSaved:
    """Save the notes of one agenda item, merged with any change saved meanwhile.

    ``base_text`` is what the editor started from (the last text it loaded or
    saved). If the stored notes are still that, ``text`` is written. If they
    changed in another window, the three texts are merged (db.text_merge):
    nothing is duplicated, nothing is lost, and a real conflict is marked. A
    change to another field of the item (its title, say) is no conflict.

    Raises ValidationError (no text in the message) when the result would be
    longer than the limit; nothing is written then."""
    for _attempt in range(3):
        try:
            return _save_notes_once(db, item_id, text, base_text)
        except ConflictError:
            continue  # another window wrote between our read and our write: merge again
    raise ConflictError("Anteckningarna")


def item_notes(db: Database, item_id: int) -> tuple[str, int]:
    with db.session() as s:
        item = s.get(AgendaItem, item_id)
        if item is None:
            raise NotFoundError("Punkten finns inte.")
        return item.notes, item.version


def list_decisions(db: Database, item_id: int) -> list[DecisionView]:
    with db.session() as s:
        return [DecisionView(d.id, d.text, d.version) for d in s.execute(
            select(Decision).where(Decision.agenda_item_id == item_id)
            .order_by(Decision.position, Decision.id)).scalars()]


def add_decision(db: Database, item_id: int, text: str) -> int:
    errors = Errors()
    check_text(text, "decision", "Beslut", errors, required=True, max_len=MAX_LONG)
    if errors:
        raise ValidationError(errors)
    with db.session() as s:
        item = s.get(AgendaItem, item_id)
        if item is None:
            raise NotFoundError("Punkten finns inte.")
        ensure_record_open(s, item.meeting_id)
        count = len(list_decisions_in(s, item_id))
        d = Decision(agenda_item_id=item_id, text=text.strip(), position=count)
        s.add(d)
        s.flush()
        update_held(s, meeting_or_error(s, item.meeting_id))
        return d.id


def list_decisions_in(s, item_id: int):
    return list(s.execute(select(Decision).where(Decision.agenda_item_id == item_id)).scalars())


def delete_decision(db: Database, decision_id: int, expected_version: int) -> None:
    with db.session() as s:
        d = get_checked(s, Decision, decision_id, expected_version, "Beslutet")
        item = s.get(AgendaItem, d.agenda_item_id)
        ensure_record_open(s, item.meeting_id)
        s.delete(d)


# --- action items ---------------------------------------------------------------------


def validate_action(data: ActionInput) -> Errors:
    errors = Errors()
    check_text(data.text, "text", "Åtgärd", errors, required=True, max_len=2000)
    check_text(data.owner_text, "owner_text", "Ansvarig", errors)
    return errors


def add_action(db: Database, meeting_id: int, item_id: int | None, data: ActionInput) -> int:
    errors = validate_action(data)
    if errors:
        raise ValidationError(errors)
    with db.session() as s:
        m = meeting_or_error(s, meeting_id)
        ensure_record_open(s, meeting_id)
        a = ActionItem(meeting_id=meeting_id, agenda_item_id=item_id, text=data.text.strip(),
                       owner_id=data.owner_id, owner_text=data.owner_text.strip(),
                       due_date=data.due_date)
        s.add(a)
        s.flush()
        update_held(s, m)
        return a.id


def update_action(db: Database, action_id: int, data: ActionInput, expected_version: int) -> int:
    errors = validate_action(data)
    if errors:
        raise ValidationError(errors)
    with db.session() as s:
        a = get_checked(s, ActionItem, action_id, expected_version, "Åtgärden")
        ensure_record_open(s, a.meeting_id)
        a.text, a.owner_id, a.owner_text, a.due_date = (
            data.text.strip(), data.owner_id, data.owner_text.strip(), data.due_date)
        touch(a)
        s.flush()
        return a.version


def set_action_status(db: Database, action_id: int, status: str, expected_version: int,
                      day: date | None = None) -> None:
    """Done, dropped or open again: follow-up work, allowed after the minutes are fastställda."""
    if status not in ActionStatus.values():
        raise ValidationError([FieldError("status", "Status", "okänt värde")])
    with db.session() as s:
        a = get_checked(s, ActionItem, action_id, expected_version, "Åtgärden")
        a.status = status
        a.closed_date = None if status == "open" else (day or clock.today())
        touch(a)


def delete_action(db: Database, action_id: int, expected_version: int) -> None:
    with db.session() as s:
        a = get_checked(s, ActionItem, action_id, expected_version, "Åtgärden")
        ensure_record_open(s, a.meeting_id)
        s.delete(a)


def action_query():
    return (select(ActionItem, Meeting.meeting_date, Group.name, AgendaItem.title, Person.name,
                   Organisation.name)
            .join(Meeting, Meeting.id == ActionItem.meeting_id)
            .join(Group, Group.id == Meeting.group_id)
            .outerjoin(AgendaItem, AgendaItem.id == ActionItem.agenda_item_id)
            .outerjoin(Person, Person.id == ActionItem.owner_id)
            .outerjoin(Organisation, Organisation.id == Person.organisation_id))


def action_rows(rows, today: date) -> list[ActionRow]:
    return [ActionRow(
        a.id, a.version, a.meeting_id, mdate, group, a.agenda_item_id, item or "", a.text,
        a.owner_id, person or a.owner_text, org or "", a.due_date, a.status, a.closed_date,
        overdue=bool(a.status == "open" and a.due_date and a.due_date < today))
        for a, mdate, group, item, person, org in rows]


def list_actions(db: Database, group_id: int | None = None, meeting_id: int | None = None,
                 status: str | None = None, person_id: int | None = None,
                 organisation_id: int | None = None, today: date | None = None,
                 limit: int = 2000) -> list[ActionRow]:
    """Action items, overdue and open first. ``status`` may also be "overdue"."""
    today = today or clock.today()
    stmt = action_query()
    if group_id:
        stmt = stmt.where(Meeting.group_id == group_id)
    if meeting_id:
        stmt = stmt.where(ActionItem.meeting_id == meeting_id)
    if status == "overdue":
        stmt = stmt.where(ActionItem.status == "open", ActionItem.due_date < today)
    elif status:
        stmt = stmt.where(ActionItem.status == status)
    if person_id:
        stmt = stmt.where(ActionItem.owner_id == person_id)
    if organisation_id:
        stmt = stmt.where(Person.organisation_id == organisation_id)
    order = (ActionItem.status != "open", ActionItem.due_date.is_(None), ActionItem.due_date,
             ActionItem.id)
    with db.session() as s:
        rows = s.execute(stmt.order_by(*order).limit(limit)).all()
    return action_rows(rows, today)


def follow_up_actions(db: Database, meeting_id: int, today: date | None = None) -> list[ActionRow]:
    """Action items of earlier meetings of the group that are followed up at this meeting:
    still open, or closed on or after this meeting's date."""
    today = today or clock.today()
    with db.session() as s:
        m = meeting_or_error(s, meeting_id)
        return follow_ups_of(s, m, today)


def follow_ups_of(s, m: Meeting, today: date) -> list[ActionRow]:
    stmt = action_query().where(
        Meeting.group_id == m.group_id, Meeting.meeting_date < m.meeting_date,
        or_(ActionItem.status == "open", ActionItem.closed_date >= m.meeting_date))
    rows = s.execute(stmt.order_by(Meeting.meeting_date, ActionItem.id)).all()
    return action_rows(rows, today)


# --- the review cycle -------------------------------------------------------------------


def minutes_row(s, meeting_id: int, create: bool = True) -> Minutes | None:
    row = s.execute(select(Minutes).where(Minutes.meeting_id == meeting_id)).scalar()
    if row is None and create:
        row = Minutes(meeting_id=meeting_id)
        s.add(row)
        s.flush()
    return row


def minutes_state(db: Database, meeting_id: int, today: date | None = None) -> MinutesState:
    today = today or clock.today()
    with db.session() as s:
        meeting_or_error(s, meeting_id)
        row = minutes_row(s, meeting_id, create=False)
        if row is None:
            return MinutesState(meeting_id, "draft", None, None, None)
        items = {i.id: i.title for i in items_of(s, meeting_id)}
        comments = []
        for c, person in s.execute(
                select(MinutesComment, Person.name)
                .outerjoin(Person, Person.id == MinutesComment.person_id)
                .where(MinutesComment.minutes_id == row.id)
                .order_by(MinutesComment.received_date, MinutesComment.id)).all():
            comments.append(CommentView(
                c.id, c.version, person or c.author_text, c.received_date, c.agenda_item_id,
                items.get(c.agenda_item_id, ""), c.text, c.handled, c.handled_note,
                late=bool(row.comment_deadline and c.received_date
                          and c.received_date > row.comment_deadline)))
        return MinutesState(meeting_id, row.status, row.sent_for_review_date,
                            row.comment_deadline, row.final_date, tuple(comments),
                            deadline_passed=bool(row.status == "in_review" and row.comment_deadline
                                                 and row.comment_deadline < today),
                            reopened_date=row.reopened_date,
                            reopened_reason=row.reopened_reason)


def send_for_review(db: Database, meeting_id: int, deadline: date, expected_version: int,
                    day: date | None = None) -> None:
    day = day or clock.today()
    if deadline < day:
        raise ValidationError([FieldError("deadline", "Sista dag för synpunkter",
                                          "får inte vara före i dag")])
    with db.session() as s:
        m = get_checked(s, Meeting, meeting_id, expected_version, "Mötet")
        if m.status == "cancelled":
            raise LokusError("Mötet är inställt.")
        if m.meeting_date > day:
            raise LokusError(f"Mötet hålls {m.meeting_date.isoformat()}; anteckningarna kan "
                             "skickas för synpunkter först efter mötet.")
        row = minutes_row(s, meeting_id)
        if row.status == "final":
            raise RecordLockedError("Anteckningarna är redan fastställda.")
        row.status = "in_review"
        row.sent_for_review_date = day
        row.comment_deadline = deadline
        touch(row)
        m.status = "minutes_in_review"
        touch(m)


def add_comment(db: Database, meeting_id: int, text: str, person_id: int | None = None,
                author_text: str = "", item_id: int | None = None,
                received_date: date | None = None) -> int:
    errors = Errors()
    check_text(text, "text", "Synpunkt", errors, required=True, max_len=MAX_LONG)
    if person_id is None and not author_text.strip():
        errors.add("author", "Från", "ange vem synpunkten kommer från")
    check_text(author_text, "author", "Från", errors)
    if errors:
        raise ValidationError(errors)
    with db.session() as s:
        meeting_or_error(s, meeting_id)
        ensure_record_open(s, meeting_id)
        row = minutes_row(s, meeting_id)
        if row.status == "draft":
            raise LokusError("Anteckningarna har inte skickats för synpunkter än.")
        c = MinutesComment(minutes_id=row.id, person_id=person_id,
                           author_text=author_text.strip(), agenda_item_id=item_id,
                           text=text.strip(), received_date=received_date or clock.today())
        s.add(c)
        s.flush()
        return c.id


def set_comment_handled(db: Database, comment_id: int, note: str, expected_version: int,
                        handled: bool = True) -> None:
    with db.session() as s:
        c = get_checked(s, MinutesComment, comment_id, expected_version, "Synpunkten")
        minutes = s.get(Minutes, c.minutes_id)
        ensure_record_open(s, minutes.meeting_id)
        c.handled = handled
        c.handled_note = note.strip()
        touch(c)


def finalise(db: Database, meeting_id: int, expected_version: int, snapshot: str,
             day: date | None = None, early_ok: bool = False) -> None:
    """Fastställ: the minutes become a record. ``snapshot`` is the approved text
    (Markdown), kept verbatim; later exports of fastställda minutes use it.

    Refused before the meeting has taken place; before the comment deadline only
    with ``early_ok`` (the UI asks first)."""
    day = day or clock.today()
    with db.session() as s:
        m = get_checked(s, Meeting, meeting_id, expected_version, "Mötet")
        row = minutes_row(s, meeting_id, create=False)
        _finalise_allowed(m, row, day)
        if (row.status == "in_review" and row.comment_deadline and row.comment_deadline >= day
                and not early_ok):
            raise LokusError(f"Sista dag för synpunkter är {row.comment_deadline.isoformat()}; "
                             "bekräfta att anteckningarna ska fastställas ändå.")
        if m.note_taker_id is None:
            group = s.get(Group, m.group_id)
            m.note_taker_id = group.coordinator_id  # the record names who wrote it
        row.status = "final"
        row.final_date = day
        touch(row)
        m.status = "minutes_final"
        touch(m)
        s.add(ExportRecord(meeting_id=meeting_id, document=DocumentKind.MINUTES,
                           variant=FINAL_VARIANT, sequence=0, file_format="md",
                           content=snapshot))


# --- the document ----------------------------------------------------------------------


def minutes_data(db: Database, meeting_id: int, today: date | None = None) -> MinutesData:
    today = today or clock.today()
    with db.session() as s:
        m = meeting_or_error(s, meeting_id)
        group = s.get(Group, m.group_id)
        chair = s.get(Person, m.chair_id) if m.chair_id else None
        taker = s.get(Person, m.note_taker_id or group.coordinator_id) \
            if (m.note_taker_id or group.coordinator_id) else None
        coordinator = s.get(Person, group.coordinator_id) if group.coordinator_id else None
        items = items_of(s, m.id)
        all_actions = action_rows(s.execute(
            action_query().where(ActionItem.meeting_id == m.id)
            .order_by(ActionItem.id)).all(), today)
        follow_ups = tuple(follow_ups_of(s, m, today))
        decisions: dict[int, list[str]] = {}
        if items:
            for d in s.execute(select(Decision).where(
                    Decision.agenda_item_id.in_([i.id for i in items]))
                    .order_by(Decision.position, Decision.id)).scalars():
                decisions.setdefault(d.agenda_item_id, []).append(d.text)
        minutes_items = []
        for n, item in enumerate(items, 1):
            minutes_items.append(MinutesItem(
                n, item.title, item.notes, tuple(decisions.get(item.id, ())),
                tuple(a for a in all_actions if a.agenda_item_id == item.id),
                follow_ups if item.title.strip().lower() == "uppföljning av åtgärder" else ()))
        next_id = next_meeting_id(s, m)
        next_meeting = s.get(Meeting, next_id) if next_id else None
        row = minutes_row(s, m.id, create=False)
        attendance = attendance_rows(s, m)
        members = tuple(members_of(s, m.group_id))
        place = ", ".join(p for p in (m.room, m.address) if p)
        if m.link:
            place = f"{place} och digitalt" if place else "digitalt"
    return MinutesData(
        meeting_id=m.id, group_name=group.name, kind_label=MeetingKind.label_of(m.kind),
        meeting_date=m.meeting_date, start_time=m.start_time, end_time=m.end_time, place=place,
        chair_name=chair.name if chair else "", note_taker_name=taker.name if taker else "",
        attendance=tuple(attendance), items=tuple(minutes_items), actions=tuple(all_actions),
        next_meeting=next_meeting.meeting_date if next_meeting else None,
        next_meeting_start=next_meeting.start_time if next_meeting else None,
        status=row.status if row else "draft",
        comment_deadline=row.comment_deadline if row else None,
        final_date=row.final_date if row else None, participants=members,
        coordinator=ContactRef(coordinator.id, coordinator.name, coordinator.title,
                               coordinator.email, coordinator.phone) if coordinator else None,
    )


def list_exports(db: Database, meeting_id: int) -> list[tuple[int, str, str, str, object]]:
    """(id, document, variant, format, created_at) of everything exported, newest first."""
    with db.session() as s:
        rows = s.execute(select(ExportRecord).where(ExportRecord.meeting_id == meeting_id)
                         .order_by(ExportRecord.created_at.desc(), ExportRecord.id.desc()))
        return [(r.id, r.document, r.variant, r.file_format, r.created_at)
                for r in rows.scalars()]


def exported_content(db: Database, export_id: int) -> tuple[str, str]:
    with db.session() as s:
        r = s.get(ExportRecord, export_id)
        if r is None:
            raise NotFoundError("Exporten finns inte.")
        return r.file_format, r.content


def _save_notes_once(db: Database, item_id: int, text: str, base_text: str) -> NotesSaved:
    with db.session(busy_timeout_ms=AUTOSAVE_BUSY_MS) as s:
        item = s.get(AgendaItem, item_id)
        if item is None:
            raise NotFoundError("Punkten har tagits bort i ett annat fönster.")
        ensure_record_open(s, item.meeting_id)
        stored = item.notes
        merged = merge_text(base_text, text, stored)
        if len(merged.text) > NOTES_MAX:
            raise ValidationError([FieldError(
                "notes", "Anteckningar",
                f"blir för långa ({len(merged.text)} tecken, högst {NOTES_MAX}); texten "
                "finns kvar i rutan — korta den eller dela upp den på flera punkter")])
        held = False
        if merged.text != stored:
            item.notes = merged.text
            item.notes_saved_at = utcnow()
            touch(item)
            held = update_held(s, meeting_or_error(s, item.meeting_id))
            s.flush()
        return NotesSaved(merged.text, item.version, merged=stored != base_text,
                          conflicts=merged.conflicts, held=held)


def check_finalise(db: Database, meeting_id: int, today: date | None = None) -> str:
    """Why fastställa would need a second thought ('' when nothing): the comment
    deadline has not passed. Raises LokusError when it is not allowed at all."""
    today = today or clock.today()
    with db.session() as s:
        m = meeting_or_error(s, meeting_id)
        row = minutes_row(s, meeting_id, create=False)
        _finalise_allowed(m, row, today)
        if row.status == "in_review" and row.comment_deadline and row.comment_deadline >= today:
            return (f"Sista dag för synpunkter är {row.comment_deadline.isoformat()}; "
                    "synpunkter kan fortfarande komma in.")
        return ""


def _finalise_allowed(m: Meeting, row: Minutes | None, today: date) -> None:
    if m.status == "cancelled":
        raise LokusError("Mötet är inställt.")
    if m.meeting_date > today:
        raise LokusError(f"Mötet hålls {m.meeting_date.isoformat()}; anteckningar kan "
                         "fastställas först när mötet har ägt rum.")
    if row is None or row.status == "draft" and not row.reopened_date:
        raise LokusError("Anteckningarna måste ha skickats för synpunkter innan de kan "
                         "fastställas.")
    if row.status == "final":
        raise RecordLockedError("Anteckningarna är redan fastställda.")


def reopen_minutes(db: Database, meeting_id: int, reason: str, expected_version: int,
                   day: date | None = None) -> None:
    """Open fastställda minutes again: the reason is required and kept; the approved
    version stays in the history, labelled with the day and the reason."""
    errors = Errors()
    check_text(reason, "reason", "Skäl", errors, required=True, max_len=2000)
    if errors:
        raise ValidationError(errors)
    day = day or clock.today()
    with db.session() as s:
        m = get_checked(s, Meeting, meeting_id, expected_version, "Mötet")
        row = minutes_row(s, meeting_id, create=False)
        if row is None or row.status != "final":
            raise LokusError("Anteckningarna är inte fastställda.")
        label = f"fastställd {row.final_date.isoformat() if row.final_date else ''}, " \
                f"återöppnad {day.isoformat()}: {reason.strip()}"
        for record in s.execute(select(ExportRecord).where(
                ExportRecord.meeting_id == meeting_id,
                ExportRecord.document == DocumentKind.MINUTES,
                ExportRecord.variant == FINAL_VARIANT)).scalars():
            record.variant = label
            touch(record)
        row.status = "draft"
        row.final_date = None
        row.reopened_date = day
        row.reopened_reason = reason.strip()
        touch(row)
        m.status = "held"
        touch(m)


def final_snapshot(db: Database, meeting_id: int) -> str | None:
    """The approved text of fastställda minutes (None when they are not fastställda)."""
    with db.session() as s:
        row = minutes_row(s, meeting_id, create=False)
        if row is None or row.status != "final":
            return None
        return s.execute(select(ExportRecord.content).where(
            ExportRecord.meeting_id == meeting_id, ExportRecord.document == DocumentKind.MINUTES,
            ExportRecord.variant == FINAL_VARIANT, ExportRecord.file_format == "md")
            .order_by(ExportRecord.created_at, ExportRecord.id).limit(1)).scalar()
