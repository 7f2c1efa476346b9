"""The words of the Översikt and of the goals: plain data -> one Swedish line each."""

from db.records.overview import GoalCount, OverviewLine
from db.vocabulary import GuestStatus, MeetingKind
from exports.swedish import format_date_long, format_when


def goal_text(goal: GoalCount) -> str:
    """'LOKUS-möten 2 av 4 (1 planerat)', 'Kompetenshöjande 1 av 2'."""
    name = "LOKUS-möten" if goal.kind == MeetingKind.LOKUS_MEETING else "Kompetenshöjande"
    extra = []
    if goal.planned:
        extra.append(f"{goal.planned} {'planerat' if goal.planned == 1 else 'planerade'}")
    if goal.cancelled:
        extra.append(f"{goal.cancelled} {'inställt' if goal.cancelled == 1 else 'inställda'}")
    return f"{name} {goal.held} av {goal.target}" + (f" ({', '.join(extra)})" if extra else "")


def line_text(line: OverviewLine) -> str:
    """One line of a group's block in the Översikt."""
    day, other = format_date_long(line.day), format_date_long(line.other_day)
    texts = {
        "goals": lambda: f"Mål {line.number}: " + " · ".join(goal_text(g) for g in line.goals),
        "next_meeting": lambda: (
            f"Nästa möte {format_when(line.day, line.start)} ({MeetingKind.label_of(line.name)})"
        ),
        "meeting": lambda: (
            f"Möte {format_date_long(line.day, weekday=True)} ({MeetingKind.label_of(line.name)})"
        ),
        "notice_late": lambda: f"Kallelsen skulle ha skickats {day}",
        "notice_today": lambda: "Kallelsen ska skickas i dag",
        "notice_by": lambda: f"Kallelse senast {day}",
        "notice_sent": lambda: f"Kallelse skickad {day}",
        "notice_stale": lambda: "Kallelsen är inaktuell — skicka en uppdatering",
        "points_by": lambda: f"Punkter senast {day}",
        "points_waiting": lambda: (
            f"Punkter senast {day}; {line.number} "
            f"{'part' if line.number == 1 else 'parter'} har inte svarat: {line.name}"
        ),
        "guest_follow_up": lambda: f"Följ upp gästen {line.name} (senast {day})",
        "guest_unconfirmed": lambda: (
            f"Gästen {line.name} är inte bekräftad ({GuestStatus.label_of(line.who)})"
        ),
        "minutes_write": lambda: f"Skriv anteckningarna från {day} — på remiss senast {other}",
        "minutes_late": lambda: f"Anteckningarna från {day} skulle ha skickats på remiss {other}",
        "minutes_comments": lambda: (
            f"Anteckningarna från {day} är på remiss — synpunkter senast {other}"
        ),
        "minutes_finalise": lambda: (
            f"Anteckningarna från {day}: tiden för synpunkter har gått ut — fastställ "
            f"(senast {other})"
        ),
        "action_late": lambda: (
            f"Försenad åtgärd: {line.name} — {line.who or 'ingen ansvarig'}, skulle vara klar {day}"
        ),
        "actions_more": lambda: f"… och {line.number} försenade åtgärder till",
        "initiative_ending": lambda: f"Insatsen {line.name} slutar {day}",
    }
    return texts[line.what]()
