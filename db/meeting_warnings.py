"""What a meeting's header warns about: the rules, in one place."""

from db.engine import Database
from db.guests import list_guests
from db.records import MeetingDetail
from db.review_comments import minutes_state
from db.vocabulary import MeetingStatus


def meeting_warnings(db: Database, d: MeetingDetail) -> list[str]:
    """Swedish sentences, most urgent first."""
    warnings = []
    if d.status == MeetingStatus.CANCELLED:
        warnings.append(
            "Mötet är inställt" + (f": {d.cancelled_reason}" if d.cancelled_reason else ".")
        )
    if d.notice_outdated:
        warnings.append(
            "Kallelsen är inaktuell: tid, plats eller dagordning har ändrats "
            "sedan den skickades. Nästa export blir en uppdatering."
        )
    if d.overrun:
        warnings.append(f"Dagordningen drar över mötets sluttid med {d.overrun} minuter.")
    if d.missing and d.status == MeetingStatus.PLANNED:
        warnings.append("Inte klar att kalla: saknar " + ", ".join(d.missing) + ".")
    minutes = minutes_state(db, d.id)
    if minutes.deadline_passed and minutes.comment_deadline:
        warnings.append(
            f"Sista dag för synpunkter ({minutes.comment_deadline.isoformat()}) "
            "har passerat — anteckningarna kan fastställas."
        )
    overdue = sum(1 for g in list_guests(db, d.id) if g.overdue)
    if overdue:
        warnings.append(f"{overdue} gästinbjudan har passerat uppföljningsdatum.")
    return warnings
