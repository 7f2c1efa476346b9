"""Närvaro: every member by party, one key per status, substitutes and guests."""

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable

from db.attendance import add_substitute, attendance_list, party_counts, set_attendance
from db.errors import LokusError
from lokus_tui.context import app_database
from lokus_tui.plain import Plain
from lokus_tui.plain_table import PlainTable
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

    def set_up(self) -> None:
        self.query_one("#attendance-table", PlainTable).set_columns(
            Column("Namn"), Column("Part", flex=True), Column("Roll", rank=1), Column("Närvaro")
        )

    def load(self) -> None:
        meeting_id = self.meeting_id
        self.rows = attendance_list(app_database(self), meeting_id)
        table = self.query_one("#attendance-table", PlainTable)
        table.show_rows(
            [
                (str(r.person_id), (r.name, r.organisation_name, r.role_label, r.status_label))
                for r in self.rows
            ]
        )
        counts = party_counts(self.rows)
        text = "  ".join(f"{c.organisation_name}: {c.present} närv." for c in counts)
        counts_line = self.query_one("#attendance-counts", Plain)
        text = text or "Gruppen har inga ledamöter."
        shown = str(counts_line.content)
        if shown != text:
            # Lay the screen out again only when the line may change its height.
            width = counts_line.size.width
            one_line = cell_len(shown) <= width and cell_len(text) <= width
            counts_line.update(text, layout=not one_line)

    def action_mark(self, status: str) -> None:
        table = self.query_one("#attendance-table", DataTable)
        if table.row_count == 0:
            return
        row = table.cursor_row
        person = self.rows[row]
        became_held = True  # (after an error, read everything again)
        try:
            became_held = set_attendance(
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
        # Shown here, in the key's own handler, with the cursor on the next person (one
        # frame for both): keys typed quickly, or repeated, then each mark the next
        # person. Waiting for the screen's reload, they all marked the same one.
        self.reload()
        table.move_cursor(row=min(row + 1, table.row_count - 1))
        self.changed(header=became_held, shown=True)

    def action_substitute(self) -> None:
        from screens.person_picker import PersonPicker

        def save(person_id):
            add_substitute(app_database(self), self.meeting_id, person_id)

        self.app.push_screen(PersonPicker("Ersättare på mötet", save), lambda _r: self.changed())
