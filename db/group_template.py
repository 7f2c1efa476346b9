"""A group's agenda template: reading and setting it, and the items it gives a new meeting."""

from datetime import date

from sqlalchemy import select
from sqlmodel import col

from db.agenda_template import FOLLOW_UP_TITLE, PARTIES_TITLE, template_titles
from db.engine import Database
from db.errors import NotFoundError, ValidationError
from db.models import AgendaItem, Group, Meeting, Membership, Organisation, Person
from db.records import AgendaTemplate
from db.validation import Errors, check_text
from db.versioning import get_checked, get_row, saved_id, touch
from db.vocabulary import AgendaItemKind, MeetingStatus


def _party_lines(s, group_id: int) -> str:
    names = s.execute(
        select(col(Organisation.name))
        .join(Person, col(Person.organisation_id) == col(Organisation.id))
        .join(Membership, col(Membership.person_id) == col(Person.id))
        .where(col(Membership.group_id) == group_id)
        .distinct()
        .order_by(col(Organisation.name))
    ).scalars()
    return "\n".join(names)


def template_items(s, meeting: Meeting) -> list[AgendaItem]:
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
        items.append(
            AgendaItem(
                meeting_id=saved_id(meeting),
                position=pos,
                title=title,
                description=description,
                kind=kind,
                minutes_allotted=minutes,
            )
        )
    return items


def agenda_template(db: Database, group_id: int) -> AgendaTemplate:
    with db.session() as s:
        group = s.get(Group, group_id)
        if group is None:
            raise NotFoundError("Lokusgruppen finns inte (längre).")
        return AgendaTemplate(
            group_id, group.name, tuple(template_titles(group.agenda_template)), group.version
        )


def set_agenda_template(
    db: Database, group_id: int, titles: list[str], expected_version: int
) -> None:
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


def _planned_meetings(s, group_id: int, today: date) -> list[Meeting]:
    """The group's meetings still to be held whose kallelse has not gone out: a
    template change may reach them without changing what anybody has been sent."""
    return list(
        s.execute(
            select(Meeting)
            .where(
                col(Meeting.group_id) == group_id,
                col(Meeting.status) == MeetingStatus.PLANNED,
                col(Meeting.meeting_date) >= today,
            )
            .order_by(col(Meeting.meeting_date))
        ).scalars()
    )


def _missing(s, meeting: Meeting) -> tuple[list[AgendaItem], list[AgendaItem]]:
    """(the meeting's items in order, the template's items it does not have)."""
    items = list(
        s.execute(
            select(AgendaItem)
            .where(col(AgendaItem.meeting_id) == meeting.id)
            .order_by(col(AgendaItem.position), col(AgendaItem.id))
        ).scalars()
    )
    have = {i.title.strip().casefold() for i in items}
    wanted = template_items(s, meeting)
    return items, [t for t in wanted if t.title.strip().casefold() not in have]


def meetings_missing_template_items(db: Database, group_id: int, today: date) -> int:
    """How many planned meetings lack a point of the group's template."""
    with db.session() as s:
        return sum(1 for m in _planned_meetings(s, group_id, today) if _missing(s, m)[1])


def add_template_items_to_planned(db: Database, group_id: int, today: date) -> tuple[int, int]:
    """Give every planned meeting (kallelse not sent) the template's points it lacks,
    each after the template point before it; nothing is removed or renamed. Returns
    (meetings changed, points added)."""
    changed = added = 0
    with db.session() as s:
        group = get_row(s, Group, group_id, "Lokusgruppen")
        titles = [t.casefold() for t in template_titles(group.agenda_template)]
        for meeting in _planned_meetings(s, group_id, today):
            items, missing = _missing(s, meeting)
            if not missing:
                continue
            for new in missing:
                before = titles[: titles.index(new.title.casefold())]
                at = 0
                for n, item in enumerate(items):
                    if item.title.strip().casefold() in before:
                        at = n + 1
                items.insert(at, new)
                s.add(new)
            for pos, item in enumerate(items):
                if item.position != pos or item.id is None:
                    item.position = pos
                    touch(item)
            touch(meeting)
            changed += 1
            added += len(missing)
    return changed, added
