"""Lokusgrupper: the groups, their members and roles (ordförande, ledamot, ersättare,
samordnare). The samordnare signs the kallelse and receives absence notices."""

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Button, DataTable, Input, Label

from db.errors import LokusError
from db.groups import (
    archive_group,
    create_group,
    group_members,
    list_groups,
    remove_member,
    set_member,
    update_group,
)
from db.records import GroupRow
from db.validation import Errors, check_text
from db.vocabulary import MembershipRole
from lokus_tui.context import app_database
from lokus_tui.form_screen import FormScreen
from lokus_tui.key_bar import KeyBar
from lokus_tui.plain import Plain, TextInput
from lokus_tui.plain_table import PlainTable
from lokus_tui.sections import SectionBar
from lokus_tui.stylesheet import StyledOnce
from lokus_tui.table_columns import Column
from lokus_tui.title_bar import TitleBar

ROLE_OPTIONS = MembershipRole.options()


class GroupForm(FormScreen):
    """A new group, or (with ``group``) its name and municipality changed."""

    def __init__(self, save, group: GroupRow | None = None):
        super().__init__(save)
        self.group = group

    def compose(self) -> ComposeResult:
        group = self.group
        with Vertical(classes="form-dialog", id="group-dialog"):
            yield Plain(f"Byt namn på {group.name}" if group else "Ny lokusgrupp", classes="title")
            yield Plain("", id="form-errors", classes="field-error", markup=False)
            yield Label("Namn *", classes="field-label")
            yield TextInput(group.name if group else "", id="name", placeholder="t.ex. LOKUS Tierp")
            yield Plain("", id="err-name", classes="field-error", markup=False)
            yield Label("Kommun", classes="field-label")
            yield TextInput(group.municipality if group else "", id="municipality")
            with Horizontal(classes="buttons"):
                yield Button("Spara (ctrl+s)", variant="primary", id="save")
                yield Button("Avbryt (esc)", id="cancel")
        yield KeyBar()

    def prepare(self) -> None:
        self.query_one("#name").focus()

    def read(self):
        errors = Errors()
        name = self.query_one("#name", Input).value
        check_text(name, "name", "Namn", errors, required=True)
        return (name, self.query_one("#municipality", Input).value), errors


