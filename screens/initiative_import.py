"""Review an imported application or decision before anything is saved.

Every field is filled with what the document said and shows the line it came from;
fields the document lacks say SAKNAS and values read from running text say
OSÄKERT. Nothing is saved until ctrl+s; esc leaves the register as it was.
"""

import re
from pathlib import Path

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widget import Widget
from textual.widgets import Button, Label, TextArea

from db.errors import FieldError
from db.initiative_import import ImportPlan, plan_import, save_import
from db.validation import Errors, parse_amount, parse_date
from imports.model import KIND_LABELS, BudgetYear, DecisionFound, ImportedInitiative, Party
from lokus_tui.context import app_database
from lokus_tui.form_fields import widget_text
from lokus_tui.form_screen import FormScreen
from lokus_tui.key_bar import KeyBar
from lokus_tui.plain import Plain, TextInput
from lokus_tui.validators import DateValidator
from screens.initiative_import_fields import (  # noqa: F401 - FIELDS for the tests
    ERROR_FIELDS,
    FIELDS,
    LABELS,
    initial_values,
    register_note,
    source_note,
)


class ImportReviewForm(FormScreen):
    """Dismisses with the id of the saved insats, or None when cancelled."""

    CSS_PATH = "initiative_import.tcss"
    FIELD_LABELS = LABELS
    detail = None  # always a new save: the data layer matches the register

    def __init__(self, doc: ImportedInitiative, plan: ImportPlan, save):
        super().__init__(save)
        self.doc = doc
        self.plan = plan

    def compose(self) -> ComposeResult:
        doc = self.doc
        values = initial_values(doc)
        found = sum(1 for value in values.values() if value)
        with Vertical(classes="form-dialog"):
            yield Plain(f"Granska {KIND_LABELS[doc.kind]}: {doc.file_name}", classes="title")
            yield Plain("", id="form-errors", classes="field-error")
            with VerticalScroll(classes="form-body"):
                yield Plain(
                    f"{self.plan.describe(doc.kind)} {register_note(doc, self.plan)}"
                    f"Hittade {found} av {len(FIELDS)} fält; inget sparas förrän du sparar "
                    "(ctrl+s).",
                    id="import-plan",
                )
                for field, label, key, kind in FIELDS:
                    yield Label(label, classes="field-label")
                    if kind == "text":
                        yield TextArea(values[field], id=field, soft_wrap=True)
                    else:
                        validators = [DateValidator()] if kind == "date" else []
                        yield TextInput(values[field], id=field, validators=validators)
                    note, classes = source_note(doc, key)
                    yield Plain(note, id=f"src-{field}", classes=classes)
                    yield Plain("", id=f"err-{field}", classes="field-error")
            with Horizontal(classes="buttons"):
                yield Button("Spara (ctrl+s)", variant="primary", id="save")
                yield Button("Avbryt (esc)", id="cancel")
        yield KeyBar()

    def prepare(self) -> None:
        self.query_one("#name").focus()

    def on_descendant_focus(self, event) -> None:
        """A field with the focus shows the line it came from under it, too."""
        field = getattr(event, "widget", None)
        if field is None or field.id not in LABELS:
            return
        note = self.query_one(f"#src-{field.id}")

        def show() -> None:
            # Textual centres a field that is not wholly in view (the note with it);
            # a field already in view with its note under the edge: bring the note up
            screen = self.screen
            if screen.can_view_entire(field) and not screen.can_view_entire(note):
                note.scroll_visible(animate=False)

        self.call_after_refresh(show)

    def read(self) -> tuple[ImportedInitiative, Errors]:
        errors = Errors()

        def text(field: str) -> str:
            return widget_text(self.query_one(f"#{field}")).strip()

        def lines(field: str) -> list[str]:
            return [line.strip() for line in text(field).splitlines() if line.strip()]

        def day(field: str):
            return parse_date(text(field), field, LABELS[field], errors)

        def money(field: str) -> int | None:
            return parse_amount(text(field), field, LABELS[field], errors)

        partners = []
        for line in lines("partners"):
            cells = [c.strip() or None for c in line.split(";")] + [None, None]
            partners.append(Party(cells[0], cells[1], cells[2]))
        budget = []
        for n, line in enumerate(lines("budget"), 1):
            m = re.fullmatch(r"(?:år\s*)?(\d{4})\s*[:=–-]?\s*(.+)", line, re.IGNORECASE)
            amount = parse_amount(m.group(2), "budget", "Budget", Errors()) if m else None
            if m is None or amount is None:
                errors.add(
                    "budget", "Budget per år", f"rad {n}: skriv ÅÅÅÅ: belopp, t.ex. 2021: 360 000"
                )
            else:
                budget.append(BudgetYear(int(m.group(1)), amount))
        decision_fields = ("decision_date", "decision_amount", "decision_start", "decision_end")
        decision = None
        if self.doc.kind == "decision" or any(text(f) for f in decision_fields):
            decision = DecisionFound(
                day("decision_date"),
                money("decision_amount"),
                day("decision_start"),
                day("decision_end"),
            )
        doc = self.doc.with_values(
            kind="decision" if decision is not None else self.doc.kind,
            name=text("name") or None,
            reference=text("reference") or None,
            owner=Party(
                text("owner_organisation") or None,
                text("owner_contact") or None,
                text("owner_email") or None,
            ),
            partners=tuple(partners),
            purpose=text("purpose") or None,
            target_group=text("target_group") or None,
            method=text("method") or None,
            background=text("background") or None,
            effect_goals=tuple(lines("effect_goals")),
            output_goals=tuple(lines("output_goals")),
            period_start=day("period_start"),
            period_end=day("period_end"),
            budget=tuple(budget),
            total_sek=money("total_sek"),
            decision=decision,
        )
        if not doc.name:
            errors.add("name", "Insatsens namn", "måste fyllas i")
        return doc, errors

    def show_error(self, error: FieldError) -> Widget | None:
        for pattern, field in ERROR_FIELDS:
            if re.match(pattern, error.field):
                error = FieldError(field, error.label, error.message)
                break
        return super().show_error(error)


