"""Word and PDF files read back the way their programs read them (python-docx, pypdf):
A4, Swedish, a header naming the group, the document and the date, page numbers,
heading styles, tables that fit their content, the minutes' closing block — and the
same words as the Markdown they are made from."""

import io
import re
from datetime import UTC, date, datetime, time

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Mm
from pypdf import PdfReader

from db.agenda import add_agenda_item
from db.groups import group_options
from db.meeting_changes import create_meeting
from db.notice import notice_data
from db.records import AgendaItemInput, MeetingInput
from exports.document import parse, runs_text
from exports.minutes import minutes_document_file, minutes_header
from exports.notice import notice_header, notice_markdown
from exports.notice_files import notice_document_file
from lokus_tui.documents import minutes_document

NOW = datetime(2027, 1, 20, 12, 0, tzinfo=UTC)


@pytest.fixture
def notice(demo_db):
    group = next(g.id for g in group_options(demo_db) if g.label == "LOKUS Uppsala")
    mid = create_meeting(
        demo_db,
        MeetingInput(group, date(2027, 3, 2), start_time=time(13), end_time=time(15), room="Sal"),
    )
    for n in range(12):  # enough to take the kallelse over one page
        add_agenda_item(
            demo_db,
            mid,
            AgendaItemInput(
                f"Punkt {n} om åtgärder för unga vuxna i Östhammar",
                description="Längre beskrivning. " * 20,
                presenter_text="Åsa Öberg",
            ),
        )
    return notice_data(demo_db, mid)


@pytest.fixture
def minutes(demo_db):
    """Draft minutes of a demo meeting that was held: (data, markdown)."""
    from db.errors import LokusError

    for meeting_id in range(1, 200):
        try:
            data, markdown = minutes_document(demo_db, meeting_id)
        except LokusError:
            continue
        if data.status != "final" and data.actions and data.chair_name and data.note_taker_name:
            return data, markdown
    raise AssertionError("the demo has no held meeting with minutes")


def docx(content: bytes):
    return Document(io.BytesIO(content))


def instructions(part) -> list[str]:
    return [t.text.strip() for t in part._element.iter(qn("w:instrText"))]


def test_kallelse_docx_is_a4_swedish_with_header_page_numbers_and_headings(notice):
    doc = docx(notice_document_file(notice, "docx", NOW))
    section = doc.sections[0]
    # A4 (Word stores twentieths of a point: within a tenth of a millimetre)
    assert abs(section.page_width - Mm(210)) < Mm(0.1)
    assert abs(section.page_height - Mm(297)) < Mm(0.1)
    lang = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault"))
    assert lang.find(qn("w:rPr")).find(qn("w:lang")).get(qn("w:val")) == "sv-SE"
    assert doc.core_properties.language == "sv-SE"
    header = section.header.paragraphs[0].text
    assert header == notice_header(notice) == "LOKUS Uppsala · Kallelse · 2 mars 2027"
    footer = section.footer.paragraphs[0]
    assert footer.text.startswith("Sida ") and " av " in footer.text
    assert instructions(section.footer) == ["PAGE", "NUMPAGES"]
    headings = [(p.style.name, p.text) for p in doc.paragraphs if p.style.name.startswith("Head")]
    assert headings[0] == ("Heading 1", "Kallelse till LOKUS-möte – LOKUS Uppsala")
    assert ("Heading 2", "Dagordning") in headings
    # the same words as the Markdown: every block's text is in the document, in order
    text = "\n".join(p.text for p in doc.paragraphs)
    position = 0
    for block in parse(notice_markdown(notice)):
        if block.kind in ("heading", "paragraph", "bullet"):
            found = text.find(block.text, position)
            assert found >= 0, block.text
            position = found


def test_table_columns_fit_their_content(notice):
    doc = docx(notice_document_file(notice, "docx", NOW))
    table = doc.tables[0]
    assert table.style.name == "Table Grid"
    widths = [c.width for c in table.rows[0].cells]
    assert [c.text for c in table.rows[0].cells] == ["Nr", "Tid", "Punkt", "Föredragande"]
    nr, when, title, who = widths
    assert nr < when < title and who < title  # not four equal columns
    assert sum(widths) <= Mm(160) + Mm(1)  # within the text width of A4
    assert all(w >= Mm(8) for w in widths)
    header_row = table.rows[0]._tr.trPr
    assert header_row is not None and header_row.find(qn("w:tblHeader")) is not None


def test_minutes_docx_has_the_closing_block_and_draft_marks(minutes):
    data, markdown = minutes
    doc = docx(minutes_document_file(data, markdown, "docx", NOW))
    assert "(UTKAST)" in doc.sections[0].header.paragraphs[0].text
    assert doc.sections[0].header.paragraphs[0].text == minutes_header(data)
    text = "\n".join(p.text for p in doc.paragraphs)
    assert f"Vid anteckningarna: {data.note_taker_name}\nDatum: ____" in text
    assert f"Justeras: {data.chair_name}, ordförande\nDatum: ____" in text
    assert text.index("Vid anteckningarna") > text.index("Sammanställning av åtgärder")
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert len([h for h in headings if "Nästa möte" in h]) == 1
    assert headings[0].startswith("Minnesanteckningar (UTKAST)")


