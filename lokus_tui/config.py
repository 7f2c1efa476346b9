"""Where lokus keeps its files. The one module that knows paths."""

import os
from pathlib import Path

from db.private_folders import make_private_folder

ENV_DB = "LOKUS_DB"
ENV_EXPORT_DIR = "LOKUS_EXPORT_DIR"
ENV_DATA_DIR = "LOKUS_DATA_DIR"


def data_dir() -> Path:
    """The user data folder (the default database, form drafts, the error log)."""
    env = os.environ.get(ENV_DATA_DIR)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_path

    return user_data_path("lokus", appauthor=False)


def default_database() -> Path:
    return data_dir() / "lokus.db"


def resolve_database(option: str | None) -> str | Path:
    """--db wins over LOKUS_DB, which wins over the default file. URLs pass through."""
    target = option or os.environ.get(ENV_DB) or ""
    if not target:
        return default_database()
    if "://" in target:
        return target
    return Path(target).expanduser()


def export_dir() -> Path:
    """Default folder for exported documents: ~/Documents/lokus (or LOKUS_EXPORT_DIR)."""
    env = os.environ.get(ENV_EXPORT_DIR)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_documents_path

    return user_documents_path() / "lokus"


def _last_export_file() -> Path:
    return data_dir() / "senaste-exportmapp.txt"


def last_export_dir() -> Path:
    """The folder the user last saved an export to from the app (if it still exists),
    else the default export folder."""
    if os.environ.get(ENV_EXPORT_DIR):
        return export_dir()
    try:
        remembered = Path(_last_export_file().read_text(encoding="utf-8").strip())
    except (OSError, ValueError):
        return export_dir()
    return remembered if remembered.is_absolute() and remembered.is_dir() else export_dir()


def remember_export_dir(folder: Path) -> None:
    """Keep the folder for the next export (a private file; never fails an export)."""
    path = _last_export_file()
    try:
        make_private_folder(path.parent)
        tmp = path.with_suffix(".tmp")
        fd = os.open(tmp, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(str(folder.resolve()))
        os.replace(tmp, path)
    except OSError:
        pass
