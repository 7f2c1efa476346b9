"""The insats form's choices and the Swedish names of its fields."""

from db.vocabulary import MANUAL_INITIATIVE_STATUSES, Orientation

STATUS_OPTIONS = [
    ("Efter datum (kommande/pågående/avslutad)", ""),
    *((s.label.capitalize(), s.value) for s in MANUAL_INITIATIVE_STATUSES),
]
ORIENTATION_OPTIONS = [(o.label.capitalize(), o.value) for o in Orientation]
TEXT_FIELDS = (
    ("purpose", "Syfte"),
    ("target_group", "Målgrupp"),
    ("method", "Metod"),
    ("background", "Bakgrund"),
)


def options_of(options) -> list[tuple[str, int]]:
    return [(o.label, o.id) for o in options]


FIELD_LABELS = {
    "name": "Namn",
    "group_id": "Lokusgrupp",
    "reference": "Dnr",
    "owner_org_id": "Insatsägare",
    "owner_contact_id": "Kontaktperson",
    "start_date": "Startdatum",
    "end_date": "Slutdatum",
    "manual_status": "Status",
    "orientation": "Inriktning",
    "priority_groups": "Prioriterad målgrupp",
    "purpose": "Syfte",
    "target_group": "Målgrupp",
    "method": "Metod",
    "background": "Bakgrund",
    "goals": "Mål",
    "decisions": "Finansieringsbeslut",
    "partners": "Samverkansparter",
}