def start_import(screen) -> None:
    """Ask for a file, read it, and open the review form (from Insatser)."""
    from screens.text_prompt import TextPrompt

    def chosen(path_text: str | None) -> None:
        if path_text:
            open_review(screen, Path(path_text).expanduser())

    screen.app.push_screen(
        TextPrompt(
            "Sökväg till ansökan eller beslut (.txt .md .docx .pdf):",
            placeholder="t.ex. ~/Hämtningar/ansokan.docx",
            ok_label="Läs in",
        ),
        chosen,
    )


def open_review(screen, path: Path) -> None:
    from imports.model import ReadError
    from imports.parse import import_file

    try:
        doc = import_file(path)
    except ReadError as exc:
        screen.notify(
            f"{exc}. Ingenting sparades.",
            title="Kan inte läsa filen",
            severity="error",
            timeout=10,
            markup=False,
        )
        return
    database = app_database(screen)

    def save(data: ImportedInitiative) -> int:
        outcome = save_import(database, data)
        if outcome.created:
            message = f"Insatsen ”{data.name}” är sparad."
        elif outcome.decision_added:
            message = f"Finansieringsbeslutet är tillagt i ”{data.name}”."
        else:
            message = f"”{data.name}” fanns redan med detta; ingenting ändrades."
        screen.notify(message, timeout=4, markup=False)
        return outcome.initiative_id

    def done(initiative_id) -> None:
        if isinstance(initiative_id, int):
            from screens.initiative_detail import InitiativeDetailScreen

            screen.app.push_screen(InitiativeDetailScreen(initiative_id))

    screen.app.push_screen(ImportReviewForm(doc, plan_import(database, doc), save), done)
