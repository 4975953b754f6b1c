"""Small helpers to put feeds and articles in a test store without running a sync."""

from __future__ import annotations

import hashlib
from pathlib import Path

from vznews.store.db import open_db


def add_feed(db_path: Path, url: str, name: str = "Test Feed") -> int:
    """Insert a feed row (or return the existing one's id)."""
    db = open_db(db_path)
    with db.conn:
        db.conn.execute("INSERT OR IGNORE INTO feeds (url, name) VALUES (?, ?)", (url, name))
    feed_id = db.conn.execute("SELECT id FROM feeds WHERE url = ?", (url,)).fetchone()[0]
    db.conn.close()
    return int(feed_id)


def add_article(db_path: Path, feed_id: int, guid: str, *, url: str | None = None, title: str = "A title",
                summary: str = "", content: str = "", author: str | None = None,
                published: str = "2024-08-02T14:05:00+00:00", **columns: object) -> int:
    """Insert an article row with the given columns; returns its id."""
    row = {"feed_id": feed_id, "guid": guid, "url": url, "title": title, "author": author, "published": published,
           "summary": summary, "content": content, "content_hash": hashlib.sha1(guid.encode()).hexdigest(),
           "first_seen": published, **columns}
    db = open_db(db_path)
    with db.conn:
        cursor = db.conn.execute(
            f"INSERT INTO articles ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})", tuple(row.values())
        )
    db.conn.close()
    return int(cursor.lastrowid or 0)


def article(db_path: Path, article_id: int) -> dict[str, object]:
    """The article row as a dict."""
    db = open_db(db_path)
    cursor = db.conn.execute("SELECT * FROM articles WHERE id = ?", (article_id,))
    names = [d[0] for d in cursor.description]
    row = cursor.fetchone()
    db.conn.close()
    return dict(zip(names, row))
