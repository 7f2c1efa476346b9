"""The kallelse: Markdown document, iCalendar invitation and e-mail draft."""

from datetime import datetime
from email.utils import formatdate, make_msgid
from zoneinfo import ZoneInfo

from db import clock
from db.agenda_template import is_follow_up
from db.characters import printable
from db.records import NoticeData
from exports.mail import address, header_text, new_message, set_recipients
from exports.markdown import escape_block, escape_inline, table
from exports.swedish import format_date_long, format_time, format_when

STOCKHOLM = ZoneInfo("Europe/Stockholm")


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


def notice_markdown(data: NoticeData) -> str:
    what = data.kind_label
    title = f"Kallelse till {what} – {escape_inline(data.group_name)}"
    out = [f"# {title}", ""]
    if data.cancelled:
        out += ["**Mötet är inställt.**", ""]
    elif data.is_update:
        out += ["**Uppdaterad kallelse** – ersätter tidigare utskick.", ""]
    if data.title:
        out += [f"**{escape_inline(data.title)}**", ""]
    facts = [("När", format_when(data.meeting_date, data.start_time, data.end_time))]
    if place_text(data):
        facts.append(("Var", escape_inline(place_text(data))))
    if data.link:
        facts.append(("Digitalt", escape_inline(data.link)))
    if data.chair_name:
        facts.append(("Ordförande", escape_inline(data.chair_name)))
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
        or i.data.attachments
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
            files = [a.strip() for a in item.data.attachments.splitlines() if a.strip()]
            if files:
                out += ["**Bilagor:**", ""] + [f"- {escape_inline(f)}" for f in files] + [""]
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
    if c and c.email:
        out.append(
            f"Anmäl förhinder till {escape_inline(c.name)} ({escape_inline(c.email)}) "
            "så snart som möjligt, och skicka gärna en ersättare."
        )
    else:
        out.append(
            "Anmäl förhinder till samordnaren så snart som möjligt, och skicka gärna en ersättare."
        )
    out.append("")
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


def notice_plain_text(data: NoticeData) -> str:
    """A readable plain-text agenda (e-mail body, iCalendar DESCRIPTION)."""
    lines = [
        notice_subject(data),
        "",
        f"När: {format_when(data.meeting_date, data.start_time, data.end_time)}",
    ]
    if place_text(data):
        lines.append(f"Var: {place_text(data)}")
    if data.link:
        lines.append(f"Digitalt: {data.link}")
    if data.chair_name:
        lines.append(f"Ordförande: {data.chair_name}")
    lines += ["", "Dagordning:"]
    for n, item in enumerate(data.items, 1):
        when = f"{format_time(item.start)}–{format_time(item.end)} " if item.start else ""
        who = ", ".join(x for x in (item.presenter, *item.guests) if x)
        lines.append(f"{n}. {when}{item.title}" + (f" ({who})" if who else ""))
        for note in (item.data.prep_notes,):
            if note:
                lines.append(f"   Förberedelse: {' '.join(note.split())}")
    if data.coordinator and data.coordinator.email:
        lines += ["", f"Anmäl förhinder till {data.coordinator.name} ({data.coordinator.email})."]
    return "\n".join(printable(line) for line in lines) + "\n"


def _dt(data: NoticeData, t) -> datetime:
    return datetime.combine(data.meeting_date, t, tzinfo=STOCKHOLM)


