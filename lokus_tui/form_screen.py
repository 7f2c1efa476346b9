"""Every modal form: save with validation, Swedish errors by the fields, cancel, drafts,
conflicts. ``save(data)`` saves a new record, ``save(data, version)`` an existing one.

Conflicts: if another window saved the record meanwhile, the form fetches it again
(``fetch()``) and puts back only what this window changed (three-way, against what
it was loaded with); a field both changed keeps this window's value and shows the
other's. Drafts: only for real edits, with the version they were based on;
restoring one onto a newer record uses the same merge (lokus_tui.drafts).
"""

import contextlib
from collections.abc import Callable

from textual import on
from textual.binding import Binding
from textual.timer import Timer
from textual.widgets import Button, Input, Select, TextArea

from db.errors import ConflictError, LokusError, NotFoundError, ValidationError
from db.text_merge import merge_fields
from exports.swedish import format_moment
from lokus_tui.context import taken_down
from lokus_tui.drafts import restored_values
from lokus_tui.form_base import FormBase
from lokus_tui.form_fields import fill_contacts


class FormScreen(FormBase):
    """Subclasses compose fields with ids, an ``#err-<field>`` Static per field,
    a ``#form-errors`` Static, and implement ``read() -> (data, errors)``.

    ``prepare()`` replaces ``on_mount`` in subclasses: it runs after the fields
    are composed, again after a conflict reloaded them."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Spara", id="form-save"),
        Binding("escape", "cancel", "Avbryt", id="form-cancel"),
    ]

    # Subclasses that hold text worth keeping set a name, e.g. "insats-12" or "insats-ny".
    draft_name: str | None = None
    DRAFT_SECONDS = 1.0

    def __init__(self, save: Callable, fetch: Callable | None = None):
        super().__init__()
        self.save_fn = save
        self.fetch = fetch
        self.base_values: dict | None = None  # the fields as loaded
        self._draft_timer: Timer | None = None

    # --- mounting, drafts ------------------------------------------------------------
    def on_mount(self) -> None:
        if taken_down(self):  # (closed, or lokus quit, before it was built)
            return
        self.prepare()
        self.call_after_refresh(self._start)

    async def _start(self) -> None:
        self._clean_loaded_text()
        self.base_values = self.values()
        if not self.draft_name:
            return
        from lokus_tui.drafts import load_draft

        draft = load_draft(self._database_key(), self.draft_name)
        if draft is not None:
            await self._restore(draft)

    async def _restore(self, draft) -> None:
        current = self.values()
        changes, conflicts = restored_values(draft, current, self.version)
        if not changes and not conflicts:
            self._forget_draft()
            return
        await self.set_values(changes)
        when = format_moment(draft.saved)
        if conflicts:
            self.show_other_values(conflicts)
            names = ", ".join(self.label_of(k) for k in conflicts)
            self.notify(
                f"Osparad text från {when} är återställd, men posten har ändrats sedan "
                f"dess ({names}): kontrollera fälten innan du sparar.",
                severity="warning",
                timeout=12,
            )
        else:
            self.notify(
                f"Osparad text från {when} är återställd. Spara med ctrl+s eller avbryt med esc.",
                timeout=8,
            )

    def _database_key(self) -> str:
        database = getattr(self.app, "database", None)
        return str(getattr(database, "path", None) or getattr(self.app, "db_target", ""))

    @on(Input.Changed)
    @on(TextArea.Changed)
    @on(Select.Changed)
    def _field_changed(self) -> None:
        if not self.draft_name or self.base_values is None or not self.is_mounted:
            return
        if self._draft_timer is not None:
            self._draft_timer.stop()
        self._draft_timer = self.set_timer(self.DRAFT_SECONDS, self.write_draft)

    def write_draft(self) -> None:
        """Keep the typed text on disk, only when it differs from what was loaded."""
        if not (self.draft_name and self.is_attached and self.base_values is not None):
            return
        from lokus_tui.drafts import delete_draft, save_draft

        values = self.values()
        # a draft is a courtesy: if it cannot be written, the form still works
        with contextlib.suppress(OSError):
            if values == self.base_values:
                delete_draft(self._database_key(), self.draft_name)
            else:
                save_draft(
                    self._database_key(), self.draft_name, values, self.base_values, self.version
                )

    def _forget_draft(self) -> None:
        if self._draft_timer is not None:
            self._draft_timer.stop()
        if self.draft_name:
            from lokus_tui.drafts import delete_draft

            with contextlib.suppress(OSError):
                delete_draft(self._database_key(), self.draft_name)

    def flush_pending(self) -> None:
        """Called by the app before quitting: keep what is typed."""
        self.write_draft()

    # --- saving ----------------------------------------------------------------------
    def read(self):
        raise NotImplementedError

    @on(Button.Pressed, "#save")
    async def _save_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        await self.action_save()

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
            fill_contacts(
                self.app, self.query_one("#organisation_id", Select), people.first(Select)
            )

    async def action_save(self) -> None:
        data, errors = self.read()
        try:
            if errors:
                raise ValidationError(errors)
            version = self.version
            result = self.save_fn(data) if version is None else self.save_fn(data, version)
        except ValidationError as exc:
            self.show_errors(exc.errors)
            self.notify(str(exc.errors[0]), severity="error", title="Kan inte spara", markup=False)
            return
        except ConflictError:
            await self.reload_after_conflict()
            return
        except LokusError as exc:
            self.notify(f"Inte sparat: {exc}", severity="error", timeout=10, markup=False)
            return
        self._forget_draft()
        self.dismiss(result if result is not None else True)

    async def reload_after_conflict(self) -> None:
        """Show what is stored now, with this window's own changes put back."""
        if self.fetch is None or self.base_values is None:
            self.notify(
                "Posten har ändrats i ett annat fönster. Stäng formuläret och öppna "
                "det igen; det du skrivit finns kvar som utkast.",
                severity="warning",
                timeout=10,
            )
            self.write_draft()
            return
        mine = self.values()
        base = self.base_values
        try:
            fresh = self.fetch()
        except NotFoundError:
            self.notify(
                "Posten har tagits bort i ett annat fönster; den kan inte sparas. "
                "Det du skrivit finns kvar här tills du stänger formuläret.",
                severity="error",
                timeout=12,
            )
            return
        setattr(self, self.record_attr, fresh)
        await self.recompose()
        self.prepare()
        theirs = self.values()
        merged = merge_fields(base, mine, theirs)
        await self.set_values({k: v for k, v in merged.values.items() if v != theirs.get(k)})
        self.base_values = theirs
        self.write_draft()
        if merged.conflicts:
            self.show_other_values(merged.conflicts)
            names = ", ".join(self.label_of(k) for k in merged.conflicts)
            self.notify(
                f"Posten hade ändrats i ett annat fönster. Formuläret visar det som är "
                f"sparat nu med dina ändringar. Båda har ändrat: {names} — välj värde "
                "och spara igen.",
                severity="warning",
                timeout=12,
            )
        else:
            self.notify(
                "Posten hade ändrats i ett annat fönster. Formuläret visar nu det som "
                "är sparat, med dina ändringar. Spara igen med ctrl+s.",
                severity="warning",
                timeout=10,
            )