def test_pdf_text_pages_font_and_swedish_letters(notice, minutes):
    for content, header in (
        (notice_document_file(notice, "pdf", NOW), notice_header(notice)),
        (minutes_document_file(*minutes, "pdf", NOW), minutes_header(minutes[0])),
    ):
        reader = PdfReader(io.BytesIO(content))
        pages = len(reader.pages)
        assert reader.pdf_header.startswith("%PDF")
        assert str(reader.trailer["/Root"]["/Lang"]) == "sv-SE"
        for n, page in enumerate(reader.pages, 1):
            text = page.extract_text()
            assert header in text
            assert f"Sida {n} av {pages}" in text
            for font in page["/Resources"]["/Font"].values():
                descendant = font.get_object()["/DescendantFonts"][0].get_object()
                descriptor = descendant["/FontDescriptor"].get_object()
                assert "/FontFile2" in descriptor  # embedded
                assert "DejaVuSans" in str(descriptor["/FontName"])
        first = reader.pages[0].extract_text()
        assert re.search(r"[åäö]", first) and re.search(
            r"[ÅÄÖ]", "".join(p.extract_text() for p in reader.pages)
        )
    notice_pages = PdfReader(io.BytesIO(notice_document_file(notice, "pdf", NOW))).pages
    assert len(notice_pages) >= 2  # the long agenda really is numbered "Sida 1 av 2"
    assert "Punkt 11 om åtgärder för unga vuxna i Östhammar" in "".join(
        p.extract_text() for p in notice_pages
    ).replace("\n", " ")


def test_fastställda_minutes_in_word_say_when_they_were_approved(minutes):
    from dataclasses import replace

    data, _ = minutes
    final = replace(data, status="final", final_date=date(2026, 12, 15))
    from exports.minutes import minutes_markdown

    doc = docx(minutes_document_file(final, minutes_markdown(final), "docx", NOW))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "UTKAST" not in doc.sections[0].header.paragraphs[0].text
    assert f"Justeras: {data.chair_name}, ordförande\nDatum: 15 december 2026" in text
    assert runs_text(parse(minutes_markdown(final))[0].runs).startswith("Minnesanteckningar –")


def test_an_ersättare_is_named_with_the_member_she_stood_in_for(minutes):
    from dataclasses import replace

    from db.records import AttendanceRow
    from exports.minutes import minutes_markdown

    data, _ = minutes
    rows = (
        AttendanceRow(1, "Bo Borta", 7, "Försäkringskassan", "member", "excused"),
        AttendanceRow(2, "Eva Ersätt", 7, "Försäkringskassan", "substitute", "present", True),
        AttendanceRow(3, "Al Ett", 8, "Regionen", "member", "absent"),
        AttendanceRow(4, "Ulf Två", 8, "Regionen", "member", "absent"),
        AttendanceRow(5, "Siv Ers", 8, "Regionen", "substitute", "present", True),
    )
    markdown = minutes_markdown(replace(data, attendance=rows))
    assert "Eva Ersätt (ersättare för Bo Borta)" in markdown
    # two members away: whom she stood in for is not known, so it is not said
    assert "Siv Ers (ersättare)" in markdown and "ersättare för Al" not in markdown
    doc = docx(minutes_document_file(data, markdown, "docx", NOW))
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    assert "Eva Ersätt (ersättare för Bo Borta)" in cells


WIDE_TABLE = """# Underlag

| Datum | Slag | Timmar | Arbetsförmedlingen | Försäkringskassan | Kommun |
|---|---|---|---|---|---|
| 2026-09-01 | kompetenshöjande aktivitet | 3 | 2 | 1 | 4 |
| 2026-10-13 | LOKUS-möte | 2 | 1 | 1 | 3 |
"""
WIDE_WORDS = ["Arbetsförmedlingen", "Försäkringskassan", "kompetenshöjande", "2026-09-01"]


def test_a_wide_table_in_pdf_breaks_no_word():
    """Six columns with long words: the text gets smaller rather than
    "Arbetsförm" + "edlingen" on two lines."""
    from exports.pdf import pdf_bytes

    text = PdfReader(io.BytesIO(pdf_bytes(WIDE_TABLE, "Uppföljning", "Underlag", NOW)))
    lines = [line.strip() for page in text.pages for line in page.extract_text().split("\n")]
    for word in WIDE_WORDS:
        assert any(word in line for line in lines), (word, lines)


def test_a_wide_table_in_word_has_room_for_its_longest_words():
    from exports.word import CHAR_MM, docx_bytes

    table = docx(docx_bytes(WIDE_TABLE, "Uppföljning", "Underlag", NOW)).tables[0]
    sizes = {
        run.font.size.pt for cell in table.rows[0].cells for p in cell.paragraphs for run in p.runs
    }
    assert len(sizes) == 1 and 7 <= sizes.pop() < 10.5  # smaller, the same in every cell
    size = table.rows[1].cells[0].paragraphs[0].runs[0].font.size.pt
    widths = [c.width for c in table.rows[0].cells]
    assert sum(widths) <= Mm(160) + Mm(1)
    for column, word in (
        (3, "Arbetsförmedlingen"),
        (4, "Försäkringskassan"),
        (1, "kompetenshöjande"),
    ):
        assert widths[column] >= Mm(len(word) * CHAR_MM * size / 10.5), word


def test_an_amount_in_a_narrow_column_stays_on_one_line():
    """ "2 160 000 kr" never leaves "kr" alone on the next line (no-break spaces)."""
    from exports.pdf import pdf_bytes

    markdown = """| Insats | Dnr | Beslutsdatum | Period | Belopp |
|---|---|---|---|---|
| Arbetsintegrerande socialt företag Enköping | 2023:86 | 31 oktober 2023 | 2024-01-01–2026-12-31 | 2 160 000 kr |
"""
    reader = PdfReader(io.BytesIO(pdf_bytes(markdown, "Uppföljning", "Beslut", NOW)))
    lines = [line.strip() for page in reader.pages for line in page.extract_text().split("\n")]
    assert "kr" not in lines
    assert any(line.replace("\u00a0", " ").endswith("2 160 000 kr") for line in lines), lines
    assert any("2024-01-01–2026-12-31" in line for line in lines), lines
