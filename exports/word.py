"""A document as a Word file (.docx) drawn from its Markdown (see exports/document.py).

A4, Swedish as the document language, a header line (lokusgrupp, document type,
meeting date), "Sida 1 av 3" in the footer as Word fields, Word's own heading
styles (so the navigation pane lists the sections), tables with borders and
column widths that fit their content.
"""

import io
from datetime import datetime

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from exports.document import Block, Run, column_widths, parse, table_scale

LANGUAGE = "sv-SE"
TEXT_WIDTH_MM = 160.0  # A4 210 mm less 25 mm margins on each side
BODY_PT = 10.5
CHAR_MM = 2.5  # about one character of 10.5 pt text (bold, a wide font)


def _set_language(doc) -> None:
    """Swedish for spelling and hyphenation: in the defaults of every style."""
    styles = doc.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = OxmlElement("w:rPrDefault")
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        rpr_default.append(rpr)
    for old in rpr.findall(qn("w:lang")):
        rpr.remove(old)
    lang = OxmlElement("w:lang")
    for attr in ("w:val", "w:eastAsia", "w:bidi"):
        lang.set(qn(attr), LANGUAGE)
    rpr.append(lang)


def _field(paragraph, instruction: str, shown: str) -> None:
    """A Word field (PAGE, NUMPAGES) that Word and LibreOffice fill in."""
    for kind, text in (
        ("begin", None),
        ("instr", instruction),
        ("separate", None),
        ("text", shown),
    ):
        run = paragraph.add_run()
        if kind == "instr":
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = f" {text} "
            run._r.append(element)
        elif kind == "text":
            run.text = text or ""
        else:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)
    end = paragraph.add_run()
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), "end")
    end._r.append(char)


def _hyperlink(paragraph, run: Run) -> None:
    part = paragraph.part
    rel = part.relate_to(run.href, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rel)
    r = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    color = OxmlElement("w:color")
    color.set(qn("w:val"), "0563C1")
    underline = OxmlElement("w:u")
    underline.set(qn("w:val"), "single")
    rpr.append(color)
    rpr.append(underline)
    if run.bold:
        rpr.append(OxmlElement("w:b"))
    r.append(rpr)
    text = OxmlElement("w:t")
    text.set(qn("xml:space"), "preserve")
    text.text = run.text
    r.append(text)
    link.append(r)
    paragraph._p.append(link)


def _add_runs(paragraph, runs: tuple[Run, ...], size: float | None = None) -> None:
    for run in runs:
        if run.href:
            _hyperlink(paragraph, run)
            continue
        for n, piece in enumerate(run.text.split("\n")):
            if n:
                paragraph.add_run().add_break()
            if piece:
                added = paragraph.add_run(piece)
                added.bold = run.bold or None
                added.italic = run.italic or None
                if size is not None:
                    added.font.size = Pt(size)


def _table(doc, block: Block) -> None:
    rows = block.rows
    columns = max(len(r) for r in rows)

    def measure(text: str) -> float:
        return len(text) * CHAR_MM

    scale = table_scale(rows, TEXT_WIDTH_MM, measure, 6.0)
    size = None if scale == 1.0 else round(BODY_PT * scale * 2) / 2
    widths = column_widths(rows, TEXT_WIDTH_MM, lambda text: measure(text) * scale, 6.0)
    table = doc.add_table(rows=len(rows), cols=columns)
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    table.autofit = False
    for i, width in enumerate(widths):
        table.columns[i].width = Mm(width)
    for r, row in enumerate(rows):
        cells = table.rows[r].cells
        for i in range(columns):
            cell = cells[i]
            cell.width = Mm(widths[i])
            paragraph = cell.paragraphs[0]
            runs = row[i] if i < len(row) else ()
            if r == 0:
                runs = tuple(Run(x.text, True, x.italic, x.href) for x in runs)
            _add_runs(paragraph, runs, size)
        if r == 0:  # the header row repeats on every page
            trpr = table.rows[0]._tr.get_or_add_trPr()
            header = OxmlElement("w:tblHeader")
            trpr.append(header)
    doc.add_paragraph()


def _rule(doc) -> None:
    paragraph = doc.add_paragraph()
    ppr = paragraph._p.get_or_add_pPr()
    border = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for attr, value in (
        ("w:val", "single"),
        ("w:sz", "6"),
        ("w:space", "1"),
        ("w:color", "888888"),
    ):
        bottom.set(qn(attr), value)
    border.append(bottom)
    ppr.append(border)


def docx_bytes(markdown: str, header: str, title: str, now: datetime) -> bytes:
    """The Word file of a document; ``header`` is the line at the top of every page."""
    doc = Document()
    _set_language(doc)
    normal = doc.styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(BODY_PT)
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(25)
    section.top_margin, section.bottom_margin = Mm(25), Mm(20)
    head = section.header.paragraphs[0]
    head.text = header
    for run in head.runs:
        run.font.size = Pt(9)
        run.font.color.rgb = RGBColor(0x55, 0x55, 0x55)
    foot = section.footer.paragraphs[0]
    foot.alignment = WD_ALIGN_PARAGRAPH.CENTER
    foot.add_run("Sida ")
    _field(foot, "PAGE", "1")
    foot.add_run(" av ")
    _field(foot, "NUMPAGES", "1")
    props = doc.core_properties
    props.title = title
    props.language = LANGUAGE
    props.author = "lokus"
    props.created = props.modified = now.replace(tzinfo=None)
    props.last_modified_by = "lokus"
    for block in parse(markdown):
        if block.kind == "heading":
            paragraph = doc.add_paragraph(style=f"Heading {min(block.level, 3)}")
            _add_runs(paragraph, block.runs)
        elif block.kind == "paragraph":
            _add_runs(doc.add_paragraph(), block.runs)
        elif block.kind in ("bullet", "ordered"):
            style = "List Bullet" if block.kind == "bullet" else "List Number"
            if block.level > 1:
                style += f" {min(block.level, 3)}"
            _add_runs(doc.add_paragraph(style=style), block.runs)
        elif block.kind == "table":
            _table(doc, block)
        elif block.kind == "rule":
            _rule(doc)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
