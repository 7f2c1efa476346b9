"""Översikt: what to do now, one block per lokusgrupp; Enter opens what a line is about.

Read with the standard library straight from the file before the database layer
is loaded (db/overview.py), so this module imports no SQLAlchemy and builds only
light widgets (a summary line and one OptionList). Every line opens its target:
a meeting (at the tab the line is about), a group's action items, an insats, or
the group's goals and lead times. With hundreds of groups the blocks come in
pages: own groups first, then groups with something to do now, then the rest.
"""

from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.events import ScreenResume
from textual.screen import Screen
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from db import clock
from db.changes import list_stamp
from db.overview import read_overview_file
from db.records import Overview
from db.records.overview import GroupRef, OverviewLine
from exports.overview_text import line_text
from exports.swedish import count_of
from lokus_tui.context import lokus_app
from lokus_tui.key_bar import KeyBar
from lokus_tui.plain import Plain, plain
from lokus_tui.sections import SectionBar
from lokus_tui.stylesheet import add_screen_styles, screen_left, styled_as_mounted
from lokus_tui.title_bar import TitleBar

WELCOME = """Välkommen till lokus

Databasen är tom. Så kommer du igång:

1. Tryck 4 (Kontakter) och ctrl+g för att skapa din lokusgrupp.
2. Lägg till parternas organisationer och personer under Kontakter (ctrl+n)
   och gör dem till ledamöter i gruppen (m).
3. Tryck 2 (Möten) och ctrl+y för att planera årets möten.
4. Tryck 3 (Insatser) och ctrl+n för att registrera gruppens insatser.

Vill du först se hur det ser ut med data?
Avsluta (ctrl+q) och starta: lokus --demo"""

SECTION_TITLES = {
    "own": "Mina grupper",
    "urgent": "Grupper med något att göra nu",
    "rest": "Övriga grupper",
}


def summary_text(ov: Overview) -> str:
    return (
        f"{count_of(ov.groups, 'lokusgrupp', 'lokusgrupper')} · "
        f"{count_of(ov.people, 'person', 'personer')} · "
        f"{count_of(ov.initiatives, 'insats', 'insatser')}, "
        f"{ov.initiatives_running} pågående · "
        f"{count_of(ov.open_actions, 'öppen åtgärd', 'öppna åtgärder')}, "
        f"{ov.overdue_actions} försenade"
    )


def section_of(group: GroupRef) -> str:
    return "own" if group.own else "urgent" if group.urgent else "rest"


def page_options(ov: Overview) -> tuple[list[Option], list[OverviewLine]]:
    """The options of the page shown and, by option id ("<line>-<group id>"), the line
    each opens."""
    options: list[Option] = []
    targets: list[OverviewLine] = []
    refs = {g.group_id: g for g in ov.order}
    counts: dict[str, int] = {}
    for group in ov.order:
        counts[section_of(group)] = counts.get(section_of(group), 0) + 1
    section = None
    for block in ov.blocks:
        ref = refs.get(block.group_id, GroupRef(block.group_id, block.name, block.own, False))
        if section_of(ref) != section:
            section = section_of(ref)
            title = Text(
                f"{SECTION_TITLES[section]} ({counts.get(section, 0)})", style="bold reverse"
            )
            options.append(Option(title, disabled=True))
        heading = plain(block.name, multiline=False)
        heading.stylize("bold")
        if block.urgent:
            heading.append(f"  {block.urgent} att göra")
        targets.append(OverviewLine("group", "goals", block.group_id))
        options.append(Option(heading, id=f"{len(targets) - 1}-{block.group_id}"))
        for line in block.lines:
            text = plain(
                ("    " if line.detail else "  ") + ("! " if line.urgent else "") + line_text(line),
                multiline=False,
            )
            if line.urgent:
                text.stylize("bold")
            targets.append(line)
            options.append(Option(text, id=f"{len(targets) - 1}-{block.group_id}"))
    return options, targets


CSS_FILE = Path(__file__).absolute().with_name("overview.tcss")


