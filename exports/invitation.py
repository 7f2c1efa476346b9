"""An invitation for a guest who will present: Markdown and e-mail draft."""

from datetime import datetime
from email.utils import formatdate, make_msgid

from db import clock
from db.records import GuestView, NoticeData
from exports.mail import header_text, new_message, set_recipients
from exports.markdown import escape_inline
from exports.notice import markdown_to_html
from exports.swedish import format_time, format_when


def invitation_filename(data: NoticeData, guest: GuestView, ext: str) -> str:
    from exports.files import slug

    return f"inbjudan-{slug(guest.name)}-{data.meeting_date.isoformat()}.{ext}"


def invitation_subject(data: NoticeData) -> str:
    return f"Inbjudan att presentera på {data.kind_label} {data.group_name}"


def invitation_markdown(data: NoticeData, guest: GuestView) -> str:
    item = next((i for i in data.items if i.id == guest.agenda_item_id), None)
    place = ", ".join(p for p in (data.room, data.address) if p)
    out = [
        f"# Inbjudan till {escape_inline(data.kind_label)} – {escape_inline(data.group_name)}",
        "",
        f"Hej {escape_inline(guest.name)}!",
        "",
        f"Lokusgruppen {escape_inline(data.group_name)} vill gärna att du presenterar "
        f"**{escape_inline(guest.topic)}** på vårt möte.",
        "",
        f"- **När:** {format_when(data.meeting_date, data.start_time, data.end_time)}",
    ]
    if item and item.start:
        out.append(
            f"- **Din punkt:** {format_time(item.start)}–{format_time(item.end)} "
            f"({item.data.minutes_allotted} minuter)"
        )
    if place:
        out.append(f"- **Var:** {escape_inline(place)}")
    if data.link:
        out.append(f"- **Digitalt:** {escape_inline(data.link)}")
    out += [
        "",
        "Lokusgruppen består av kommunen, Arbetsförmedlingen, Försäkringskassan och "
        "regionen. Hör gärna av dig om du har frågor eller vill skicka material i förväg.",
        "",
    ]
    c = data.coordinator
    if c:
        out += [
            "Vänliga hälsningar,",
            "",
            escape_inline(", ".join(x for x in (c.name, c.title, c.email, c.phone) if x)),
            "",
        ]
    return "\n".join(out)


def invitation_eml(data: NoticeData, guest: GuestView, now: datetime | None = None) -> bytes:
    now = now or clock.utcnow()
    msg = new_message()
    msg["Subject"] = header_text(invitation_subject(data))
    if data.coordinator:
        set_recipients(msg, "From", [(data.coordinator.name, data.coordinator.email)])
    set_recipients(msg, "To", [(guest.name, guest.email)])
    msg["Date"] = formatdate(now.timestamp())
    msg["Message-ID"] = make_msgid(domain="lokus.invalid")
    msg["X-Unsent"] = "1"
    markdown = invitation_markdown(data, guest)
    msg.set_content(markdown)
    msg.add_alternative(markdown_to_html(markdown, invitation_subject(data)), subtype="html")
    return bytes(msg)
