"""The read API over the store: paged, filtered reads returning frozen records.

Every list is read a page at a time (`offset`, `limit`) in a fixed order, with a
matching `count_*`, so a viewer can show 100,000 rows without loading them.
Functions take a sqlite_utils `Database` or a plain `sqlite3.Connection`; each
thread must use its own connection. Quotes and entities live in `queries_extract`.
"""

from __future__ import annotations

import sqlite3
from typing import Any, Mapping

from vznews.store.queries_extract import (  # noqa: F401  (re-exported: one read API)
    article_entities,
    article_quotes,
    co_mentions,
    count_entities,
    conn_of,
    count_quotes,
    find_entity,
    fold,
    get_entity,
    get_quote,
    list_entities,
    list_quotes,
    mentions_per_day,
)
from vznews.store.records import (  # noqa: F401
    Article,
    ArticleEntity,
    ArticleFilter,
    ArticleItem,
    CoMention,
    DayCount,
    EntityItem,
    QuoteItem,
    SourceCount,
    Sources,
)

_ORDER = "a.published DESC, a.id DESC"
_ITEM_COLUMNS = "a.id, a.feed_id, f.name, a.title, a.published, a.url, a.is_read, a.is_starred"


def article_body(row: Mapping[str, Any]) -> tuple[str, str]:
    """The text shown and extracted for an article row, and where it came from.

    `fulltext` if present, else `content` if non-empty, else `summary`; quote
    offsets index this text.
    """
    if row["fulltext"]:
        return row["fulltext"], "fulltext"
    if row["content"]:
        return row["content"], "content"
    return row["summary"] or "", "summary"


def _where(flt: ArticleFilter) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    if flt.kind == "unread" or flt.unread_only:
        clauses.append("a.is_read = 0")
    if flt.kind == "starred":
        clauses.append("a.is_starred = 1")
    elif flt.kind == "feed":
        clauses.append("a.feed_id = ?")
        params.append(flt.value)
    elif flt.kind == "tag":
        clauses.append("a.feed_id IN (SELECT f2.id FROM feeds f2, json_each(f2.tags) t WHERE t.value = ?)")
        params.append(flt.value)
    elif flt.kind == "entity":
        clauses.append("a.id IN (SELECT m.article_id FROM mentions m WHERE m.entity_id = ?)")
        params.append(flt.value)
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def _item(row: sqlite3.Row | tuple) -> ArticleItem:
    return ArticleItem(row[0], row[1], row[2], row[3], row[4], row[5], bool(row[6]), bool(row[7]))


def list_articles(db: Any, flt: ArticleFilter = ArticleFilter(), offset: int = 0, limit: int = 100) -> list[ArticleItem]:
    """One page of the articles `flt` selects, newest first (published, then id)."""
    where, params = _where(flt)
    # Page over the (published, id) index first, then fetch only that page's rows.
    sql = (
        f"WITH page AS (SELECT a.id FROM articles a{where} ORDER BY {_ORDER} LIMIT ? OFFSET ?) "
        f"SELECT {_ITEM_COLUMNS} FROM page JOIN articles a ON a.id = page.id "
        f"JOIN feeds f ON f.id = a.feed_id ORDER BY {_ORDER}"
    )
    rows = conn_of(db).execute(sql, [*params, limit, offset]).fetchall()
    return [_item(r) for r in rows]


def count_articles(db: Any, flt: ArticleFilter = ArticleFilter()) -> int:
    """How many articles `flt` selects."""
    where, params = _where(flt)
    return conn_of(db).execute(f"SELECT count(*) FROM articles a{where}", params).fetchone()[0]


def article_position(db: Any, flt: ArticleFilter, article_id: int) -> int | None:
    """The index `article_id` has (or would have) in the list `flt` selects; None if it is gone."""
    conn = conn_of(db)
    found = conn.execute("SELECT published FROM articles WHERE id = ?", (article_id,)).fetchone()
    if found is None:
        return None
    where, params = _where(flt)
    where = (where + " AND " if where else " WHERE ") + "(a.published > ? OR (a.published = ? AND a.id > ?))"
    sql = f"SELECT count(*) FROM articles a{where}"
    return conn.execute(sql, [*params, found[0], found[0], article_id]).fetchone()[0]


