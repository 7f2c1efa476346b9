"""Writing a meeting's documents to files and keeping each version in the database.

Shared by the CLI (`lokus export …`) and the meeting screen, so both write the
same files and record the same history.
"""

from pathlib import Path

from exports.kallelse_files import FORMATS as KALLELSE_FORMATS

MINUTES_FORMATS = ("md", "eml")


def export_kallelse(database, meeting_id: int, folder: Path,
                    formats=KALLELSE_FORMATS) -> list[Path]:
    from db.notice import notice_data, record_export
    from exports.kallelse_files import write_notice

    data = notice_data(database, meeting_id)
    paths = []
    for fmt, path, content in write_notice(data, folder, formats):
        record_export(database, meeting_id, "kallelse", "uppdatering" if data.is_update else "",
                      data.sequence, fmt, content.decode("utf-8", "replace"))
        paths.append(path)
    return paths


def export_minutes(database, meeting_id: int, folder: Path,
                   formats=MINUTES_FORMATS) -> list[Path]:
    from db.minutes import minutes_data
    from db.notice import record_export
    from exports.files import write_new_file
    from exports.minutes import minutes_eml, minutes_filename, minutes_markdown

    data = minutes_data(database, meeting_id)
    variant = "fastställd" if data.status == "final" else "utkast"
    paths = []
    for fmt in formats:
        content = minutes_markdown(data) if fmt == "md" else minutes_eml(data)
        paths.append(write_new_file(folder, minutes_filename(data, fmt), content))
        record_export(database, meeting_id, "minnesanteckningar", variant, 0, fmt,
                      content if isinstance(content, str) else content.decode("utf-8", "replace"))
    return paths
