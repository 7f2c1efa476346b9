"""The standard agenda of a LOKUS meeting (editable per group)."""

FOLLOW_UP_TITLE = "Uppföljning av åtgärder"
PARTIES_TITLE = "Information från parterna"

DEFAULT_AGENDA_TEMPLATE = (
    "Mötets öppnande",
    "Föregående minnesanteckningar",
    FOLLOW_UP_TITLE,
    PARTIES_TITLE,
    "Övriga frågor",
    "Nästa möte",
    "Mötets avslutande",
)


def template_titles(group_template: str) -> list[str]:
    lines = [line.strip() for line in (group_template or "").splitlines() if line.strip()]
    return lines or list(DEFAULT_AGENDA_TEMPLATE)


def is_follow_up(title: str) -> bool:
    """The item where earlier meetings' open action items are followed up."""
    return title.strip().casefold() == FOLLOW_UP_TITLE.casefold()
