"""The kallelse's files (shared by the UI and the CLI): Markdown, the calendar file,
the e-mail draft, Word and PDF — all made from the one Markdown text."""

from collections.abc import Sequence
from datetime import datetime
from functools import cache
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


def notice_eml(
    data: NoticeData,
    now: datetime | None = None,
    document: str = "pdf",
    attached: bytes | None = None,
) -> bytes:
    """The e-mail draft: the text, the meeting request inside, and the .ics and the
    kallelse as PDF (or Word, ``document="docx"``) attached; ``attached``: that
    document when it is already made (the file written beside the e-mail)."""
    now = now or clock.utcnow()
    ics = notice_ics(data, now)
    attachments = [Attachment(notice_filename(data, "ics"), ics)]
    if attached is None:
        attached = notice_document_file(data, document, now)
    attachments.append(Attachment(notice_filename(data, document), attached))
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


def render_notice_files(
    data: NoticeData, formats: Sequence[str], document: str = "pdf", now: datetime | None = None
) -> dict[str, bytes]:
    """Each chosen format's file, made at one moment. The Word or PDF file is made
    once: when the e-mail's document (``document``) is also chosen as a file, the
    e-mail carries that very file."""
    now = now or clock.utcnow()

    @cache
    def document_file(fmt: str) -> bytes:
        return notice_document_file(data, fmt, now)

    files = {}
    for fmt in formats:
        if fmt == "md":
            files[fmt] = notice_markdown(data).encode("utf-8")
        elif fmt == "ics":
            files[fmt] = notice_ics(data, now)
        elif fmt == "eml":
            files[fmt] = notice_eml(data, now, document, document_file(document))
        elif fmt in ("docx", "pdf"):
            files[fmt] = document_file(fmt)
        else:
            raise ValueError(fmt)
    return files


def write_notice(
    data: NoticeData, folder: Path, formats: Sequence[str] = FORMATS
) -> list[tuple[str, Path, bytes]]:
    """Returns (format, path, content) for every file written. The e-mail carries
    Word when Word is chosen, else PDF (as in the app)."""
    contents = render_notice_files(data, formats, "docx" if "docx" in formats else "pdf")
    return [
        (fmt, write_new_file(folder, notice_filename(data, fmt), contents[fmt]), contents[fmt])
        for fmt in formats
    ]
