"""One meeting: Dagordning, Förslag, Gäster and Kallelse in tabs."""


from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import (
    DataTable,
    Footer,
    Header,
    Markdown,
    Static,
    TabbedContent,
    TabPane,
)

from db import clock
from db.agenda import (
    add_agenda_item,
    delete_agenda_item,
    get_agenda_item,
    move_agenda_item,
    position_before_other_business,
    update_agenda_item,
)
from db.errors import LokusError, NotFoundError
from db.guests import (
    NEXT_GUEST_STATUS,
    delete_guest,
    get_guest,
    invite_guest,
    list_guests,
    set_guest_status,
    update_guest,
)
from db.meetings import cancel_meeting, get_meeting, reopen_meeting, update_meeting
from db.notice import last_export, mark_notice_sent, notice_data
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
from db.review import minutes_state
from db.vocabulary import AgendaItemKind, DocumentKind, GuestStatus
from exports.notice import notice_markdown
from exports.swedish import format_time, format_when
from lokus_tui.plain import Plain, PlainTable, plain_str
from lokus_tui.sections import SectionBar
from screens.meeting_attendance import AttendancePane
from screens.meeting_events import MeetingChanged
from screens.meeting_notes import NotesPane
from screens.meeting_review import ReviewPane

TABS = ("tab-agenda", "tab-proposals", "tab-guests", "tab-notice", "tab-attendance",
        "tab-notes", "tab-review")
FIRST_WIDGET = {"tab-agenda": "#agenda-table", "tab-proposals": "#proposals-table",
                "tab-guests": "#guests-table", "tab-notice": "#notice-scroll",
                "tab-attendance": "#attendance-table", "tab-notes": "#notes-editor",
                "tab-review": "#comments-table"}
TAB_ACTIONS = {
    "tab-agenda": {"new_item", "edit_item", "delete_item", "move_item"},
    "tab-proposals": {"new_proposal", "accept", "postpone", "reject", "asked", "answered"},
    "tab-guests": {"invite", "guest_next", "guest_declined", "edit_guest", "delete_guest",
                   "export_invitation"},
    "tab-notice": {"export_notice", "mark_sent"},
}


