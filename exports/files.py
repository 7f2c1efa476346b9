"""Writing exported documents: never over an existing file, never half-written."""

import os
import re
import tempfile
from pathlib import Path

from db.errors import LokusError

_TRANSLATE = str.maketrans({"å": "a", "ä": "a", "ö": "o", "é": "e", "ü": "u"})


def slug(text: str) -> str:
    """'LOKUS Älvkarleby' -> 'lokus-alvkarleby'."""
    text = text.casefold().translate(_TRANSLATE)
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "dokument"


def write_new_file(folder: Path, filename: str, data: bytes | str) -> Path:
    """Write ``data`` as a new file in ``folder``; if the name is taken, add -2, -3 …

    The content goes to a temporary file first and is linked into place only when
    complete, so a failure leaves nothing behind. Files are created 0600.
    """
    if isinstance(data, str):
        data = data.encode("utf-8")
    folder = Path(folder).expanduser()
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as exc:
        raise LokusError(f"Mappen {folder} kan inte skapas: {exc.strerror}") from exc
    if not folder.is_dir():
        raise LokusError(f"{folder} är ingen mapp.")
    stem, dot, ext = filename.rpartition(".")
    if not dot:
        stem, ext = filename, ""
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=".lokus-", dir=folder)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o600)
        for n in range(1, 1000):
            name = filename if n == 1 else f"{stem}-{n}.{ext}" if ext else f"{stem}-{n}"
            target = folder / name
            try:
                os.link(tmp, target)
            except FileExistsError:
                continue
            return target
        raise LokusError(f"För många filer med namnet {filename} i {folder}.")
    except OSError as exc:
        raise LokusError(f"Kunde inte skriva {filename} i {folder}: {exc.strerror}") from exc
    finally:
        if tmp and os.path.exists(tmp):
            os.unlink(tmp)
