"""The shared behaviour of every modal form: save with validation, show Swedish
errors next to the fields, cancel without saving, report conflicts."""

import contextlib
from collections.abc import Callable

from textual import on
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Select, Static, TextArea

from db.errors import ConflictError, LokusError, ValidationError


def select_value(select: Select):
    return None if select.value == Select.NULL else select.value


def fill_contacts(app, org_select: Select, contact_select: Select,
                  selected: int | None = None) -> None:
    """Offer the people of the chosen organisation; keep the chosen one if still there."""
    from db.contacts import people_options

    org = select_value(org_select)
    if selected is None:
        selected = select_value(contact_select)
    people = [(p.label, p.id) for p in people_options(app.database, org)] if org else []
    contact_select.set_options(people)
    if selected is not None and any(v == selected for _l, v in people):
        contact_select.value = selected


def widget_text(widget) -> str:
    return widget.text if isinstance(widget, TextArea) else widget.value


class FormScreen(ModalScreen):
    """Subclasses compose fields with ids, an ``#err-<field>`` Static per field,
    a ``#form-errors`` Static, and implement ``read() -> (data, errors)``."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Spara", id="form-save"),
        Binding("escape", "cancel", "Avbryt", id="form-cancel"),
    ]

    # Subclasses that hold text worth keeping set a name, e.g. "insats-12" or "insats-ny".
    draft_name: str | None = None
    DRAFT_SECONDS = 1.0

    def __init__(self, save: Callable, on_conflict: Callable | None = None):
        super().__init__()
        self.save_fn = save
        self.on_conflict = on_conflict
        self._draft_timer = None

    # --- drafts: typed text survives a closed terminal ---------------------------------
    def _database_key(self) -> str:
        database = getattr(self.app, "database", None)
        return str(getattr(database, "path", None) or getattr(self.app, "db_target", ""))

    def _field_values(self) -> dict[str, str]:
        values = {}
        for widget in self.query("Input, TextArea"):
            if widget.id:
                values[widget.id] = widget_text(widget)
        return values

    def on_mount(self) -> None:
        if not self.draft_name:
            return
        from lokus_tui.drafts import load_draft

        found = load_draft(self._database_key(), self.draft_name)
        if not found:
            return
        values, saved = found
        restored = 0
        for widget in self.query("Input, TextArea"):
            if widget.id in values and widget_text(widget) != values[widget.id]:
                if isinstance(widget, TextArea):
                    widget.load_text(values[widget.id])
                else:
                    widget.value = values[widget.id]
                restored += 1
        if restored:
            self.notify(f"Osparad text från {saved.replace('T', ' kl. ')} är återställd. "
                        "Spara med ctrl+s eller avbryt med esc.", timeout=8)

    @on(Input.Changed)
    @on(TextArea.Changed)
    def _field_changed(self) -> None:
        if not self.draft_name or not self.is_mounted:
            return
        if self._draft_timer is not None:
            self._draft_timer.stop()
        self._draft_timer = self.set_timer(self.DRAFT_SECONDS, self.write_draft)

    def write_draft(self) -> None:
        if self.draft_name and self.is_attached:
            from lokus_tui.drafts import save_draft

            # a draft is a courtesy: if it cannot be written, the form still works
            with contextlib.suppress(OSError):
                save_draft(self._database_key(), self.draft_name, self._field_values())

    def _forget_draft(self) -> None:
        if self._draft_timer is not None:
            self._draft_timer.stop()
        if self.draft_name:
            from lokus_tui.drafts import delete_draft

            delete_draft(self._database_key(), self.draft_name)

    def flush_pending(self) -> None:
        """Called by the app before quitting: keep what is typed."""
        self.write_draft()

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
        self._forget_draft()
        self.dismiss(None)

    @on(Select.Changed, "#organisation_id")
    def _organisation_changed(self) -> None:
        """Forms with an organisation and a person select: people of that organisation."""
        people = self.query("#person_id")
        if people:
            fill_contacts(self.app, self.query_one("#organisation_id", Select),
                          people.first(Select))

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
        self._forget_draft()
        self.dismiss(result if result is not None else True)
