"""Minnesanteckningar: the Markdown document and the e-mail draft for review."""

from datetime import datetime
from email.utils import formatdate, make_msgid

from db import clock
from db.records import MinutesData
from db.vocabulary import MembershipRole
from exports.mail import header_text, new_message, set_recipients
from exports.markdown import escape_block, escape_inline, table
from exports.notice import action_line, markdown_to_html
from exports.swedish import format_date_long, format_when


def minutes_filename(data: MinutesData, ext: str = "md") -> str:
    from exports.files import slug

    return f"minnesanteckningar-{slug(data.group_name)}-{data.meeting_date.isoformat()}.{ext}"


def is_draft(data: MinutesData) -> bool:
    return data.status != "final"


def status_line(data: MinutesData) -> str:
    if data.status == "final":
        return (
            f"Fastställda {format_date_long(data.final_date)}" if data.final_date else "Fastställda"
        )
    if data.status == "in_review" and data.comment_deadline:
        return f"Utkast — synpunkter senast {format_date_long(data.comment_deadline)}"
    return "Utkast — inte utskickat för synpunkter"


def minutes_subject(data: MinutesData) -> str:
    when = format_date_long(data.meeting_date)
    if is_draft(data):
        deadline = (
            f" – synpunkter senast {format_date_long(data.comment_deadline)}"
            if data.comment_deadline
            else ""
        )
        return f"Minnesanteckningar (utkast) {data.kind_label} {data.group_name} {when}{deadline}"
    return f"Fastställda minnesanteckningar {data.kind_label} {data.group_name} {when}"


def _attendance_table(data: MinutesData) -> str:
    parties: dict[str, dict[str, list[str]]] = {}
    for r in data.attendance:
        if r.is_guest:
            continue
        name = r.name + (" (ersättare)" if r.is_substitute else "")
        if r.role == MembershipRole.CHAIR:
            name += " (ordförande)"
        bucket = parties.setdefault(
            r.organisation_name or "Utan organisation", {"present": [], "absent": []}
        )
        if r.status == "present":
            bucket["present"].append(name)
        elif r.status in ("absent", "excused"):
            bucket["absent"].append(name + (" (anmält förhinder)" if r.status == "excused" else ""))
    rows = [
        [party, ", ".join(b["present"]) or "–", ", ".join(b["absent"]) or "–"]
        for party, b in sorted(parties.items())
    ]
    return table(["Part", "Närvarande", "Frånvarande"], rows)


def minutes_markdown(data: MinutesData) -> str:
    draft = is_draft(data)
    title = (
        f"Minnesanteckningar{' (UTKAST)' if draft else ''} – {escape_inline(data.kind_label)} "
        f"{escape_inline(data.group_name)}, {format_date_long(data.meeting_date)}"
    )
    out = [f"# {title}", "", f"**{status_line(data)}**", ""]
    facts = [("Tid", format_when(data.meeting_date, data.start_time, data.end_time))]
    if data.place:
        facts.append(("Plats", escape_inline(data.place)))
    facts.append(("Ordförande", escape_inline(data.chair_name) or "–"))
    facts.append(("Antecknare", escape_inline(data.note_taker_name) or "–"))
    out += [f"- **{label}:** {value}" for label, value in facts] + [""]
    out += ["## Närvaro", "", _attendance_table(data), ""]
    present_parties = sorted(
        {
            r.organisation_name
            for r in data.attendance
            if r.status == "present" and not r.is_guest and r.organisation_name
        }
    )
    if present_parties:
        out += ["Närvarande parter: " + escape_inline(", ".join(present_parties)) + ".", ""]
    guests = [r for r in data.attendance if r.is_guest and r.status in ("present", None)]
    if guests:
        out += [
            "Gäster: "
            + escape_inline(
                ", ".join(
                    f"{g.name} ({g.organisation_name})" if g.organisation_name else g.name
                    for g in guests
                )
            )
            + ".",
            "",
        ]
    for item in data.items:
        out += [f"## {item.number}. {escape_inline(item.title)}", ""]
        if item.notes.strip():
            out += [escape_block(item.notes), ""]
        if item.follow_ups:
            out += ["Åtgärder från tidigare möten:", ""]
            out += [action_line(a) for a in item.follow_ups] + [""]
        for decision in item.decisions:
            out += [f"**Beslut:** {escape_inline(decision)}", ""]
        if item.actions:
            out += ["**Åtgärder:**", ""]
            for a in item.actions:
                due = f", klart senast {a.due_date.isoformat()}" if a.due_date else ""
                out.append(
                    f"- {escape_inline(a.text)} (ansvarig: "
                    f"{escape_inline(a.owner or 'ej angiven')}{due})"
                )
            out.append("")
        if not (item.notes.strip() or item.decisions or item.actions or item.follow_ups):
            out += ["*Inga anteckningar.*", ""]
    out += ["## Sammanställning av åtgärder", ""]
    if data.actions:
        out += [
            table(
                ["Åtgärd", "Ansvarig", "Klart senast"],
                [
                    [a.text, a.owner or "ej angiven", a.due_date.isoformat() if a.due_date else "–"]
                    for a in data.actions
                ],
            ),
            "",
        ]
    else:
        out += ["*Inga nya åtgärder.*", ""]
    out += ["## Nästa möte", ""]
    if data.next_meeting:
        out.append(format_when(data.next_meeting, data.next_meeting_start))
    else:
        out.append("*Inte planerat ännu.*")
    out += ["", "---", "", f"*{status_line(data)}*"]
    return "\n".join(out).rstrip() + "\n"


def minutes_eml(
    data: MinutesData, now: datetime | None = None, markdown: str | None = None
) -> bytes:
    """The e-mail draft; ``markdown`` is the text to send when it is already fixed
    (fastställda minutes are sent exactly as they were approved)."""
    now = now or clock.utcnow()
    msg = new_message()
    msg["Subject"] = header_text(minutes_subject(data))
    if data.coordinator:
        set_recipients(msg, "From", [(data.coordinator.name, data.coordinator.email)])
    set_recipients(msg, "To", [(p.name, p.email) for p in data.participants])
    msg["Date"] = formatdate(now.timestamp())
    msg["Message-ID"] = make_msgid(domain="lokus.invalid")
    msg["X-Unsent"] = "1"
    markdown = markdown if markdown is not None else minutes_markdown(data)
    intro = ""
    if is_draft(data) and data.comment_deadline:
        intro = (
            f"Hej! Här är utkastet till minnesanteckningarna från mötet "
            f"{format_date_long(data.meeting_date)}. Skicka eventuella synpunkter senast "
            f"{format_date_long(data.comment_deadline)}.\n\n"
        )
    msg.set_content(intro + markdown)
    msg.add_alternative(markdown_to_html(intro + markdown, minutes_subject(data)), subtype="html")
    msg.add_attachment(
        markdown.encode("utf-8"),
        maintype="text",
        subtype="markdown",
        filename=minutes_filename(data),
    )
    return bytes(msg)
