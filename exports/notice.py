"""The kallelse as Markdown, the one source of its text (the calendar file, the
e-mail, the Word and PDF files are made from it: exports/notice_files.py)."""

from datetime import datetime, time, timedelta

from db.agenda_template import is_follow_up
from db.characters import printable
from db.records import NoticeData
from exports.mail import header_text
from exports.markdown import email_link, escape_block, escape_inline, link, table
from exports.swedish import format_date_long, format_time, format_when


def notice_filename(data: NoticeData, ext: str) -> str:
    from exports.files import slug

    return f"kallelse-{slug(data.group_name)}-{data.meeting_date.isoformat()}.{ext}"


def notice_subject(data: NoticeData) -> str:
    what = "LOKUS-möte" if data.kind_label == "LOKUS-möte" else data.kind_label
    prefix = (
        "Inställt: " if data.cancelled else "Uppdaterad kallelse" if data.is_update else "Kallelse"
    )
    if data.cancelled:
        return f"Inställt: {what} {data.group_name} {format_date_long(data.meeting_date)}"
    return f"{prefix} till {what} {data.group_name} {format_date_long(data.meeting_date)}"


def place_text(data: NoticeData) -> str:
    return ", ".join(p for p in (data.room, data.address) if p)


def notice_header(data: NoticeData) -> str:
    """The line at the top of every page of the Word and PDF files."""
    what = "Inställt möte" if data.cancelled else "Kallelse"
    return f"{header_text(data.group_name)} · {what} · {format_date_long(data.meeting_date)}"


def _span(start, end) -> str:
    if start is None:
        return ""
    return f"{format_time(start)}–{format_time(end)}" if end else format_time(start)


def calendar_location(data: NoticeData) -> str:
    return header_text(place_text(data)) or ("Digitalt möte" if data.link else "")


def calendar_end(data: NoticeData) -> time | None:
    """The end in the calendar: the meeting's end, else the group's usual meeting
    length from the start, or the end of the agenda if that is later (never a
    zero-length event)."""
    if data.start_time is None:
        return None
    if data.end_time:
        return data.end_time
    start = datetime.combine(data.meeting_date, data.start_time)
    end = start + timedelta(minutes=data.usual_minutes)
    agenda_ends = [datetime.combine(data.meeting_date, i.end) for i in data.items if i.end]
    end = max([end, *(e for e in agenda_ends if e > start)])
    return end.time() if end.date() == data.meeting_date else time(23, 59)


def changes_lines(data: NoticeData) -> list[str]:
    """What an updated kallelse changed, in the words of a person who reads it:
    'Ny tid: 09.00–11.00 (tidigare 13.00–15.00)'."""
    before = data.previous
    if before is None:
        return []
    out = []
    if before.meeting_date != data.meeting_date:
        out.append(
            f"Nytt datum: {format_date_long(data.meeting_date, weekday=True)} "
            f"(tidigare {format_date_long(before.meeting_date, weekday=True)})"
        )
    now_span = _span(data.start_time, calendar_end(data))
    before_span = _span(before.start_time, before.end_time)
    if now_span != before_span and (now_span or before_span):
        out.append(f"Ny tid: {now_span or 'ingen angiven'} (tidigare {before_span or 'ingen'})")
    place = calendar_location(data)
    if place != before.place:
        out.append(
            f"Ny plats: {escape_inline(place) or 'ingen angiven'} "
            f"(tidigare {escape_inline(before.place) or 'ingen'})"
        )
    link_now = "".join(printable(data.link).split())
    if link_now != before.link:
        out.append(f"Ny länk till det digitala mötet: {link(link_now) or 'ingen'}")
    if not out:
        out.append("Dagordningen eller uppgifter om punkterna har ändrats.")
    # "*" items: a list of their own, never run together with the "-" facts below
    return ["Ändrat sedan förra kallelsen:", ""] + [f"* {line}" for line in out]


def _contact(data: NoticeData) -> list[str]:
    c = data.coordinator
    if not c:
        return []
    out = ["## Kontakt", ""]
    who = ", ".join(x for x in (c.name, c.title) if x)
    lines = [f"Samordnare: {escape_inline(who)}"]
    if c.email:
        lines.append(f"E-post: {email_link(c.email)}")
    if c.phone:
        lines.append(f"Telefon: {escape_inline(c.phone)}")
    return out + ["\\\n".join(lines), ""]


def _attachment_lines(data: NoticeData) -> list[str]:
    out = []
    if data.previous_minutes:
        out.append(f"- Minnesanteckningar från mötet {format_date_long(data.previous_minutes)}")
    for n, item in enumerate(data.items, 1):
        for name in (a.strip() for a in item.data.attachments.splitlines()):
            if name:
                out.append(f"- {link(name)} (punkt {n})")
    return out


