"""The shared behaviour of every modal form: save with validation, show Swedish
errors next to the fields, cancel without saving, report conflicts."""

from collections.abc import Callable

from textual import on
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import Button, Select, Static, TextArea

from db.errors import ConflictError, LokusError, ValidationError


def select_value(select: Select):
    return None if select.value == Select.NULL else select.value


def widget_text(widget) -> str:
    return widget.text if isinstance(widget, TextArea) else widget.value


class FormScreen(ModalScreen):
    """Subclasses compose fields with ids, an ``#err-<field>`` Static per field,
    a ``#form-errors`` Static, and implement ``read() -> (data, errors)``."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Spara", id="form-save"),
        Binding("escape", "cancel", "Avbryt", id="form-cancel"),
    ]

    def __init__(self, save: Callable, on_conflict: Callable | None = None):
        super().__init__()
        self.save_fn = save
        self.on_conflict = on_conflict

    def read(self):
        raise NotImplementedError

    @on(Button.Pressed, "#save")
    def _save_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_save()

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_cancel()

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Select.Changed, "#organisation_id")
    def _organisation_changed(self) -> None:
        """Forms with an organisation and a person select: people of that organisation."""
        people = self.query("#person_id")
        if not people:
            return
        from db.contacts import people_options

        org = select_value(self.query_one("#organisation_id", Select))
        options = people_options(self.app.database, org) if org else []
        people.first(Select).set_options([(p.label, p.id) for p in options])

    def show_errors(self, errors) -> None:
        for widget in self.query(".field-error"):
            widget.update("")
        self.query_one("#form-errors", Static).update(
            "Rätta följande:\n" + "\n".join(f"• {e}" for e in errors) if errors else "")
        first = None
        for error in errors:
            labels = self.query(f"#err-{error.field}")
            if labels:
                labels.first().update(str(error))
            targets = self.query(f"#{error.field}")
            if targets and first is None:
                first = targets.first()
        if first is not None:
            first.focus()
            first.scroll_visible()

    def action_save(self) -> None:
        data, errors = self.read()
        try:
            if errors:
                raise ValidationError(errors)
            result = self.save_fn(data)
        except ValidationError as exc:
            self.show_errors(exc.errors)
            self.notify(str(exc.errors[0]), severity="error", title="Kan inte spara")
            return
        except ConflictError as exc:
            self.notify(f"{exc} Dina ändringar finns kvar här; spara igen för att skriva över.",
                        severity="warning", timeout=8)
            if self.on_conflict:
                self.on_conflict()
            return
        except LokusError as exc:
            self.notify(str(exc), severity="error")
            return
        self.dismiss(result if result is not None else True)
