"""Kallelse: the notice as it reads now; export it (Markdown, .ics, .eml, and PDF or
Word when chosen), mark it sent."""

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll

from db import clock
from db.notice import mark_notice_sent
from db.vocabulary import MeetingStatus
from lokus_tui.context import app_database
from lokus_tui.document_view import DocumentView
from lokus_tui.plain import Plain
from screens.meeting.pane import MeetingPane


class NoticePane(MeetingPane):
    first_widget = "#notice-scroll"
    BINDINGS = [
        Binding("x", "export_notice", "Exportera kallelse", id="notice-export"),
        Binding("k", "mark_sent", "Markera skickad", id="notice-sent"),
    ]

    def compose(self) -> ComposeResult:
        yield Plain("", id="notice-state", classes="status-line")
        with VerticalScroll(id="notice-scroll"):
            yield DocumentView(id="notice-preview")

    def load(self) -> None:
        from lokus_tui.documents import notice_document

        markdown, changed_since = notice_document(
            app_database(self), self.meeting_id, meeting=self.detail
        )
        self.query_one("#notice-preview", DocumentView).show(markdown)
        state = self.query_one("#notice-state", Plain)
        state.update(
            f"Kallelsen har ändrats sedan den exporterades {changed_since:%Y-%m-%d}. "
            "Exportera igen innan du skickar den."
            if changed_since
            else ""
        )
        state.display = bool(changed_since)

    def action_export_notice(self) -> None:
        from lokus_tui.documents import export_notice

        db, meeting_id = app_database(self), self.meeting_id
        detail = self.detail

        def offer_mark_sent():
            if detail.status != MeetingStatus.PLANNED and not detail.notice_outdated:
                return
            from screens.confirm import ConfirmDialog

            def answered(yes):
                if yes:
                    self.action_mark_sent()

            self.app.push_screen(
                ConfirmDialog(
                    "Skickar du kallelsen nu? Markera den som skickad i dag, så visar lokus när "
                    "den blir inaktuell.",
                    yes_label="Ja, markera skickad",
                ),
                answered,
            )

        from lokus_tui.documents import NOTICE_FORMATS
        from screens.meeting.export_prompt import chosen_formats

        self.ask_export(
            lambda folder, extra: export_notice(
                db, meeting_id, folder, chosen_formats(NOTICE_FORMATS, extra)
            ),
            "Markdown, kalenderfil och e-post",
            after=offer_mark_sent,
        )

    def action_mark_sent(self) -> None:
        sequence = self.run_db(
            mark_notice_sent, self.meeting_id, self.detail.version, clock.today()
        )
        if sequence:
            self.notify(
                f"Kallelsen är markerad som skickad {clock.today().isoformat()}.", timeout=4
            )
