"""Planera året: the year's meetings from a rule, previewed and adjustable before saving."""

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Input, Label, Select, Static

from db import clock
from db.calendar_rules import plan_year_days, swedish_holidays
from db.errors import ValidationError
from db.groups import group_options
from db.meeting_changes import create_meetings
from db.records import MeetingInput
from db.validation import Errors, parse_date, parse_int, parse_time
from exports.swedish import WEEKDAYS, format_date_long
from lokus_tui.context import app_database
from lokus_tui.form_fields import chosen, select_value
from lokus_tui.form_screen import FormScreen
from lokus_tui.key_bar import KeyBar
from lokus_tui.plain import Plain, PlainSelect, TextInput
from lokus_tui.validators import DateValidator, TimeValidator


class YearPlanForm(FormScreen):
    """Dismisses with the ids of the created meetings."""

    CSS_PATH = "year_plan.tcss"

    def __init__(self, group_id: int | None = None, year: int | None = None):
        super().__init__(save=self._create)
        self.group_id = group_id
        self.year = year or clock.today().year + 1
        self.planned_notes: dict[Input, tuple[str, str]] = {}

    def compose(self) -> ComposeResult:
        groups = [(g.label, g.id) for g in group_options(app_database(self))]
        with Vertical(classes="form-dialog"):
            yield Plain("Planera året", classes="title")
            yield Plain("", id="form-errors", classes="field-error", markup=False)
            with VerticalScroll(classes="form-body"):
                with Horizontal(classes="row"):
                    with Vertical():
                        yield Label("Lokusgrupp *", classes="field-label")
                        yield PlainSelect(
                            groups,
                            id="group_id",
                            prompt="Välj lokusgrupp",
                            value=self.group_id or Select.NULL,
                        )
                        yield Plain("", id="err-group_id", classes="field-error")
                    with Vertical():
                        yield Label("År", classes="field-label")
                        yield TextInput(str(self.year), id="year")
                        yield Plain("", id="err-year", classes="field-error")
                with Horizontal(classes="row"):
                    with Vertical():
                        yield Label("Antal möten", classes="field-label")
                        yield TextInput("4", id="count")
                    with Vertical():
                        yield Label("Veckodag", classes="field-label")
                        yield PlainSelect(
                            [(d, n) for n, d in enumerate(WEEKDAYS[:5])],
                            id="weekday",
                            value=1,
                            allow_blank=False,
                        )
                    with Vertical():
                        yield Label("Vecka i månaden", classes="field-label")
                        yield PlainSelect(
                            [("första", 1), ("andra", 2), ("tredje", 3), ("fjärde", 4)],
                            id="week",
                            value=2,
                            allow_blank=False,
                        )
                with Horizontal(classes="row"):
                    with Vertical():
                        yield Label("Första månad", classes="field-label")
                        yield TextInput("2", id="first_month")
                    with Vertical():
                        yield Label("Månader mellan", classes="field-label")
                        yield TextInput("3", id="interval")
                    with Vertical():
                        yield Label("Tid", classes="field-label")
                        with Horizontal(classes="row"):
                            yield TextInput("13.00", id="start_time", validators=[TimeValidator()])
                            yield TextInput("15.00", id="end_time", validators=[TimeValidator()])
                with Horizontal(classes="row"):
                    with Vertical():
                        yield Label("Lokal", classes="field-label")
                        yield TextInput(id="room")
                    with Vertical():
                        yield Label("Adress", classes="field-label")
                        yield TextInput(id="address")
                yield Label(
                    "Förslag — ändra datum om det behövs (helgdagar och juli är redan undvikna):",
                    classes="field-label",
                )
                yield Vertical(id="preview")
                yield Plain("", id="err-dates", classes="field-error", markup=False)
            with Horizontal(classes="buttons"):
                yield Button("Skapa mötena (ctrl+s)", variant="primary", id="save")
                yield Button("Avbryt (esc)", id="cancel")
        yield KeyBar()

    def prepare(self) -> None:
        self.refresh_preview()
        self.query_one("#group_id").focus()

    @on(Input.Changed, "#year, #count, #first_month, #interval")
    @on(Select.Changed, "#weekday, #week")
    def _rule_changed(self, event) -> None:
        if event.control.id:
            self.refresh_preview()

    def _rule(self):
        errors = Errors()

        def num(key, label, lo, hi, default):
            value = parse_int(
                self.query_one(f"#{key}", Input).value, key, label, errors, lo, hi, default
            )
            return default if value is None else value

        return (
            num("year", "År", 2000, 2100, self.year),
            num("count", "Antal möten", 1, 12, 4),
            num("first_month", "Första månad", 1, 12, 2),
            num("interval", "Månader mellan", 1, 6, 3),
        ), errors

    def refresh_preview(self) -> None:
        (year, count, first, interval), errors = self._rule()
        preview = self.query_one("#preview", Vertical)
        preview.remove_children()
        if errors:
            self.query_one("#err-dates", Static).update("\n".join(map(str, errors)))
            return
        self.query_one("#err-dates", Static).update("")
        days = plan_year_days(
            year,
            count,
            chosen(self.query_one("#weekday", Select), int),
            first,
            interval,
            chosen(self.query_one("#week", Select), int),
        )
        rows = []
        self.planned_notes = {}
        n = 0
        for planned in days:
            if planned.day is None:  # said, so that no meeting goes missing unnoticed
                when = format_date_long(planned.wanted)
                text = (
                    f"ryms inte i {year} (skulle bli {when})"
                    if planned.reason == "nästa år"
                    else f"ingen vardag nära {when} ({planned.reason})"
                )
                rows.append(
                    Horizontal(
                        Label("Inget möte", classes="plan-label"),
                        Label(text, classes="plan-long plan-missing"),
                        classes="row plan-row",
                    )
                )
                continue
            n += 1
            note = format_date_long(planned.day, weekday=True)
            if planned.reason:
                note += f" — flyttat från {format_date_long(planned.wanted)} ({planned.reason})"
            field = TextInput(
                planned.day.isoformat(), classes="plan-date", validators=[DateValidator()]
            )
            self.planned_notes[field] = (planned.day.isoformat(), note)
            rows.append(
                Horizontal(
                    Label(f"Möte {n}", classes="plan-label"),
                    field,
                    Label(note, classes="plan-long"),
                    classes="row plan-row",
                )
            )
        preview.mount_all(rows)

    @on(Input.Changed, ".plan-date")
    def _date_edited(self, event: Input.Changed) -> None:
        if event.input.parent is None or not event.input.is_attached:
            return  # a row of an earlier preview
        errors = Errors()
        day = parse_date(event.value, "d", "Datum", errors)
        label = event.input.parent.query_one(".plan-long", Label)
        planned = self.planned_notes.get(event.input)
        if planned is not None and event.value.strip() == planned[0]:
            label.update(planned[1])  # as planned, with why it moved
            return
        if day is None:
            label.update("ogiltigt datum")
            return
        note = format_date_long(day, weekday=True)
        holiday = swedish_holidays(day.year).get(day)
        if holiday:
            note += f" — obs! {holiday}"
        elif day.month == 7:
            note += " — obs! juli"
        elif day.weekday() >= 5:
            note += " — obs! helg"
        label.update(note)

    def read(self):
        errors = Errors()
        group = select_value(self.query_one("#group_id", Select))
        if not group:
            errors.add("group_id", "Lokusgrupp", "måste väljas")
        dates = []
        for n, widget in enumerate(self.query(".plan-date").results(Input), 1):
            day = parse_date(widget.value, "dates", f"Möte {n}", errors, required=True)
            if day:
                dates.append(day)
        if len(set(dates)) != len(dates):
            errors.add("dates", "Datum", "samma datum står två gånger")
        if not dates and not errors:
            errors.add("dates", "Datum", "inga möten att skapa")
        template = MeetingInput(
            group_id=group or 0,
            meeting_date=clock.today(),
            start_time=parse_time(
                self.query_one("#start_time", Input).value, "start_time", "Starttid", errors
            ),
            end_time=parse_time(
                self.query_one("#end_time", Input).value, "end_time", "Sluttid", errors
            ),
            room=self.query_one("#room", Input).value,
            address=self.query_one("#address", Input).value,
        )
        return (group, sorted(dates), template), errors

    def _create(self, data):
        group, dates, template = data
        try:
            return create_meetings(app_database(self), group, dates, template)
        except ValidationError:
            raise
