"""One person: contact details, memberships and the insatser where they are contact."""

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from db.contacts import get_person, update_person
from db.errors import NotFoundError
from lokus_tui.sections import SectionBar


class PersonDetailScreen(Screen):
    CSS_PATH = "person_detail.tcss"
    BINDINGS = [
        Binding("escape", "back", "Tillbaka", id="person-back"),
        Binding("e", "edit", "Redigera", id="person-edit"),
        Binding("c", "copy_email", "Kopiera e-post", id="person-copy"),
        Binding("enter", "open_initiative", "Öppna insats", id="person-open-initiative"),
        Binding("delete", "delete", "Ta bort", id="person-delete"),
    ]

    def __init__(self, person_id: int):
        super().__init__()
        self.person_id = person_id
        self.detail = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield SectionBar("kontakter")
        yield Static("", id="person-card", markup=False)
        yield Static("Medlemskap i lokusgrupper", classes="title")
        yield DataTable(id="person-memberships", cursor_type="row", show_cursor=False)
        yield Static("Kontaktperson för insatser (enter öppnar)", classes="title")
        yield DataTable(id="person-initiatives", cursor_type="row")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#person-memberships", DataTable).add_columns("Lokusgrupp", "Roll")
        self.query_one("#person-initiatives", DataTable).add_columns("Insats", "Som")
        self.load()
        self.query_one("#person-initiatives").focus()

    def load(self) -> None:
        try:
            self.detail = d = get_person(self.app.database, self.person_id)
        except NotFoundError as exc:
            self.notify(str(exc), severity="error")
            self.app.pop_screen()
            return
        lines = [d.data.name]
        if d.data.title or d.organisation_name:
            lines.append(", ".join(x for x in (d.data.title, d.organisation_name) if x))
        lines.append(f"E-post: {d.data.email or '–'}")
        lines.append(f"Telefon: {d.data.phone or '–'}")
        self.query_one("#person-card", Static).update("\n".join(lines))
        self.sub_title = d.data.name
        members = self.query_one("#person-memberships", DataTable)
        members.clear()
        for m in d.memberships:
            members.add_row(m.group_name, m.role_label)
        if not d.memberships:
            members.add_row("Inga medlemskap", "")
        table = self.query_one("#person-initiatives", DataTable)
        table.clear()
        for initiative_id, name, how in d.initiatives:
            table.add_row(name, how, key=f"{initiative_id}-{how}")

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_copy_email(self) -> None:
        if not self.detail or not self.detail.data.email:
            self.notify("Ingen e-postadress finns angiven.", severity="warning")
            return
        self.app.copy_to_clipboard(self.detail.data.email)
        self.notify(f"Kopierat: {self.detail.data.email}", timeout=3, markup=False)

    @on(DataTable.RowSelected, "#person-initiatives")
    def action_open_initiative(self) -> None:
        table = self.query_one("#person-initiatives", DataTable)
        if table.row_count == 0:
            return
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        from screens.initiative_detail import InitiativeDetailScreen

        self.app.push_screen(InitiativeDetailScreen(int(key.split("-")[0])))

    def action_edit(self) -> None:
        from screens.person_form import PersonForm

        def save(data):
            version = update_person(self.app.database, self.person_id, data, self.detail.version)
            self.notify("Ändringarna är sparade.", timeout=3)
            return version

        self.app.push_screen(PersonForm(self.detail, save=save, on_conflict=self.load),
                             lambda _r: self.load())

    def action_delete(self) -> None:
        if not self.detail:
            return
        from db.contacts import delete_person
        from db.errors import LokusError
        from screens.confirm import ConfirmDialog

        detail = self.detail
        uses = len(detail.memberships) + len(detail.initiatives)

        def answered(yes):
            if not yes:
                return
            try:
                delete_person(self.app.database, detail.id, detail.version)
            except LokusError as exc:
                self.notify(str(exc), severity="warning")
                self.load()
                return
            self.notify(f"{detail.data.name} är borttagen.", markup=False)
            self.app.pop_screen()

        question = f"Ta bort {detail.data.name} ur kontakterna?"
        if uses:
            question += (f" Personen är med i {len(detail.memberships)} lokusgrupper och "
                         f"kontaktperson för {len(detail.initiatives)} insatser; där blir "
                         "platsen tom.")
        self.app.push_screen(ConfirmDialog(question), answered)
