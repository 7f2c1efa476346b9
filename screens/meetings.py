"""Möten: coming meetings first, per lokusgrupp, with "klar att kalla?"."""

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import DataTable, Input, Select, Static

from db import clock
from db.changes import list_stamp
from db.errors import LokusError
from db.groups import group_options
from db.meeting_changes import create_meeting
from db.meetings import list_meetings
from db.records import MeetingRow, Page
from exports.swedish import count_of, format_date_long, format_time
from lokus_tui.commands import read_query
from lokus_tui.context import app_database
from lokus_tui.filter_input import FilterInput
from lokus_tui.form_fields import select_value
from lokus_tui.key_bar import KeyBar
from lokus_tui.paged_table import PagedTable
from lokus_tui.plain import Plain, PlainSelect
from lokus_tui.sections import ReadAgainOnReturn, SectionBar
from lokus_tui.table_columns import Column
from lokus_tui.title_bar import TitleBar


def readiness(row: MeetingRow) -> str:
    if row.status == "cancelled":
        return "–"
    if row.notice_outdated:
        return "kallelsen inaktuell"
    if row.status != "planned":
        return "kallad" if row.status == "notice_sent" else "–"
    return "ja" if not row.missing else "saknar " + ", ".join(row.missing)


class MeetingsScreen(ReadAgainOnReturn, Screen):
    CSS_PATH = "meetings.tcss"
    BINDINGS = [
        Binding("ctrl+n", "new", "Nytt möte", id="meetings-new"),
        Binding("ctrl+o", "open", "Öppna", id="meetings-open"),
        Binding("ctrl+y", "plan_year", "Planera året", id="meetings-plan"),
        Binding("ctrl+g", "focus_group", "Välj grupp", id="meetings-group"),
        Binding("ctrl+t", "edit_template", "Dagordningsmall", id="meetings-template"),
        Binding("ctrl+b", "actions", "Åtgärder", id="meetings-actions"),
        Binding("ctrl+f", "focus_filter", "Filter", id="meetings-filter"),
        Binding("escape", "clear_filter", "Rensa filter", show=False),
    ]

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield SectionBar("meetings")
        with Horizontal(classes="filter-row"):
            # archived groups too: their meetings stay in the list and the palette
            # opens Möten for any group it finds
            groups = group_options(app_database(self), include_archived=True)
            yield PlainSelect(
                [(g.label, g.id) for g in groups], prompt="Alla lokusgrupper", id="meetings-group"
            )
            yield FilterInput(
                "meetings-table",
                id="meetings-filter",
                placeholder="Filtrera: grupp, plats, månad, datum",
            )
        yield PagedTable(
            self._fetch_page, self._row_cells, filter_id="meetings-filter", id="meetings-table"
        )
        yield Plain("", id="meetings-status", classes="status-line")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#meetings-table", PagedTable).set_columns(
            Column("Datum"),
            Column("Tid", rank=2),
            Column("Lokusgrupp"),
            Column("Typ", rank=4),
            Column("Plats", rank=5, flex=True),
            Column("Status"),
            Column("Klar att kalla?", rank=3, flex=True),
        )
        self.reload()
        self.query_one("#meetings-table").focus()

    @property
    def table(self) -> PagedTable:
        return self.query_one("#meetings-table", PagedTable)

    @property
    def group_id(self) -> int | None:
        return select_value(self.query_one("#meetings-group", Select))

    def _fetch_page(self, limit: int, offset: int):
        # "heby augusti", "2026-03", "mars 2027": dates and month names as in the palette
        words, when = read_query(self.query_one("#meetings-filter", Input).value)
        try:
            return list_meetings(
                app_database(self),
                group_id=self.group_id,
                text=" ".join(words),
                limit=limit,
                offset=offset,
                **when,
            )
        except ValueError:  # "2026-13": no such month, so no such meeting
            return Page([], 0)

    @staticmethod
    def _row_cells(row: MeetingRow):
        span = (
            f"{format_time(row.start_time)}–{format_time(row.end_time)}" if row.start_time else ""
        )
        return str(row.id), (
            format_date_long(row.meeting_date, weekday=True),
            span,
            row.group_name,
            row.kind_label,
            row.place,
            row.status_label,
            readiness(row),
        )

    def change_stamp(self) -> tuple:
        return list_stamp(app_database(self), "meetings")

    def reload(self, keep_current: bool = False, select: int | None = None) -> bool:
        chosen = self.table.read_again(keep_current, select)
        self.query_one("#meetings-status", Static).update(
            f"{count_of(self.table.total, 'möte', 'möten')} — kommande först, sedan tidigare"
        )
        return chosen

    @on(Select.Changed, "#meetings-group")
    @on(Input.Changed, "#meetings-filter")
    def _filters_changed(self) -> None:
        self.reload()

    @on(Input.Submitted, "#meetings-filter")
    @on(DataTable.RowSelected, "#meetings-table")
    def _open_selected(self) -> None:
        self.action_open()

    def action_focus_filter(self) -> None:
        self.query_one("#meetings-filter").focus()

    def action_focus_group(self) -> None:
        self.query_one("#meetings-group").focus()

    def action_clear_filter(self) -> None:
        self.query_one("#meetings-filter", Input).value = ""
        self.query_one("#meetings-table").focus()

    def action_open(self) -> None:
        record = self.table.current_record
        if record is None:
            self.notify("Inget möte är valt.", severity="warning")
            return
        from screens.meeting import MeetingScreen

        self.app.push_screen(MeetingScreen(record.id))

    def _has_groups(self) -> bool:
        if group_options(app_database(self)):
            return True
        self.notify(
            "Det finns ingen lokusgrupp än. Skapa en under Kontakter → Lokusgrupper "
            "(4, sedan ctrl+g).",
            severity="warning",
            timeout=8,
        )
        return False

    def action_new(self) -> None:
        if not self._has_groups():
            return
        from screens.meeting_form import MeetingForm

        def created(meeting_id) -> None:
            if meeting_id:
                from screens.meeting import MeetingScreen

                self.show_created(meeting_id)
                self.app.push_screen(MeetingScreen(meeting_id))

        self.app.push_screen(
            MeetingForm(
                None,
                save=lambda data: create_meeting(app_database(self), data),
                group_id=self.group_id,
            ),
            created,
        )

    def action_actions(self) -> None:
        from screens.actions import ActionsScreen

        self.app.push_screen(ActionsScreen(self.group_id))

    def action_edit_template(self) -> None:
        group_id = self.group_id
        if group_id is None:
            self.notify("Välj först en lokusgrupp (ctrl+g).", severity="warning")
            self.action_focus_group()
            return
        from db.group_template import agenda_template, set_agenda_template
        from screens.template_form import TemplateForm

        name = next(
            g.label
            for g in group_options(app_database(self), include_archived=True)
            if g.id == group_id
        )

        saved = []

        def save(titles, version):
            set_agenda_template(app_database(self), group_id, titles, version)
            self.notify(f"Mallen för {name} är sparad.", timeout=3, markup=False)
            saved.append(True)

        def closed(_result) -> None:
            if saved:
                self._offer_template_to_planned(group_id, name)

        self.app.push_screen(
            TemplateForm(
                agenda_template(app_database(self), group_id),
                save,
                fetch=lambda: agenda_template(app_database(self), group_id),
            ),
            closed,
        )

    def _offer_template_to_planned(self, group_id: int, name: str) -> None:
        """After a template change: the planned meetings (kallelse not sent) may get
        the points they lack; nothing already on an agenda is removed."""
        from db.group_template import (
            add_template_items_to_planned,
            meetings_missing_template_items,
        )
        from screens.confirm import ConfirmDialog

        database = app_database(self)
        lacking = meetings_missing_template_items(database, group_id, clock.today())
        if not lacking:
            return

        def answered(yes) -> None:
            if not yes:
                return
            try:
                meetings, points = add_template_items_to_planned(database, group_id, clock.today())
            except LokusError as exc:
                self.notify(str(exc), severity="error", markup=False)
                return
            self.notify(
                f"{count_of(points, 'punkt', 'punkter')} tillagda i "
                f"{count_of(meetings, 'planerat möte', 'planerade möten')}.",
                timeout=4,
            )
            self.reload(keep_current=True)

        self.app.push_screen(
            ConfirmDialog(
                f"{count_of(lacking, 'planerat möte', 'planerade möten')} i {name} saknar "
                "punkter ur mallen. Lägg till dem? Inget tas bort, och möten vars kallelse "
                "redan är skickad ändras inte.",
                yes_label="Ja, lägg till",
            ),
            answered,
        )

    def action_plan_year(self) -> None:
        if not self._has_groups():
            return
        from screens.year_plan import YearPlanForm

        def planned(ids) -> None:
            if ids:
                self.notify(f"{count_of(len(ids), 'möte', 'möten')} planerade.", timeout=4)
                self.reload(keep_current=True)

        self.app.push_screen(YearPlanForm(group_id=self.group_id), planned)


SCREEN = MeetingsScreen
