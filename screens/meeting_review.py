"""Granskning: send the draft for comments, record comments, finalise, export."""

from datetime import timedelta

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import DataTable, Markdown, Static

from db import clock
from db.errors import LokusError
from db.minutes import (
    add_comment,
    finalise,
    minutes_data,
    minutes_state,
    send_for_review,
    set_comment_handled,
)
from db.validation import Errors, parse_date
from exports.minutes import minutes_markdown


class ReviewPane(Vertical):
    BINDINGS = [
        Binding("s", "send", "Skicka för synpunkter", id="review-send"),
        Binding("c", "comment", "Ny synpunkt", id="review-comment"),
        Binding("h", "handled", "Hanterad", id="review-handled"),
        Binding("f", "finalise", "Fastställ", id="review-final"),
        Binding("x", "export", "Exportera", id="review-export"),
        Binding("v", "history", "Tidigare versioner", id="review-history"),
    ]

    def compose(self) -> ComposeResult:
        yield Static("", id="review-state", markup=False)
        yield DataTable(id="comments-table", cursor_type="row")
        with VerticalScroll(id="minutes-scroll"):
            yield Markdown(id="minutes-preview")

    def on_mount(self) -> None:
        self.query_one("#comments-table", DataTable).add_columns(
            "Inkom", "Från", "Punkt", "Synpunkt", "Hanterad")

    def refresh_data(self) -> None:
        db = self.app.database
        meeting_id = self.screen.meeting_id
        self.state = state = minutes_state(db, meeting_id)
        text = f"Anteckningarna: {state.status_label}."
        if state.sent_for_review_date:
            text += (f" Skickade {state.sent_for_review_date.isoformat()}, synpunkter senast "
                     f"{state.comment_deadline.isoformat()}.")
        if state.deadline_passed:
            text += " Sista dag för synpunkter har passerat — dags att fastställa."
        if state.final_date:
            text += f" Fastställda {state.final_date.isoformat()}."
        self.query_one("#review-state", Static).update(text)
        table = self.query_one("#comments-table", DataTable)
        table.clear()
        for c in state.comments:
            received = c.received_date.isoformat() if c.received_date else ""
            if c.late:
                received += " (sen)"
            handled = ("ja" + (f": {c.handled_note}" if c.handled_note else "")) if c.handled \
                else "nej"
            table.add_row(received, c.author, c.agenda_item_title, c.text, handled,
                          key=str(c.id))
        self.query_one("#minutes-preview", Markdown).update(
            minutes_markdown(minutes_data(db, meeting_id)))

    def _write(self) -> None:
        from lokus_tui.documents import export_minutes

        db = self.app.database
        meeting_id = self.screen.meeting_id
        self.screen._ask_folder_and_write(lambda folder: export_minutes(db, meeting_id, folder))

    def action_send(self) -> None:
        from screens.text_prompt import TextPrompt

        default = (clock.today() + timedelta(days=14)).isoformat()

        def answered(value):
            if not value:
                return
            errors = Errors()
            deadline = parse_date(value, "deadline", "Sista dag för synpunkter", errors)
            if errors:
                self.notify(str(errors[0]), severity="error")
                return
            try:
                send_for_review(self.app.database, self.screen.meeting_id, deadline)
            except LokusError as exc:
                self.notify(str(exc), severity="error")
                return
            self.screen.load()
            self.notify("Utkastet är skickat för synpunkter. Välj mapp för filerna.", timeout=4)
            self._write()

        self.screen.query_one("NotesPane").save_now()
        self.app.push_screen(TextPrompt("Sista dag för synpunkter (ÅÅÅÅ-MM-DD):", default,
                                        ok_label="Skicka"), answered)

    def action_comment(self) -> None:
        from screens.comment_form import CommentForm

        def save(data):
            return add_comment(self.app.database, self.screen.meeting_id, data["text"],
                               data["person_id"], data["author_text"], data["item_id"],
                               data["received_date"])

        self.app.push_screen(CommentForm(self.screen.detail.members, self.screen.detail.items,
                                         save), lambda _r: self.screen.load())

    def action_handled(self) -> None:
        table = self.query_one("#comments-table", DataTable)
        if table.row_count == 0:
            return
        comment_id = int(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)
        from screens.text_prompt import TextPrompt

        def answered(note):
            if note is None:
                return
            set_comment_handled(self.app.database, comment_id, note)
            self.screen.load()

        self.app.push_screen(TextPrompt("Vad ändrades? (valfritt)", required=False,
                                        ok_label="Hanterad"), answered)

    def action_finalise(self) -> None:
        from screens.confirm import ConfirmDialog

        open_comments = [c for c in self.state.comments if not c.handled]

        def answered(yes):
            if not yes:
                return
            try:
                finalise(self.app.database, self.screen.meeting_id)
            except LokusError as exc:
                self.notify(str(exc), severity="error")
                return
            self.screen.load()
            self.notify("Anteckningarna är fastställda. Exportera med x.", timeout=4)

        question = "Fastställ anteckningarna?"
        if open_comments:
            question += f" {len(open_comments)} synpunkter är inte markerade som hanterade."
        self.app.push_screen(ConfirmDialog(question, yes_label="Ja, fastställ"), answered)

    def action_export(self) -> None:
        self.screen.query_one("NotesPane").save_now()
        self._write()

    def action_history(self) -> None:
        from screens.export_history import ExportHistory

        self.app.push_screen(ExportHistory(self.screen.meeting_id,
                                           self.screen._ask_folder_and_write))
