"""Sync's writes: feed rows and their fetch state, articles, and sync_runs.

Every function takes the writer's connection and commits its own transaction, so
one feed's writes are all or nothing. Promises:

- an article re-delivered unchanged (same content_hash) costs one indexed lookup,
  never a write: upserting would re-fire the FTS triggers;
- a changed article has only its feed-derived columns updated (and is queued for
  extraction again); `is_read`, `is_starred`, `first_seen` and the full text are
  never touched by a sync;
- an article that disappears from its feed stays in the store.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import Any, Iterable, Sequence

from vznews.models import FeedConfig, ParsedEntry, ParsedFeed


@dataclass(frozen=True)
class StoredFeed:
    """A feed's row as sync needs it: identity and conditional-GET / backoff state."""

    id: int
    url: str
    etag: str | None
    last_modified: str | None
    body_hash: str | None
    moved_to: str | None
    error: str | None
    error_count: int
    retry_after: str | None


@dataclass(frozen=True)
class FetchState:
    """What a successful fetch leaves in the feed's row."""

    checked_at: str
    status: int | None
    etag: str | None
    last_modified: str | None
    body_hash: str | None
    moved_to: str | None


def _conn(db: Any) -> sqlite3.Connection:
    return db.conn if hasattr(db, "conn") else db


# Pages the WAL may grow to before the writer copies it back into the database (SQLite's
# default is 1,000, ~4 MiB). A first sync rewrites the same index and FTS pages in
# every feed's transaction: checkpointing less often writes each of them back once
# instead of dozens of times (200 feeds x 50 items: 645 -> 577 MB written, ~25% less
# writer CPU, measured). Commits and durability are unchanged.
SYNC_WAL_PAGES = 8192


def prepare_writer(db: Any) -> None:
    """Tune the sync writer's own connection for a burst of per-feed transactions
    (a larger WAL between checkpoints). Other connections are unaffected."""
    _conn(db).execute(f"PRAGMA wal_autocheckpoint = {SYNC_WAL_PAGES}")


_FEED_COLUMNS = "id, url, etag, last_modified, body_hash, moved_to, error, error_count, retry_after"


def sync_feed_rows(db: Any, feeds: Sequence[FeedConfig]) -> dict[str, StoredFeed]:
    """Make sure every configured feed has a row (name, tags and lang kept current);
    return the rows of these feeds by URL. Feeds no longer configured are left alone."""
    conn = _conn(db)
    with conn:
        known = {row[0]: row[1:] for row in conn.execute("SELECT url, name, tags, lang FROM feeds")}
        fresh = [(f.url, f.name, json.dumps(list(f.tags), ensure_ascii=False), f.lang) for f in feeds]
        conn.executemany("INSERT INTO feeds (url, name, tags, lang) VALUES (?, ?, ?, ?)",
                         [row for row in fresh if row[0] not in known])
        conn.executemany("UPDATE feeds SET name = ?, tags = ?, lang = ? WHERE url = ?",
                         [(name, tags, lang, url) for url, name, tags, lang in fresh
                          if url in known and known[url] != (name, tags, lang)])
    wanted = {f.url for f in feeds}
    rows = conn.execute(f"SELECT {_FEED_COLUMNS} FROM feeds")
    return {row[1]: StoredFeed(*row) for row in rows if row[1] in wanted}


def record_failure(db: Any, feed_id: int, *, checked_at: str, error: str, status: int | None,
                   error_count: int, retry_after: str | None, gone: bool = False, clear_moved: bool = False) -> None:
    """Remember a failed fetch: the error line, the failure count and when to try again.
    The last success's validators stay, so the next good fetch can still be conditional."""
    conn = _conn(db)
    with conn:
        conn.execute(
            "UPDATE feeds SET checked_at = ?, status = ?, error = ?, error_count = ?, retry_after = ?, gone = ?"
            + (", moved_to = NULL, etag = NULL, last_modified = NULL" if clear_moved else "")
            + " WHERE id = ?",
            (checked_at, status, error, error_count, retry_after, int(gone), feed_id),
        )


def record_unchanged(db: Any, feed_id: int, state: FetchState) -> None:
    """Remember a fetch that brought nothing new (304, or a byte-identical body)."""
    conn = _conn(db)
    with conn:
        _write_success(conn, feed_id, state, None)


