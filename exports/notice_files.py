"""The kallelse's files (shared by the UI and the CLI): Markdown, the calendar file,
the e-mail draft, Word and PDF — all made from the one Markdown text."""

from datetime import datetime
from pathlib import Path

from db import clock
from db.records import NoticeData
from exports.files import write_new_file
from exports.mail import Attachment, Draft, draft_eml
from exports.notice import notice_filename, notice_header, notice_markdown, notice_subject
from exports.notice_calendar import notice_ics

FORMATS = (
    "md",
    "ics",
    "eml",
)  # what "alla" writes (the e-mail carries the PDF); pdf, docx when chosen
ALL_FORMATS = ("md", "ics", "eml", "pdf", "docx")


def notice_document_file(data: NoticeData, fmt: str, now: datetime | None = None) -> bytes:
    """The kallelse as Word (docx) or PDF."""
    now = now or clock.utcnow()
    markdown = notice_markdown(data)
    if fmt == "docx":
        from exports.word import docx_bytes

        return docx_bytes(markdown, notice_header(data), notice_subject(data), now)
    from exports.pdf import pdf_bytes

    return pdf_bytes(markdown, notice_header(data), notice_subject(data), now)


def notice_eml(data: NoticeData, now: datetime | None = None, document: str = "pdf") -> bytes:
    """The e-mail draft: the text, the meeting request inside, and the .ics and the
    kallelse as PDF (or Word, ``document="docx"``) attached."""
    now = now or clock.utcnow()
    ics = notice_ics(data, now)
    attachments = [Attachment(notice_filename(data, "ics"), ics)]
    attachments.append(
        Attachment(notice_filename(data, document), notice_document_file(data, document, now))
    )
    draft = Draft(
        subject=notice_subject(data),
        sender=((data.coordinator.name, data.coordinator.email),) if data.coordinator else (),
        to=tuple((m.name, m.email) for m in data.members),
        cc=tuple((g.name, g.email) for g in data.guests),
        markdown=notice_markdown(data),
        calendar=ics,
        method="CANCEL" if data.cancelled else "REQUEST",
        attachments=tuple(attachments),
    )
    return draft_eml(draft, now)


def render_notice(data: NoticeData, fmt: str, document: str = "pdf") -> bytes:
    if fmt == "md":
        return notice_markdown(data).encode("utf-8")
    if fmt == "ics":
        return notice_ics(data)
    if fmt == "eml":
        return notice_eml(data, document=document)
    if fmt in ("docx", "pdf"):
        return notice_document_file(data, fmt)
    raise ValueError(fmt)


def write_notice(data: NoticeData, folder: Path, formats=FORMATS) -> list[tuple[str, Path, bytes]]:
    """Returns (format, path, content) for every file written."""
    out = []
    for fmt in formats:
        content = render_notice(data, fmt)
        out.append((fmt, write_new_file(folder, notice_filename(data, fmt), content), content))
    return out
