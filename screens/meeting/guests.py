"""Gäster: people asked to present; status from idé to har presenterat; invitations."""

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable

from db.guests import (
    NEXT_GUEST_STATUS,
    delete_guest,
    get_guest,
    invite_guest,
    list_guests,
    set_guest_status,
    update_guest,
)
from db.records import GuestView
from db.vocabulary import GuestStatus
from lokus_tui.context import app_database
from lokus_tui.documents import invitations_changed_since_export
from lokus_tui.plain import Plain
from lokus_tui.plain_table import PlainTable
from lokus_tui.table_columns import Column
from screens.meeting.pane import MeetingPane


class GuestsPane(MeetingPane):
    first_widget = "#guests-table"
    BINDINGS = [
        Binding("n", "invite", "Bjud in", id="guest-new"),
        Binding("s", "guest_next", "Nästa status", id="guest-next"),
        Binding("d", "guest_declined", "Avböjt", id="guest-declined"),
        Binding("e", "edit_guest", "Redigera", id="guest-edit"),
        Binding("delete", "delete_guest", "Ta bort", id="guest-delete"),
        Binding("x", "export_invitation", "Exportera inbjudan", id="guest-export"),
    ]

    def compose(self) -> ComposeResult:
        yield PlainTable(id="guests-table", cursor_type="row")
        yield Plain("", id="guests-summary", classes="status-line")

    def set_up(self) -> None:
        self.guests: list[GuestView] = []
        self.outdated: set[int] = set()
        self.query_one("#guests-table", PlainTable).set_columns(
            Column("Gäst"),
            Column("Organisation", rank=3, flex=True),
            Column("Ämne", flex=True, min_width=14),
            Column("Punkt", rank=2, flex=True),
            Column("Status"),
            Column("Följ upp", rank=1),
        )

    def load(self) -> None:
        database = app_database(self)
        self.guests = list_guests(database, self.meeting_id)
        self.outdated = invitations_changed_since_export(database, self.meeting_id, self.guests)

        def row(g):
            follow = g.follow_up_date.isoformat() if g.follow_up_date else ""
            if g.overdue:
                follow = f"{follow} FÖRSENAD"
            if g.id in self.outdated:
                follow = "NY INBJUDAN (x)"
            cells = (g.name, g.organisation_name, g.topic, g.agenda_item_title, g.status_label)
            return str(g.id), (*cells, follow)

        self.query_one("#guests-table", PlainTable).show_rows([row(g) for g in self.guests])
        overdue = sum(1 for g in self.guests if g.overdue)
        summary = f"{len(self.guests)} inbjudna" + (
            f", {overdue} att följa upp nu" if overdue else ""
        )
        if self.outdated:
            names = ", ".join(g.name for g in self.guests if g.id in self.outdated)
            summary += (
                f". Inbjudan har ändrats sedan den exporterades ({names}): "
                "exportera och skicka en ny med x."
            )
        self.query_one("#guests-summary", Plain).update(summary)

    def _guest(self):
        guest_id = self.selected_key("#guests-table")
        return next((g for g in self.guests if g.id == guest_id), None)

    def action_invite(self) -> None:
        from screens.guest_form import GuestForm

        db, meeting_id = app_database(self), self.meeting_id

        def save(data):
            return invite_guest(
                db,
                meeting_id,
                data["topic"],
                person_id=data["person_id"],
                new_person=data["new_person"],
                agenda_item_id=data["agenda_item_id"],
                follow_up_date=data["follow_up_date"],
                note=data["note"],
            )

        self.app.push_screen(GuestForm(None, self.detail.items, save), lambda _r: self.changed())

    def action_edit_guest(self) -> None:
        guest = self._guest()
        if guest is None:
            return
        from screens.guest_form import GuestForm

        db = app_database(self)

        def save(data, version):
            return update_guest(
                db,
                guest.id,
                data["topic"],
                data["agenda_item_id"],
                data["follow_up_date"],
                data["note"],
                version,
            )

        self.app.push_screen(
            GuestForm(guest, self.detail.items, save, fetch=lambda: get_guest(db, guest.id)),
            lambda _r: self.changed(),
        )

    @on(DataTable.RowSelected, "#guests-table")
    def _enter(self) -> None:
        self.action_edit_guest()

    def action_guest_next(self) -> None:
        guest = self._guest()
        if guest is None:
            return
        status = NEXT_GUEST_STATUS.get(guest.status)
        if status is None:
            self.notify("Inbjudan är redan avslutad.", severity="warning")
            return
        self.run_db(
            set_guest_status,
            guest.id,
            status,
            guest.version,
            success=f"{guest.name}: {GuestStatus.label_of(status)}",
        )

    def action_guest_declined(self) -> None:
        guest = self._guest()
        if guest is not None:
            self.run_db(
                set_guest_status,
                guest.id,
                GuestStatus.DECLINED,
                guest.version,
                success=f"{guest.name}: avböjt",
            )

    def action_delete_guest(self) -> None:
        guest = self._guest()
        if guest is None:
            return
        from screens.confirm import ConfirmDialog

        def answered(yes):
            if yes:
                self.run_db(delete_guest, guest.id, guest.version, success="Inbjudan är borttagen.")

        self.app.push_screen(ConfirmDialog(f"Ta bort inbjudan till {guest.name}?"), answered)

    def action_export_invitation(self) -> None:
        guest = self._guest()
        if guest is None:
            return
        from lokus_tui.documents import INVITATION_FORMATS, export_invitation
        from screens.meeting.export_prompt import chosen_formats

        db, meeting_id = app_database(self), self.meeting_id
        self.ask_export(
            lambda folder, extra: export_invitation(
                db, meeting_id, guest, folder, chosen_formats(INVITATION_FORMATS, extra)
            ),
            "Markdown och e-post",
        )
