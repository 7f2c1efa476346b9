"""A document's text: .txt and .md as they are, .docx with python-docx (paragraphs and
tables in document order), .pdf with pypdf (text-based PDF only).

Tables become lines of cells between ``|`` (as Markdown writes them) and Word
headings lines starting with ``#``, so the parser sees one kind of structure.
"""

import io
import logging
from pathlib import Path

from imports.model import ReadError

SUFFIXES = (".txt", ".md", ".docx", ".pdf")
MAX_BYTES = 50 * 1024 * 1024


def read_file(path: Path) -> str:
    """The text of the file at ``path``; ReadError with a Swedish sentence if it cannot."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise ReadError(
            f"{path.name}: okänd filtyp ”{path.suffix or 'utan ändelse'}”; "
            "lokus läser .txt, .md, .docx och .pdf"
        )
    try:
        if path.is_dir():
            raise ReadError(f"{path.name} är en mapp, inte en fil")
        if path.stat().st_size > MAX_BYTES:
            raise ReadError(f"{path.name} är för stor (över 50 MB) för att vara en ansökan")
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise ReadError(f"filen {path} finns inte") from exc
    except PermissionError as exc:
        raise ReadError(f"filen {path} får inte läsas (behörighet saknas)") from exc
    except OSError as exc:
        raise ReadError(f"filen {path} kunde inte läsas") from exc
    return document_text(data, path.name)


def document_text(data: bytes, name: str) -> str:
    suffix = Path(name).suffix.lower()
    if suffix == ".docx":
        text = _docx_text(data, name)
    elif suffix == ".pdf":
        text = _pdf_text(data, name)
    elif suffix in (".txt", ".md"):
        text = _plain_text(data, name)
    else:
        raise ReadError(f"{name}: okänd filtyp; lokus läser .txt, .md, .docx och .pdf")
    if not text.strip():
        raise ReadError(f"{name} innehåller ingen text")
    return text


def _plain_text(data: bytes, name: str) -> str:
    if data.startswith((b"%PDF", b"PK\x03\x04")) or b"\x00" in data[:4096]:
        raise ReadError(f"{name} är ingen textfil (fel filändelse?)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Text saved by older Windows programs
        return data.decode("cp1252", errors="replace")


def _docx_text(data: bytes, name: str) -> str:
    import zipfile

    from docx import Document
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        if data.startswith(b"\xd0\xcf\x11\xe0"):
            raise ReadError(
                f"{name} är krypterad eller sparad i det gamla Word-formatet; "
                "spara den som .docx utan lösenord"
            ) from exc
        raise ReadError(f"{name} kunde inte läsas som Word-dokument (.docx)") from exc
    except Exception as exc:  # noqa: BLE001 - lxml and zip raise many kinds
        raise ReadError(f"{name} kunde inte läsas som Word-dokument (.docx)") from exc
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            style = (block.style.name if block.style is not None else "") or ""
            text = block.text
            if style.lower().startswith(("heading", "rubrik", "title")) and text.strip():
                text = "# " + text
            lines.append(text)
            lines.append("")
        elif isinstance(block, Table):
            for row in block.rows:
                cells: list[str] = []
                for cell in row.cells:
                    value = " ".join(cell.text.split())
                    if not cells or value != cells[-1]:  # merged cells repeat
                        cells.append(value)
                lines.append("| " + " | ".join(cells) + " |")
            lines.append("")
    return "\n".join(lines)


def _pdf_text(data: bytes, name: str) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    if not data.lstrip().startswith(b"%PDF"):
        raise ReadError(f"{name} är ingen PDF-fil (fel filändelse?)")
    quiet = logging.getLogger("pypdf")
    level = quiet.level
    quiet.setLevel(logging.CRITICAL)  # pypdf logs repairs to stderr; we say it ourselves
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise ReadError(f"{name} är krypterad (lösenordsskyddad); spara en kopia utan lösenord")
        pages = [page.extract_text() or "" for page in reader.pages]
    except ReadError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        if b"/Encrypt" in data:
            raise ReadError(
                f"{name} är krypterad (lösenordsskyddad); spara en kopia utan lösenord"
            ) from exc
        raise ReadError(f"{name} kunde inte läsas som PDF (skadad fil?)") from exc
    except Exception as exc:  # noqa: BLE001 - a damaged PDF can raise almost anything
        raise ReadError(f"{name} kunde inte läsas som PDF (skadad fil?)") from exc
    finally:
        quiet.setLevel(level)
    if pages and not any(p.strip() for p in pages):
        raise ReadError(
            f"{name} innehåller ingen text, bara bilder (inskannad?); "
            "be om dokumentet som Word eller text-PDF"
        )
    return "\n".join(pages)