class GroupsScreen(StyledOnce, Screen):
    CSS_PATH = "groups.tcss"
    BINDINGS = [
        Binding("escape", "back", "Tillbaka", id="groups-back"),
        Binding("ctrl+n", "new_group", "Ny grupp", id="groups-new"),
        Binding("ctrl+e", "rename_group", "Byt namn", id="groups-rename"),
        Binding("ctrl+a", "archive_group", "Arkivera/återställ", id="groups-archive"),
        Binding("m", "add_member", "Lägg till ledamot", id="groups-add-member"),
        Binding("r", "change_role", "Ändra roll", id="groups-role"),
        Binding("delete", "remove_member", "Ta bort ur gruppen", id="groups-remove"),
    ]

    groups: list[GroupRow] = []  # (read by reload, the first time in on_mount)

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield SectionBar("contacts")
        yield Plain("Lokusgrupper", classes="title")
        yield PlainTable(id="groups-table", cursor_type="row")
        yield Plain("Ledamöter i vald grupp", classes="title")
        yield PlainTable(id="members-table", cursor_type="row")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#groups-table", DataTable).add_columns(
            "Lokusgrupp", "Kommun", "Ledamöter", "Samordnare", "Status"
        )
        self.query_one("#members-table", PlainTable).set_columns(
            Column("Namn"),
            Column("Part", rank=1, flex=True, min_width=14),
            Column("Roll"),
            Column("E-post", flex=True, min_width=16),
        )
        self.reload()
        self.query_one("#groups-table").focus()

    def reload(self, select: int | None = None) -> None:
        """Read the groups again; the cursor stays on its group (by id, also when the
        group moved in the order after a rename), or goes to ``select`` (a new group).
        A group that is gone leaves the cursor on the row where it was."""
        table = self.query_one("#groups-table", DataTable)
        row, keep = table.cursor_row, select if select is not None else self.group_id
        table.clear()
        self.groups = list_groups(app_database(self))
        for g in self.groups:
            table.add_row(
                g.name,
                g.municipality,
                str(g.members),
                g.coordinator or "–",
                "arkiverad" if g.archived else "aktiv",
                key=str(g.id),
            )
        if table.row_count:
            ids = [g.id for g in self.groups]
            table.move_cursor(row=ids.index(keep) if keep in ids else min(row, len(ids) - 1))
        self.show_members()

    @property
    def group(self) -> GroupRow | None:
        table = self.query_one("#groups-table", DataTable)
        return self.groups[table.cursor_row] if self.groups else None

    @property
    def group_id(self) -> int | None:
        group = self.group
        return group.id if group else None

    def show_members(self) -> None:
        table = self.query_one("#members-table", PlainTable)
        table.clear()
        self.members = group_members(app_database(self), self.group_id) if self.group_id else []
        for m in self.members:
            table.add_row(m.name, m.organisation_name, m.role_label, m.email, key=str(m.person_id))
        table.fit_before_layout()

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.data_table.id == "groups-table":
            self.show_members()

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_new_group(self) -> None:
        def save(data):
            return create_group(app_database(self), *data)

        self.app.push_screen(
            GroupForm(save), lambda new: self.reload(select=new if type(new) is int else None)
        )

    def action_rename_group(self) -> None:
        group = self.group
        if group is None:
            self.notify("Skapa först en lokusgrupp (ctrl+n).", severity="warning")
            return

        def save(data):
            name, municipality = data
            update_group(app_database(self), group.id, name, municipality, group.version)

        self.app.push_screen(GroupForm(save, group), lambda _r: self.reload())

    def action_archive_group(self) -> None:
        group = self.group
        if group is None:
            return
        from screens.confirm import ConfirmDialog

        def answered(yes):
            if not yes:
                return
            try:
                archive_group(app_database(self), group.id, not group.archived, group.version)
            except LokusError as exc:
                self.notify(str(exc), severity="error", markup=False)
            else:
                done = "återställd" if group.archived else "arkiverad"
                self.notify(f"{group.name} är {done}.", timeout=3, markup=False)
            self.reload()

        if group.archived:
            question = (
                f"Återställ {group.name}? Gruppen visas igen i Översikt och när möten planeras."
            )
            label = "Ja, återställ"
        else:
            question = (
                f"Arkivera {group.name}? Möten, anteckningar och insatser finns kvar, men "
                "gruppen visas inte längre i Översikt eller när nya möten och insatser läggs "
                "till. Den kan återställas här."
            )
            label = "Ja, arkivera"
        self.app.push_screen(ConfirmDialog(question, yes_label=label), answered)

    def action_add_member(self) -> None:
        group_id = self.group_id
        if group_id is None:
            self.notify("Skapa först en lokusgrupp (ctrl+n).", severity="warning")
            return

        def save(data):
            person_id, role = data
            set_member(app_database(self), group_id, person_id, role, None)

        from screens.person_picker import PersonPicker

        self.app.push_screen(
            PersonPicker("Lägg till i gruppen", save, roles=ROLE_OPTIONS), lambda _r: self.reload()
        )

    def _member(self):
        table = self.query_one("#members-table", DataTable)
        if not self.members or self.focused is not table:
            self.notify("Välj en ledamot i den nedre tabellen (tab).", severity="warning")
            return None
        return self.members[table.cursor_row]

    def action_change_role(self) -> None:
        member, group_id = self._member(), self.group_id
        if member is None or group_id is None:  # members are shown only for a group
            return
        roles = [key for _l, key in ROLE_OPTIONS]
        role = (
            roles[(roles.index(member.role) + 1) % len(roles)]
            if member.role in roles
            else MembershipRole.MEMBER
        )
        try:
            set_member(
                app_database(self), group_id, member.person_id, role, member.membership_version
            )
        except LokusError as exc:
            self.notify(str(exc), severity="error", markup=False)
        else:
            self.notify(f"{member.name}: {MembershipRole.label_of(role)}", timeout=2, markup=False)
        row = self.query_one("#members-table", DataTable).cursor_row
        self.show_members()
        self.query_one("#members-table", DataTable).move_cursor(row=row)

    def action_remove_member(self) -> None:
        member = self._member()
        if member is None:
            return
        from screens.confirm import ConfirmDialog

        group_id = self.group_id

        def answered(yes):
            if yes:
                try:
                    remove_member(
                        app_database(self), group_id, member.person_id, member.membership_version
                    )
                except LokusError as exc:
                    self.notify(str(exc), severity="error", markup=False)
                self.reload()

        self.app.push_screen(
            ConfirmDialog(
                f"Ta bort {member.name} ur gruppen? Personen finns kvar bland kontakterna.",
                yes_label="Ja, ta bort",
            ),
            answered,
        )