def next_unread(db: Any, flt: ArticleFilter, article_id: int | None, direction: int = 1) -> tuple[int, ArticleItem] | None:
    """The next (direction 1) or previous (-1) unread article after `article_id` in `flt`'s list, with its index."""
    conn = conn_of(db)
    where, params = _where(ArticleFilter(flt.kind, flt.value, unread_only=True))
    if article_id is not None:
        found = conn.execute("SELECT published FROM articles WHERE id = ?", (article_id,)).fetchone()
        if found is not None:
            op, eq = ("<", "<") if direction > 0 else (">", ">")
            where += f" AND (a.published {op} ? OR (a.published = ? AND a.id {eq} ?))"
            params += [found[0], found[0], article_id]
    order = _ORDER if direction > 0 else "a.published ASC, a.id ASC"
    sql = f"SELECT {_ITEM_COLUMNS} FROM articles a JOIN feeds f ON f.id = a.feed_id{where} ORDER BY {order} LIMIT 1"
    row = conn.execute(sql, params).fetchone()
    if row is None:
        return None
    item = _item(row)
    index = article_position(db, flt, item.id)
    return (index if index is not None else 0), item


def get_article(db: Any, article_id: int) -> Article | None:
    """One article with its body and its feed's name, or None."""
    conn = conn_of(db)
    conn_row = conn.execute(
        "SELECT a.id, a.feed_id, f.name, a.title, a.author, a.published, a.url, a.fulltext, a.content,"
        " a.summary, a.lang, a.is_read, a.is_starred FROM articles a JOIN feeds f ON f.id = a.feed_id"
        " WHERE a.id = ?",
        (article_id,),
    ).fetchone()
    if conn_row is None:
        return None
    (aid, feed_id, feed_name, title, author, published, url, fulltext, content, summary, lang, read, star) = conn_row
    body, source = article_body({"fulltext": fulltext, "content": content, "summary": summary})
    return Article(aid, feed_id, feed_name, title, author, published, url, body, source, lang, bool(read), bool(star))  # type: ignore[arg-type]


def entity_articles(db: Any, entity_id: int, offset: int = 0, limit: int = 100) -> list[ArticleItem]:
    """One page of the articles that mention `entity_id`, newest first."""
    return list_articles(db, ArticleFilter("entity", entity_id), offset, limit)


def sources(db: Any, top_entities: int = 10) -> Sources:
    """The sources pane: totals, each feed and tag with its unread count, and the top entities."""
    conn = conn_of(db)
    total = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    unread = conn.execute("SELECT count(*) FROM articles WHERE is_read = 0").fetchone()[0]
    starred = conn.execute("SELECT count(*) FROM articles WHERE is_starred = 1").fetchone()[0]
    per_feed = {
        feed_id: (n, u)
        for feed_id, n, u in conn.execute(
            "SELECT feed_id, count(*), total(is_read = 0) FROM articles GROUP BY feed_id"
        )
    }
    feeds: list[SourceCount] = []
    tags: dict[str, list[int]] = {}
    for feed_id, name, tag_list, error in conn.execute(
        "SELECT f.id, f.name, (SELECT json_group_array(value) FROM json_each(f.tags)), f.error"
        " FROM feeds f ORDER BY f.name COLLATE NOCASE, f.id"
    ):
        n, u = per_feed.get(feed_id, (0, 0))
        feeds.append(SourceCount(ArticleFilter("feed", feed_id), name, n, int(u), error))
        for tag in _json_list(tag_list):
            counts = tags.setdefault(tag, [0, 0])
            counts[0] += n
            counts[1] += int(u)
    tag_counts = tuple(
        SourceCount(ArticleFilter("tag", tag), tag, n, u) for tag, (n, u) in sorted(tags.items(), key=lambda t: t[0].lower())
    )
    top = conn.execute(
        "SELECT id, name, kind, article_count, mention_count FROM entities"
        " WHERE hidden = 0 AND article_count > 0 ORDER BY article_count DESC, id LIMIT ?",
        (top_entities,),
    ).fetchall()
    return Sources(total, unread, starred, tuple(feeds), tag_counts, tuple(EntityItem(*r) for r in top))


def _json_list(value: str | None) -> list[str]:
    import json

    try:
        items = json.loads(value or "[]")
    except ValueError:
        return []
    return [str(item) for item in items if isinstance(item, (str, int, float))]
