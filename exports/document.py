"""One document, many formats: the Markdown of a kallelse, minutes or invitation,
parsed once (markdown-it-py tokens) into a small list of blocks that the plain
text of an e-mail, the Word file and the PDF are all drawn from.

The Markdown stays the single source of each document's content: no format has
its own text that could drift from it.
"""

import re
from dataclasses import dataclass, field, replace

from markdown_it import MarkdownIt

from db.characters import printable


@dataclass(frozen=True)
class Run:
    """A stretch of text with one look: bold, italic, a link."""

    text: str
    bold: bool = False
    italic: bool = False
    href: str = ""


@dataclass(frozen=True)
class Block:
    """heading (level 1–3), paragraph, bullet, ordered (number), table, rule."""

    kind: str
    runs: tuple[Run, ...] = ()
    level: int = 0
    number: int = 0
    rows: tuple[tuple[tuple[Run, ...], ...], ...] = field(default=())  # table: header first

    @property
    def text(self) -> str:
        return runs_text(self.runs)


def runs_text(runs: tuple[Run, ...]) -> str:
    return "".join(r.text for r in runs)


def markdown_parser() -> MarkdownIt:
    return MarkdownIt("commonmark").enable("table")


def _inline(token) -> tuple[Run, ...]:
    runs: list[Run] = []
    bold = italic = 0
    href = ""
    auto = False
    for child in token.children or ():
        kind = child.type
        if kind == "strong_open":
            bold += 1
        elif kind == "strong_close":
            bold -= 1
        elif kind == "em_open":
            italic += 1
        elif kind == "em_close":
            italic -= 1
        elif kind == "link_open":
            href = str(child.attrs.get("href", ""))
            auto = child.markup == "autolink"
        elif kind == "link_close":
            href, auto = "", False
        elif kind in ("text", "code_inline", "html_inline"):
            # an autolink shows its address exactly as written (markdown-it would
            # show %7b as {, and the plain text must read as the address)
            text = href.removeprefix("mailto:") if auto else child.content
            runs.append(Run(text, bold > 0, italic > 0, href))
        elif kind == "softbreak":
            runs.append(Run(" ", bold > 0, italic > 0, href))
        elif kind == "hardbreak":
            runs.append(Run("\n", bold > 0, italic > 0, href))
        elif kind == "image":
            runs.append(Run(child.content, bold > 0, italic > 0, href))
    merged: list[Run] = []
    for run in runs:
        if not run.text:
            continue
        if merged and (merged[-1].bold, merged[-1].italic, merged[-1].href) == (
            run.bold,
            run.italic,
            run.href,
        ):
            merged[-1] = Run(merged[-1].text + run.text, run.bold, run.italic, run.href)
        else:
            merged.append(run)
    return tuple(merged)


NBSP = "\u00a0"
_THOUSANDS = re.compile(r"(?<=\d) (?=\d{3}(?!\d))")
_BEFORE_KR = re.compile(r"(?<=\d) (?=kr\b|kronor\b|%)")


def keep_together(text: str) -> str:
    """An amount stays on one line in a table cell: "2 160 000 kr" with no-break
    spaces, so Word, LibreOffice and the PDF never leave "kr" alone on a line."""
    return _BEFORE_KR.sub(NBSP, _THOUSANDS.sub(NBSP, text))


def parse(markdown: str) -> list[Block]:
    """The blocks of a document, in order."""
    tokens = markdown_parser().parse(printable(markdown, multiline=True))
    blocks: list[Block] = []
    lists: list[list[int]] = []  # [ordered?, next number] per open list
    heading = 0
    in_item = False
    table: list[list[tuple[Run, ...]]] | None = None
    row: list[tuple[Run, ...]] = []
    for tok in tokens:
        kind = tok.type
        if kind == "heading_open":
            heading = int(tok.tag[1])
        elif kind == "heading_close":
            heading = 0
        elif kind in ("bullet_list_open", "ordered_list_open"):
            start = int(tok.attrs.get("start", 1) or 1)
            lists.append([kind == "ordered_list_open", start])
        elif kind in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif kind == "list_item_open":
            in_item = True
        elif kind == "list_item_close":
            in_item = False
            if lists:
                lists[-1][1] += 1
        elif kind == "table_open":
            table = []
        elif kind == "table_close":
            blocks.append(Block("table", rows=tuple(tuple(r) for r in table or ())))
            table = None
        elif kind == "tr_open":
            row = []
        elif kind == "tr_close" and table is not None:
            table.append(row)
        elif kind == "hr":
            blocks.append(Block("rule"))
        elif kind in ("fence", "code_block"):
            blocks.append(Block("paragraph", (Run(tok.content.rstrip("\n")),)))
        elif kind == "inline":
            runs = _inline(tok)
            if table is not None:
                row.append(tuple(replace(r, text=keep_together(r.text)) for r in runs))
            elif heading:
                blocks.append(Block("heading", runs, level=heading))
            elif in_item and lists:
                ordered, number = lists[-1]
                blocks.append(
                    Block("ordered" if ordered else "bullet", runs, level=len(lists), number=number)
                )
            else:
                blocks.append(Block("paragraph", runs))
    return blocks


