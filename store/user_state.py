"""The reader's own state on articles (read, starred): written here, never by a sync."""

from __future__ import annotations

from typing import Any, Iterable

from vznews.store.queries_extract import conn_of


def set_read(db: Any, article_ids: Iterable[int], read: bool = True) -> int:
    """Mark articles read (or unread); returns how many changed."""
    ids = list(article_ids)
    if not ids:
        return 0
    conn = conn_of(db)
    with conn:
        changed = 0
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            cursor = conn.execute(
                f"UPDATE articles SET is_read = ? WHERE id IN ({marks}) AND is_read != ?", [int(read), *chunk, int(read)]
            )
            changed += cursor.rowcount
    return changed


def set_starred(db: Any, article_id: int, starred: bool) -> bool:
    """Star or unstar one article; returns whether the article exists."""
    conn = conn_of(db)
    with conn:
        cursor = conn.execute("UPDATE articles SET is_starred = ? WHERE id = ?", (int(starred), article_id))
    return cursor.rowcount > 0


def toggle_starred(db: Any, article_id: int) -> bool | None:
    """Flip an article's star; returns the new state, or None if the article is gone."""
    conn = conn_of(db)
    with conn:
        cursor = conn.execute("UPDATE articles SET is_starred = 1 - is_starred WHERE id = ?", (article_id,))
        if cursor.rowcount == 0:
            return None
        return bool(conn.execute("SELECT is_starred FROM articles WHERE id = ?", (article_id,)).fetchone()[0])


def toggle_read(db: Any, article_id: int) -> bool | None:
    """Flip an article's read mark; returns the new state, or None if the article is gone."""
    conn = conn_of(db)
    with conn:
        cursor = conn.execute("UPDATE articles SET is_read = 1 - is_read WHERE id = ?", (article_id,))
        if cursor.rowcount == 0:
            return None
        return bool(conn.execute("SELECT is_read FROM articles WHERE id = ?", (article_id,)).fetchone()[0])
