"""Kontakter: people and organisations, filterable; open a person's detail."""

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Input, Static, TabbedContent, TabPane

from db.changes import list_stamp
from db.contacts import create_person, list_people
from db.organisations import list_organisations
from db.records import OrganisationRow, PersonRow
from exports.swedish import count_of
from lokus_tui.context import app_database
from lokus_tui.filter_input import FilterInput
from lokus_tui.key_bar import KeyBar
from lokus_tui.paged_table import PagedTable
from lokus_tui.plain import Plain
from lokus_tui.sections import ReadAgainOnReturn, SectionBar
from lokus_tui.table_columns import Column
from lokus_tui.title_bar import TitleBar
from screens.contacts_organisations import OrganisationActions


class ContactsScreen(ReadAgainOnReturn, OrganisationActions):
    CSS_PATH = "contacts.tcss"
    BINDINGS = [
        Binding("ctrl+n", "new", "Ny", id="contacts-new"),
        Binding("ctrl+o", "open", "Öppna", id="contacts-open"),
        Binding("ctrl+y", "copy_email", "Kopiera e-post", id="contacts-copy"),
        Binding("ctrl+f", "focus_filter", "Filter", id="contacts-filter"),
        Binding("ctrl+l", "switch_tab", "Personer/organisationer", id="contacts-tab"),
        Binding("ctrl+g", "groups", "Lokusgrupper", id="contacts-groups"),
        Binding("ctrl+r", "edit_organisation", "Redigera organisation", id="contacts-org-edit"),
        Binding("ctrl+t", "delete_organisation", "Ta bort organisation", id="contacts-org-delete"),
        Binding("ctrl+w", "toggle_archived", "Arkiverade", id="contacts-archived"),
        Binding("escape", "clear_filter", "Rensa filter", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.organisation_filter: tuple[int, str] | None = None
        self.show_archived = False

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield SectionBar("contacts")
        with TabbedContent(id="contacts-tabs"):
            with TabPane("Personer", id="people-pane"):
                yield FilterInput(
                    "people-table",
                    id="people-filter",
                    placeholder="Filtrera: namn, titel, organisation eller e-post",
                )
                yield Plain("", id="people-scope", classes="status-line", markup=False)
                yield PagedTable(
                    self._fetch_people,
                    self._person_cells,
                    filter_id="people-filter",
                    id="people-table",
                )
            with TabPane("Organisationer", id="orgs-pane"):
                yield FilterInput(
                    "orgs-table", id="orgs-filter", placeholder="Filtrera organisationer"
                )
                yield PagedTable(
                    self._fetch_orgs, self._org_cells, filter_id="orgs-filter", id="orgs-table"
                )
        yield Plain("", id="contacts-status", classes="status-line")
        yield KeyBar()

    def on_mount(self) -> None:
        people = self.query_one("#people-table", PagedTable)
        people.set_columns(
            Column("Namn"),
            Column("Titel", rank=3, flex=True),
            Column("Organisation", rank=1, flex=True),
            Column("E-post"),
            Column("Telefon", rank=2),
        )
        orgs = self.query_one("#orgs-table", PagedTable)
        orgs.add_columns("Organisation", "Typ", "Personer", "Äger insatser")
        self.reload()
        self.query_one("#people-table").focus()

    # --- data -------------------------------------------------------------------
    def _fetch_people(self, limit: int, offset: int):
        text = self.query_one("#people-filter", Input).value
        org = self.organisation_filter[0] if self.organisation_filter else None
        return list_people(
            app_database(self),
            text,
            limit,
            offset,
            organisation_id=org,
            archived=self.show_archived,
        )

    @staticmethod
    def _person_cells(row: PersonRow):
        return str(row.id), (row.name, row.title, row.organisation_name, row.email, row.phone)

    def _fetch_orgs(self, limit: int, offset: int):
        text = self.query_one("#orgs-filter", Input).value
        return list_organisations(app_database(self), text, limit, offset)

    @staticmethod
    def _org_cells(row: OrganisationRow):
        return str(row.id), (row.name, row.kind_label, str(row.people), str(row.initiatives))

    @property
    def on_people(self) -> bool:
        return self.query_one("#contacts-tabs", TabbedContent).active == "people-pane"

    @property
    def table(self) -> PagedTable:
        return self.query_one("#people-table" if self.on_people else "#orgs-table", PagedTable)

    @property
    def filter(self) -> Input:
        return self.query_one("#people-filter" if self.on_people else "#orgs-filter", Input)

    def change_stamp(self) -> tuple:
        return list_stamp(app_database(self), "contacts")

    def reload(self, keep_current: bool = False, select: int | None = None) -> bool:
        """Both tables read again; ``select`` is a record of the table shown."""
        shown, chosen = self.table, False
        for table_id in ("#people-table", "#orgs-table"):
            table = self.query_one(table_id, PagedTable)
            here = select if table is shown else None
            chosen = table.read_again(keep_current, here) or chosen
        scope = self.query_one("#people-scope", Static)
        parts = []
        if self.show_archived:
            parts.append("Arkiverade personer (står kvar i mötesanteckningar) — ctrl+w visar alla")
        if self.organisation_filter:
            parts.append(f"Personer hos {self.organisation_filter[1]} — esc visar alla")
        scope.update(" · ".join(parts))
        self._update_status()
        return chosen

    def _update_status(self) -> None:
        table = self.table
        noun = ("person", "personer") if self.on_people else ("organisation", "organisationer")
        self.query_one("#contacts-status", Static).update(count_of(table.total, *noun))

    @on(TabbedContent.TabActivated)
    def _tab_changed(self) -> None:
        self._update_status()
        self.table.focus()

    @on(Input.Changed, "#people-filter")
    def _people_filter(self) -> None:
        self.query_one("#people-table", PagedTable).reload()
        self._update_status()

    @on(Input.Changed, "#orgs-filter")
    def _orgs_filter(self) -> None:
        self.query_one("#orgs-table", PagedTable).reload()
        self._update_status()

    @on(Input.Submitted)
    @on(DataTable.RowSelected)
    def _open_selected(self) -> None:
        self.action_open()

    # --- actions ----------------------------------------------------------------
    def action_focus_filter(self) -> None:
        self.filter.focus()

    def check_action(self, action: str, parameters) -> bool | None:
        if action in ("edit_organisation", "delete_organisation"):
            return not self.on_people
        return True

    @on(TabbedContent.TabActivated)
    def _refresh_keys(self) -> None:
        self.refresh_bindings()

    def action_toggle_archived(self) -> None:
        """Arkiverade personer: people kept only because meeting records name them."""
        self.show_archived = not self.show_archived
        self.query_one("#contacts-tabs", TabbedContent).active = "people-pane"
        self.reload()
        self.notify(
            "Visar arkiverade personer (öppna en och tryck r för att återställa). "
            "ctrl+w visar alla igen."
            if self.show_archived
            else "Visar personer som inte är arkiverade.",
            timeout=5,
        )

    def action_groups(self) -> None:
        from screens.groups import GroupsScreen

        self.app.push_screen(GroupsScreen())

    def action_switch_tab(self) -> None:
        tabs = self.query_one("#contacts-tabs", TabbedContent)
        tabs.active = "orgs-pane" if self.on_people else "people-pane"

    def action_clear_filter(self) -> None:
        if self.on_people and self.organisation_filter and not self.filter.value:
            self.organisation_filter = None
            self.reload()
        self.filter.value = ""
        self.table.focus()

    def show_organisation(self, organisation_id: int) -> None:
        """List the people of one organisation (from the org table or the palette)."""
        from db.organisations import organisation_options

        names = {o.id: o.label for o in organisation_options(app_database(self))}
        self.organisation_filter = (organisation_id, names.get(organisation_id, "?"))
        self.query_one("#contacts-tabs", TabbedContent).active = "people-pane"
        self.query_one("#people-filter", Input).value = ""
        self.reload()
        self.query_one("#people-table").focus()

    def action_open(self) -> None:
        record = self.table.current_record
        if record is None:
            self.notify("Ingen rad är vald.", severity="warning")
            return
        if isinstance(record, OrganisationRow):
            self.show_organisation(record.id)
            return
        from screens.person_detail import PersonDetailScreen

        self.app.push_screen(PersonDetailScreen(record.id))

    def action_copy_email(self) -> None:
        record = self.table.current_record
        if not isinstance(record, PersonRow) or not record.email:
            self.notify("Ingen e-postadress att kopiera.", severity="warning")
            return
        self.app.copy_to_clipboard(record.email)
        self.notify(f"Kopierat: {record.email}", timeout=3, markup=False)

    def action_new(self) -> None:
        if self.on_people:
            from screens.person_form import PersonForm

            org = self.organisation_filter[0] if self.organisation_filter else None
            self.app.push_screen(
                PersonForm(None, save=self._save_person, organisation_id=org),
                self.show_created,
            )
        else:
            from screens.organisation_form import OrganisationForm

            self.app.push_screen(OrganisationForm(save=self._save_org), self.show_created)

    def _save_person(self, data) -> int:
        new_id = create_person(app_database(self), data)
        self.notify(f"{data.name} är sparad.", timeout=3, markup=False)
        return new_id


SCREEN = ContactsScreen
