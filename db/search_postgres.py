"""Quick lookup on PostgreSQL: its own full-text search over ``search_doc``.

The table, its tsvector and the triggers that keep it in sync are made by the
first migration (PostgreSQL branch). A document is indexed twice: in the
``swedish`` configuration (stemmed, so 'insatser' also finds 'insatsen') and in
``simple`` (every word as written, so stop words like 'och' and plain prefixes are
found as with SQLite's FTS5). Every word of the query must match as a prefix of a
word as written, or as a whole word in another inflection: the hits of FTS5 on
the same data and, through the stemming, sometimes a few more. Words are folded as the index is: lower case, diacritics
removed (``lokus_search_words``), like FTS5's ``remove_diacritics 2``.
"""

from collections.abc import Sequence
from typing import Any

from sqlalchemy import text
from sqlmodel import Session

# Title words count ten times body words, as bm25(search_fts, 10.0, 1.0) on SQLite.
RANK_WEIGHTS = "{0, 0, 0.1, 1.0}"
SNIPPET = 'MaxWords=8, MinWords=3, StartSel="", StopSel="", MaxFragments=1, FragmentDelimiter=" … "'


def word_query(n: int) -> str:
    """The tsquery of the n-th word: a prefix of a word as written (simple), or the same
    word in another inflection (swedish, whole words only: a stemmed prefix would find
    far more than FTS5 does, 'unga' -> 'ung' would find 'ungdomscoach')."""
    word = f"lokus_search_words(:w{n})"
    return f"(to_tsquery('simple', {word} || ':*') || plainto_tsquery('swedish', {word}))"


def search_rows(s: Session, words: list[str], limit: int) -> Sequence[Any]:
    """(rowid, title, snip) of the best documents matching every word (rowid as in FTS5:
    id*3 insats, id*3+1 person, id*3+2 organisation)."""
    query = " && ".join(word_query(n) for n in range(len(words)))
    params: dict[str, object] = {f"w{n}": w for n, w in enumerate(words)}
    params["limit"] = limit
    params["options"] = SNIPPET
    sql = f"""
        WITH q AS (SELECT {query} AS query)
        SELECT d.rowid, d.title,
               ts_headline('simple', d.body, q.query, :options) AS snip
        FROM search_doc d, q
        WHERE d.doc @@ q.query
        ORDER BY ts_rank('{RANK_WEIGHTS}', d.doc, q.query) DESC, d.rowid
        LIMIT :limit
    """
    return s.execute(text(sql), params).all()
