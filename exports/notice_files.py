"""Write the kallelse files (shared by the UI and the CLI)."""

from pathlib import Path

from db.records import NoticeData
from exports.files import write_new_file
from exports.notice import notice_eml, notice_filename, notice_ics, notice_markdown

FORMATS = ("md", "ics", "eml")


def render_notice(data: NoticeData, fmt: str) -> bytes:
    if fmt == "md":
        return notice_markdown(data).encode("utf-8")
    if fmt == "ics":
        return notice_ics(data)
    if fmt == "eml":
        return notice_eml(data)
    raise ValueError(fmt)


def write_notice(data: NoticeData, folder: Path, formats=FORMATS) -> list[tuple[str, Path, bytes]]:
    """Returns (format, path, content) for every file written."""
    out = []
    for fmt in formats:
        content = render_notice(data, fmt)
        out.append((fmt, write_new_file(folder, notice_filename(data, fmt), content), content))
    return out
