"""Minnesanteckningar: the Markdown document and the e-mail draft for review."""

from datetime import datetime

from db import clock
from db.records import MinutesData
from db.vocabulary import MembershipRole
from exports.mail import Attachment, Draft, draft_eml, header_text
from exports.markdown import escape_block, escape_inline, table
from exports.notice import action_line
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


def minutes_header(data: MinutesData) -> str:
    """The line at the top of every page of the Word and PDF files."""
    what = "Minnesanteckningar" + (" (UTKAST)" if is_draft(data) else "")
    return f"{header_text(data.group_name)} · {what} · {format_date_long(data.meeting_date)}"


def _stands_in_for(data: MinutesData) -> dict[int, str]:
    """Whom each ersättare stood in for: the one member of the same party who was
    away (attendance does not record it; with two or more away it stays unsaid)."""
    away: dict[int | None, list[str]] = {}
    for r in data.attendance:
        if not r.is_guest and not r.is_substitute and r.status in ("absent", "excused"):
            away.setdefault(r.organisation_id, []).append(r.name)
    return {
        r.person_id: away[r.organisation_id][0]
        for r in data.attendance
        if r.is_substitute
        and r.organisation_id is not None
        and len(away.get(r.organisation_id, [])) == 1
    }


def _attendance_table(data: MinutesData) -> str:
    parties: dict[str, dict[str, list[str]]] = {}
    stands_in = _stands_in_for(data)
    for r in data.attendance:
        if r.is_guest:
            continue
        name = r.name
        if r.is_substitute:
            replaced = stands_in.get(r.person_id)
            name += f" (ersättare för {replaced})" if replaced else " (ersättare)"
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


def _is_next_meeting(title: str) -> bool:
    return " ".join(title.casefold().split()).startswith("nästa möte")


def _next_meeting_text(data: MinutesData) -> str:
    if data.next_meeting:
        return format_when(data.next_meeting, data.next_meeting_start)
    return "*Inte planerat ännu.*"


def closing_block(data: MinutesData) -> list[str]:
    """'Vid anteckningarna: NN' and 'Justeras: NN, ordförande', each with a date line."""
    signed = format_date_long(data.final_date) if data.final_date and not is_draft(data) else ""
    line = signed or "\\_" * 24
    note_taker = escape_inline(data.note_taker_name) or "\\_" * 24
    chair = escape_inline(data.chair_name) or "\\_" * 24
    return [
        f"Vid anteckningarna: {note_taker}\\",
        f"Datum: {line}",
        "",
        f"Justeras: {chair}, ordförande\\",
        f"Datum: {line}",
        "",
    ]


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
    next_item = any(_is_next_meeting(item.title) for item in data.items)
    for item in data.items:
        out += [f"## {item.number}. {escape_inline(item.title)}", ""]
        if _is_next_meeting(item.title):
            out += [f"**Nästa möte:** {_next_meeting_text(data)}", ""]
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
        if not (
            item.notes.strip()
            or item.decisions
            or item.actions
            or item.follow_ups
            or _is_next_meeting(item.title)
        ):
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
    if not next_item:  # the agenda has no point of its own for it
        out += ["## Nästa möte", "", _next_meeting_text(data), ""]
    out += ["---", ""] + closing_block(data) + [f"*{status_line(data)}*"]
    return "\n".join(out).rstrip() + "\n"


def minutes_document_file(
    data: MinutesData, markdown: str, fmt: str, now: datetime | None = None
) -> bytes:
    """The minutes as Word (docx) or PDF, from their Markdown (for fastställda
    minutes the text approved that day)."""
    now = now or clock.utcnow()
    if fmt == "docx":
        from exports.word import docx_bytes

        return docx_bytes(markdown, minutes_header(data), minutes_subject(data), now)
    from exports.pdf import pdf_bytes

    return pdf_bytes(markdown, minutes_header(data), minutes_subject(data), now)


def minutes_eml(
    data: MinutesData,
    now: datetime | None = None,
    markdown: str | None = None,
    document: str = "pdf",
    attached: bytes | None = None,
) -> bytes:
    """The e-mail draft with the minutes as PDF (or Word) attached; ``markdown`` is
    the text to send when it is already fixed (fastställda minutes are sent exactly
    as they were approved); ``attached``: the document when it is already made."""
    now = now or clock.utcnow()
    markdown = markdown if markdown is not None else minutes_markdown(data)
    intro = ""
    if is_draft(data) and data.comment_deadline:
        intro = (
            f"Hej! Här är utkastet till minnesanteckningarna från mötet "
            f"{format_date_long(data.meeting_date)}. Skicka eventuella synpunkter senast "
            f"{format_date_long(data.comment_deadline)}.\n\n"
        )
    draft = Draft(
        subject=minutes_subject(data),
        sender=((data.coordinator.name, data.coordinator.email),) if data.coordinator else (),
        to=tuple((p.name, p.email) for p in data.participants),
        markdown=intro + markdown,
        attachments=(
            Attachment(
                minutes_filename(data, document),
                attached
                if attached is not None
                else minutes_document_file(data, markdown, document, now),
            ),
        ),
    )
    return draft_eml(draft, now)
