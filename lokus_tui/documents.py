"""A meeting's documents: writing them to files, keeping each version in the database,
and the two steps that turn minutes into a record (fastställ) and back (återöppna).

Shared by the CLI (`lokus export …`) and the meeting screen, so both write the
same files and record the same history. Fastställda minutes are always produced
from the text approved at fastställ, never re-rendered from data that may have
changed since (a renamed person, a moved next meeting, a closed action item).
"""

from dataclasses import replace
from functools import cache
from pathlib import Path

from db import clock
from db.vocabulary import DocumentKind
from exports.notice_files import FORMATS as NOTICE_FORMATS

MINUTES_FORMATS = ("md", "eml")
INVITATION_FORMATS = ("md", "eml")
# Word and PDF are drawn from the Markdown, which the history keeps with the e-mail
# (the PDF or Word file travels inside it): they are not kept a second time.
BINARY_FORMATS = ("pdf", "docx")


def attached_document(formats) -> str:
    """Which document the e-mail carries: Word when the user chose Word, else PDF."""
    return "docx" if "docx" in formats else "pdf"


class Rendered:
    """One file of an export: its name, its bytes and what the history keeps."""

    def __init__(
        self,
        filename: str,
        content: bytes | str,
        fmt: str,
        variant: str = "",
        sequence: int = 0,
        document: str = "",
    ):
        self.filename = filename
        self.content = content.encode("utf-8") if isinstance(content, str) else content
        self.fmt, self.variant, self.sequence, self.document = fmt, variant, sequence, document


def _render(what: str, make) -> list[Rendered]:
    try:
        return make()
    except Exception as exc:  # noqa: BLE001 - a document that cannot be made is one sentence
        from db.errors import LokusError

        raise LokusError(
            f"{what} kunde inte skapas ({type(exc).__name__}); inga filer skrevs."
        ) from exc


def write_export(database, meeting_id: int, folder: Path, files: list[Rendered]) -> list[Path]:
    """All or nothing: every file is written and every version recorded, or none is.

    A file that cannot be written removes the ones already written; history that
    cannot be recorded (a locked database, a full disk) removes the files too.
    A read-only database gets the files but no history (the caller says so)."""
    import contextlib

    from db.errors import LokusError
    from db.notice import record_exports
    from exports.files import write_new_file

    written: list[Path] = []
    try:
        for f in files:
            written.append(write_new_file(folder, f.filename, f.content))
        if not database.read_only:
            record_exports(
                database,
                meeting_id,
                [
                    (f.document, f.variant, f.sequence, f.fmt, f.content.decode("utf-8"))
                    for f in files
                    if f.fmt not in BINARY_FORMATS
                ],
            )
    except LokusError as exc:
        for path in written:
            with contextlib.suppress(OSError):
                path.unlink()
        raise LokusError(f"Exporten avbröts: {exc} Inga filer skrevs.") from exc
    return written


def export_notice(
    database, meeting_id: int, folder: Path, formats=NOTICE_FORMATS, mark_sent: bool = False
) -> list[Path]:
    """The kallelse in the chosen formats. ``mark_sent``: once every file is written,
    record it as sent today (as `k` in the TUI), so the next export after a change is
    an update. The meeting must not have changed since its files were made."""
    from db.meetings import get_meeting
    from db.notice import mark_notice_sent, notice_data
    from exports.notice import notice_filename
    from exports.notice_files import render_notice_files

    meeting = get_meeting(database, meeting_id)
    data = notice_data(database, meeting_id, meeting=meeting)
    if mark_sent and data.cancelled:
        from db.errors import LokusError

        raise LokusError(
            "Mötet är inställt; kallelsen kan inte markeras som skickad. "
            "Exportera utan --markera-skickad."
        )
    variant = "inställt" if data.cancelled else "uppdatering" if data.is_update else ""
    document = attached_document(formats)

    def make() -> list[Rendered]:
        contents = render_notice_files(data, formats, document)
        return [
            Rendered(
                notice_filename(data, fmt),
                contents[fmt],
                fmt,
                variant,
                data.sequence,
                DocumentKind.NOTICE,
            )
            for fmt in formats
        ]

    files = _render("Kallelsen", make)
    written = write_export(database, meeting_id, folder, files)
    if mark_sent:
        from db.errors import LokusError

        try:
            mark_notice_sent(database, meeting_id, meeting.version, clock.today())
        except LokusError as exc:
            raise LokusError(
                f"Filerna skrevs, men kallelsen markerades inte som skickad: {exc}"
            ) from exc
    return written


