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
from exports.kallelse_files import FORMATS as KALLELSE_FORMATS

MINUTES_FORMATS = ("md", "eml")


def export_kallelse(database, meeting_id: int, folder: Path,
                    formats=KALLELSE_FORMATS) -> list[Path]:
    from db.notice import notice_data, record_export
    from exports.kallelse_files import write_notice

    data = notice_data(database, meeting_id)
    paths = []
    for fmt, path, content in write_notice(data, folder, formats):
        paths.append(path)
        if database.read_only:
            continue
        record_export(database, meeting_id, "kallelse", "uppdatering" if data.is_update else "",
                      data.sequence, fmt, content.decode("utf-8", "replace"))
    return paths


def minutes_document(database, meeting_id: int):
    """(MinutesData, Markdown) as they stand: the approved text when fastställda."""
    from db.minutes import final_snapshot, minutes_data
    from exports.minutes import minutes_markdown

    data = minutes_data(database, meeting_id)
    snapshot = final_snapshot(database, meeting_id) if data.status == "final" else None
    return data, snapshot if snapshot is not None else minutes_markdown(data)


def export_minutes(database, meeting_id: int, folder: Path,
                   formats=MINUTES_FORMATS) -> list[Path]:
    from db.notice import record_export
    from exports.files import write_new_file
    from exports.minutes import minutes_eml, minutes_filename

    data, markdown = minutes_document(database, meeting_id)
    variant = "fastställd" if data.status == "final" else "utkast"
    paths = []
    for fmt in formats:
        content = markdown if fmt == "md" else minutes_eml(data, markdown=markdown)
        paths.append(write_new_file(folder, minutes_filename(data, fmt), content))
        if database.read_only:
            continue
        record_export(database, meeting_id, "minnesanteckningar", variant, 0, fmt,
                      content if isinstance(content, str) else content.decode("utf-8", "replace"))
    return paths


def finalise_minutes(database, meeting_id: int, expected_version: int,
                     early_ok: bool = False) -> None:
    """Fastställ: render the minutes as approved today and keep that text as the record."""
    from db.minutes import finalise, minutes_data
    from exports.minutes import minutes_markdown

    today = clock.today()
    data = minutes_data(database, meeting_id)
    approved = replace(data, status="final", final_date=today,
                       note_taker_name=data.note_taker_name)
    finalise(database, meeting_id, expected_version, minutes_markdown(approved), day=today,
             early_ok=early_ok)


def reopen_minutes(database, meeting_id: int, reason: str, expected_version: int) -> None:
    from db.minutes import reopen_minutes as reopen

    reopen(database, meeting_id, reason, expected_version)
