"""Quick lookup of meetings and lokusgrupper for the command palette: a meeting by its
group, date, month or year; a group by any word of its name. Plain SQL; the words
of the query are read by the palette (lokus_tui/commands.py)."""

from datetime import date

from sqlalchemy import text

from db.engine import Database
from db.records import Option
from db.text_match import like_pattern


def _like(word: str) -> str:
    return like_pattern(word)


def find_meetings(
    db: Database,
    words: list[str],
    today: date,
    month: int | None = None,
    year: int | None = None,
    day: int | None = None,
    iso: str = "",
    limit: int = 10,
) -> list[tuple[int, date, str, str, str]]:
    """(id, date, group name, kind, title) of matching meetings, nearest to today first.
    Every word must be in the group's name or the meeting's title."""
    where, params = [], {"today": today.isoformat(), "limit": limit}
    fold = "casefold" if db.is_sqlite else "lower"
    for n, word in enumerate(words):
        where.append(
            f"({fold}(g.name) LIKE :w{n} ESCAPE '\\' OR {fold}(m.title) LIKE :w{n} ESCAPE '\\')"
        )
        params[f"w{n}"] = _like(word)
    if month:
        where.append("CAST(strftime('%m', m.meeting_date) AS INTEGER) = :month")
        params["month"] = month
    if year:
        where.append("CAST(strftime('%Y', m.meeting_date) AS INTEGER) = :year")
        params["year"] = year
    if day:
        where.append("CAST(strftime('%d', m.meeting_date) AS INTEGER) = :day")
        params["day"] = day
    if iso:
        where.append("m.meeting_date LIKE :iso")
        params["iso"] = iso + "%"
    if not where:
        return []
    sql = f"""
        SELECT m.id, m.meeting_date, g.name, m.kind, m.title
        FROM meeting m JOIN lokus_group g ON g.id = m.group_id
        WHERE {" AND ".join(where)}
        ORDER BY abs(julianday(m.meeting_date) - julianday(:today)), m.id LIMIT :limit
    """
    with db.session() as s:
        rows = s.execute(text(sql), params).all()
    return [
        (r[0], r[1] if isinstance(r[1], date) else date.fromisoformat(r[1][:10]), r[2], r[3], r[4])
        for r in rows
    ]


def find_groups(db: Database, words: list[str], limit: int = 5) -> list[Option]:
    """Groups whose name holds every word."""
    if not words:
        return []
    fold = "casefold" if db.is_sqlite else "lower"
    where = " AND ".join(f"{fold}(name) LIKE :w{n} ESCAPE '\\'" for n in range(len(words)))
    params: dict[str, object] = {f"w{n}": _like(w) for n, w in enumerate(words)}
    params["limit"] = limit
    with db.session() as s:
        rows = s.execute(
            text(f"SELECT id, name FROM lokus_group WHERE {where} ORDER BY name, id LIMIT :limit"),
            params,
        ).all()
    return [Option(r[0], r[1]) for r in rows]
