"""Reads over what extraction found: quotes, entities, mentions (part of the read API).

Import these through `vznews.store.queries`. Text filters use the FTS5 indexes with
prefix matching, so filtering 100,000 quotes as the user types stays fast.
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from datetime import date, timedelta
from typing import Any

from vznews.store.records import ArticleEntity, CoMention, DayCount, EntityItem, QuoteItem

_WORD = re.compile(r"\w+", re.UNICODE)
_ENTITY_COLUMNS = "e.id, e.name, e.kind, e.article_count, e.mention_count"
_QUOTE_COLUMNS = (
    "q.id, q.article_id, q.text, q.speaker, q.speaker_as_written, q.role, q.entity_id, q.cue, q.kind,"
    ' q.start, q."end", q.position, a.title, f.name, a.published'
)


def conn_of(db: Any) -> sqlite3.Connection:
    """The sqlite3 connection behind a sqlite_utils Database (or the connection itself)."""
    return getattr(db, "conn", db)


def fold(text: str) -> str:
    """Lowercase `text` and strip its accents ("Nicolás" -> "nicolas"), one character for one."""
    out = []
    for char in text:
        base = unicodedata.normalize("NFD", char)[0] if not char.isascii() else char
        out.append(base.lower() if len(base.lower()) == 1 else base)
    return "".join(out)


def prefix_match(text: str | None) -> str | None:
    """An FTS5 expression matching every word of `text` as a prefix ("mad ele" -> "mad"* AND "ele"*)."""
    words = _WORD.findall(text or "")
    if not words:
        return None
    return " AND ".join('"' + w.replace('"', '""') + '"*' for w in words)


Kinds = str | tuple[str, ...] | None  # one kind ("direct", "mixed", "indirect"), several, or all


def _quote_where(speaker: str | None, text: str | None, entity_id: int | None, article_id: int | None, kind: Kinds) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    terms = []
    if (expr := prefix_match(speaker)) is not None:
        terms.append(f"speaker : ({expr})")
    if (expr := prefix_match(text)) is not None:
        terms.append(f"text : ({expr})")
    if terms:
        clauses.append("q.id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)")
        params.append(" AND ".join(terms))
    for column, value in (("q.entity_id", entity_id), ("q.article_id", article_id)):
        if value is not None:
            clauses.append(f"{column} = ?")
            params.append(value)
    kinds = (kind,) if isinstance(kind, str) else kind
    if kinds is not None:
        clauses.append(f"q.kind IN ({', '.join('?' * len(kinds))})")
        params.extend(kinds)
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def list_quotes(
    db: Any,
    speaker: str | None = None,
    text: str | None = None,
    entity_id: int | None = None,
    article_id: int | None = None,
    kind: Kinds = None,
    offset: int = 0,
    limit: int = 100,
) -> list[QuoteItem]:
    """One page of quotes, newest article first (in text order within an article).

    `speaker` and `text` match word prefixes, accent-insensitively; `kind` keeps one
    kind of quote or a tuple of kinds.
    """
    where, params = _quote_where(speaker, text, entity_id, article_id, kind)
    order = "a.published DESC, a.id DESC, q.position, q.id"
    sql = (
        f"WITH page AS (SELECT q.id FROM articles a JOIN quotes q ON q.article_id = a.id{where}"
        f" ORDER BY {order} LIMIT ? OFFSET ?) "
        f"SELECT {_QUOTE_COLUMNS} FROM page JOIN quotes q ON q.id = page.id"
        f" JOIN articles a ON a.id = q.article_id JOIN feeds f ON f.id = a.feed_id ORDER BY {order}"
    )
    return [QuoteItem(*row) for row in conn_of(db).execute(sql, [*params, limit, offset])]


def count_quotes(
    db: Any,
    speaker: str | None = None,
    text: str | None = None,
    entity_id: int | None = None,
    article_id: int | None = None,
    kind: Kinds = None,
) -> int:
    """How many quotes `list_quotes` would page through with the same filters."""
    where, params = _quote_where(speaker, text, entity_id, article_id, kind)
    return conn_of(db).execute(f"SELECT count(*) FROM quotes q{where}", params).fetchone()[0]


def get_quote(db: Any, quote_id: int) -> QuoteItem | None:
    """One quote with its article's title, feed and date, or None."""
    row = conn_of(db).execute(
        f"SELECT {_QUOTE_COLUMNS} FROM quotes q JOIN articles a ON a.id = q.article_id"
        " JOIN feeds f ON f.id = a.feed_id WHERE q.id = ?",
        (quote_id,),
    ).fetchone()
    return QuoteItem(*row) if row else None


def article_quotes(db: Any, article_id: int) -> list[QuoteItem]:
    """Every quote of one article, in text order."""
    return list_quotes(db, article_id=article_id, limit=10_000)


def _entity_where(kind: str | None, name: str | None) -> tuple[str, list[Any]]:
    clauses, params = ["e.hidden = 0"], []
    if kind:
        clauses.append("e.kind = ?")
        params.append(kind)
    if name and name.strip():
        needle = "%" + fold(name.strip()).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        clauses.append("(e.key LIKE ? ESCAPE '\\' OR lower(e.name) LIKE ? ESCAPE '\\')")
        params += [needle, needle]
    return " WHERE " + " AND ".join(clauses), params


