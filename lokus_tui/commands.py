"""Command palette providers: quick lookup through the FTS index, meetings and
groups, and every binding of the current screen as a command."""

import re
from functools import partial
from typing import Any

from textual.command import DiscoveryHit, Hit, Hits, Provider

from lokus_tui.context import lokus_app
from lokus_tui.key_words import swedish
from lokus_tui.plain import markup_literal, plain

KIND_LABELS = {"initiative": "Insats", "person": "Person", "organisation": "Organisation"}


async def open_record(app, kind: str, record_id: int) -> None:
    """Open an insats, person or organisation found in the palette."""
    if kind == "initiative":
        from screens.initiative_detail import InitiativeDetailScreen

        await app.switch_mode("initiatives")
        app.push_screen(InitiativeDetailScreen(record_id))
    elif kind == "person":
        from screens.person_detail import PersonDetailScreen

        await app.switch_mode("contacts")
        app.push_screen(PersonDetailScreen(record_id))
    else:
        from screens.contacts import ContactsScreen

        await app.switch_mode("contacts")
        if isinstance(app.screen, ContactsScreen):
            app.screen.show_organisation(record_id)


class LookupProvider(Provider):
    """Find insatser, people and organisations by any word (prefix search)."""

    async def search(self, query: str) -> Hits:
        app = lokus_app(self.screen)
        if not app.database_ready or len(query.strip()) < 2:
            return
        database = app.database
        from db.search import search

        for n, hit in enumerate(search(database, query, limit=15)):
            label = KIND_LABELS.get(hit.kind, hit.kind)
            shown = plain(f"{label}: {hit.title}", multiline=False)
            yield Hit(
                score=1.0 - n / 100,
                match_display=shown,
                command=partial(open_record, app, hit.kind, hit.id),
                text=shown.plain,
                help=markup_literal(hit.detail) if hit.detail else None,
            )


MONTH_WORD = re.compile(r"^[a-zåäö]{3,}$")
ISO_DATE = re.compile(r"^\d{4}-\d{2}(-\d{2})?$")


def read_query(query: str) -> tuple[list[str], dict[str, Any]]:
    """The words of a palette query that name a meeting's date (an ISO date, a year, a
    day of the month, a Swedish month or its first letters: "aug", "augusti") apart
    from the rest: 'heby augusti 2026' -> (['heby'], {'month': 8, 'year': 2026})."""
    from exports.swedish import MONTHS

    words: list[str] = []
    when: dict[str, Any] = {}
    for word in query.casefold().split():
        month = [
            n
            for n, name in enumerate(MONTHS, 1)
            if MONTH_WORD.match(word) and name.startswith(word)
        ]
        if ISO_DATE.match(word):
            when["iso"] = word
        elif word.isdigit() and len(word) == 4:
            when["year"] = int(word)
        elif word.isdigit() and 1 <= int(word) <= 31:
            when["day"] = int(word)
        elif len(month) == 1:
            when["month"] = month[0]
        else:
            words.append(word)
    return words, when


class MeetingsProvider(Provider):
    """Find meetings by group, date, month name or year, and lokusgrupper by name."""

    async def search(self, query: str) -> Hits:
        app = lokus_app(self.screen)
        if not app.database_ready or len(query.strip()) < 2:
            return
        from db import clock
        from db.search_meetings import find_groups, find_meetings
        from db.vocabulary import MeetingKind
        from exports.swedish import format_date_long

        title = "Uppföljning: årets rapport per grupp eller för alla"
        score = self.matcher(query).match(title)
        if score > 0:
            yield Hit(score, self.matcher(query).highlight(title), partial(open_follow_up, app))
        words, when = read_query(query)
        database = app.database
        if words and not when:
            for n, group in enumerate(find_groups(database, words)):
                shown = plain(f"Lokusgrupp: {group.label}", multiline=False)
                yield Hit(
                    score=0.99 - n / 100,
                    match_display=shown,
                    command=partial(open_group, app, group.id),
                    text=shown.plain,
                    help="Möten i gruppen",
                )
        hits = find_meetings(database, words, clock.today(), **when)
        for n, (mid, day, group_name, kind, title) in enumerate(hits):
            what = title or MeetingKind.label_of(kind)
            shown = plain(
                f"Möte: {group_name} {format_date_long(day, weekday=True)} ({what})",
                multiline=False,
            )
            yield Hit(
                score=0.9 - n / 100,
                match_display=shown,
                command=partial(open_meeting, app, mid),
                text=shown.plain,
            )


async def open_meeting(app, meeting_id: int) -> None:
    from screens.meeting.screen import MeetingScreen

    await app.switch_mode("meetings")
    app.push_screen(MeetingScreen(meeting_id))


async def open_follow_up(app) -> None:
    from screens.follow_up import FollowUpScreen

    await app.push_screen(FollowUpScreen())


async def open_group(app, group_id: int) -> None:
    """Möten, showing the group's meetings."""
    from textual.widgets import Select

    await app.switch_mode("meetings")
    while len(app.screen_stack) > 1:
        app.pop_screen()
    for select in app.screen.query("#meetings-group").results(Select):
        select.value = group_id


class ActionsProvider(Provider):
    """Every key binding of the active screen and the app, searchable by its description."""

    def _commands(self):
        screen = self.screen
        seen = set()
        for active in screen.active_bindings.values():
            binding = active.binding
            if not binding.description or binding.action in seen:
                continue
            seen.add(binding.action)
            shown = self.app.get_key_display(binding)
            yield (f"{swedish(binding.description)} ({shown})", binding.action, active.node)

    async def discover(self) -> Hits:
        for text, action, node in self._commands():
            yield DiscoveryHit(text, partial(node.run_action, action), text=text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for text, action, node in self._commands():
            score = matcher.match(text)
            if score > 0:
                yield Hit(
                    score, matcher.highlight(text), partial(node.run_action, action), text=text
                )