def notice_ics(data: NoticeData, now: datetime | None = None) -> bytes:
    from icalendar import Calendar, Event, vCalAddress, vText

    now = now or clock.utcnow()
    cal = Calendar()
    cal.add("prodid", "-//lokus//kallelse//SV")
    cal.add("version", "2.0")
    cal.add("method", "CANCEL" if data.cancelled else "REQUEST")
    event = Event()
    event.add("uid", data.uid)
    event.add("sequence", data.sequence)
    event.add("dtstamp", now)
    event.add("summary", header_text(f"{data.kind_label} {data.group_name}"))
    if data.start_time:
        event.add("dtstart", _dt(data, data.start_time))
        end = data.end_time or data.start_time
        event.add("dtend", _dt(data, end))
    else:
        event.add("dtstart", data.meeting_date)
    location = header_text(place_text(data)) or ("Digitalt möte" if data.link else "")
    if location:
        event.add("location", location)
    link = "".join(printable(data.link).split())
    if link:
        event.add("url", link)
    event.add("description", notice_plain_text(data))
    event.add("status", "CANCELLED" if data.cancelled else "CONFIRMED")
    organizer_address = (
        address(data.coordinator.name, data.coordinator.email) if data.coordinator else None
    )
    if organizer_address is not None:
        organizer = vCalAddress(f"mailto:{organizer_address.addr_spec}")
        organizer.params["cn"] = vText(organizer_address.display_name)
        event.add("organizer", organizer)
    seen = set()
    for name, email in [(m.name, m.email) for m in data.members] + [
        (g.name, g.email) for g in data.guests
    ]:
        found = address(name, email)
        if found is None or found.addr_spec.lower() in seen:
            continue
        seen.add(found.addr_spec.lower())
        attendee = vCalAddress(f"mailto:{found.addr_spec}")
        attendee.params["cn"] = vText(found.display_name)
        attendee.params["role"] = vText("REQ-PARTICIPANT")
        attendee.params["partstat"] = vText("NEEDS-ACTION")
        attendee.params["rsvp"] = vText("TRUE")
        event.add("attendee", attendee, encode=False)
    if data.start_time:
        cal.add_component(_stockholm_vtimezone())
    cal.add_component(event)
    return cal.to_ical()


def _stockholm_vtimezone():
    """Europe/Stockholm with yearly rules, the form Outlook and Thunderbird expect."""
    from icalendar import Timezone, TimezoneDaylight, TimezoneStandard

    tz = Timezone()
    tz.add("tzid", "Europe/Stockholm")
    for cls, name, start, offset_from, offset_to, month in (
        (TimezoneDaylight, "CEST", datetime(1970, 3, 29, 2), "+0100", "+0200", 3),
        (TimezoneStandard, "CET", datetime(1970, 10, 25, 3), "+0200", "+0100", 10),
    ):
        part = cls()
        part.add("tzname", name)
        part.add("dtstart", start)
        part.add("tzoffsetfrom", _offset(offset_from))
        part.add("tzoffsetto", _offset(offset_to))
        part.add("rrule", {"freq": "yearly", "bymonth": month, "byday": "-1su"})
        tz.add_component(part)
    return tz


def _offset(text: str):
    from datetime import timedelta

    return timedelta(hours=int(text[1:3]) * (1 if text[0] == "+" else -1))


def markdown_to_html(markdown: str, title: str) -> str:
    from html import escape

    from markdown_it import MarkdownIt

    body = MarkdownIt("commonmark").enable("table").render(printable(markdown, multiline=True))
    return (
        f'<!DOCTYPE html>\n<html lang="sv"><head><meta charset="utf-8">'
        f"<title>{escape(header_text(title))}</title></head><body>\n{body}</body></html>\n"
    )


def notice_eml(data: NoticeData, now: datetime | None = None) -> bytes:
    now = now or clock.utcnow()
    msg = new_message()
    msg["Subject"] = header_text(notice_subject(data))
    if data.coordinator:
        set_recipients(msg, "From", [(data.coordinator.name, data.coordinator.email)])
    seen: set[str] = set()
    set_recipients(msg, "To", [(m.name, m.email) for m in data.members], seen)
    set_recipients(msg, "Cc", [(g.name, g.email) for g in data.guests], seen)
    msg["Date"] = formatdate(now.timestamp(), localtime=False)
    msg["Message-ID"] = make_msgid(domain="lokus.invalid")
    msg["X-Unsent"] = "1"  # Outlook opens it as a draft, ready to send
    markdown = notice_markdown(data)
    msg.set_content(markdown)
    msg.add_alternative(markdown_to_html(markdown, notice_subject(data)), subtype="html")
    msg.add_attachment(
        notice_ics(data, now),
        maintype="text",
        subtype="calendar",
        filename=notice_filename(data, "ics"),
        params={"method": "CANCEL" if data.cancelled else "REQUEST"},
    )
    return bytes(msg)