def list_entities(db: Any, kind: str | None = None, name: str | None = None, offset: int = 0, limit: int = 100) -> list[EntityItem]:
    """One page of visible entities ranked by how many articles mention them.

    `name` matches anywhere in the name, case- and accent-insensitively.
    """
    where, params = _entity_where(kind, name)
    sql = f"SELECT {_ENTITY_COLUMNS} FROM entities e{where} ORDER BY e.article_count DESC, e.id LIMIT ? OFFSET ?"
    return [EntityItem(*row) for row in conn_of(db).execute(sql, [*params, limit, offset])]


def count_entities(db: Any, kind: str | None = None, name: str | None = None) -> int:
    """How many entities `list_entities` would page through with the same filters."""
    where, params = _entity_where(kind, name)
    return conn_of(db).execute(f"SELECT count(*) FROM entities e{where}", params).fetchone()[0]


def get_entity(db: Any, entity_id: int) -> EntityItem | None:
    """One entity by id (hidden ones included), or None."""
    row = conn_of(db).execute(f"SELECT {_ENTITY_COLUMNS} FROM entities e WHERE e.id = ?", (entity_id,)).fetchone()
    return EntityItem(*row) if row else None


def find_entity(db: Any, name: str) -> EntityItem | None:
    """The entity called `name`: by the extractor's key, then alias, then surname, then the best-ranked name containing it.

    The key is `vznews.extract.entity_names.entity_key`, the one extraction stores, so titles,
    accents and possessives never stop a match ("President Maduro" finds "Nicolás Maduro").
    """
    # The key extraction stores (headless: entity_names loads word lists, never spaCy), so
    # "President Maduro" and "Nicolás Maduro's" look up what extraction wrote.
    from vznews.extract.entity_names import entity_key

    conn = conn_of(db)
    key = entity_key(name) or " ".join(fold(name).split())
    row = conn.execute(f"SELECT {_ENTITY_COLUMNS} FROM entities e WHERE e.key = ?", (key,)).fetchone()
    if row is None:
        row = conn.execute(
            f"SELECT {_ENTITY_COLUMNS} FROM entity_aliases x JOIN entities e ON e.id = x.entity_id WHERE x.alias_key = ?",
            (key,),
        ).fetchone()
    if row is None and key and " " not in key:  # a surname: the best-known person whose key ends with it
        row = conn.execute(
            f"SELECT {_ENTITY_COLUMNS} FROM entities e WHERE e.hidden = 0 AND e.kind = 'person'"
            " AND e.key LIKE ? ESCAPE '\\' ORDER BY e.article_count DESC, e.mention_count DESC, e.id LIMIT 1",
            ("% " + key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_"),),
        ).fetchone()
    if row is None:
        found = list_entities(db, name=key or name, limit=1) or list_entities(db, name=name, limit=1)
        return found[0] if found else None
    return EntityItem(*row)


def article_entities(db: Any, article_id: int) -> list[ArticleEntity]:
    """The visible entities one article names, most mentioned first, with their alias keys."""
    rows = conn_of(db).execute(
        "SELECT e.id, e.name, e.kind, m.count,"
        " (SELECT group_concat(x.alias_key, char(31)) FROM entity_aliases x WHERE x.entity_id = e.id)"
        " FROM mentions m JOIN entities e ON e.id = m.entity_id"
        " WHERE m.article_id = ? AND e.hidden = 0 ORDER BY m.count DESC, e.name",
        (article_id,),
    ).fetchall()
    return [ArticleEntity(i, n, k, c, tuple(a.split("\x1f")) if a else ()) for i, n, k, c, a in rows]


def co_mentions(db: Any, entity_id: int, limit: int = 10) -> list[CoMention]:
    """The visible entities that share the most articles with `entity_id`."""
    rows = conn_of(db).execute(
        f"SELECT {_ENTITY_COLUMNS}, count(*) AS together FROM mentions m1"
        " JOIN mentions m2 ON m2.article_id = m1.article_id AND m2.entity_id != m1.entity_id"
        " JOIN entities e ON e.id = m2.entity_id"
        " WHERE m1.entity_id = ? AND e.hidden = 0"
        " GROUP BY m2.entity_id ORDER BY together DESC, e.article_count DESC, e.id LIMIT ?",
        (entity_id, limit),
    ).fetchall()
    return [CoMention(EntityItem(*row[:5]), row[5]) for row in rows]


def mentions_per_day(db: Any, entity_id: int, days: int = 30, end: date | None = None) -> list[DayCount]:
    """Articles mentioning `entity_id` per UTC day for the `days` days ending at `end`.

    `end` defaults to the day of the latest mention, so the result never depends
    on today's date unless the caller asks; missing days count zero.
    """
    conn = conn_of(db)
    if end is None:
        latest = conn.execute(
            "SELECT max(a.published) FROM mentions m JOIN articles a ON a.id = m.article_id WHERE m.entity_id = ?",
            (entity_id,),
        ).fetchone()[0]
        if latest is None:
            return []
        end = date.fromisoformat(latest[:10])
    start = end - timedelta(days=days - 1)
    counts = dict(
        conn.execute(
            "SELECT substr(a.published, 1, 10) AS day, count(*) FROM mentions m JOIN articles a ON a.id = m.article_id"
            " WHERE m.entity_id = ? AND a.published >= ? AND a.published < ? GROUP BY day",
            (entity_id, start.isoformat(), (end + timedelta(days=1)).isoformat()),
        ).fetchall()
    )
    return [DayCount(d, counts.get(d, 0)) for d in ((start + timedelta(n)).isoformat() for n in range(days))]
