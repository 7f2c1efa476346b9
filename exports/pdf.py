"""A document as PDF drawn from its Markdown (see exports/document.py), with fpdf2.

A4, Swedish as the document language, a header line (lokusgrupp, document type,
meeting date) and "Sida 1 av 3" on every page, bookmarks for the headings,
tables with borders and widths that fit their content. The font is DejaVu Sans,
shipped in exports/fonts/ (see its licence file) and embedded, so å, ä and ö
show and can be copied on any machine.
"""

from datetime import datetime
from pathlib import Path

from exports.document import Block, Run, column_widths, parse, runs_text, table_scale

FONTS = Path(__file__).parent / "fonts"
FONT = "DejaVu"
LANGUAGE = "sv-SE"
TEXT_WIDTH_MM = 170.0  # A4 210 mm less 20 mm margins on each side
BODY = 10.0
HEADING_SIZE = {1: 16.0, 2: 13.0, 3: 11.0}


def _pdf_class():
    from fpdf import FPDF

    class LokusPdf(FPDF):
        header_text = ""

        def header(self):
            self.set_font(FONT, "", 8)
            self.set_text_color(90, 90, 90)
            self.cell(0, 5, self.header_text, new_x="LMARGIN", new_y="NEXT")
            self.set_draw_color(160, 160, 160)
            self.line(self.l_margin, self.get_y(), self.w - self.r_margin, self.get_y())
            self.ln(4)
            self.set_text_color(0, 0, 0)

        def footer(self):
            self.set_y(-14)
            self.set_font(FONT, "", 8)
            self.set_text_color(90, 90, 90)
            self.cell(0, 6, f"Sida {self.page_no()} av {{nb}}", align="C")
            self.set_text_color(0, 0, 0)

    return LokusPdf


def _style(run: Run) -> str:
    """DejaVu Sans is shipped regular, bold and oblique; bold oblique is drawn bold."""
    if run.bold:
        return "B"
    return "I" if run.italic else ""


def _write_runs(pdf, runs: tuple[Run, ...], size: float, bold: bool = False) -> None:
    height = size * 0.5
    for run in runs:
        pdf.set_font(FONT, "B" if bold else _style(run), size)
        if run.href:
            pdf.set_text_color(5, 99, 193)
            pdf.write(height, run.text, link=run.href)
            pdf.set_text_color(0, 0, 0)
        else:
            pdf.write(height, run.text)
    pdf.ln(height)


def _table(pdf, block: Block) -> None:
    from fpdf.fonts import FontFace

    rows = block.rows
    columns = max(len(r) for r in rows)
    pdf.set_font(FONT, "B", BODY - 0.5)  # measured bold: the header row is bold
    scale = table_scale(rows, TEXT_WIDTH_MM, pdf.get_string_width, 4.0)
    size = (BODY - 0.5) * scale
    pdf.set_font(FONT, "B", size)
    widths = column_widths(rows, TEXT_WIDTH_MM, pdf.get_string_width, 4.0)
    pdf.set_font(FONT, "", size)
    with pdf.table(
        col_widths=tuple(widths),
        width=sum(widths),
        align="LEFT",
        text_align="LEFT",
        line_height=5 * max(scale, 0.8),
        headings_style=FontFace(emphasis="BOLD", fill_color=(235, 235, 235)),
        borders_layout="ALL",
    ) as table:
        for row in rows:
            cells = table.row()
            for i in range(columns):
                cells.cell(runs_text(row[i]) if i < len(row) else "")
    pdf.ln(3)


def pdf_bytes(markdown: str, header: str, title: str, now: datetime) -> bytes:
    """The PDF of a document; ``header`` is the line at the top of every page."""
    pdf = _pdf_class()(format="A4", unit="mm")
    pdf.header_text = header
    pdf.set_margins(20, 18, 20)
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_font(FONT, "", str(FONTS / "DejaVuSans.ttf"))
    pdf.add_font(FONT, "B", str(FONTS / "DejaVuSans-Bold.ttf"))
    blocks = parse(markdown)
    if any(r.italic and not r.bold for b in blocks for r in b.runs):  # only when used:
        pdf.add_font(FONT, "I", str(FONTS / "DejaVuSans-Oblique.ttf"))  # each font costs time
    pdf.set_lang(LANGUAGE)
    pdf.set_title(title)
    pdf.set_author("lokus")
    pdf.set_creator("lokus")
    pdf.set_creation_date(now)
    pdf.add_page()
    for block in blocks:
        if block.kind == "heading":
            size = HEADING_SIZE.get(block.level, BODY)
            if pdf.will_page_break(25):  # never a heading alone at the foot of a page
                pdf.add_page()
            pdf.ln(2 if block.level > 1 else 0)
            pdf.start_section(block.text, level=block.level - 1)
            _write_runs(pdf, block.runs, size, bold=True)
            pdf.ln(1.5)
        elif block.kind == "paragraph":
            _write_runs(pdf, block.runs, BODY)
            pdf.ln(2)
        elif block.kind in ("bullet", "ordered"):
            marker = "•" if block.kind == "bullet" else f"{block.number}."
            indent = 5.0 * block.level
            pdf.set_font(FONT, "", BODY)
            pdf.set_x(pdf.l_margin + indent - 4)
            pdf.write(BODY * 0.5, marker + " ")
            left = pdf.l_margin
            pdf.set_left_margin(left + indent)
            _write_runs(pdf, block.runs, BODY)
            pdf.set_left_margin(left)
            pdf.ln(1)
        elif block.kind == "table":
            _table(pdf, block)
        elif block.kind == "rule":
            pdf.ln(2)
            pdf.set_draw_color(160, 160, 160)
            pdf.line(pdf.l_margin, pdf.get_y(), pdf.w - pdf.r_margin, pdf.get_y())
            pdf.ln(4)
    return bytes(pdf.output())