def _write_success(conn: sqlite3.Connection, feed_id: int, state: FetchState, feed: ParsedFeed | None) -> None:
    conn.execute(
        "UPDATE feeds SET checked_at = ?, ok_at = ?, status = ?, etag = coalesce(?, etag),"
        " last_modified = coalesce(?, last_modified), body_hash = coalesce(?, body_hash), moved_to = ?,"
        " error = NULL, error_count = 0, retry_after = NULL, gone = 0,"
        " title = coalesce(?, title), site_url = coalesce(?, site_url) WHERE id = ?",
        (state.checked_at, state.checked_at, state.status, state.etag, state.last_modified, state.body_hash,
         state.moved_to, feed.title if feed else None, feed.site_url if feed else None, feed_id),
    )


def _existing_hashes(conn: sqlite3.Connection, feed_id: int, guids: list[str]) -> dict[str, tuple[int, str]]:
    # One statement, one result row: a row-by-row fetch would wait for the GIL once per
    # article while parser threads run.
    found = conn.execute(
        "SELECT json_group_array(json_array(guid, id, content_hash)) FROM articles"
        " WHERE feed_id = ? AND guid IN (SELECT value FROM json_each(?))",
        (feed_id, json.dumps(guids)),
    ).fetchone()[0]
    return {guid: (article_id, digest) for guid, article_id, digest in json.loads(found)}


_COLUMNS = ("feed_id, guid, url, title, author, published, updated, summary, summary_html,"
            " content, content_html, lang, content_hash, first_seen")
_ROW = "(" + ", ".join("?" * 14) + ")"
_ROWS_PER_INSERT = 60  # 840 parameters: under the 999 that older SQLite builds allow
_UPDATE = (
    "UPDATE articles SET url = ?, title = ?, author = ?, published = CASE WHEN ? THEN ? ELSE published END,"
    " updated = ?, summary = ?, summary_html = ?, content = ?, content_html = ?, lang = ?, content_hash = ?,"
    " extracted_version = 0 WHERE id = ?"
)


def _insert(conn: sqlite3.Connection, rows: list[tuple[Any, ...]]) -> int:
    """Insert rows with one multi-row statement per chunk: SQLite then runs a whole chunk
    (and its FTS triggers) without coming back to Python, which executemany does per row."""
    inserted = 0
    for start in range(0, len(rows), _ROWS_PER_INSERT):
        chunk = rows[start:start + _ROWS_PER_INSERT]
        sql = f"INSERT OR IGNORE INTO articles ({_COLUMNS}) VALUES " + ", ".join([_ROW] * len(chunk))
        inserted += max(conn.execute(sql, [value for row in chunk for value in row]).rowcount, 0)
    return inserted


def store_feed(db: Any, feed_id: int, feed: ParsedFeed, entries: Iterable[ParsedEntry], state: FetchState,
               *, first_seen: str) -> tuple[int, int]:
    """Store one fetched feed in one transaction: new entries inserted, changed ones
    updated, unchanged ones skipped, and the feed's state recorded.
    Returns (new, updated) counts."""
    conn = _conn(db)
    entries = list(entries)
    with conn:
        existing = _existing_hashes(conn, feed_id, [e.guid for e in entries])
        fresh = [(feed_id, e.guid, e.url, e.title, e.author, e.published, e.updated, e.summary, e.summary_html,
                  e.content, e.content_html, e.lang, e.content_hash, first_seen)
                 for e in entries if e.guid not in existing]
        changed = [(e.url, e.title, e.author, e.dated, e.published, e.updated, e.summary, e.summary_html,
                    e.content, e.content_html, e.lang, e.content_hash, existing[e.guid][0])
                   for e in entries if e.guid in existing and existing[e.guid][1] != e.content_hash]
        new = _insert(conn, fresh)
        if changed:
            conn.executemany(_UPDATE, changed)
        _write_success(conn, feed_id, state, feed)
    return new, len(changed)


def start_run(db: Any, started: str) -> int:
    """Open a sync_runs row; returns its id."""
    conn = _conn(db)
    with conn:
        return int(conn.execute("INSERT INTO sync_runs (started) VALUES (?)", (started,)).lastrowid or 0)


def finish_run(db: Any, run_id: int, *, finished: str, feeds_ok: int, feeds_unchanged: int, feeds_failed: int,
               new: int, updated: int) -> None:
    """Close a sync_runs row with its per-feed outcome counts."""
    conn = _conn(db)
    with conn:
        conn.execute(
            "UPDATE sync_runs SET finished = ?, feeds_ok = ?, feeds_unchanged = ?, feeds_failed = ?,"
            " new_articles = ?, updated_articles = ? WHERE id = ?",
            (finished, feeds_ok, feeds_unchanged, feeds_failed, new, updated, run_id),
        )
