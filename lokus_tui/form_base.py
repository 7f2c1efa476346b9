"""The fields of a modal form as one whole: read them all, set them all, show the
errors by them, and under them what another window saved.

Fields are widgets with ids (``Input``, ``TextArea``, ``Select``); each has an
``#err-<field>`` Static for its message, and the form a ``#form-errors`` Static.
Lists of rows (the goals of an insats, ...) take part through ``extra_values``
and ``apply_extra``.
"""

import re
from collections.abc import Mapping
from typing import ClassVar

from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Select, Static, TextArea

from db.characters import printable
from lokus_tui.form_fields import set_widget_value, shown_value, widget_text, widget_value
from lokus_tui.stylesheet import StyledOnce


class FormBase(StyledOnce, ModalScreen):
    # The attribute holding the record being edited (None for a new one); it has .version.
    record_attr = "detail"
    # Swedish names of fields, for messages about conflicts.
    FIELD_LABELS: dict[str, str] = {}
    # Lists of rows, by key (the id of their container): their values go through
    # ``extra_values`` and ``apply_extra``, not the container.
    ROWS: ClassVar[Mapping[str, type]] = {}

    # --- the record and its fields --------------------------------------------------
    @property
    def record(self):
        return getattr(self, self.record_attr, None)

    @property
    def version(self) -> int | None:
        record = self.record
        return getattr(record, "version", None) if record is not None else None

    def prepare(self) -> None:
        """Subclass hook: fill dependent choices and set the focus."""

    def extra_values(self) -> dict:
        """Values that are not single widgets (rows of a list), as plain lists."""
        return {}

    async def apply_extra(self, key: str, value) -> None:
        """Put back a value from ``extra_values`` (subclasses with rows)."""

    def values(self) -> dict:
        out = {}
        for widget in self.query("Input, TextArea, Select"):
            if widget.id and not widget.id.startswith("textual"):
                out[widget.id] = widget_value(widget)
        out.update(self.extra_values())
        return out

    async def set_values(self, values: dict) -> None:
        for key, value in values.items():
            if key in self.ROWS:  # (first: a list's container has the list's id too)
                await self.apply_extra(key, value)
                continue
            widgets = self.query(f"#{key}")
            if widgets:
                set_widget_value(widgets.first(), value)
            else:
                await self.apply_extra(key, value)

    def label_of(self, key: str) -> str:
        return self.FIELD_LABELS.get(key, key.replace("_", " "))

    def _clean_loaded_text(self) -> None:
        """Text stored by an older lokus or an import may hold control or bidi characters;
        the form shows it without them and says so (saving keeps the cleaned text)."""
        cleaned = []
        for widget in self.query("Input, TextArea"):
            value = widget_text(widget)
            safe = printable(value, multiline=isinstance(widget, TextArea))
            if safe != value:
                set_widget_value(widget, safe)
                cleaned.append(self.label_of(widget.id) if widget.id else "en rad")
        if cleaned:
            self.notify(
                "Osynliga styrtecken togs bort ur "
                + ", ".join(cleaned)
                + ". Spara för att behålla ändringen, eller avbryt.",
                severity="warning",
                timeout=10,
            )

    # --- messages by the fields -----------------------------------------------------
    def show_other_values(self, conflicts: dict) -> None:
        """Under each field both windows changed: what the other window saved."""
        for key, theirs in conflicts.items():
            widgets = self.query(f"#{key}")
            field = widgets.first() if widgets else None
            if isinstance(field, Select):
                theirs = next((str(label) for label, v in field._options if v == theirs), theirs)
            labels = self.query(f"#err-{key}")
            if labels:
                labels.first(Static).update(f"Sparat i ett annat fönster: {shown_value(theirs)}")

    def show_errors(self, errors) -> None:
        for widget in self.query(".field-error").results(Static):
            widget.update("")
        self.query_one("#form-errors", Static).update(
            "Rätta följande:\n" + "\n".join(f"• {e}" for e in errors) if errors else ""
        )
        first = None
        for error in errors:
            target = self.show_error(error)
            if first is None:
                first = target
        if first is not None:
            first.focus()
            first.scroll_visible()

    # A field of the data layer's errors shown by another widget ("template.2" is a
    # line of the TemplateForm's text area "titles").
    FIELD_WIDGETS: dict[str, str] = {}

    def show_error(self, error) -> Widget | None:
        """Show one error by its field; the widget to focus for it, if any. A field
        such as "template.2" (a line of a list) goes by its first part, and never
        reaches the query as text it cannot parse."""
        field = error.field.split(".")[0]
        field = self.FIELD_WIDGETS.get(field, field)
        if not re.fullmatch(r"[A-Za-z_][\w-]*", field):
            return None
        labels = self.query(f"#err-{field}")
        if labels:
            labels.first(Static).update(str(error))
        targets = self.query(f"#{field}")
        return targets.first() if targets else None
