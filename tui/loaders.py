"""Reads the screens need, shaped for them; these run in worker threads."""

from __future__ import annotations

from datetime import tzinfo
from typing import Any

from vznews.store import queries as q
from vznews.tui.document import ReaderStyles, build_document
from vznews.tui.messages import ArticleLoaded


def load_article(db: Any, article_id: int, styles: ReaderStyles, tz: tzinfo | None, quote_id: int | None = None) -> ArticleLoaded | None:
    """An article with its quotes and entities and its built document, or None if it is gone."""
    article = q.get_article(db, article_id)
    if article is None:
        return None
    quotes = q.article_quotes(db, article_id)
    entities = q.article_entities(db, article_id)
    document = build_document(article, quotes, entities, styles, tz)
    return ArticleLoaded(article, document, quotes, entities, quote_id)


def open_store(store: Any) -> bool:
    """Create or migrate the store; returns True when it holds no articles yet."""
    store.open()
    db = store.db()
    return db.execute("SELECT count(*) FROM (SELECT 1 FROM articles LIMIT 1)").fetchone()[0] == 0
