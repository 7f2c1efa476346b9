"""Every vocabulary of the domain: one StrEnum each, English values, Swedish labels.

The values are what the database stores and the code compares; the labels are
what the user reads. Names follow the glossary in DOMAIN.md.
"""

from enum import StrEnum


class Vocabulary(StrEnum):
    """A StrEnum whose members carry a Swedish ``label``: ``Member = "value", "etikett"``."""

    label: str

    def __new__(cls, value: str, label: str = ""):
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = label or value
        return member

    @classmethod
    def values(cls) -> tuple[str, ...]:
        return tuple(m.value for m in cls)

    @classmethod
    def label_of(cls, value) -> str:
        """The Swedish label of a stored value (the value itself if unknown)."""
        try:
            return cls(value).label
        except ValueError:
            return str(value or "")

    @classmethod
    def options(cls) -> list[tuple[str, str]]:
        """(label, value) pairs for a Select."""
        return [(m.label, m.value) for m in cls]


class OrganisationKind(Vocabulary):
    MUNICIPALITY = "municipality", "kommun"
    EMPLOYMENT_SERVICE = "employment_service", "Arbetsförmedlingen"
    SOCIAL_INSURANCE = "social_insurance", "Försäkringskassan"
    REGION = "region", "region"
    ASSOCIATION = "association", "samordningsförbund"
    OTHER = "other", "annan"


class MembershipRole(Vocabulary):
    CHAIR = "chair", "ordförande"
    MEMBER = "member", "ledamot"
    SUBSTITUTE = "substitute", "ersättare"
    COORDINATOR = "coordinator", "samordnare"


class InitiativeStatus(Vocabulary):
    """Set by hand (application, rejected) or derived from the period."""

    APPLICATION = "application", "ansökan"
    REJECTED = "rejected", "avslagen"
    UPCOMING = "upcoming", "kommande"
    RUNNING = "running", "pågående"
    ENDING_SOON = "ending_soon", "slutar inom 90 dagar"
    ENDED = "ended", "avslutad"
    NO_PERIOD = "no_period", "period saknas"


MANUAL_INITIATIVE_STATUSES = (InitiativeStatus.APPLICATION, InitiativeStatus.REJECTED)


class Orientation(Vocabulary):
    NONE = "", "ej angiven"
    INDIVIDUAL = "individual", "individinriktad"
    STRUCTURAL = "structural", "strukturövergripande"


class GoalKind(Vocabulary):
    EFFECT = "effect", "effektmål"
    OUTPUT = "output", "insatsmål"


class MeetingKind(Vocabulary):
    LOKUS_MEETING = "lokus_meeting", "LOKUS-möte"
    COMPETENCE_ACTIVITY = "competence_activity", "kompetenshöjande aktivitet"
    STUDY_VISIT = "study_visit", "studiebesök"


class MeetingStatus(Vocabulary):
    PLANNED = "planned", "planerat"
    NOTICE_SENT = "notice_sent", "kallelse skickad"
    HELD = "held", "genomfört"
    MINUTES_IN_REVIEW = "minutes_in_review", "anteckningar på remiss"
    MINUTES_FINAL = "minutes_final", "anteckningar fastställda"
    CANCELLED = "cancelled", "inställt"


class AgendaItemKind(Vocabulary):
    INFORMATION = "information", "information"
    DISCUSSION = "discussion", "diskussion"
    DECISION = "decision", "beslut"


class ProposalStatus(Vocabulary):
    RECEIVED = "received", "inkommen"
    ACCEPTED = "accepted", "accepterad"
    POSTPONED = "postponed", "uppskjuten"
    REJECTED = "rejected", "avslagen"


class GuestStatus(Vocabulary):
    IDEA = "idea", "idé"
    ASKED = "asked", "tillfrågad"
    CONFIRMED = "confirmed", "bekräftad"
    DECLINED = "declined", "avböjt"
    PRESENTED = "presented", "har presenterat"


class AttendanceStatus(Vocabulary):
    PRESENT = "present", "närvarande"
    ABSENT = "absent", "frånvarande"
    EXCUSED = "excused", "anmält förhinder"


class ActionStatus(Vocabulary):
    OPEN = "open", "öppen"
    DONE = "done", "klar"
    DROPPED = "dropped", "struken"


class MinutesStatus(Vocabulary):
    DRAFT = "draft", "utkast"
    IN_REVIEW = "in_review", "på remiss"
    FINAL = "final", "fastställda"


class ScanningKind(Vocabulary):
    EXTERNAL_PROJECT = "external_project", "projekt i länet"
    STUDY_VISIT = "study_visit", "studiebesök"
    OTHER = "other", "övrigt"


class DocumentKind(Vocabulary):
    """What an export record holds."""

    NOTICE = "notice", "kallelse"
    MINUTES = "minutes", "minnesanteckningar"
    INVITATION = "invitation", "inbjudan"