def export_invitation(
    database, meeting_id: int, guest, folder: Path, formats=INVITATION_FORMATS
) -> list[Path]:
    """The invitation to a guest who presents: Markdown, an e-mail draft, PDF/Word.
    Every file goes into the meeting's history under the guest's name (the
    Markdown and the e-mail as text; PDF and Word travel inside the e-mail)."""
    from db.notice import notice_data
    from exports.invitation import (
        invitation_document_file,
        invitation_eml,
        invitation_filename,
        invitation_markdown,
    )

    data = notice_data(database, meeting_id)
    document = attached_document(formats)

    def content(fmt: str) -> bytes | str:
        if fmt == "md":
            return invitation_markdown(data, guest)
        if fmt == "eml":
            return invitation_eml(data, guest, document=document)
        return invitation_document_file(data, guest, fmt)

    files = _render(
        "Inbjudan",
        lambda: [
            Rendered(
                invitation_filename(data, guest, fmt),
                content(fmt),
                fmt,
                guest.name,
                0,
                DocumentKind.INVITATION,
            )
            for fmt in formats
        ],
    )
    return write_export(database, meeting_id, folder, files)


def notice_document(database, meeting_id: int, meeting=None):
    """(the kallelse as Markdown now, when it was last exported if it reads differently
    now — None when it was never exported or is unchanged)."""
    from db.notice import last_export, notice_data
    from db.vocabulary import DocumentKind, MeetingStatus
    from exports.notice import notice_markdown

    data = notice_data(database, meeting_id, meeting=meeting)
    markdown = notice_markdown(data)
    status = meeting.status if meeting is not None else None
    if status not in (None, MeetingStatus.PLANNED, MeetingStatus.NOTICE_SENT):
        return markdown, None
    last = last_export(database, meeting_id, DocumentKind.NOTICE, "md")
    return markdown, (last[1] if last and last[0] != markdown else None)


def notice_changed_since_export(database, meeting):
    """When the kallelse was last exported, if it reads differently now (else None).
    Only for meetings still to be held, and only when something was exported."""
    from db.notice import last_export
    from db.vocabulary import DocumentKind, MeetingStatus

    if meeting.status not in (MeetingStatus.PLANNED, MeetingStatus.NOTICE_SENT):
        return None
    if last_export(database, meeting.id, DocumentKind.NOTICE, "md") is None:
        return None
    return notice_document(database, meeting.id, meeting)[1]


def invitations_changed_since_export(database, meeting_id: int, guests) -> set[int]:
    """The guests whose invitation reads differently now than the one last exported
    to them (the meeting's time or place changed, or their topic): they need a new one."""
    from db.notice import last_export, notice_data
    from exports.invitation import invitation_markdown

    exported = {
        g.id: last_export(database, meeting_id, DocumentKind.INVITATION, "md", g.name)
        for g in guests
    }
    if not any(exported.values()):
        return set()
    data = notice_data(database, meeting_id)
    return {
        g.id
        for g in guests
        if exported[g.id] is not None and exported[g.id][0] != invitation_markdown(data, g)
    }


def minutes_document(database, meeting_id: int):
    """(MinutesData, Markdown) as they stand: the approved text when fastställda."""
    from db.minutes import minutes_data
    from db.review import final_snapshot
    from exports.minutes import minutes_markdown

    data = minutes_data(database, meeting_id)
    snapshot = final_snapshot(database, meeting_id) if data.status == "final" else None
    return data, snapshot if snapshot is not None else minutes_markdown(data)


def export_minutes(database, meeting_id: int, folder: Path, formats=MINUTES_FORMATS) -> list[Path]:
    from exports.minutes import minutes_document_file, minutes_eml, minutes_filename

    data, markdown = minutes_document(database, meeting_id)
    variant = "fastställd" if data.status == "final" else "utkast"
    document = attached_document(formats)

    now = clock.utcnow()

    @cache
    def document_file(fmt: str) -> bytes:  # made once: the e-mail carries this very file
        return minutes_document_file(data, markdown, fmt, now)

    def content(fmt: str) -> bytes | str:
        if fmt == "md":
            return markdown
        if fmt == "eml":
            return minutes_eml(data, now, markdown, document, document_file(document))
        return document_file(fmt)

    def make():
        return [
            Rendered(
                minutes_filename(data, fmt),
                content(fmt),
                fmt,
                variant,
                0,
                DocumentKind.MINUTES,
            )
            for fmt in formats
        ]

    return write_export(database, meeting_id, folder, _render("Minnesanteckningarna", make))


def finalise_minutes(
    database, meeting_id: int, expected_version: int, early_ok: bool = False
) -> None:
    """Fastställ: render the minutes as approved today and keep that text as the record."""
    from db.minutes import minutes_data
    from db.review import finalise
    from exports.minutes import minutes_markdown

    today = clock.today()
    data = minutes_data(database, meeting_id)
    approved = replace(data, status="final", final_date=today, note_taker_name=data.note_taker_name)
    finalise(
        database,
        meeting_id,
        expected_version,
        minutes_markdown(approved),
        day=today,
        early_ok=early_ok,
    )