def cancellation_markdown(data: NoticeData) -> str:
    """A cancellation is its own document: what is cancelled and why; no agenda."""
    what = data.kind_label
    when = format_when(data.meeting_date, data.start_time, data.end_time)
    out = [
        f"# Inställt: {escape_inline(what)} – {escape_inline(data.group_name)}, "
        f"{format_date_long(data.meeting_date)}",
        "",
        f"Mötet {when} är inställt.",
        "",
    ]
    if data.title:
        out += [f"Mötet gällde: {escape_inline(data.title)}", ""]
    reason = " ".join(printable(data.cancelled_reason).split())
    if reason:
        out += [f"**Orsak:** {escape_inline(reason)}", ""]
    out += [
        "Kalenderbokningen tas bort när du öppnar kalenderfilen i e-postmeddelandet. "
        "Besked om ny tid kommer i en ny kallelse.",
        "",
    ]
    out += _contact(data)
    return "\n".join(out).rstrip() + "\n"


def notice_markdown(data: NoticeData) -> str:
    if data.cancelled:
        return cancellation_markdown(data)
    what = data.kind_label
    title = f"Kallelse till {what} – {escape_inline(data.group_name)}"
    out = [f"# {title}", ""]
    if data.is_update:
        out += ["**Uppdaterad kallelse** – ersätter tidigare utskick.", ""]
        changes = changes_lines(data)
        if changes:
            out += changes + [""]
    if data.title:
        out += [f"**{escape_inline(data.title)}**", ""]
    facts = [("När", format_when(data.meeting_date, data.start_time, data.end_time))]
    if place_text(data):
        facts.append(("Var", escape_inline(place_text(data))))
    if data.link:
        facts.append(("Digitalt", link(data.link)))
    if data.chair_name:
        facts.append(("Ordförande", escape_inline(data.chair_name)))
    if data.reply_by:
        facts.append(("Anmäl förhinder senast", format_date_long(data.reply_by, weekday=True)))
    if data.points_deadline:
        facts.append(
            (
                "Punkter till dagordningen senast",
                format_date_long(data.points_deadline, weekday=True),
            )
        )
    out += [f"- **{label}:** {value}" for label, value in facts] + [""]
    out += ["## Dagordning", ""]
    if data.items:
        rows = []
        for n, item in enumerate(data.items, 1):
            when = (
                f"{format_time(item.start)}–{format_time(item.end)}"
                if item.start
                else f"{item.data.minutes_allotted} min"
            )
            who = ", ".join(x for x in (item.presenter, *item.guests) if x)
            rows.append([str(n), when, item.title, who])
        out += [table(["Nr", "Tid", "Punkt", "Föredragande"], rows), ""]
    else:
        out += ["*Dagordningen är inte klar.*", ""]
    details = [
        (n, i)
        for n, i in enumerate(data.items, 1)
        if i.data.description
        or i.data.prep_notes
        or i.initiative_name
        or (is_follow_up(i.title) and data.follow_ups)
    ]
    if details:
        out += ["## Inför punkterna", ""]
        for n, item in details:
            out += [f"### {n}. {escape_inline(item.title)}", ""]
            if item.data.description:
                out += [escape_block(item.data.description), ""]
            if is_follow_up(item.title) and data.follow_ups:
                out += [action_line(a) for a in data.follow_ups] + [""]
            if item.initiative_name:
                out += [f"Insats: {escape_inline(item.initiative_name)}", ""]
            if item.data.prep_notes:
                out += ["**Förberedelse:**", "", escape_block(item.data.prep_notes), ""]
    attachments = _attachment_lines(data)
    if attachments:
        out += ["## Bilagor", ""] + attachments + [""]
    if data.guests:
        out += ["## Gäster", ""]
        for g in data.guests:
            who = ", ".join(x for x in (g.name, g.organisation) if x)
            line = escape_inline(who)
            if g.topic:
                line += f" – {escape_inline(g.topic)}"
            out.append(f"- {line}")
        out.append("")
    out += ["## Anmäl förhinder", ""]
    c = data.coordinator
    by = f" senast {format_date_long(data.reply_by, weekday=True)}" if data.reply_by else ""
    if c and c.email:
        out.append(
            f"Anmäl förhinder{by} till {escape_inline(c.name)} ({email_link(c.email)}), "
            "och skicka gärna en ersättare."
        )
    else:
        out.append(f"Anmäl förhinder{by} till samordnaren, och skicka gärna en ersättare.")
    out.append("")
    out += _contact(data)
    if c:
        signature = ", ".join(x for x in (c.name, c.title) if x)
        out += ["Välkomna!", "", escape_inline(signature), ""]
    return "\n".join(out).rstrip() + "\n"


def action_line(a) -> str:
    """'- Skicka presentationen (Anna A, senast 2027-01-15; från mötet 2026-11-17)'."""
    parts = [a.owner or "ansvarig saknas"]
    if a.due_date:
        parts.append(f"senast {a.due_date.isoformat()}")
    parts.append(f"från mötet {a.meeting_date.isoformat()}")
    status = "" if a.status == "open" else f" – {a.status_label}"
    return f"- {escape_inline(a.text)} ({escape_inline(', '.join(parts))}){status}"
