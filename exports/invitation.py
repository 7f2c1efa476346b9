"""An invitation for a guest who will present: Markdown and e-mail draft."""

from datetime import datetime

from db import clock
from db.records import GuestView, NoticeData
from exports.mail import Attachment, Draft, draft_eml, header_text
from exports.markdown import email_link, escape_inline, link
from exports.swedish import format_date_long, format_time, format_when


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
        out.append(f"- **Digitalt:** {link(data.link)}")
    out += [
        "",
        "Lokusgruppen består av kommunen, Arbetsförmedlingen, Försäkringskassan och "
        "regionen. Hör gärna av dig om du har frågor eller vill skicka material i förväg.",
        "",
    ]
    c = data.coordinator
    if c:
        lines = [escape_inline(", ".join(x for x in (c.name, c.title) if x))]
        if c.email:
            lines.append(f"E-post: {email_link(c.email)}")
        if c.phone:
            lines.append(f"Telefon: {escape_inline(c.phone)}")
        out += ["Vänliga hälsningar,", "", "\\\n".join(lines), ""]
    return "\n".join(out).rstrip() + "\n"


def invitation_header(data: NoticeData) -> str:
    return (
        f"{header_text(data.group_name)} · Inbjudan att presentera · "
        f"{format_date_long(data.meeting_date)}"
    )


def invitation_document_file(
    data: NoticeData, guest: GuestView, fmt: str, now: datetime | None = None
) -> bytes:
    now = now or clock.utcnow()
    markdown = invitation_markdown(data, guest)
    if fmt == "docx":
        from exports.word import docx_bytes

        return docx_bytes(markdown, invitation_header(data), invitation_subject(data), now)
    from exports.pdf import pdf_bytes

    return pdf_bytes(markdown, invitation_header(data), invitation_subject(data), now)


def invitation_eml(
    data: NoticeData, guest: GuestView, now: datetime | None = None, document: str = "pdf"
) -> bytes:
    now = now or clock.utcnow()
    draft = Draft(
        subject=invitation_subject(data),
        sender=((data.coordinator.name, data.coordinator.email),) if data.coordinator else (),
        to=((guest.name, guest.email),),
        markdown=invitation_markdown(data, guest),
        attachments=(
            Attachment(
                invitation_filename(data, guest, document),
                invitation_document_file(data, guest, document, now),
            ),
        ),
    )
    return draft_eml(draft, now)
