"""Unsaved form text kept on disk, so a closed terminal does not lose it.

Every form writes what is typed in its fields to a small private file a moment
after each change; saving or cancelling the form removes it. When the same form
is opened again and a draft is there, the text comes back.
"""

import contextlib
import hashlib
import json
import os
from pathlib import Path

from db import clock
from lokus_tui.config import data_dir


def _folder() -> Path:
    folder = data_dir() / "utkast"
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    return folder


def _path(database: str, name: str) -> Path:
    digest = hashlib.sha256(f"{database}\n{name}".encode()).hexdigest()[:24]
    return _folder() / f"{digest}.json"


def save_draft(database: str, name: str, values: dict[str, str]) -> None:
    path = _path(database, name)
    payload = json.dumps({"saved": clock.now().isoformat(timespec="seconds"),
                          "values": values}, ensure_ascii=False)
    tmp = path.with_suffix(".tmp")
    fd = os.open(tmp, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(payload)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)


def load_draft(database: str, name: str) -> tuple[dict[str, str], str] | None:
    path = _path(database, name)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return dict(data["values"]), str(data["saved"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def delete_draft(database: str, name: str) -> None:
    with contextlib.suppress(FileNotFoundError):
        _path(database, name).unlink()
