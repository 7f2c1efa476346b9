"""One person: contact details, memberships and the insatser where they are contact."""

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Static

from db.contacts import get_person, update_person
from db.errors import NotFoundError
from db.records import PersonDetail
from lokus_tui.context import app_database
from lokus_tui.key_bar import KeyBar
from lokus_tui.plain import Plain, plain_str
from lokus_tui.plain_table import PlainTable
from lokus_tui.sections import SectionBar
from lokus_tui.stylesheet import StyledOnce
from lokus_tui.title_bar import TitleBar


class PersonDetailScreen(StyledOnce, Screen):
    CSS_PATH = "person_detail.tcss"
    BINDINGS = [
        Binding("escape", "back", "Tillbaka", id="person-back"),
        Binding("e", "edit", "Redigera", id="person-edit"),
        Binding("c", "copy_email", "Kopiera e-post", id="person-copy"),
        Binding("enter", "open_initiative", "Öppna insats", id="person-open-initiative"),
        Binding("delete", "delete", "Ta bort", id="person-delete"),
        Binding("r", "restore", "Återställ", id="person-restore"),
    ]

    def __init__(self, person_id: int):
        super().__init__()
        self.person_id = person_id
        self.detail: PersonDetail | None = None

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield SectionBar("contacts")
        yield Plain("", id="person-card", markup=False)
        yield Plain("Medlemskap i lokusgrupper", classes="title")
        yield PlainTable(id="person-memberships", cursor_type="row", show_cursor=False)
        yield Plain("Kontaktperson för insatser (enter öppnar)", classes="title")
        yield PlainTable(id="person-initiatives", cursor_type="row")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#person-memberships", DataTable).add_columns("Lokusgrupp", "Roll")
        self.query_one("#person-initiatives", DataTable).add_columns("Insats", "Som")
        self.load()
        self.query_one("#person-initiatives").focus()

    def load(self) -> None:
        try:
            self.detail = d = get_person(app_database(self), self.person_id)
        except NotFoundError as exc:
            self.notify(str(exc), severity="error")
            self.app.pop_screen()
            return
        lines = [d.data.name + ("  (ARKIVERAD — r återställer)" if d.archived_at else "")]
        if d.data.title or d.organisation_name:
            lines.append(", ".join(x for x in (d.data.title, d.organisation_name) if x))
        lines.append(f"E-post: {d.data.email or '–'}")
        lines.append(f"Telefon: {d.data.phone or '–'}")
        self.query_one("#person-card", Static).update("\n".join(lines))
        self.sub_title = plain_str(d.data.name)
        self.refresh_bindings()
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
        key = self.query_one("#person-initiatives", PlainTable).current_key
        if key is None:  # an empty table (every row of this table is added with a key)
            return
        from screens.initiative_detail import InitiativeDetailScreen

        self.app.push_screen(InitiativeDetailScreen(int(key.split("-")[0])))

    def action_edit(self) -> None:
        from screens.person_form import PersonForm

        def save(data, version):
            version = update_person(app_database(self), self.person_id, data, version)
            self.notify("Ändringarna är sparade.", timeout=3)
            return version

        self.app.push_screen(
            PersonForm(
                self.detail, save=save, fetch=lambda: get_person(app_database(self), self.person_id)
            ),
            lambda _r: self.load(),
        )

    def check_action(self, action: str, parameters) -> bool | None:
        if action == "restore":
            return bool(self.detail and self.detail.archived_at)
        if action == "delete":
            return not (self.detail and self.detail.archived_at)
        return True

    def action_delete(self) -> None:
        if not self.detail:
            return
        from db.contacts import delete_person
        from db.errors import LokusError
        from screens.confirm import ConfirmDialog

        detail = self.detail
        usage = detail.usage
        name = detail.data.name

        def answered(yes):
            if not yes:
                return
            try:
                outcome = delete_person(app_database(self), detail.id, detail.version)
            except LokusError as exc:
                self.notify(str(exc), severity="warning", markup=False)
                self.load()
                return
            if outcome == "archived":
                self.notify(
                    f"{name} är arkiverad: borta ur listor och val, kvar i "
                    "mötesanteckningarna. Kontakter, ctrl+w, visar arkiverade.",
                    markup=False,
                    timeout=8,
                )
            else:
                self.notify(f"{name} är borttagen.", markup=False)
            self.app.pop_screen()

        where = usage.describe()
        if usage.in_meeting_records:
            question = (
                f"{name} finns i mötesanteckningar ({where}). Personen kan därför inte "
                "tas bort utan arkiveras: döljs i listor och val, men namnet står kvar "
                "i anteckningarna och kan återställas. Arkivera?"
            )
            yes = "Ja, arkivera"
        elif where:
            question = f"Ta bort {name} ur kontakterna? Personen är {where}; där blir platsen tom."
            yes = "Ja, ta bort"
        else:
            question = f"Ta bort {name} ur kontakterna?"
            yes = "Ja, ta bort"
        self.app.push_screen(ConfirmDialog(question, yes_label=yes), answered)

    def action_restore(self) -> None:
        if not self.detail or not self.detail.archived_at:
            return
        from db.contacts import restore_person
        from db.errors import LokusError

        try:
            restore_person(app_database(self), self.detail.id, self.detail.version)
        except LokusError as exc:
            self.notify(str(exc), severity="warning", markup=False)
        else:
            self.notify(f"{self.detail.data.name} är återställd.", markup=False, timeout=4)
        self.load()