class OverviewScreen(Screen):
    BINDINGS = [
        Binding("r", "refresh", "Uppdatera", id="overview-refresh"),
        Binding("n", "page(1)", "Nästa sida", id="overview-next-page"),
        Binding("b", "page(-1)", "Förra sidan", id="overview-previous-page"),
        Binding("u", "follow_up", "Uppföljning", id="overview-follow-up"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.page = 0
        self.overview: Overview | None = None
        self.targets: list[OverviewLine] = []
        self._pending: OverviewLine | None = None
        self._suspended = False  # another screen was shown since the last read

    def compose(self) -> ComposeResult:
        add_screen_styles(self.app, CSS_FILE)  # (lokus_tui/stylesheet.py: not CSS_PATH)
        yield TitleBar()
        yield SectionBar("overview")
        yield Plain("", id="overview-summary", classes="status-line")
        yield OptionList(id="overview")
        yield Plain("", id="overview-page", classes="status-line")
        yield KeyBar()

    async def on_screen_resume(self, event: ScreenResume) -> None:  # also when first shown
        styled_as_mounted(self, event)
        # Textual resumes a mode's screen twice when it is first shown: read once.
        if self.overview is None or self._suspended:
            self._suspended = False
            self._show()
        lokus_app(self).first_screen_shown()

    def on_screen_suspend(self) -> None:
        screen_left(self)
        self._suspended = True

    def change_stamp(self) -> tuple:
        return list_stamp(lokus_app(self).database, "overview")

    def changed_elsewhere(self) -> None:
        self._show()

    def action_refresh(self) -> None:
        self._show()

    def _overview(self) -> Overview:
        app = lokus_app(self)
        if app.database_ready:  # SQLAlchemy is loaded by now
            from db.overview_reader import read_overview

            return read_overview(app.database, clock.today(), self.page)
        assert app.first_file is not None  # shown before the database only for a file
        return read_overview_file(app.first_file, clock.today(), self.page)

    def _show(self) -> None:
        self.overview = ov = self._overview()
        self.page = ov.page
        empty = ov.groups == 0 and ov.initiatives == 0
        self.query_one("#overview-summary", Plain).update(WELCOME if empty else summary_text(ov))
        self.query_one("#overview-summary").set_class(empty, "-welcome")
        self._fill()

    @property
    def pages(self) -> int:
        return self.overview.pages if self.overview else 1

    def _fill(self) -> None:
        assert self.overview is not None
        option_list = self.query_one("#overview", OptionList)
        highlighted = option_list.highlighted
        options, self.targets = page_options(self.overview)
        option_list.clear_options()
        option_list.add_options(options)
        if options:
            first = next(i for i, o in enumerate(options) if not o.disabled)
            keep = highlighted is not None and highlighted < len(options)
            keep = keep and not options[highlighted].disabled  # type: ignore[index]
            option_list.highlighted = highlighted if keep else first
        self.query_one("#overview-page", Plain).update(
            f"Sida {self.page + 1} av {self.pages} — n nästa sida, b förra"
            if self.pages > 1
            else "Enter öppnar raden · u uppföljning · ctrl+p söker"
        )
        option_list.focus()

    def action_page(self, delta: int) -> None:
        page = max(0, min(self.pages - 1, self.page + delta))
        if page != self.page:
            self.page = page
            self.query_one("#overview", OptionList).highlighted = None
            self._show()

    @on(OptionList.OptionSelected, "#overview")
    async def _selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            await self.open_line(self.targets[int(event.option.id.split("-")[0])])

    async def open_line(self, line: OverviewLine) -> None:
        app = lokus_app(self)
        if not app.database_ready:  # opened as soon as the database is
            if self._pending is None:
                self.set_timer(0.05, self._open_pending)
            self._pending = line
            return
        if line.target == "meeting":
            from screens.meeting.screen import MeetingScreen
            from screens.meeting.tabs import TAB_IDS

            screen = MeetingScreen(line.target_id)
            tab = f"tab-{line.tab}"

            def to_tab() -> None:  # once the workspace has read its meeting
                if screen.detail is not None and tab in TAB_IDS and tab != screen.active_tab:
                    screen.action_tab(TAB_IDS.index(tab) - TAB_IDS.index(screen.active_tab))

            await app.push_screen(screen)
            screen.call_after_refresh(to_tab)
        elif line.target == "actions":
            from screens.actions import ActionsScreen

            await app.push_screen(ActionsScreen(line.target_id))
        elif line.target == "initiative":
            from screens.initiative_detail import InitiativeDetailScreen

            await app.push_screen(InitiativeDetailScreen(line.target_id))
        elif line.target == "goals":
            from screens.goals import GoalsScreen

            await app.push_screen(GoalsScreen(line.target_id, clock.today().year))

    async def _open_pending(self) -> None:
        if not lokus_app(self).database_ready:
            self.set_timer(0.05, self._open_pending)
            return
        line, self._pending = self._pending, None
        if line is not None:
            await self.open_line(line)

    async def action_follow_up(self) -> None:
        """Uppföljning of the group whose block is highlighted."""
        from screens.follow_up import FollowUpScreen

        options = self.query_one("#overview", OptionList)
        index = options.highlighted
        option = options.get_option_at_index(index) if index is not None else None
        group_id = int(option.id.split("-")[1]) if option is not None and option.id else None
        if lokus_app(self).database_ready:
            await self.app.push_screen(FollowUpScreen(group_id))


SCREEN = OverviewScreen
