"""Seed a store with rows directly (sqlite-utils), for tests of reads, search and the CLI."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from vznews.store.db import open_db

NOW = "2024-07-30T12:00:00+00:00"


def make_store(path: Path) -> Database:
    """A fresh, migrated store at `path`."""
    return open_db(path)


def add_feed(db: Database, url: str, name: str, **extra: Any) -> int:
    """Insert a feed row; returns its id."""
    row = {"url": url, "name": name, "tags": json.dumps(extra.pop("tags", []))} | extra
    return db["feeds"].insert(row).last_pk


def add_article(db: Database, feed_id: int, title: str, *, summary: str = "", content: str = "",
                published: str = NOW, **extra: Any) -> int:
    """Insert an article row (guid from the title unless given); returns its id."""
    guid = extra.pop("guid", "guid:" + title)
    row = {
        "feed_id": feed_id, "guid": guid, "url": extra.pop("url", f"https://example.org/{abs(hash(guid))}"),
        "title": title, "published": published, "summary": summary, "content": content,
        "content_hash": hashlib.sha256((title + summary + content).encode()).hexdigest(),
        "first_seen": published,
    } | extra
    return db["articles"].insert(row).last_pk


def add_quote(db: Database, article_id: int, text: str, speaker: str | None, **extra: Any) -> int:
    """Insert a quote row; returns its id."""
    row = {"article_id": article_id, "text": text, "speaker": speaker, "speaker_as_written": speaker,
           "start": 0, "end": len(text)} | extra
    return db["quotes"].insert(row).last_pk


def add_entity(db: Database, name: str, kind: str = "person", *, articles: int = 1, mentions: int = 1,
               **extra: Any) -> int:
    """Insert an entity row; returns its id."""
    row = {"name": name, "kind": kind, "key": name.lower(), "article_count": articles,
           "mention_count": mentions} | extra
    return db["entities"].insert(row).last_pk
