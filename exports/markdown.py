"""Escaping user text for CommonMark with GFM tables.

Whatever a person typed must come out as literal text: it may not open a
heading, list, quote, code block, link, HTML, emphasis, or break a table.
"""

import re

from db.characters import printable

# Every character that can start or end inline markup, plus & (entities) and
# | (GFM table cells). Escaping ASCII punctuation with a backslash is always
# allowed in CommonMark.
_INLINE = re.compile(r"([\\`*\[\]<>&|~!#])")
# An underscore between two letters or digits can neither open nor close emphasis
# (CommonMark's flanking rules): it stays as typed, so "anna_b@x.se" and
# "Rapport_Q3" read the same in every renderer; any other underscore is escaped.
_UNDERSCORE = re.compile(r"(?<![^\W_])_|_(?![^\W_])")
# Characters that start a block construct at the beginning of a line.
_BLOCK_START = re.compile(r"^(\s*)([-+=>]|\d+[.)])")


def _escape_chars(text: str) -> str:
    text = " ".join(printable(text or "").split())  # newlines and runs of blanks -> one space
    return _UNDERSCORE.sub(r"\\_", _INLINE.sub(r"\\\1", text))


def escape_inline(text: str) -> str:
    """One line of user text, safe inside a paragraph, heading or list item."""
    return _escape_line_start(_escape_chars(text))


def _escape_line_start(line: str) -> str:
    m = _BLOCK_START.match(line)
    if not m:
        return line
    marker = m.group(2)
    if marker[0].isdigit():
        return line[: m.end() - 1] + "\\" + line[m.end() - 1 :]
    return line[: m.start(2)] + "\\" + line[m.start(2) :]


def escape_cell(text: str) -> str:
    """User text inside a GFM table cell (pipes escaped, newlines flattened)."""
    escaped = _escape_chars(text)  # a cell holds inline content only: no block markers
    return escaped if escaped.strip() else " "


def escape_block(text: str) -> str:
    """Multi-line user text as paragraphs; line breaks kept as hard breaks."""
    paragraphs = re.split(r"\n\s*\n", printable(text or "", multiline=True).strip())
    out = []
    for para in paragraphs:
        lines = [escape_inline(line) for line in para.split("\n") if line.strip()]
        if lines:
            out.append("\\\n".join(lines))
    return "\n\n".join(out)


# What may stand inside an autolink <…>: no blanks, no < or >, no control characters
# (CommonMark), and nothing a renderer would read as the link's end.
_URL = re.compile(r"^https?://[^\s<>\x00-\x1f\x7f\"`\\]+$")
_EMAIL = re.compile(
    r"^[A-Za-z0-9.!#$%&'*+/=?^_{}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$"
)


def link(url: str) -> str:
    """A web address as an explicit CommonMark autolink ``<https://…>``: the URL is
    never backslash-escaped (escapes are not read inside an autolink, so they would
    become part of the address). Text that is not a plain web address stays text."""
    url = "".join(printable(url or "").split())
    return f"<{url}>" if _URL.match(url) else escape_inline(url)


def email_link(address: str) -> str:
    """An e-mail address as an explicit autolink ``<namn@example.se>`` (an ``_`` in it
    stays an ``_``); anything else stays escaped text."""
    address = printable(address or "").strip()
    return f"<{address}>" if _EMAIL.match(address) else escape_inline(address)


def table(headers: list[str], rows: list[list[str]]) -> str:
    """A GFM table; headers are ours, cells are escaped user text.

    Each separator is as long as the column's longest cell (at least three
    dashes), and the row at least 73 characters: pandoc then reads these lengths
    as the columns' relative widths (else it makes every column as wide)."""
    cells = [[escape_cell(c) for c in row] for row in rows]
    widths = [
        max([3, len(h), *(len(row[i]) for row in cells if i < len(row))])
        for i, h in enumerate(headers)
    ]
    # pandoc uses the dashes as widths only when a line of the table is longer than
    # its 72 columns: the separator is stretched to 73 characters, in proportion
    rule_length = sum(w + 2 for w in widths) + len(widths) + 1
    if rule_length <= 72:
        spare = 73 - rule_length
        extra = [spare * w // sum(widths) + 1 for w in widths]
        widths = [w + e for w, e in zip(widths, extra, strict=True)]
    head = "| " + " | ".join(headers) + " |"
    rule = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
    body = ["| " + " | ".join(row) + " |" for row in cells]
    return "\n".join([head, rule, *body])
