"""Store reads and writes of the full-text phase: which pages to fetch, and their outcome.

An article needs its page when its feed has full text on and either the page was
never tried (`fulltext_status` NULL), its link changed since the last try
(`url != fulltext_url`), or it failed fewer than MAX_ATTEMPTS times for this link.
User state (is_read, is_starred) is never written here.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Collection

MAX_ATTEMPTS = 3
_CHUNK = 500  # feed URLs per query: well under SQLite's variable limit


@dataclass(frozen=True)
class PageJob:
    """One article whose page is to be fetched."""

    article_id: int
    url: str
    feed_text: str  # the feed's own text (content, else summary): the paywall yardstick
    attempts: int  # earlier tries for this same link


def pending_pages(conn: sqlite3.Connection, feed_urls: Collection[str], *, only_missing: bool = True) -> list[PageJob]:
    """The articles of `feed_urls` whose page must be fetched, newest first.

    With only_missing=False every article with an http(s) link is returned (a refetch),
    its attempts counted from zero.
    """
    jobs: list[PageJob] = []
    urls = list(feed_urls)
    wanted = "" if not only_missing else (
        " AND (a.fulltext_status IS NULL OR a.fulltext_url IS NULL OR a.fulltext_url != a.url"
        f" OR (a.fulltext_status = 'failed' AND a.fulltext_attempts < {MAX_ATTEMPTS}))"
    )
    for start in range(0, len(urls), _CHUNK):
        chunk = urls[start : start + _CHUNK]
        rows = conn.execute(
            "SELECT a.id, a.url, a.content, a.summary, a.fulltext_url, a.fulltext_attempts"
            " FROM articles a JOIN feeds f ON f.id = a.feed_id"
            f" WHERE f.url IN ({', '.join('?' * len(chunk))})"
            " AND (a.url LIKE 'http://%' OR a.url LIKE 'https://%')" + wanted +
            " ORDER BY a.published DESC, a.id DESC",
            chunk,
        ).fetchall()
        for article_id, url, content, summary, fulltext_url, attempts in rows:
            earlier = attempts if (only_missing and fulltext_url == url) else 0
            feed_text = content if content and content.strip() else (summary or "")
            jobs.append(PageJob(article_id, url, feed_text, earlier))
    return jobs


def save_page(conn: sqlite3.Connection, job: PageJob, text: str) -> None:
    """Store the extracted text of `job`'s page; the article is queued for re-extraction."""
    with conn:
        conn.execute(
            "UPDATE articles SET fulltext = ?, fulltext_status = 'ok', fulltext_error = NULL,"
            " fulltext_attempts = ?, fulltext_url = ?, extracted_version = 0 WHERE id = ?",
            (text, job.attempts + 1, job.url, job.article_id),
        )


def save_failure(conn: sqlite3.Connection, job: PageJob, error: str) -> None:
    """Record why `job`'s page was not usable; the feed's text (and any earlier page text) is kept."""
    with conn:
        conn.execute(
            "UPDATE articles SET fulltext_status = 'failed', fulltext_error = ?, fulltext_attempts = ?,"
            " fulltext_url = ? WHERE id = ?",
            (error, job.attempts + 1, job.url, job.article_id),
        )