def _longest_words(rows, measure) -> tuple[list[float], list[float]]:
    """Per column: its longest cell on one line and its longest word."""
    columns = max((len(r) for r in rows), default=0)
    natural, longest = [0.0] * columns, [0.0] * columns
    for r in rows:
        for i, cell in enumerate(r):
            text = cell if isinstance(cell, str) else runs_text(cell)
            natural[i] = max(natural[i], measure(text))
            words = re.split(r"[ \t\r\n]+", text)  # a no-break space keeps its word
            longest[i] = max([longest[i], *(measure(w) for w in words if w)])
    return natural, longest


def table_scale(rows, total: float, measure, padding: float, smallest: float = 0.7) -> float:
    """How much a wide table's text shrinks (1.0: not at all) so that the longest word
    of every column fits on one line: "Arbetsförmedlingen" never becomes
    "Arbetsförm" + "edlingen". Never below ``smallest``."""
    _natural, longest = _longest_words(rows, measure)
    room = total - padding * len(longest)
    need = sum(longest)
    if need <= room or need <= 0:
        return 1.0
    return max(smallest, room / need)


def column_widths(rows, total: float, measure, padding: float) -> list[float]:
    """Widths that fit each column's content within ``total``: every column at least
    as wide as its longest word (``measure`` gives a text's width), the rest shared
    by how much more each column would need to fit its longest cell on one line.
    The table spans the text width, as tables in Word documents usually do."""
    natural, longest = _longest_words(rows, measure)
    columns = len(natural)
    natural = [n + padding for n in natural]
    if sum(longest) + padding * columns <= total:
        least = [w + padding for w in longest]
    else:  # even the words do not fit: no column takes more than its share for them
        least = [min(w, total / columns) + padding for w in longest]
    if sum(natural) <= total:  # room to spare: shared out as the content needs it
        return [w * total / sum(natural) for w in natural]
    spare = max(total - sum(least), 0.0)
    extra = [max(n - m, 0.0) for n, m in zip(natural, least, strict=True)]
    share = sum(extra) or 1.0
    widths = [m + spare * e / share for m, e in zip(least, extra, strict=True)]
    scale = total / sum(widths) if sum(widths) > total else 1.0
    return [w * scale for w in widths]


_CELL_STYLE = "border:1px solid #888;padding:3px 8px;vertical-align:top;text-align:left"


def html_document(markdown: str, title: str) -> str:
    """The document as HTML for an e-mail: tables with borders, links clickable."""
    from html import escape

    md = markdown_parser()
    tokens = md.parse(printable(markdown, multiline=True))
    for tok in tokens:
        if tok.type == "table_open":
            tok.attrSet("border", "1")
            tok.attrSet("cellspacing", "0")
            tok.attrSet("cellpadding", "4")
            tok.attrSet("style", "border-collapse:collapse")
        elif tok.type in ("th_open", "td_open"):
            tok.attrSet("style", _CELL_STYLE)
    body = md.renderer.render(tokens, md.options, {})
    return (
        '<!DOCTYPE html>\n<html lang="sv"><head><meta charset="utf-8">'
        f"<title>{escape(' '.join(printable(title).split()))}</title></head>"
        f'<body style="font-family:Arial,Helvetica,sans-serif">\n{body}</body></html>\n'
    )


def link_label(run: Run) -> str:
    """How a link reads in plain text: the address once, or 'text (address)'."""
    target = run.href.removeprefix("mailto:")
    return run.text if not run.href or run.text == target else f"{run.text} ({target})"


def plain_text(markdown: str) -> str:
    """The document as plain text for an e-mail: no Markdown syntax, no escapes."""
    out: list[str] = []
    for block in parse(markdown):
        text = "".join(link_label(r) for r in block.runs)
        if block.kind in ("bullet", "ordered"):
            marker = "•" if block.kind == "bullet" else f"{block.number}."
            indent = "  " * (block.level - 1)
            lines = text.split("\n")
            if block.number == 1 and block.level == 1 and out and out[-1] != "":
                out.append("")  # a new list after another one
            out.append(f"{indent}{marker} {lines[0]}")
            out += [f"{indent}  {line}" for line in lines[1:]]
            continue
        if out and out[-1] != "":
            out.append("")  # a list ends with a blank line
        if block.kind == "heading":
            underline = {1: "=", 2: "-"}.get(block.level)
            out += [text] + ([underline * len(text)] if underline else [])
        elif block.kind == "paragraph":
            out.append(text)
        elif block.kind == "table":
            out += _plain_table(block)
        elif block.kind == "rule":
            out.append("—" * 20)
        out.append("")
    return "\n".join(out).strip("\n") + "\n"


PLAIN_WIDTH = 72  # what a mail program shows without wrapping


def _plain_table(block: Block) -> list[str]:
    """Columns when they fit in a mail window; otherwise one entry a row, the first
    cell as the entry and the others as "Rubrik: värde" lines under it."""
    rows = [["".join(link_label(r) for r in cell) for cell in row] for row in block.rows]
    columns = max(len(r) for r in rows)
    widths = [max(len(r[i]) for r in rows if i < len(r)) for i in range(columns)]
    if sum(widths) + 2 * (columns - 1) > PLAIN_WIDTH and len(rows) > 1:
        header, lines = rows[0], []
        for r in rows[1:]:
            lines.append(f"• {r[0]}" if r else "•")
            for name, value in zip(header[1:], r[1:], strict=False):
                if value.strip():
                    lines.append(f"  {name}: {value}")
        return lines
    lines = []
    for n, r in enumerate(rows):
        lines.append("  ".join(c.ljust(widths[i]) for i, c in enumerate(r)).rstrip())
        if n == 0:
            lines.append("  ".join("─" * w for w in widths))
    return lines
