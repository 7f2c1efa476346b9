"""Case-insensitive substring filters that handle å, ä and ö.

SQLite's LIKE folds only ASCII, so lokus registers a ``casefold`` SQL
function on every SQLite connection (see ``db.engine``); other databases use
``lower``.
"""

from sqlalchemy import func

from db.engine import Database


def like_pattern(word: str) -> str:
    escaped = word.casefold().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def contains(db: Database, column, word: str):
    fold = func.casefold if db.is_sqlite else func.lower
    return fold(func.coalesce(column, "")).like(like_pattern(word), escape="\\")
