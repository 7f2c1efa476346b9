"""Reading and setting the fields of a form, whatever widget they are."""

from typing import TypeVar

from textual.widgets import Select, TextArea

T = TypeVar("T")


def select_value(select: Select):
    return None if select.value == Select.NULL else select.value


def chosen(select: Select, kind: type[T]) -> T:
    """The value of a Select that offers no blank (``allow_blank=False``), as ``kind``."""
    value = select.value
    if value == Select.NULL:
        # Read (by the draft timer) before the Select has mounted: until then it holds
        # the value it was created with, not yet as its reactive value.
        value = getattr(select, "_value", value)
    if not isinstance(value, kind):
        raise TypeError(f"#{select.id}: {value!r} is no {kind.__name__}")
    return value


def fill_contacts(
    app, org_select: Select, contact_select: Select, selected: int | None = None
) -> None:
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


def widget_value(widget):
    if isinstance(widget, Select):
        return select_value(widget)
    return widget_text(widget)


def set_widget_value(widget, value) -> None:
    if isinstance(widget, TextArea):
        widget.load_text(value or "")
    elif isinstance(widget, Select):
        if value is None:
            widget.clear()
        elif any(v == value for _l, v in widget._options):
            widget.value = value
    else:
        widget.value = value or ""


def shown_value(value, limit: int = 70) -> str:
    text = "–" if value in (None, "") else str(value).replace("\n", " ")
    return text if len(text) <= limit else text[: limit - 1] + "…"