class MeetingScreen(Screen):
    CSS_PATH = "meeting_workspace.tcss"
    BINDINGS = [
        Binding("escape", "back", "Tillbaka", id="meeting-back"),
        Binding("right_square_bracket", "tab(1)", "Nästa flik", id="meeting-next-tab"),
        Binding("left_square_bracket", "tab(-1)", "Förra fliken", show=False),
        Binding("ctrl+pagedown", "tab(1)", "Nästa flik", show=False, priority=True),
        Binding("ctrl+pageup", "tab(-1)", "Förra fliken", show=False, priority=True),
        Binding("ctrl+e", "edit_meeting", "Redigera möte", id="meeting-edit"),
        Binding("ctrl+x", "cancel_meeting", "Ställ in/återuppta", id="meeting-cancel"),
        # Dagordning
        Binding("n", "new_item", "Ny punkt", id="agenda-new"),
        Binding("e", "edit_item", "Redigera", id="agenda-edit"),
        Binding("delete", "delete_item", "Ta bort", id="agenda-delete"),
        Binding("alt+up", "move_item(-1)", "Flytta upp", id="agenda-up"),
        Binding("alt+down", "move_item(1)", "Flytta ned", id="agenda-down"),
        # Förslag
        Binding("n", "new_proposal", "Nytt förslag", id="proposal-new"),
        Binding("a", "accept", "Acceptera", id="proposal-accept"),
        Binding("u", "postpone", "Skjut upp", id="proposal-postpone"),
        Binding("r", "reject", "Avslå", id="proposal-reject"),
        Binding("f", "asked", "Part tillfrågad", id="party-asked"),
        Binding("s", "answered", "Part svarat", id="party-answered"),
        # Gäster
        Binding("n", "invite", "Bjud in", id="guest-new"),
        Binding("s", "guest_next", "Nästa status", id="guest-next"),
        Binding("d", "guest_declined", "Avböjt", id="guest-declined"),
        Binding("e", "edit_guest", "Redigera", id="guest-edit"),
        Binding("delete", "delete_guest", "Ta bort", id="guest-delete"),
        Binding("x", "export_invitation", "Exportera inbjudan", id="guest-export"),
        # Kallelse
        Binding("x", "export_notice", "Exportera kallelse", id="notice-export"),
        Binding("k", "mark_sent", "Markera skickad", id="notice-sent"),
    ]

    def __init__(self, meeting_id: int):
        super().__init__()
        self.meeting_id = meeting_id
        self.detail = None
        self.proposals = []
        self.checklist = []
        self.guests = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield SectionBar("moten")
        yield Plain("", id="meeting-info", markup=False)
        yield Plain("", id="meeting-warning", markup=False)
        with TabbedContent(id="meeting-tabs"):
            with TabPane("Dagordning", id="tab-agenda"):
                yield PlainTable(id="agenda-table", cursor_type="row", zebra_stripes=True)
                yield Plain("", id="agenda-summary", classes="status-line", markup=False)
            with TabPane("Förslag", id="tab-proposals"):
                yield Plain("Förslag från parterna", classes="title")
                yield PlainTable(id="proposals-table", cursor_type="row")
                yield Plain("Har parterna tillfrågats om punkter?", classes="title")
                yield PlainTable(id="checklist-table", cursor_type="row")
            with TabPane("Gäster", id="tab-guests"):
                yield PlainTable(id="guests-table", cursor_type="row")
                yield Plain("", id="guests-summary", classes="status-line", markup=False)
            with TabPane("Kallelse", id="tab-notice"):
                with VerticalScroll(id="notice-scroll"):
                    yield Markdown(id="notice-preview")
            with TabPane("Närvaro", id="tab-attendance"):
                yield AttendancePane(id="attendance-pane")
            with TabPane("Anteckningar", id="tab-notes"):
                yield NotesPane(id="notes-pane")
            with TabPane("Granskning", id="tab-review"):
                yield ReviewPane(id="review-pane")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#agenda-table", DataTable).add_columns(
            "Nr", "Tid", "Punkt", "Typ", "Föredragande", "Min")
        self.query_one("#proposals-table", DataTable).add_columns(
            "Inkom", "Från", "Förslag", "Status")
        self.query_one("#checklist-table", DataTable).add_columns(
            "Part", "Tillfrågad", "Svarat", "Förslag")
        self.query_one("#guests-table", DataTable).add_columns(
            "Gäst", "Organisation", "Ämne", "Punkt", "Status", "Följ upp")
        self.load()
        self.query_one("#agenda-table").focus()

    # --- loading ----------------------------------------------------------------
    def load(self) -> None:
        db = self.app.database
        try:
            self.detail = d = get_meeting(db, self.meeting_id)
        except NotFoundError as exc:
            self.notify(str(exc), severity="error")
            self.app.pop_screen()
            return
        notice = notice_data(db, self.meeting_id, meeting=d)
        kallelse = notice_markdown(notice)
        self.proposals = list_proposals(db, self.meeting_id)
        self.checklist = points_checklist(db, self.meeting_id)
        self.guests = list_guests(db, self.meeting_id)
        data = d.data
        place = ", ".join(p for p in (data.room, data.address) if p) or "plats saknas"
        if data.link:
            place += " + digitalt"
        self.sub_title = plain_str(f"{d.group_name} {data.meeting_date.isoformat()}")
        info = (f"{d.kind_label}, {d.group_name}: "
                f"{format_when(data.meeting_date, data.start_time, data.end_time)} — {place}. "
                f"Ordförande: {d.chair_name or 'saknas'}. Status: {d.status_label}")
        if d.notice_sent_date:
            info += f" (kallelse skickad {d.notice_sent_date.isoformat()})"
        self.query_one("#meeting-info", Static).update(info)
        warnings = []
        if d.status == "cancelled":
            warnings.append("Mötet är inställt" + (f": {d.cancelled_reason}"
                                                   if d.cancelled_reason else "."))
        if d.notice_outdated:
            warnings.append("Kallelsen är inaktuell: tid, plats eller dagordning har ändrats "
                            "sedan den skickades. Nästa export blir en uppdatering.")
        if not d.notice_outdated and d.status in ("planned", "notice_sent"):
            last = last_export(db, self.meeting_id, DocumentKind.NOTICE, "md")
            if last and last[0] != kallelse:
                warnings.append(f"Kallelsen har ändrats sedan den exporterades "
                                f"{last[1]:%Y-%m-%d}. Exportera igen innan du skickar den.")
        if d.overrun:
            warnings.append(f"Dagordningen drar över mötets sluttid med {d.overrun} minuter.")
        if d.missing and d.status == "planned":
            warnings.append("Inte klar att kalla: saknar " + ", ".join(d.missing) + ".")
        minutes = minutes_state(db, self.meeting_id)
        if minutes.deadline_passed:
            warnings.append(f"Sista dag för synpunkter ({minutes.comment_deadline.isoformat()}) "
                            "har passerat — anteckningarna kan fastställas.")
        overdue = [g for g in self.guests if g.overdue]
        if overdue:
            warnings.append(f"{len(overdue)} gästinbjudan har passerat uppföljningsdatum.")
        warning = self.query_one("#meeting-warning", Static)
        warning.update("\n".join(warnings))
        warning.display = bool(warnings)
        self._fill_agenda(notice.follow_ups)
        self._fill_proposals()
        self._fill_guests()
        self.query_one("#notice-preview", Markdown).update(kallelse)
        self.query_one(AttendancePane).refresh_data()
        self.query_one(NotesPane).refresh_data()
        self.query_one(ReviewPane).refresh_data()

    def _keep_cursor(self, table: DataTable, fill) -> None:
        row = table.cursor_row
        table.clear()
        fill(table)
        if table.row_count:
            table.move_cursor(row=min(row, table.row_count - 1))

    def _fill_agenda(self, follow_ups) -> None:
        def fill(table):
            for n, item in enumerate(self.detail.items, 1):
                when = f"{format_time(item.start)}–{format_time(item.end)}" if item.start else ""
                who = ", ".join(x for x in (item.presenter, *item.guests) if x)
                title = item.title
                if title.strip().lower() == "uppföljning av åtgärder" and follow_ups:
                    title += f" ({len(follow_ups)} åtgärder från tidigare möten)"
                table.add_row(str(n), when, title, AgendaItemKind.label_of(item.data.kind), who, str(item.data.minutes_allotted),
                    key=str(item.id))

        self._keep_cursor(self.query_one("#agenda-table", DataTable), fill)
        total = sum(i.data.minutes_allotted for i in self.detail.items)
        text = f"{len(self.detail.items)} punkter, {total} minuter"
        if self.detail.overrun:
            text += f" — {self.detail.overrun} minuter för mycket"
        self.query_one("#agenda-summary", Static).update(text)

    def _fill_proposals(self) -> None:
        def fill(table):
            for p in self.proposals:
                source = ", ".join(x for x in (p.person_name, p.organisation_name) if x)
                status = p.status_label + (f": {p.reason}" if p.reason else "")
                table.add_row(p.received_date.isoformat() if p.received_date else "", source,
                              p.text, status, key=str(p.id))

        self._keep_cursor(self.query_one("#proposals-table", DataTable), fill)

        def fill_check(table):
            for c in self.checklist:
                table.add_row(c.organisation_name,
                              c.asked_date.isoformat() if c.asked_date else "nej",
                              c.answered_date.isoformat() if c.answered_date else "nej",
                              str(c.proposals), key=str(c.organisation_id))

        self._keep_cursor(self.query_one("#checklist-table", DataTable), fill_check)

    def _fill_guests(self) -> None:
        def fill(table):
            for g in self.guests:
                follow = g.follow_up_date.isoformat() if g.follow_up_date else ""
                if g.overdue:
                    follow = f"{follow} FÖRSENAD"
                table.add_row(g.name, g.organisation_name, g.topic, g.agenda_item_title,
                              g.status_label, follow, key=str(g.id))

        self._keep_cursor(self.query_one("#guests-table", DataTable), fill)
        overdue = sum(1 for g in self.guests if g.overdue)
        self.query_one("#guests-summary", Static).update(
            f"{len(self.guests)} inbjudna" + (f", {overdue} att följa upp nu" if overdue else ""))

    # --- tabs and bindings ------------------------------------------------------------
    @property
    def active_tab(self) -> str:
        return self.query_one("#meeting-tabs", TabbedContent).active

    def check_action(self, action: str, parameters) -> bool | None:
        for tab, actions in TAB_ACTIONS.items():
            if action in actions:
                return self.active_tab == tab
        return True

    @on(TabbedContent.TabActivated)
    def _tab_changed(self) -> None:
        self.refresh_bindings()
        # Focus the tab's main widget once the tab is shown. Focusing at once, while
        # keys are still arriving, could leave the focus on a widget out of sight
        # (typing into a hidden table instead of the notes).
        self.call_after_refresh(self._focus_active_tab)

    def _focus_active_tab(self) -> None:
        first = FIRST_WIDGET[self.active_tab]
        widget = self.query_one(first)
        if self.focused is not widget:
            widget.focus()

    def action_tab(self, delta: int) -> None:
        tabs = self.query_one("#meeting-tabs", TabbedContent)
        tabs.active = TABS[(TABS.index(tabs.active) + delta) % len(TABS)]
        self.query_one(FIRST_WIDGET[tabs.active]).focus()

    def _selected(self, table_id: str) -> int | None:
        table = self.query_one(table_id, DataTable)
        if table.row_count == 0:
            return None
        return int(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

    def _run(self, fn, *args, success: str = "", **kwargs):
        try:
            result = fn(self.app.database, *args, **kwargs)
        except LokusError as exc:
            self.notify(str(exc), severity="error", markup=False)
            self.load()
            return None
        if success:
            self.notify(success, timeout=3, markup=False)
        self.load()
        return result if result is not None else True

    def action_back(self) -> None:
        warning = self.flush_pending()
        if warning:
            self.notify(warning[0].upper() + warning[1:] + ".", severity="warning", timeout=10,
                        markup=False)
        self.app.pop_screen()

    def on_screen_suspend(self) -> None:
        self.flush_pending()

    def flush_pending(self) -> str:
        """Save typed notes now (the app calls this before quitting); a sentence about
        anything that could not be saved."""
        panes = self.query(NotesPane)
        return panes.first().flush_pending() if panes else ""

    @on(MeetingChanged)
    def _meeting_changed(self, event: MeetingChanged) -> None:
        event.stop()
        self.load()

    # --- meeting --------------------------------------------------------------------
    def action_edit_meeting(self) -> None:
        from screens.meeting_form import MeetingForm

        def save(data, version):
            return update_meeting(self.app.database, self.meeting_id, data, version)

        self.app.push_screen(MeetingForm(self.detail, save=save, fetch=lambda: get_meeting(
            self.app.database, self.meeting_id)), lambda _r: self.load())

    def action_cancel_meeting(self) -> None:
        version = self.detail.version
        if self.detail.status == "cancelled":
            self._run(reopen_meeting, self.meeting_id, version, success="Mötet är återupptaget.")
            return
        from screens.text_prompt import TextPrompt

        def answered(reason):
            if reason is not None:
                self._run(cancel_meeting, self.meeting_id, reason, version,
                          success="Mötet är inställt. Allt som förberetts finns kvar.")

        self.app.push_screen(TextPrompt("Varför ställs mötet in? (valfritt)", required=False,
                                        ok_label="Ställ in"), answered)

    # --- agenda -----------------------------------------------------------------------
    def _guest_choices(self):
        return [(g.name, g.person_id) for g in self.guests if g.status in ("confirmed",
                                                                           "presented")]

    def action_new_item(self) -> None:
        from screens.agenda_item_form import AgendaItemForm

        def save(data):
            position = position_before_other_business(self.app.database, self.meeting_id)
            return add_agenda_item(self.app.database, self.meeting_id, data, position)

        self.app.push_screen(AgendaItemForm(None, self.detail.members, self.detail.data.group_id,
                                            save, self._guest_choices()), self._after_item)

    def _after_item(self, item_id) -> None:
        self.load()
        if isinstance(item_id, int) and item_id > 0:
            table = self.query_one("#agenda-table", DataTable)
            if str(item_id) in table.rows:
                table.move_cursor(row=table.get_row_index(str(item_id)))

    def action_edit_item(self) -> None:
        item_id = self._selected("#agenda-table")
        item = next((i for i in self.detail.items if i.id == item_id), None)
        if item is None:
            return
        from screens.agenda_item_form import AgendaItemForm

        def save(data, version):
            update_agenda_item(self.app.database, item.id, data, version)
            return item.id

        self.app.push_screen(AgendaItemForm(item, self.detail.members, self.detail.data.group_id,
                                            save, self._guest_choices(),
                                            fetch=lambda: get_agenda_item(self.app.database,
                                                                          item.id)),
                             self._after_item)

    @on(DataTable.RowSelected, "#agenda-table")
    def _agenda_enter(self) -> None:
        self.action_edit_item()

    def action_delete_item(self) -> None:
        item_id = self._selected("#agenda-table")
        item = next((i for i in self.detail.items if i.id == item_id), None)
        if item is None:
            return
        from screens.confirm import ConfirmDialog

        def answered(yes):
            if yes:
                self._run(delete_agenda_item, item.id, item.version,
                          success=f"”{item.title}” är borttagen.")

        self.app.push_screen(ConfirmDialog(f"Ta bort punkten ”{item.title}”?"), answered)

    def action_move_item(self, delta: int) -> None:
        item_id = self._selected("#agenda-table")
        item = next((i for i in self.detail.items if i.id == item_id), None)
        if item is None:
            return
        position = self._run(move_agenda_item, item_id, delta, item.version)
        if position is not None:
            self.query_one("#agenda-table", DataTable).move_cursor(row=position)

    # --- proposals -----------------------------------------------------------------------
    def action_new_proposal(self) -> None:
        from screens.proposal_form import ProposalForm

        def save(data):
            text, org, person, received = data
            return add_proposal(self.app.database, self.meeting_id, text, org, person, received)

        self.app.push_screen(ProposalForm(save), lambda _r: self.load())

    def _proposal(self):
        proposal_id = self._selected("#proposals-table")
        return next((p for p in self.proposals if p.id == proposal_id), None)

    def action_accept(self) -> None:
        proposal = self._proposal()
        if proposal is not None:
            self._run(accept_proposal, proposal.id, proposal.version,
                      success="Förslaget är nu en punkt på dagordningen.")

    def action_postpone(self) -> None:
        proposal = self._proposal()
        if proposal is not None:
            self._run(postpone_proposal, proposal.id, proposal.version,
                      success="Förslaget är flyttat till gruppens nästa möte.")

    def action_reject(self) -> None:
        proposal = self._proposal()
        if proposal is None:
            return
        from screens.text_prompt import TextPrompt

        def answered(reason):
            if reason:
                self._run(reject_proposal, proposal.id, reason, proposal.version,
                          success="Förslaget är avslaget.")

        self.app.push_screen(TextPrompt("Skäl till att förslaget avslås:", ok_label="Avslå"),
                             answered)

    def action_asked(self) -> None:
        org_id = self._selected("#checklist-table")
        if org_id is None:
            return
        row = next(c for c in self.checklist if c.organisation_id == org_id)
        self._run(mark_party_asked, self.meeting_id, org_id, row.version, clock.today(),
                  asked=row.asked_date is None)
        self.query_one("#checklist-table").focus()

    def action_answered(self) -> None:
        org_id = self._selected("#checklist-table")
        if org_id is None:
            return
        row = next(c for c in self.checklist if c.organisation_id == org_id)
        self._run(mark_party_answered, self.meeting_id, org_id, row.version, clock.today(),
                  answered=row.answered_date is None)
        self.query_one("#checklist-table").focus()

    # --- guests --------------------------------------------------------------------------
    def action_invite(self) -> None:
        from screens.guest_form import GuestForm

        def save(data):
            return invite_guest(self.app.database, self.meeting_id, data["topic"],
                                person_id=data["person_id"], new_person=data["new_person"],
                                agenda_item_id=data["agenda_item_id"],
                                follow_up_date=data["follow_up_date"], note=data["note"])

        self.app.push_screen(GuestForm(None, self.detail.items, save), lambda _r: self.load())

    def _guest(self):
        guest_id = self._selected("#guests-table")
        return next((g for g in self.guests if g.id == guest_id), None)

    def action_edit_guest(self) -> None:
        guest = self._guest()
        if guest is None:
            return
        from screens.guest_form import GuestForm

        def save(data, version):
            return update_guest(self.app.database, guest.id, data["topic"],
                                data["agenda_item_id"], data["follow_up_date"], data["note"],
                                version)

        self.app.push_screen(GuestForm(guest, self.detail.items, save,
                                       fetch=lambda: get_guest(self.app.database, guest.id)),
                             lambda _r: self.load())

    @on(DataTable.RowSelected, "#guests-table")
    def _guest_enter(self) -> None:
        self.action_edit_guest()

    def action_guest_next(self) -> None:
        guest = self._guest()
        if guest is None:
            return
        status = NEXT_GUEST_STATUS.get(guest.status)
        if status is None:
            self.notify("Inbjudan är redan avslutad.", severity="warning")
            return
        self._run(set_guest_status, guest.id, status, guest.version,
                  success=f"{guest.name}: {GuestStatus.label_of(status)}")

    def action_guest_declined(self) -> None:
        guest = self._guest()
        if guest is not None:
            self._run(set_guest_status, guest.id, "declined", guest.version,
                      success=f"{guest.name}: avböjt")

    def action_delete_guest(self) -> None:
        guest = self._guest()
        if guest is None:
            return
        from screens.confirm import ConfirmDialog

        def answered(yes):
            if yes:
                self._run(delete_guest, guest.id, guest.version, success="Inbjudan är borttagen.")

        self.app.push_screen(ConfirmDialog(f"Ta bort inbjudan till {guest.name}?"), answered)

    def action_export_invitation(self) -> None:
        guest = self._guest()
        if guest is None:
            return
        from lokus_tui.documents import export_invitation

        self._ask_folder_and_write(
            lambda folder: export_invitation(self.app.database, self.meeting_id, guest, folder))

    # --- kallelse ------------------------------------------------------------------------
    def _ask_folder_and_write(self, write, after=None) -> None:
        from lokus_tui.config import export_dir
        from screens.text_prompt import TextPrompt

        def answered(folder):
            if not folder:
                return
            from pathlib import Path

            try:
                paths = write(Path(folder).expanduser())
            except LokusError as exc:
                self.notify(str(exc), severity="error", timeout=8)
                return
            self.app.last_export_paths = paths
            self.notify("Sparat:\n" + "\n".join(str(p) for p in paths), timeout=8, markup=False)
            self.load()
            if after is not None:
                after()

        self.app.push_screen(TextPrompt("Mapp att spara i:", str(export_dir()),
                                        ok_label="Spara"), answered)

    def action_export_notice(self) -> None:
        from lokus_tui.documents import export_kallelse

        def write(folder):
            return export_kallelse(self.app.database, self.meeting_id, folder)

        def offer_mark_sent():
            if self.detail.status != "planned" and not self.detail.notice_outdated:
                return
            from screens.confirm import ConfirmDialog

            def answered(yes):
                if yes:
                    self.action_mark_sent()

            self.app.push_screen(ConfirmDialog(
                "Skickar du kallelsen nu? Markera den som skickad i dag, så visar lokus när "
                "den blir inaktuell.", yes_label="Ja, markera skickad"), answered)

        self._ask_folder_and_write(write, after=offer_mark_sent)

    def action_mark_sent(self) -> None:
        sequence = self._run(mark_notice_sent, self.meeting_id, self.detail.version,
                             clock.today())
        if sequence:
            self.notify(f"Kallelsen är markerad som skickad {clock.today().isoformat()}.",
                        timeout=4)
