"""Närvaro: every member by party, one key per status, substitutes and guests."""

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Static

from db.attendance import add_substitute, attendance_list, party_counts, set_attendance
from db.errors import LokusError
from lokus_tui.context import app_database
from lokus_tui.plain import Plain, PlainTable
from lokus_tui.table_columns import Column
from screens.meeting.pane import MeetingPane


class AttendancePane(MeetingPane):
    first_widget = "#attendance-table"
    BINDINGS = [
        Binding("p", "mark('present')", "Närvarande", id="attendance-present"),
        Binding("f", "mark('absent')", "Frånvarande", id="attendance-absent"),
        Binding("a", "mark('excused')", "Anmält förhinder", id="attendance-excused"),
        Binding("e", "substitute", "Lägg till ersättare", id="attendance-substitute"),
    ]

    def compose(self) -> ComposeResult:
        yield PlainTable(id="attendance-table", cursor_type="row", zebra_stripes=True)
        yield Plain("", id="attendance-counts", classes="status-line", markup=False)

    def on_mount(self) -> None:
        self.query_one("#attendance-table", PlainTable).set_columns(
            Column("Namn"), Column("Part", flex=True), Column("Roll", rank=1), Column("Närvaro")
        )

    def load(self) -> None:
        meeting_id = self.meeting_id
        self.rows = attendance_list(app_database(self), meeting_id)
        table = self.query_one("#attendance-table", DataTable)
        row = table.cursor_row
        table.clear()
        for r in self.rows:
            table.add_row(
                r.name, r.organisation_name, r.role_label, r.status_label, key=str(r.person_id)
            )
        if table.row_count:
            table.move_cursor(row=min(row, table.row_count - 1))
        counts = party_counts(self.rows)
        text = "  ".join(f"{c.organisation_name}: {c.present} närv." for c in counts)
        self.query_one("#attendance-counts", Static).update(text or "Gruppen har inga ledamöter.")

    def action_mark(self, status: str) -> None:
        table = self.query_one("#attendance-table", DataTable)
        if table.row_count == 0:
            return
        row = table.cursor_row
        person = self.rows[row]
        try:
            set_attendance(
                app_database(self),
                self.meeting_id,
                person.person_id,
                status,
                person.version,
                is_guest=person.is_guest,
                is_substitute=person.is_substitute,
            )
        except LokusError as exc:
            self.notify(str(exc), severity="error", markup=False)
        self.changed()
        table.move_cursor(row=min(row + 1, table.row_count - 1))

    def action_substitute(self) -> None:
        from screens.person_picker import PersonPicker

        def save(person_id):
            add_substitute(app_database(self), self.meeting_id, person_id)

        self.app.push_screen(PersonPicker("Ersättare på mötet", save), lambda _r: self.changed())
