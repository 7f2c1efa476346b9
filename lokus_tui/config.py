"""Where lokus keeps its files. The one module that knows paths."""

import os
from pathlib import Path

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
