"""Granskning: send the draft for comments, record comments, finalise, export."""

from datetime import timedelta

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Static

from db import clock
from db.errors import LokusError
from db.review import check_finalise, reopen_minutes, send_for_review
from db.review_comments import add_comment, minutes_state, set_comment_handled
from db.validation import Errors, parse_date
from lokus_tui.context import app_database
from lokus_tui.document_view import DocumentView
from lokus_tui.documents import finalise_minutes, minutes_document
from lokus_tui.plain import Plain
from lokus_tui.plain_table import PlainTable
from lokus_tui.table_columns import Column
from screens.meeting.pane import MeetingPane


class ReviewPane(MeetingPane):
    first_widget = "#comments-table"
    BINDINGS = [
        Binding("s", "send", "Skicka för synpunkter", id="review-send"),
        Binding("c", "comment", "Ny synpunkt", id="review-comment"),
        Binding("h", "handled", "Hanterad", id="review-handled"),
        Binding("f", "finalise", "Fastställ", id="review-final"),
        Binding("o", "reopen", "Återöppna", id="review-reopen"),
        Binding("x", "export", "Exportera", id="review-export"),
        Binding("v", "history", "Tidigare versioner", id="review-history"),
    ]

    def compose(self) -> ComposeResult:
        yield Plain("", id="review-state", markup=False)
        yield PlainTable(id="comments-table", cursor_type="row")
        with VerticalScroll(id="minutes-scroll"):
            yield DocumentView(id="minutes-preview")

    def set_up(self) -> None:
        self.query_one("#comments-table", PlainTable).set_columns(
            Column("Inkom", rank=1),
            Column("Från", rank=2, flex=True),
            Column("Punkt", rank=3, flex=True),
            Column("Synpunkt", flex=True, min_width=20),
            Column("Hanterad"),
        )

    def load(self) -> None:
        db = app_database(self)
        meeting_id = self.meeting_id
        self.state = state = minutes_state(db, meeting_id)
        text = f"Anteckningarna: {state.status_label}."
        if state.sent_for_review_date:
            deadline = state.comment_deadline  # set together with the date sent
            text += f" Skickade {state.sent_for_review_date.isoformat()}" + (
                f", synpunkter senast {deadline.isoformat()}." if deadline else "."
            )
        if state.deadline_passed:
            text += " Sista dag för synpunkter har passerat — dags att fastställa."
        if state.final_date:
            text += (
                f" Fastställda {state.final_date.isoformat()} — de är skrivskyddade; "
                "o återöppnar dem."
            )
        if state.reopened_date and state.status != "final":
            text += (
                f" Återöppnade {state.reopened_date.isoformat()}: {state.reopened_reason}"
                " (den fastställda versionen finns under v)."
            )
        self.query_one("#review-state", Static).update(text)
        table = self.query_one("#comments-table", DataTable)
        table.clear()
        for c in state.comments:
            received = c.received_date.isoformat() if c.received_date else ""
            if c.late:
                received += " (sen)"
            handled = (
                ("ja" + (f": {c.handled_note}" if c.handled_note else "")) if c.handled else "nej"
            )
            table.add_row(received, c.author, c.agenda_item_title, c.text, handled, key=str(c.id))
        self.query_one("#minutes-preview", DocumentView).show(minutes_document(db, meeting_id)[1])

    def _write(self) -> None:
        from lokus_tui.documents import MINUTES_FORMATS, export_minutes
        from screens.meeting.export_prompt import chosen_formats

        db = app_database(self)
        meeting_id = self.meeting_id
        self.ask_export(
            lambda folder, extra: export_minutes(
                db, meeting_id, folder, chosen_formats(MINUTES_FORMATS, extra)
            ),
            "Markdown och e-post",
        )

    def action_send(self) -> None:
        from screens.text_prompt import TextPrompt

        default = (clock.today() + timedelta(days=14)).isoformat()
        version = self.detail.version

        def answered(value):
            if not value:
                return
            errors = Errors()
            deadline = parse_date(value, "deadline", "Sista dag för synpunkter", errors)
            if errors:
                self.notify(str(errors[0]), severity="error")
                return
            try:
                send_for_review(app_database(self), self.meeting_id, deadline, version)
            except LokusError as exc:
                self.notify(str(exc), severity="error", markup=False)
                self.changed()
                return
            self.changed()
            self.notify("Utkastet är skickat för synpunkter. Välj mapp för filerna.", timeout=4)
            self._write()

        self.meeting_screen.flush_pending()
        self.app.push_screen(
            TextPrompt("Sista dag för synpunkter (ÅÅÅÅ-MM-DD):", default, ok_label="Skicka"),
            answered,
        )

    def action_comment(self) -> None:
        from screens.comment_form import CommentForm

        def save(data):
            return add_comment(
                app_database(self),
                self.meeting_id,
                data["text"],
                data["person_id"],
                data["author_text"],
                data["item_id"],
                data["received_date"],
            )

        self.app.push_screen(
            CommentForm(self.detail.members, self.detail.items, save), lambda _r: self.changed()
        )

    def action_handled(self) -> None:
        comment_id = self.selected_key("#comments-table")
        if comment_id is None:
            return
        comment = next(c for c in self.state.comments if c.id == comment_id)
        from screens.text_prompt import TextPrompt

        def answered(note):
            if note is None:
                return
            try:
                set_comment_handled(app_database(self), comment_id, note, comment.version)
            except LokusError as exc:
                self.notify(str(exc), severity="error", markup=False)
            self.changed()

        self.app.push_screen(
            TextPrompt("Vad ändrades? (valfritt)", required=False, ok_label="Hanterad"), answered
        )

    def action_finalise(self) -> None:
        from screens.confirm import ConfirmDialog

        meeting_id, version = self.meeting_id, self.detail.version
        try:
            early = check_finalise(app_database(self), meeting_id)
        except LokusError as exc:
            self.notify(str(exc), severity="error", timeout=8, markup=False)
            return
        self.meeting_screen.flush_pending()
        open_comments = [c for c in self.state.comments if not c.handled]

        def answered(yes):
            if not yes:
                return
            try:
                finalise_minutes(app_database(self), meeting_id, version, early_ok=True)
            except LokusError as exc:
                self.notify(str(exc), severity="error", markup=False)
                self.changed()
                return
            self.changed()
            self.notify(
                "Anteckningarna är fastställda och skrivskyddade. Exportera med x.", timeout=4
            )

        question = "Fastställ anteckningarna? De blir sedan skrivskyddade."
        if early:
            question += f" Obs: {early}"
        if open_comments:
            question += f" {len(open_comments)} synpunkter är inte markerade som hanterade."
        self.app.push_screen(ConfirmDialog(question, yes_label="Ja, fastställ"), answered)

    def action_reopen(self) -> None:
        if self.state.status != "final":
            self.notify("Anteckningarna är inte fastställda.", severity="warning")
            return
        from screens.text_prompt import TextPrompt

        meeting_id, version = self.meeting_id, self.detail.version

        def answered(reason):
            if not reason:
                return
            try:
                reopen_minutes(app_database(self), meeting_id, reason, version)
            except LokusError as exc:
                self.notify(str(exc), severity="error", markup=False)
                self.changed()
                return
            self.changed()
            self.notify(
                "Anteckningarna är återöppnade. Den fastställda versionen finns kvar "
                "under Tidigare versioner (v).",
                timeout=6,
            )

        self.app.push_screen(
            TextPrompt("Varför återöppnas de fastställda anteckningarna?", ok_label="Återöppna"),
            answered,
        )

    def action_export(self) -> None:
        self.meeting_screen.flush_pending()
        self._write()

    def action_history(self) -> None:
        from screens.export_history import ExportHistory

        self.app.push_screen(ExportHistory(self.meeting_id, self.ask_folder_and_write))
