"""Quick lookup over insatser, people and organisations (SQLite FTS5, or PostgreSQL's
full-text search: db/search_postgres.py).

The index ``search_fts`` (``search_doc`` on PostgreSQL) is created by the first
migration and kept in sync by triggers on every write. Its rowid encodes the kind:
id*3 insats, id*3+1 person, id*3+2 organisation.
"""

import re

from sqlalchemy import or_, select, text
from sqlmodel import col

from db.engine import Database
from db.models import Initiative, Organisation, Person
from db.records import SearchHit
from db.search_postgres import search_rows
from db.text_match import contains

KINDS = ("initiative", "person", "organisation")
_TOKEN = re.compile(r"\w+", re.UNICODE)


def fts_query(user_text: str) -> str:
    """Every word must match as a prefix: 'lokussam älv' -> '"lokussam"* AND "älv"*'."""
    words = _TOKEN.findall(user_text)
    return " AND ".join(f'"{w}"*' for w in words)


def search(db: Database, user_text: str, limit: int = 20) -> list[SearchHit]:
    query = fts_query(user_text)
    if not query:
        return []
    postgres = db.engine.dialect.name == "postgresql"
    if not db.is_sqlite and not postgres:
        return _search_like(db, user_text, limit)
    with db.session() as s:
        if postgres:
            rows = search_rows(s, _TOKEN.findall(user_text), limit)
        else:
            rows = s.execute(
                text(
                    "SELECT rowid, title, snippet(search_fts, 1, '', '', '…', 8) AS snip "
                    "FROM search_fts WHERE search_fts MATCH :q ORDER BY bm25(search_fts, 10.0, 1.0) LIMIT :limit"
                ),
                {"q": query, "limit": limit},
            ).all()
        people = [r.rowid // 3 for r in rows if r.rowid % 3 == 1]
        archived = (
            set(
                s.execute(
                    select(col(Person.id)).where(
                        col(Person.id).in_(people), col(Person.archived_at).is_not(None)
                    )
                ).scalars()
            )
            if people
            else set()
        )
    return [
        SearchHit(
            KINDS[r.rowid % 3],
            r.rowid // 3,
            r.title + (" (arkiverad)" if r.rowid % 3 == 1 and r.rowid // 3 in archived else ""),
            r.snip or "",
        )
        for r in rows
    ]


def _search_like(db: Database, user_text: str, limit: int) -> list[SearchHit]:
    words = _TOKEN.findall(user_text)
    hits: list[SearchHit] = []
    with db.session() as s:
        for kind, model, cols in (
            ("initiative", Initiative, (col(Initiative.name), col(Initiative.purpose))),
            ("person", Person, (col(Person.name), col(Person.email), col(Person.title))),
            ("organisation", Organisation, (col(Organisation.name),)),
        ):
            stmt = select(col(model.id), col(model.name))
            for w in words:
                stmt = stmt.where(or_(*(contains(db, c, w) for c in cols)))
            hits += [SearchHit(kind, r.id, r.name) for r in s.execute(stmt.limit(limit))]
    return hits[:limit]
