"""Uppföljning as Markdown: the year's (or a period's) follow-up of one or every
lokusgrupp, for the board and the förbund's verksamhetsberättelse. Pure: plain
records in, CommonMark (GFM tables) out; user text escaped."""

from datetime import time

from db.records.follow_up import FollowUp, FollowUpMeeting, GroupFollowUp
from db.vocabulary import (
    GuestStatus,
    InitiativeStatus,
    MeetingKind,
    MeetingStatus,
    MinutesStatus,
    ScanningKind,
)
from exports.markdown import escape_inline, table
from exports.overview_text import goal_text
from exports.swedish import format_amount, format_date_long, format_period

# Short headers (with a key under the table) so that eight columns fit an A4 page
# in Word and PDF without breaking "Arbetsförmedlingen" inside the word.
SUS_KINDS = (
    ("employment_service", "Af"),
    ("social_insurance", "FK"),
    ("municipality", "Kommun"),
    ("region", "Region"),
)


def hours(start: time | None, end: time | None) -> float | None:
    if start is None or end is None:
        return None
    return ((end.hour * 60 + end.minute) - (start.hour * 60 + start.minute)) / 60


def format_hours(value: float | None) -> str:
    """2.5 -> '2,5'; unknown -> '–'."""
    return "–" if value is None else f"{value:.1f}".replace(".", ",")


def percent(part: int, whole: int) -> str:
    return "–" if whole == 0 else f"{round(100 * part / whole)} %"


def sus_counts(m: FollowUpMeeting) -> list[int]:
    """Participants per organisation type (members present, substitutes, and guests
    as övriga): Arbetsförmedlingen, Försäkringskassan, kommun, region, övriga."""
    kinds = [k for k, _label in SUS_KINDS]
    counts = [0] * (len(kinds) + 1)
    for p in m.parties:
        there = p.present + p.substitutes
        counts[kinds.index(p.kind) if p.kind in kinds else len(kinds)] += there
    counts[-1] += m.guests_present
    return counts


def report_title(report: FollowUp, group_name: str | None) -> str:
    whole_year = (report.start.month, report.start.day, report.end.month, report.end.day) == (
        1, 1, 12, 31,
    ) and report.start.year == report.end.year  # fmt: skip
    when = str(report.year) if whole_year else format_period(report.start, report.end)
    return f"Uppföljning {when} — {group_name or 'alla lokusgrupper'}"


def follow_up_markdown(report: FollowUp, group_name: str | None = None) -> str:
    """The whole report; ``group_name`` when it is about one group."""
    parts = [
        f"# {escape_inline(report_title(report, group_name))}",
        f"Period: {format_date_long(report.start)} – {format_date_long(report.end)}. "
        f"Framtagen {format_date_long(report.made)}.",
    ]
    if not report.groups:
        parts.append("Inga lokusgrupper.")
    if len(report.groups) > 1:
        parts += ["## Sammanfattning", _summary(report)]
    for group in report.groups:
        parts += _group(group, report, heading=len(report.groups) > 1)
    return "\n\n".join(parts) + "\n"


def _summary(report: FollowUp) -> str:
    rows = []
    for g in report.groups:
        lokus, competence = g.goals[0], g.goals[1]
        rows.append(
            [
                g.name,
                f"{lokus.held} av {lokus.target}",
                f"{competence.held} av {competence.target}",
                str(len(g.final_days)),
                str(g.actions_overdue),
            ]
        )
    return table(
        [
            "Lokusgrupp",
            "LOKUS-möten",
            "Kompetenshöjande",
            "Fastställda anteckningar",
            "Försenade åtgärder",
        ],
        rows,
    )


