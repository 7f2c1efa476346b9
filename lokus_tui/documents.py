"""A meeting's documents: writing them to files, keeping each version in the database,
and the two steps that turn minutes into a record (fastställ) and back (återöppna).

Shared by the CLI (`lokus export …`) and the meeting screen, so both write the
same files and record the same history. Fastställda minutes are always produced
from the text approved at fastställ, never re-rendered from data that may have
changed since (a renamed person, a moved next meeting, a closed action item).
"""

from dataclasses import replace
from pathlib import Path

from db import clock
from db.vocabulary import DocumentKind
from exports.notice_files import FORMATS as NOTICE_FORMATS

MINUTES_FORMATS = ("md", "eml")


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
                    (f.document, f.variant, f.sequence, f.fmt, f.content.decode("utf-8", "replace"))
                    for f in files
                ],
            )
    except LokusError as exc:
        for path in written:
            with contextlib.suppress(OSError):
                path.unlink()
        raise LokusError(f"Exporten avbröts: {exc} Inga filer skrevs.") from exc
    return written


def export_notice(database, meeting_id: int, folder: Path, formats=NOTICE_FORMATS) -> list[Path]:
    from db.notice import notice_data
    from exports.notice import notice_filename
    from exports.notice_files import render_notice

    data = notice_data(database, meeting_id)
    variant = "uppdatering" if data.is_update else ""
    files = _render(
        "Kallelsen",
        lambda: [
            Rendered(
                notice_filename(data, fmt),
                render_notice(data, fmt),
                fmt,
                variant,
                data.sequence,
                DocumentKind.NOTICE,
            )
            for fmt in formats
        ],
    )
    return write_export(database, meeting_id, folder, files)


def export_invitation(database, meeting_id: int, guest, folder: Path) -> list[Path]:
    """The invitation to a guest who presents: Markdown and an e-mail draft."""
    from db.notice import notice_data
    from exports.invitation import invitation_eml, invitation_filename, invitation_markdown

    data = notice_data(database, meeting_id)
    files = _render(
        "Inbjudan",
        lambda: [
            Rendered(
                invitation_filename(data, guest, "md"),
                invitation_markdown(data, guest),
                "md",
                guest.name,
                0,
                DocumentKind.INVITATION,
            ),
            Rendered(
                invitation_filename(data, guest, "eml"),
                invitation_eml(data, guest),
                "eml",
                guest.name,
                0,
                DocumentKind.INVITATION,
            ),
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


def minutes_document(database, meeting_id: int):
    """(MinutesData, Markdown) as they stand: the approved text when fastställda."""
    from db.minutes import minutes_data
    from db.review import final_snapshot
    from exports.minutes import minutes_markdown

    data = minutes_data(database, meeting_id)
    snapshot = final_snapshot(database, meeting_id) if data.status == "final" else None
    return data, snapshot if snapshot is not None else minutes_markdown(data)


def export_minutes(database, meeting_id: int, folder: Path, formats=MINUTES_FORMATS) -> list[Path]:
    from exports.minutes import minutes_eml, minutes_filename

    data, markdown = minutes_document(database, meeting_id)
    variant = "fastställd" if data.status == "final" else "utkast"

    def make():
        return [
            Rendered(
                minutes_filename(data, fmt),
                markdown if fmt == "md" else minutes_eml(data, markdown=markdown),
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
