"""Översikt: the state of things at a glance."""

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Markdown

from db import clock
from db.overview import get_overview, read_overview_file
from db.records import Overview
from db.vocabulary import MeetingKind
from exports.markdown import escape_inline, table
from exports.swedish import format_date_long, format_period
from lokus_tui.context import lokus_app
from lokus_tui.sections import SectionBar


def overview_markdown(ov: Overview) -> str:
    if ov.groups == 0 and ov.initiatives == 0:
        return "\n\n".join(
            [
                "# Välkommen till lokus",
                "Databasen är tom. Så kommer du igång:",
                "1. Tryck **4** (Kontakter) och **ctrl+g** för att skapa din lokusgrupp.\n"
                "2. Lägg till parternas organisationer och personer under Kontakter (**ctrl+n**) "
                "och gör dem till ledamöter i gruppen (**m**).\n"
                "3. Tryck **2** (Möten) och **ctrl+y** för att planera årets möten.\n"
                "4. Tryck **3** (Insatser) och **ctrl+n** för att registrera gruppens insatser.",
                "Vill du först se hur det ser ut med data? Avsluta (**ctrl+q**) och starta "
                "`lokus --demo`.",
            ]
        )
    parts = [
        "# Översikt",
        f"- **{ov.groups}** lokusgrupper, **{ov.people}** personer",
        f"- **{ov.initiatives}** insatser, varav **{ov.initiatives_running}** pågående",
        f"- **{ov.open_actions}** öppna åtgärder, varav **{ov.overdue_actions}** försenade",
        "## Att göra nu",
    ]
    if ov.todo:
        parts.append("\n".join(f"- {escape_inline(text)}" for _id, text in ov.todo))
    else:
        parts.append("*Inget brådskande.*")
    parts.append("## Kommande möten (60 dagar)")
    if ov.upcoming_meetings:
        parts.append(
            table(
                ["Datum", "Lokusgrupp", "Typ"],
                [
                    [format_date_long(d, weekday=True), g, MeetingKind.label_of(k)]
                    for d, g, k, _id in ov.upcoming_meetings
                ],
            )
        )
    else:
        parts.append("*Inga möten inom 60 dagar.*")
    parts.append("## Insatser som slutar inom 90 dagar")
    if ov.initiatives_ending:
        parts.append(
            table(
                ["Insats", "Lokusgrupp", "Period"],
                [
                    [r.name, r.group_name, format_period(r.start_date, r.end_date)]
                    for r in ov.initiatives_ending[:20]
                ],
            )
        )
    else:
        parts.append("*Inga.*")
    parts.append("*Tryck 2 för möten, 3 för insatser, 4 för kontakter, ctrl+p för att söka.*")
    return "\n\n".join(parts)


class OverviewScreen(Screen):
    BINDINGS = [Binding("r", "refresh", "Uppdatera", id="overview-refresh")]

    def compose(self) -> ComposeResult:
        yield Header()
        yield SectionBar("overview")
        with VerticalScroll():
            yield Markdown(id="overview")
        yield Footer()

    async def on_screen_resume(self) -> None:  # also when first shown
        await self._show()
        lokus_app(self).first_screen_shown()

    async def action_refresh(self) -> None:
        await self._show()

    def _overview(self) -> Overview:
        app = lokus_app(self)
        if app.database_ready:
            return get_overview(app.database.read_rows, clock.today())
        assert app.first_file is not None  # shown before the database only for a file
        return read_overview_file(app.first_file, clock.today())

    async def _show(self) -> None:
        await self.query_one("#overview", Markdown).update(overview_markdown(self._overview()))


SCREEN = OverviewScreen
