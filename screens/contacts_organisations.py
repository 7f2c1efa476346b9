"""Kontakter's organisation tab: edit, delete and add an organisation."""

from textual.screen import Screen

from db.errors import LokusError
from db.organisations import create_organisation
from exports.swedish import count_of
from lokus_tui.context import app_database
from lokus_tui.paged_table import PagedTable
from lokus_tui.stylesheet import StyledOnce


class OrganisationActions(StyledOnce, Screen):
    """The organisation keys of ContactsScreen (which reads the lists again)."""

    def reload(self, keep_current: bool = False, select: int | None = None) -> bool:
        raise NotImplementedError

    def _selected_org(self):
        record = self.query_one("#orgs-table", PagedTable).current_record
        if record is None:
            self.notify("Ingen organisation är vald.", severity="warning")
        return record

    def action_edit_organisation(self) -> None:
        record = self._selected_org()
        if record is None:
            return
        from db.organisations import get_organisation, update_organisation
        from screens.organisation_form import OrganisationForm

        current, version = get_organisation(app_database(self), record.id)

        def save(data):
            return update_organisation(app_database(self), record.id, data, version)

        self.app.push_screen(OrganisationForm(save, current))  # (read again on return)

    def action_delete_organisation(self) -> None:
        record = self._selected_org()
        if record is None:
            return
        from db.organisations import delete_organisation
        from screens.confirm import ConfirmDialog

        def answered(yes):
            if yes:
                try:
                    delete_organisation(app_database(self), record.id, record.version)
                except LokusError as exc:
                    self.notify(str(exc), severity="error", markup=False)
                self.reload(keep_current=True)  # (gone: the next organisation is chosen)

        self.app.push_screen(
            ConfirmDialog(
                f"Ta bort {record.name}? {count_of(record.people, 'person', 'personer')} blir kvar "
                f"utan organisation och {count_of(record.initiatives, 'insats', 'insatser')} "
                "blir utan insatsägare."
            ),
            answered,
        )

    def _save_org(self, data) -> int:
        new_id = create_organisation(app_database(self), data)
        self.notify(f"{data.name} är sparad.", timeout=3, markup=False)
        return new_id
