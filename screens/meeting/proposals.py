"""Förslag: points the parties propose, and whether each party was asked and answered."""

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable

from db import clock
from db.proposals import (
    accept_proposal,
    add_proposal,
    list_proposals,
    mark_party_answered,
    mark_party_asked,
    points_checklist,
    postpone_proposal,
    reject_proposal,
)
from db.records import PointsRequestView, ProposalView
from lokus_tui.context import app_database
from lokus_tui.plain import Plain
from lokus_tui.plain_table import PlainTable
from lokus_tui.table_columns import Column
from screens.meeting.pane import MeetingPane


class ProposalsPane(MeetingPane):
    first_widget = "#proposals-table"
    BINDINGS = [
        Binding("n", "new_proposal", "Nytt förslag", id="proposal-new"),
        Binding("a", "accept", "Acceptera", id="proposal-accept"),
        Binding("u", "postpone", "Skjut upp", id="proposal-postpone"),
        Binding("r", "reject", "Avslå", id="proposal-reject"),
        Binding("f", "asked", "Part tillfrågad", id="party-asked"),
        Binding("s", "answered", "Part svarat", id="party-answered"),
    ]

    def compose(self) -> ComposeResult:
        yield Plain("Förslag från parterna", classes="title")
        yield PlainTable(id="proposals-table", cursor_type="row")
        yield Plain("Har parterna tillfrågats om punkter?", classes="title")
        yield PlainTable(id="checklist-table", cursor_type="row")

    def set_up(self) -> None:
        self.proposals: list[ProposalView] = []
        self.checklist: list[PointsRequestView] = []
        self.query_one("#proposals-table", PlainTable).set_columns(
            Column("Inkom", rank=1),
            Column("Från", rank=2, flex=True),
            Column("Förslag", flex=True, min_width=20),
            Column("Status"),
        )
        self.query_one("#checklist-table", DataTable).add_columns(
            "Part", "Tillfrågad", "Svarat", "Förslag"
        )

    def load(self) -> None:
        db = app_database(self)
        self.proposals = list_proposals(db, self.meeting_id)
        self.checklist = points_checklist(db, self.meeting_id)

        def proposal(p):
            source = ", ".join(x for x in (p.person_name, p.organisation_name) if x)
            status = p.status_label + (f": {p.reason}" if p.reason else "")
            received = p.received_date.isoformat() if p.received_date else ""
            return str(p.id), (received, source, p.text, status)

        def asked(c):
            return str(c.organisation_id), (
                c.organisation_name,
                c.asked_date.isoformat() if c.asked_date else "nej",
                c.answered_date.isoformat() if c.answered_date else "nej",
                str(c.proposals),
            )

        self.query_one("#proposals-table", PlainTable).show_rows(
            [proposal(p) for p in self.proposals]
        )
        self.query_one("#checklist-table", PlainTable).show_rows([asked(c) for c in self.checklist])

    def _proposal(self):
        proposal_id = self.selected_key("#proposals-table")
        return next((p for p in self.proposals if p.id == proposal_id), None)

    def action_new_proposal(self) -> None:
        from screens.proposal_form import ProposalForm

        db, meeting_id = app_database(self), self.meeting_id

        def save(data):
            text, org, person, received = data
            return add_proposal(db, meeting_id, text, org, person, received)

        self.app.push_screen(ProposalForm(save), lambda _r: self.changed())

    def action_accept(self) -> None:
        proposal = self._proposal()
        if proposal is not None:
            self.run_db(
                accept_proposal,
                proposal.id,
                proposal.version,
                success="Förslaget är nu en punkt på dagordningen.",
            )

    def action_postpone(self) -> None:
        proposal = self._proposal()
        if proposal is not None:
            self.run_db(
                postpone_proposal,
                proposal.id,
                proposal.version,
                success="Förslaget är flyttat till gruppens nästa möte.",
            )

    def action_reject(self) -> None:
        proposal = self._proposal()
        if proposal is None:
            return
        from screens.text_prompt import TextPrompt

        def answered(reason):
            if reason:
                self.run_db(
                    reject_proposal,
                    proposal.id,
                    reason,
                    proposal.version,
                    success="Förslaget är avslaget.",
                )

        self.app.push_screen(
            TextPrompt("Skäl till att förslaget avslås:", ok_label="Avslå"), answered
        )

    def _party(self):
        org_id = self.selected_key("#checklist-table")
        return next((c for c in self.checklist if c.organisation_id == org_id), None)

    def action_asked(self) -> None:
        row = self._party()
        if row is None:
            return
        self.run_db(
            mark_party_asked,
            self.meeting_id,
            row.organisation_id,
            row.version,
            clock.today(),
            asked=row.asked_date is None,
        )
        self.query_one("#checklist-table").focus()

    def action_answered(self) -> None:
        row = self._party()
        if row is None:
            return
        self.run_db(
            mark_party_answered,
            self.meeting_id,
            row.organisation_id,
            row.version,
            clock.today(),
            answered=row.answered_date is None,
        )
        self.query_one("#checklist-table").focus()
