"""One insats: everything about it, with edit, delete and copy of e-mail addresses."""

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen

from db.errors import ConflictError, NotFoundError
from db.initiative_changes import delete_initiative, update_initiative
from db.initiatives import get_initiative
from db.records import InitiativeDetail
from exports.initiative import initiative_markdown
from lokus_tui.context import app_database
from lokus_tui.document_view import DocumentView
from lokus_tui.key_bar import KeyBar
from lokus_tui.plain import plain_str
from lokus_tui.sections import SectionBar
from lokus_tui.stylesheet import StyledOnce
from lokus_tui.title_bar import TitleBar


class InitiativeDetailScreen(StyledOnce, Screen):
    BINDINGS = [
        Binding("escape", "back", "Tillbaka", id="detail-back"),
        Binding("e", "edit", "Redigera", id="detail-edit"),
        Binding("c", "copy_owner_email", "Kopiera ägarens e-post", id="detail-copy"),
        Binding("a", "copy_all_emails", "Kopiera alla e-post", id="detail-copy-all"),
        Binding("delete", "delete", "Ta bort", id="detail-delete"),
    ]

    def __init__(self, initiative_id: int):
        super().__init__()
        self.initiative_id = initiative_id
        self.detail: InitiativeDetail | None = None

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield SectionBar("initiatives")
        with VerticalScroll(id="detail-scroll"):
            yield DocumentView(id="initiative-detail")
        yield KeyBar()

    def on_mount(self) -> None:
        self.load()
        self.query_one("#detail-scroll").focus()

    def load(self) -> None:
        try:
            self.detail = get_initiative(app_database(self), self.initiative_id)
        except NotFoundError as exc:
            self.notify(str(exc), severity="error")
            self.app.pop_screen()
            return
        self.sub_title = plain_str(self.detail.name)
        self.query_one("#initiative-detail", DocumentView).show(initiative_markdown(self.detail))

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_edit(self) -> None:
        from screens.initiative_form import InitiativeForm

        def save(data, version):
            version = update_initiative(app_database(self), self.initiative_id, data, version)
            self.notify("Ändringarna är sparade.", timeout=3)
            return version

        self.app.push_screen(
            InitiativeForm(
                self.detail,
                save=save,
                fetch=lambda: get_initiative(app_database(self), self.initiative_id),
            ),
            lambda _result: self.load(),
        )

    def _copy(self, emails: list[str]) -> None:
        emails = [e for e in emails if e]
        if not emails:
            self.notify("Ingen e-postadress finns angiven.", severity="warning")
            return
        text = "; ".join(dict.fromkeys(emails))
        self.app.copy_to_clipboard(text)
        self.notify(f"Kopierat: {text}", timeout=4, markup=False)

    def action_copy_owner_email(self) -> None:
        contact = self.detail.owner_contact if self.detail else None
        self._copy([contact.email] if contact else [])

    def action_copy_all_emails(self) -> None:
        if not self.detail:
            return
        emails = [self.detail.owner_contact.email] if self.detail.owner_contact else []
        emails += [p.contact.email for p in self.detail.partners if p.contact]
        self._copy(emails)

    def action_delete(self) -> None:
        from screens.confirm import ConfirmDialog

        detail = self.detail
        if detail is None:
            return

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            try:
                delete_initiative(app_database(self), self.initiative_id, detail.version)
            except ConflictError as exc:
                self.notify(str(exc), severity="warning")
                self.load()
                return
            self.notify(f"Insatsen ”{detail.name}” är borttagen.", markup=False)
            self.app.pop_screen()

        self.app.push_screen(
            ConfirmDialog(
                f"Ta bort insatsen ”{detail.name}” med alla mål, finansieringsbeslut och "
                "samverkansparter? Det går inte att ångra."
            ),
            answered,
        )
