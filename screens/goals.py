"""Mål och ledtider: one lokusgrupp's goals for a year (the funding decision's targets,
with what has been held, planned and cancelled), whether it is one of your own
groups, and the lead times the Översikt reminds by."""

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Checkbox, Input, Label

from db.errors import ConflictError, LokusError, ValidationError
from db.goals import LIMITS, GoalSettings, goal_settings, save_settings
from exports.overview_text import goal_text
from lokus_tui.context import app_database
from lokus_tui.key_bar import KeyBar
from lokus_tui.plain import Plain, TextInput
from lokus_tui.sections import SectionBar
from lokus_tui.stylesheet import StyledOnce
from lokus_tui.title_bar import TitleBar


class GoalsScreen(StyledOnce, Screen):
    CSS_PATH = "goals.tcss"
    BINDINGS = [
        Binding("ctrl+s", "save", "Spara", id="goals-save"),
        Binding("escape", "back", "Tillbaka", id="goals-back"),
        Binding("f7", "year(-1)", "Förra året", id="goals-previous-year"),
        Binding("f8", "year(1)", "Nästa år", id="goals-next-year"),
    ]

    def __init__(self, group_id: int, year: int):
        super().__init__()
        self.group_id = group_id
        self.year = year
        self.settings: GoalSettings | None = None

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield SectionBar("overview")
        with Vertical(id="goals-body"):
            yield Plain("", id="goals-title", classes="title")
            yield Plain("", id="goals-counts")
            yield Plain("", id="form-errors", classes="field-error")
            for name, (label, _low, _high) in LIMITS.items():
                with Horizontal(classes="goals-row"):
                    yield Label(label, classes="goals-label")
                    yield TextInput("", id=name, compact=True, classes="goals-input")
                    yield Plain("", id=f"err-{name}", classes="field-error")
            yield Checkbox("Min grupp (visas först i Översikt)", id="own", compact=True)
        yield KeyBar()

    def on_mount(self) -> None:
        self.load()
        self.query_one(f"#{next(iter(LIMITS))}").focus()

    def load(self) -> None:
        self.settings = s = goal_settings(app_database(self), self.group_id, self.year)
        self.query_one("#goals-title", Plain).update(f"Mål och ledtider — {s.group_name}")
        counts = " · ".join(goal_text(g) for g in s.counts) or "inga möten detta år"
        self.query_one("#goals-counts", Plain).update(
            f"{s.year}: {counts}"
            + ("" if s.goal_version else " (standardmålen: 4 möten och 2 aktiviteter)")
        )
        for name in LIMITS:
            self.query_one(f"#{name}", Input).value = str(getattr(s, name))
        self.query_one("#own", Checkbox).value = s.own
        self._errors({})

    def _errors(self, by_field: dict[str, str], message: str = "") -> None:
        for name in LIMITS:
            self.query_one(f"#err-{name}", Plain).update(by_field.get(name, ""))
        self.query_one("#form-errors", Plain).update(message)

    def action_save(self) -> None:
        assert self.settings is not None
        values = {name: self.query_one(f"#{name}", Input).value for name in LIMITS}
        try:
            save_settings(
                app_database(self), self.settings, values, self.query_one("#own", Checkbox).value
            )
        except ValidationError as exc:
            self._errors({e.field: e.message for e in exc.errors}, "Rätta de markerade fälten.")
            return
        except ConflictError as exc:
            self.load()
            self._errors({}, f"{exc}. Skriv in dina ändringar igen.")
            return
        except LokusError as exc:
            self._errors({}, str(exc))
            return
        self.notify(f"Sparat: mål för {self.year} och ledtider.")
        self.load()

    def action_year(self, delta: int) -> None:
        self.year += delta
        self.load()

    def action_back(self) -> None:
        self.app.pop_screen()

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.focus_next()
