"""Unsaved text kept on disk, so a closed terminal or a failed save does not lose it.

Two kinds of drafts live here, each in a small private file (0600, folder 0700)
named by a hash of the database and the form or item:

- form drafts: the fields of a form that differ from what was loaded, with the
  values it was loaded with and the record's version (see FormScreen);
- the notes journal: the notes of an agenda item that could not be saved yet
  (the database was locked, the disk full), with the text they were based on.

Saving or cancelling removes the draft; a draft left behind is offered back the
next time the same form or item is opened.
"""

import contextlib
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from db import clock
from db.private_folders import make_private_folder
from db.text_merge import merge_fields
from lokus_tui.config import data_dir


@dataclass(frozen=True)
class Draft:
    values: dict
    base: dict | None  # None: written by an older lokus, without what it was based on
    version: int | None
    saved: str  # local time, ISO


def _folder() -> Path:
    folder = data_dir() / "utkast"
    make_private_folder(folder)
    return folder


def _path(database: str, name: str) -> Path:
    digest = hashlib.sha256(f"{database}\n{name}".encode()).hexdigest()[:24]
    return _folder() / f"{digest}.json"


def _write(path: Path, payload: dict) -> None:
    data = json.dumps(payload, ensure_ascii=False)
    tmp = path.with_suffix(".tmp")
    fd = os.open(tmp, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def save_draft(
    database: str, name: str, values: dict, base: dict | None = None, version: int | None = None
) -> None:
    _write(
        _path(database, name),
        {
            "saved": clock.now().isoformat(timespec="seconds"),
            "values": values,
            "base": base,
            "version": version,
        },
    )


def load_draft(database: str, name: str) -> Draft | None:
    path = _path(database, name)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return Draft(
            dict(data["values"]), data.get("base"), data.get("version"), str(data["saved"])
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


def restored_values(draft: Draft, current: dict, version: int | None) -> tuple[dict, dict]:
    """What a draft puts back into a form showing ``current`` (the record at ``version``):
    (field -> value to set, field -> the stored value where both changed).

    Only the fields the user changed come back; if the record changed since the
    draft was written, a field changed on both sides keeps the user's text and is
    reported with the stored value. A draft from an older lokus (no base) shows
    every difference as such."""
    if draft.base is None:
        merged_values = {**current, **draft.values}
        conflicts = {
            k: current.get(k)
            for k, v in draft.values.items()
            if k in current and v != current.get(k)
        }
    elif draft.version == version:
        merged_values = {
            **current,
            **{k: v for k, v in draft.values.items() if v != draft.base.get(k)},
        }
        conflicts = {}
    else:
        merged = merge_fields(draft.base, draft.values, current)
        merged_values, conflicts = merged.values, merged.conflicts
    changes = {k: v for k, v in merged_values.items() if v != current.get(k)}
    return changes, conflicts


def delete_draft(database: str, name: str) -> None:
    with contextlib.suppress(FileNotFoundError):
        _path(database, name).unlink()


# --- the notes journal --------------------------------------------------------------


@dataclass(frozen=True)
class JournalEntry:
    text: str  # what the editor held
    base: str  # the stored text it was based on
    saved: str


def journal_name(item_id: int) -> str:
    return f"anteckningar-{item_id}"


def write_journal(database: str, item_id: int, text: str, base: str) -> None:
    _write(
        _path(database, journal_name(item_id)),
        {"saved": clock.now().isoformat(timespec="seconds"), "text": text, "base": base},
    )


def read_journal(database: str, item_id: int) -> JournalEntry | None:
    try:
        data = json.loads(_path(database, journal_name(item_id)).read_text(encoding="utf-8"))
        return JournalEntry(str(data["text"]), str(data["base"]), str(data["saved"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def clear_journal(database: str, item_id: int) -> None:
    delete_draft(database, journal_name(item_id))


def pending_journal_items(database: str, item_ids) -> list[int]:
    """Which of these items have unsaved notes in the journal."""
    return [i for i in item_ids if _path(database, journal_name(i)).exists()]
