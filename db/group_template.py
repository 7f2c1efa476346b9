"""A group's agenda template: reading and setting it, and the items it gives a new meeting."""

from sqlalchemy import select
from sqlmodel import col

from db.agenda_template import FOLLOW_UP_TITLE, PARTIES_TITLE, template_titles
from db.engine import Database
from db.errors import NotFoundError, ValidationError
from db.models import AgendaItem, Group, Meeting, Membership, Organisation, Person
from db.records import AgendaTemplate
from db.validation import Errors, check_text
from db.versioning import get_checked, saved_id, touch
from db.vocabulary import AgendaItemKind


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
