"""People, organisations and group memberships.

Frozen records handed between the data layer and the screens: screens never see
ORM objects or sessions.
"""

from dataclasses import dataclass, field

from db.vocabulary import MembershipRole, OrganisationKind


@dataclass(frozen=True)
class PersonRow:
    id: int
    name: str
    title: str
    organisation_name: str
    email: str
    phone: str


@dataclass(frozen=True)
class OrganisationRow:
    id: int
    name: str
    kind: str
    people: int
    initiatives: int
    version: int = 0

    @property
    def kind_label(self) -> str:
        return OrganisationKind.label_of(self.kind)


@dataclass(frozen=True)
class PersonInput:
    name: str
    title: str = ""
    email: str = ""
    phone: str = ""
    organisation_id: int | None = None
    note: str = ""


@dataclass(frozen=True)
class MembershipView:
    group_id: int
    group_name: str
    role: str

    @property
    def role_label(self) -> str:
        return MembershipRole.label_of(self.role)


@dataclass(frozen=True)
class PersonUsage:
    """Where a person appears, counted: what deleting them would change."""

    attendance: int = 0
    actions: int = 0
    chair: int = 0
    note_taker: int = 0
    comments: int = 0
    proposals: int = 0
    guest: int = 0
    presenter: int = 0
    coordinator: int = 0
    memberships: int = 0
    initiatives: int = 0

    @property
    def in_meeting_records(self) -> bool:
        """Named in a meeting's record: the person is archived, never deleted."""
        return any(
            (
                self.attendance,
                self.actions,
                self.chair,
                self.note_taker,
                self.comments,
                self.proposals,
                self.guest,
                self.presenter,
                self.coordinator,
            )
        )

    def describe(self) -> str:
        """'närvaro vid 3 möten, ansvarig för 2 åtgärder' (only what is there)."""
        parts = [
            (self.attendance, "närvaro vid {} möten", "närvaro vid 1 möte"),
            (self.chair, "ordförande vid {} möten", "ordförande vid 1 möte"),
            (self.note_taker, "antecknare vid {} möten", "antecknare vid 1 möte"),
            (self.actions, "ansvarig för {} åtgärder", "ansvarig för 1 åtgärd"),
            (self.comments, "{} synpunkter på anteckningar", "1 synpunkt på anteckningar"),
            (self.proposals, "{} förslag till dagordningen", "1 förslag till dagordningen"),
            (self.guest, "gäst vid {} möten", "gäst vid 1 möte"),
            (self.presenter, "föredragande på {} punkter", "föredragande på 1 punkt"),
            (self.coordinator, "samordnare för {} lokusgrupper", "samordnare för 1 lokusgrupp"),
            (self.memberships, "medlem i {} lokusgrupper", "medlem i 1 lokusgrupp"),
            (self.initiatives, "kontaktperson för {} insatser", "kontaktperson för 1 insats"),
        ]
        return ", ".join(one if n == 1 else many.format(n) for n, many, one in parts if n)


@dataclass(frozen=True)
class PersonDetail:
    id: int
    version: int
    data: PersonInput
    organisation_name: str
    memberships: tuple[MembershipView, ...] = ()
    # (initiative id, name, how: "insatsägare" or "samverkanspart")
    initiatives: tuple[tuple[int, str, str], ...] = ()
    archived_at: object = None  # datetime when archived
    usage: PersonUsage = field(default_factory=PersonUsage)


@dataclass(frozen=True)
class OrganisationInput:
    name: str
    kind: str = "other"
    note: str = ""


@dataclass(frozen=True)
class GroupRow:
    """A lokusgrupp in the Lokusgrupper list."""

    id: int
    name: str
    municipality: str
    members: int
    coordinator: str
    version: int
    archived: bool = False


@dataclass(frozen=True)
class MemberView:
    person_id: int
    name: str
    email: str
    organisation_id: int | None
    organisation_name: str
    role: str
    archived: bool = False
    membership_version: int = 0

    @property
    def role_label(self) -> str:
        return MembershipRole.label_of(self.role)
