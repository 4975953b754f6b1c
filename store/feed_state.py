"""What the store knows about each feed: article counts and the last sync's outcome."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class FeedState:
    """One stored feed's counts and health, for `vznews feeds`."""

    url: str
    articles: int = 0
    unread: int = 0
    starred: int = 0
    checked_at: str | None = None  # last attempt (UTC ISO)
    ok_at: str | None = None  # last success (UTC ISO)
    status: int | None = None  # last HTTP status
    error: str | None = None  # last error, one line
    error_count: int = 0  # failures in a row
    retry_after: str | None = None  # not fetched again before this time (UTC ISO)
    gone: bool = False  # the publisher removed it (410)
    moved_to: str | None = None  # a permanent redirect's target


_SQL = """
SELECT f.url, coalesce(c.n, 0), coalesce(c.unread, 0), coalesce(c.starred, 0), f.checked_at, f.ok_at,
       f.status, f.error, f.error_count, f.retry_after, f.gone, f.moved_to
FROM feeds f
LEFT JOIN (
    SELECT feed_id, count(*) AS n, total(is_read = 0) AS unread, total(is_starred = 1) AS starred
    FROM articles GROUP BY feed_id
) c ON c.feed_id = f.id
"""


def feed_states(db: Any) -> dict[str, FeedState]:
    """Every stored feed's state, keyed by its URL (and by its new URL when it moved)."""
    conn: sqlite3.Connection = db.conn if hasattr(db, "conn") else db
    states: dict[str, FeedState] = {}
    for row in conn.execute(_SQL):
        state = FeedState(row[0], int(row[1]), int(row[2]), int(row[3]), *row[4:10], bool(row[10]), row[11])
        states[state.url] = state
        if state.moved_to:
            states.setdefault(state.moved_to, state)
    return states