def _group(g: GroupFollowUp, report: FollowUp, heading: bool) -> list[str]:
    h = "###" if heading else "##"
    out = [f"## {escape_inline(g.name)}"] if heading else []
    out += [f"{h} Mål", "\n".join(f"- {goal_text(goal)}" for goal in g.goals)]
    out.append(f"{h} Möten")
    if g.meetings:
        out.append(
            table(
                ["Datum", "Typ", "Timmar", "Status", "Anteckningar"],
                [
                    [
                        format_date_long(m.day),
                        MeetingKind.label_of(m.kind),
                        format_hours(hours(m.start, m.end)),
                        MeetingStatus.label_of(m.status),
                        MinutesStatus.label_of(m.minutes_status) if m.minutes_status else "–",
                    ]
                    for m in g.meetings
                ],
            )
        )
        out += [f"{h} Närvaro per möte och part", _attendance(g)]
    else:
        out.append("Inga möten under perioden.")
    out.append(f"{h} Närvaro per part under perioden")
    if g.rates:
        out.append(
            table(
                ["Part", "Möten med närvaro", "Genomförda möten", "Andel"],
                [
                    [
                        r.organisation or "utan organisation",
                        str(r.attended),
                        str(r.held),
                        percent(r.attended, r.held),
                    ]
                    for r in g.rates
                ],
            )
        )
    else:
        out.append("Ingen närvaro registrerad.")
    days = g.final_days
    out += [
        f"{h} Minnesanteckningar",
        f"- Fastställda: {len(days)} av {len(g.held)} genomförda möten\n"
        + (
            f"- Dagar från möte till fastställda: {', '.join(map(str, days))} "
            f"(i snitt {round(sum(days) / len(days))})"
            if days
            else "- Dagar från möte till fastställda: –"
        ),
        f"{h} Åtgärder",
        f"- Klara {g.actions_done}, öppna {g.actions_open} (varav försenade "
        f"{g.actions_overdue}), strukna {g.actions_dropped}",
    ]
    out.append(f"{h} Gäster")
    out.append(
        table(
            ["Datum", "Gäst", "Ämne", "Status"],
            [
                [format_date_long(x.day), x.name, x.topic, GuestStatus.label_of(x.status)]
                for x in g.guests
            ],
        )
        if g.guests
        else "Inga gäster."
    )
    out.append(f"{h} Omvärld och studiebesök")
    out.append(
        table(
            ["Datum", "Typ", "Rubrik", "Organisation"],
            [
                [format_date_long(s.day), ScanningKind.label_of(s.kind), s.title, s.organisation]
                for s in g.scanning
            ],
        )
        if g.scanning
        else "Inget antecknat."
    )
    out += [f"{h} Insatser", *_initiatives(g)]
    out += [f"{h} Underlag för SUS och verksamhetsberättelse", _sus(g)]
    return out


def _attendance(g: GroupFollowUp) -> str:
    rows = [
        [
            format_date_long(m.day),
            p.organisation or "utan organisation",
            str(p.present),
            str(p.excused),
            str(p.absent),
            str(p.substitutes),
        ]
        for m in g.meetings
        for p in m.parties
    ]
    if not rows:
        return "Ingen närvaro registrerad."
    return table(
        ["Datum", "Part", "Närvarande", "Anmält förhinder", "Frånvarande", "Ersättare"], rows
    )


def _initiatives(g: GroupFollowUp) -> list[str]:
    if not g.initiatives:
        return ["Inga insatser."]
    out = [
        table(
            ["Insats", "Status", "Period", "Beviljat totalt"],
            [
                [
                    i.name,
                    InitiativeStatus.label_of(i.status),
                    format_period(i.start, i.end),
                    format_amount(sum(d.amount for d in i.decisions)),
                ]
                for i in g.initiatives
            ],
        )
    ]
    decisions = [
        [
            i.name,
            d.reference or "–",
            format_date_long(d.decision_date) or "–",
            format_period(d.start, d.end),
            format_amount(d.amount),
        ]
        for i in g.initiatives
        for d in i.decisions
    ]
    if decisions:
        out += [
            "Beviljat per beslut:",
            table(["Insats", "Dnr", "Beslutsdatum", "Period", "Belopp"], decisions),
        ]
    years = [
        [i.name, str(year), format_amount(amount)]
        for i in g.initiatives
        for year, amount in i.per_year
    ]
    if years:
        out += ["Från förbundet per år:", table(["Insats", "År", "Belopp"], years)]
    return out


def _sus(g: GroupFollowUp) -> str:
    held = g.held
    if not held:
        return "Inga genomförda aktiviteter under perioden."
    rows = []
    for m in held:
        counts = sus_counts(m)
        rows.append(
            [
                format_date_long(m.day),
                MeetingKind.label_of(m.kind),
                format_hours(hours(m.start, m.end)),
            ]
            + [str(c) for c in counts]
        )
    return "\n\n".join(
        [
            table(
                ["Datum", "Aktivitet", "Timmar", *(label for _k, label in SUS_KINDS), "Övriga"],
                rows,
            ),
            "Antal deltagare per organisationstyp. Af = Arbetsförmedlingen, "
            "FK = Försäkringskassan; gäster räknas som övriga.",
        ]
    )
