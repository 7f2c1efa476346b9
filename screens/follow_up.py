"""Uppföljning: the follow-up of one or every lokusgrupp for a year or a period, shown
as its Markdown text and exported as Markdown, Word or PDF (never over a file)."""

from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Input, Select

from db import clock
from db.errors import LokusError, ValidationError
from db.follow_up import period
from db.groups import group_options
from exports.document import plain_text
from lokus_tui.cli_report import report_text, write_report
from lokus_tui.context import app_database
from lokus_tui.form_fields import select_value
from lokus_tui.key_bar import KeyBar
from lokus_tui.plain import Plain, PlainSelect, TextInput
from lokus_tui.stylesheet import StyledOnce
from lokus_tui.title_bar import TitleBar


class FollowUpScreen(StyledOnce, Screen):
    CSS_PATH = "follow_up.tcss"
    BINDINGS = [
        Binding("escape", "back", "Tillbaka", id="follow-up-back"),
        Binding("f5", "show", "Visa", id="follow-up-show"),
        Binding("f6", "export('md')", "Exportera Markdown", id="follow-up-md"),
        Binding("f7", "export('docx')", "Exportera Word", id="follow-up-docx"),
        Binding("f8", "export('pdf')", "Exportera PDF", id="follow-up-pdf"),
    ]

    def __init__(self, group_id: int | None = None, year: int | None = None):
        super().__init__()
        self.group_id = group_id
        self.year = year or clock.today().year

    def compose(self) -> ComposeResult:
        groups = [(g.label, g.id) for g in group_options(app_database(self), include_archived=True)]
        yield TitleBar()
        with Horizontal(classes="filter-row"):
            yield PlainSelect(
                groups,
                id="follow-up-group",
                prompt="Alla grupper",
                value=self.group_id or Select.NULL,
            )
            yield TextInput(str(self.year), id="follow-up-year", placeholder="År")
            yield TextInput("", id="follow-up-from", placeholder="Från ÅÅÅÅ-MM-DD")
            yield TextInput("", id="follow-up-to", placeholder="Till ÅÅÅÅ-MM-DD")
        yield Plain("", id="follow-up-status", classes="status-line")
        with VerticalScroll(id="follow-up-scroll"):
            yield Plain("", id="follow-up-text")
        yield KeyBar()

    def on_mount(self) -> None:
        self.action_show()
        self.query_one("#follow-up-year").focus()

    def _choice(self):
        """(start, end, group id, group name) from the fields; ValidationError names them."""
        errors = []
        year_text = self.query_one("#follow-up-year", Input).value.strip()
        days = []
        for field, label in (("from", "Från"), ("to", "Till")):
            text = self.query_one(f"#follow-up-{field}", Input).value.strip()
            try:
                days.append(date.fromisoformat(text) if text else None)
            except ValueError:
                days.append(None)
                errors.append(f"{label}: ”{text}” är inget datum; skriv ÅÅÅÅ-MM-DD")
        if errors:
            raise LokusError("; ".join(errors))
        year = None
        if days[0] is None and days[1] is None:
            if not year_text.isdigit():
                raise LokusError(f"År: ”{year_text}” är inget år; skriv t.ex. {clock.today().year}")
            year = int(year_text)
        start, end, _ = period(year, days[0], days[1])
        group_id = select_value(self.query_one("#follow-up-group", Select))
        names = {g.id: g.label for g in group_options(app_database(self), include_archived=True)}
        return start, end, group_id, names.get(group_id) if group_id else None

    def _status(self, text: str) -> None:
        self.query_one("#follow-up-status", Plain).update(text)

    def action_show(self) -> None:
        try:
            start, end, group_id, name = self._choice()
            title, markdown = report_text(app_database(self), start, end, group_id, name)
        except ValidationError as exc:
            self._status("; ".join(f"{e.label}: {e.message}" for e in exc.errors))
            return
        except LokusError as exc:
            self._status(str(exc))
            return
        self._status(f"{title} · f6 Markdown, f7 Word, f8 PDF")
        # read as text, the way the e-mail's plain part reads: no Markdown signs
        self.query_one("#follow-up-text", Plain).update(plain_text(markdown))

    def action_export(self, fmt: str) -> None:
        from lokus_tui.config import last_export_dir

        try:
            start, end, group_id, name = self._choice()
            folder = last_export_dir()
            path = write_report(app_database(self), start, end, group_id, name, fmt, folder)
        except ValidationError as exc:
            self._status("; ".join(f"{e.label}: {e.message}" for e in exc.errors))
            return
        except LokusError as exc:
            self._status(str(exc))
            return
        self.notify(f"Exporterat: {path}")
        self._status(f"Exporterat: {path}")

    @on(Input.Submitted)
    @on(Select.Changed)
    def _changed(self) -> None:
        self.action_show()

    def action_back(self) -> None:
        self.app.pop_screen()
