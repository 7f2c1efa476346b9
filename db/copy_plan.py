"""What `lokus db copy` matches rows on, and what it reports (db/copy.py copies)."""

from dataclasses import dataclass, field

# table -> natural keys tried in order: (how it matched, the columns of the key)
KEYS: dict[str, list[tuple[str, tuple[str, ...]]]] = {
    "organisation": [("namn", ("name",))],
    "person": [("e-post", ("email",)), ("namn", ("name",))],
    "lokus_group": [("namn", ("name",))],
    "initiative": [("Dnr", ("reference",)), ("namn", ("name",))],
    "meeting": [("grupp, datum och tid", ("group_id", "meeting_date", "start_time"))],
    "group_goal": [("grupp och år", ("group_id", "year"))],
    "own_group": [("användare och grupp", ("user_name", "group_id"))],
    "membership": [("grupp och person", ("group_id", "person_id"))],
    "agendaitem": [("möte och rubrik", ("meeting_id", "title"))],
    "pointsrequest": [("möte och organisation", ("meeting_id", "organisation_id"))],
    "attendance": [("möte och person", ("meeting_id", "person_id"))],
    "minutes": [("möte", ("meeting_id",))],
    "goal": [("insats och text", ("initiative_id", "kind", "text"))],
    "fundingdecision": [("insats och Dnr", ("initiative_id", "reference", "decision_date"))],
    "budgetline": [("beslut och år", ("funding_decision_id", "year", "organisation_id"))],
    "initiativepartner": [("insats och organisation", ("initiative_id", "organisation_id"))],
    "agendaproposal": [("möte och text", ("meeting_id", "text"))],
    "guestinvitation": [("möte, person och ämne", ("meeting_id", "person_id", "topic"))],
    "decision": [("punkt och text", ("agenda_item_id", "text"))],
    "actionitem": [("möte och text", ("meeting_id", "text"))],
    "minutescomment": [("anteckningar och text", ("minutes_id", "text"))],
    "exportrecord": [
        ("möte och version", ("meeting_id", "document", "variant", "sequence", "file_format"))
    ],
    "scanningentry": [("grupp, rubrik och datum", ("group_id", "title", "entry_date"))],
}
# A merged row of these tables gets its empty fields filled in from the copy.
FILL_BLANKS: dict[str, tuple[str, ...]] = {
    "organisation": ("note",),
    "person": ("title", "email", "phone", "organisation_id", "note"),
}


@dataclass
class TableCopy:
    """What happened to one table's rows."""

    table: str
    rows: int = 0  # rows in the source
    new: int = 0  # inserted into the target
    matched: dict[str, int] = field(default_factory=dict)  # how -> rows that existed
    filled: int = 0  # existing rows whose empty fields were filled in

    @property
    def existing(self) -> int:
        return sum(self.matched.values())


@dataclass
class CopyReport:
    tables: list[TableCopy]
    dry_run: bool = False

    def of(self, table: str) -> TableCopy:
        for t in self.tables:
            if t.table == table:
                return t
        return TableCopy(table)

    @property
    def new(self) -> int:
        return sum(t.new for t in self.tables)

    @property
    def existing(self) -> int:
        return sum(t.existing for t in self.tables)

    @property
    def filled(self) -> int:
        return sum(t.filled for t in self.tables)
