"""Create or edit a meeting."""

from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Input, Label, Select

from db.groups import group_members, group_options
from db.meeting_changes import validate_meeting
from db.records import MeetingDetail, MeetingInput
from db.validation import Errors, parse_date, parse_time
from db.vocabulary import MeetingKind, MembershipRole
from exports.swedish import format_time
from lokus_tui.context import app_database
from lokus_tui.form_fields import select_value
from lokus_tui.form_screen import FormScreen
from lokus_tui.key_bar import KeyBar
from lokus_tui.plain import Plain, PlainSelect, TextInput
from lokus_tui.validators import DateValidator, TimeValidator


def _iso(value) -> str:
    return value.isoformat() if value else ""


class MeetingForm(FormScreen):
    """Dismisses with the meeting id (new) or version (edit), or None."""

    FIELD_LABELS = {
        "group_id": "Lokusgrupp",
        "kind": "Typ",
        "title": "Rubrik",
        "meeting_date": "Datum",
        "start_time": "Starttid",
        "end_time": "Sluttid",
        "room": "Lokal",
        "address": "Adress",
        "link": "Länk",
        "chair_id": "Ordförande",
        "points_deadline": "Sista dag för punkter",
        "notice_planned_date": "Kallelsen skickas",
    }

    def __init__(self, detail: MeetingDetail | None, save, group_id: int | None = None, fetch=None):
        super().__init__(save, fetch)
        self.detail = detail
        self.draft_name = f"möte-{detail.id}" if detail else "möte-ny"
        self.group_id = group_id

    def compose(self) -> ComposeResult:
        # a new meeting has no date yet: date.min is never shown, the field starts empty
        new = MeetingInput(group_id=self.group_id or 0, meeting_date=date.min)
        d = self.detail.data if self.detail else new
        groups = [
            (g.label, g.id)
            for g in group_options(app_database(self), include_archived=self.detail is not None)
        ]

        def field(key, label, value, placeholder="", validators=None):
            with Vertical():
                yield Label(label, classes="field-label")
                yield TextInput(value, id=key, placeholder=placeholder, validators=validators or [])
                yield Plain("", id=f"err-{key}", classes="field-error", markup=False)

        with Vertical(classes="form-dialog"):
            yield Plain("Redigera möte" if self.detail else "Nytt möte", classes="title")
            yield Plain("", id="form-errors", classes="field-error", markup=False)
            with VerticalScroll(classes="form-body"):
                with Horizontal(classes="row"):
                    with Vertical():
                        yield Label("Lokusgrupp *", classes="field-label")
                        yield PlainSelect(
                            groups,
                            id="group_id",
                            prompt="Välj lokusgrupp",
                            value=d.group_id if d.group_id else Select.NULL,
                        )
                        yield Plain("", id="err-group_id", classes="field-error")
                    with Vertical():
                        yield Label("Typ", classes="field-label")
                        yield PlainSelect(
                            MeetingKind.options(), id="kind", value=d.kind, allow_blank=False
                        )
                yield Label("Rubrik (valfri, t.ex. ämnet för en aktivitet)", classes="field-label")
                yield TextInput(d.title, id="title")
                with Horizontal(classes="row"):
                    yield from field(
                        "meeting_date",
                        "Datum *",
                        _iso(d.meeting_date) if self.detail else "",
                        "ÅÅÅÅ-MM-DD",
                        [DateValidator()],
                    )
                    yield from field(
                        "start_time",
                        "Starttid",
                        format_time(d.start_time),
                        "13.00",
                        [TimeValidator()],
                    )
                    yield from field(
                        "end_time", "Sluttid", format_time(d.end_time), "15.00", [TimeValidator()]
                    )
                with Horizontal(classes="row"):
                    yield from field("room", "Lokal", d.room, "t.ex. Sal Fyris")
                    yield from field("address", "Adress", d.address)
                yield from field("link", "Länk till digitalt möte", d.link, "https://…")
                with Horizontal(classes="row"), Vertical():
                    yield Label("Ordförande", classes="field-label")
                    yield PlainSelect([], id="chair_id", prompt="Välj bland gruppens ledamöter")
                with Horizontal(classes="row"):
                    yield from field(
                        "points_deadline",
                        "Sista dag för punkter från parterna",
                        _iso(d.points_deadline),
                        "ÅÅÅÅ-MM-DD",
                        [DateValidator()],
                    )
                    yield from field(
                        "notice_planned_date",
                        "Kallelsen skickas",
                        _iso(d.notice_planned_date),
                        "ÅÅÅÅ-MM-DD",
                        [DateValidator()],
                    )
            with Horizontal(classes="buttons"):
                yield Button("Spara (ctrl+s)", variant="primary", id="save")
                yield Button("Avbryt (esc)", id="cancel")
        yield KeyBar()

    def prepare(self) -> None:
        self._fill_chairs(self.detail.data.chair_id if self.detail else None)
        self.query_one("#meeting_date" if self.group_id or self.detail else "#group_id").focus()

    def _fill_chairs(self, selected=None) -> None:
        group = select_value(self.query_one("#group_id", Select))
        chair = self.query_one("#chair_id", Select)
        if selected is None:
            selected = select_value(chair)
        members = group_members(app_database(self), group) if group else []
        options = [
            (f"{m.name} ({m.role_label}, {m.organisation_name})", m.person_id) for m in members
        ]
        chair.set_options(options)
        if selected is None:
            selected = next((m.person_id for m in members if m.role == MembershipRole.CHAIR), None)
        if selected is not None and any(v == selected for _l, v in options):
            chair.value = selected

    @on(Select.Changed, "#group_id")
    def _group_changed(self) -> None:
        self._fill_chairs()

    def read(self):
        errors = Errors()

        def val(key):
            return self.query_one(f"#{key}", Input).value

        data = MeetingInput(
            group_id=select_value(self.query_one("#group_id", Select)) or 0,
            meeting_date=parse_date(
                val("meeting_date"), "meeting_date", "Datum", errors, required=True
            )
            or date.min,
            kind=self.query_one("#kind", Select).value,
            title=val("title"),
            start_time=parse_time(val("start_time"), "start_time", "Starttid", errors),
            end_time=parse_time(val("end_time"), "end_time", "Sluttid", errors),
            room=val("room"),
            address=val("address"),
            link=val("link"),
            chair_id=select_value(self.query_one("#chair_id", Select)),
            points_deadline=parse_date(
                val("points_deadline"), "points_deadline", "Sista dag för punkter", errors
            ),
            notice_planned_date=parse_date(
                val("notice_planned_date"), "notice_planned_date", "Kallelsen skickas", errors
            ),
        )
        if not errors:
            errors.extend(validate_meeting(data))
        return data, errors
