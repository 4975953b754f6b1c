"""The full-text phase: fetch each new article's page and store its main text.

Runs after the feed phase of `vznews sync` (and alone for `sync --fulltext-only`).
For the feeds with full text on (per feed `fulltext`, else `[settings] fulltext`),
every article whose page was never fetched, whose link changed, or whose page
failed fewer than 3 times is fetched, politely: at most `per_host` requests at a
time to one host and `fulltext_delay` seconds between two starts to one host,
with the feeds' timeouts, size cap, redirect limit, gzip and User-Agent. Pages are
fetched and extracted by worker threads and written serially by the caller's
thread; one failing page never stops the others.
"""

from __future__ import annotations

import queue
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator
from urllib.parse import urlsplit

from vznews.ingest.fetch import Fetcher, FetchResult
from vznews.ingest.hostqueue import HostQueue
from vznews.models import Config, PhaseProgress
from vznews.store.db import connect
from vznews.store.fulltext import PageJob, pending_pages, save_failure, save_page
from vznews.textsafe import one_line

PHASE = "fulltext"


@dataclass(frozen=True)
class PageOutcome:
    """What became of one page: its text, or why not (`error`)."""

    job: PageJob
    text: str | None
    error: str | None
    fetched: bool  # the server answered with a body (whether or not it was usable)


def fulltext_feed_urls(config: Config) -> list[str]:
    """The URLs of the configured feeds whose articles get their full text."""
    default = config.settings.fulltext
    return [feed.url for feed in config.feeds if (default if feed.fulltext is None else feed.fulltext)]


def run_fulltext(db_path: Path, config: Config, *, only_missing: bool = True) -> Iterator[PhaseProgress]:
    """Fetch and extract the pages of the articles that need them; yield progress after each.

    Yields nothing when no article needs its page. The last event's `counts` holds
    {"fetched", "extracted", "failed"}. Closing the generator early stops handing
    out pages and waits only for those in flight.
    """
    db = connect(db_path)
    try:
        jobs = pending_pages(db.conn, fulltext_feed_urls(config), only_missing=only_missing)
        if jobs:
            yield from _run(db.conn, jobs, config)
    finally:
        db.conn.close()


def _run(conn: sqlite3.Connection, jobs: list[PageJob], config: Config) -> Iterator[PhaseProgress]:
    settings = config.settings
    hosts = HostQueue(((_host(job.url), job) for job in jobs), per_host=settings.per_host, delay=settings.fulltext_delay)
    results: queue.Queue[PageOutcome] = queue.Queue()
    host_count = len({_host(job.url) for job in jobs})
    count = max(1, min(settings.workers, len(jobs), host_count * max(1, settings.per_host)))
    fetcher = Fetcher(settings, max_connections=count)
    threads = [threading.Thread(target=_worker, args=(hosts, fetcher, results), daemon=True, name=f"vznews-page-{n}")
               for n in range(count)]
    counts = {"fetched": 0, "extracted": 0, "failed": 0}
    total, done = len(jobs), 0
    for thread in threads:
        thread.start()
    try:
        yield PhaseProgress(PHASE, 0, total, counts=dict(counts))
        for done in range(1, total + 1):
            outcome = results.get()
            counts["fetched"] += outcome.fetched
            if outcome.text is not None:
                save_page(conn, outcome.job, outcome.text)
                counts["extracted"] += 1
                message = None
            else:
                save_failure(conn, outcome.job, outcome.error or "failed")
                counts["failed"] += 1
                message = one_line(f"{outcome.job.url}: {outcome.error}", 300)
            yield PhaseProgress(PHASE, done, total, failed=counts["failed"], message=message, counts=dict(counts))
    finally:
        # Finished: the workers are idle and exit at once. Interrupted (closed early, Ctrl-C):
        # do not wait out the requests in flight; closing the client fails them fast.
        hosts.close()
        for thread in threads:
            thread.join(timeout=None if done == total else 0.1)
        fetcher.close()


def _worker(hosts: HostQueue[PageJob], fetcher: Fetcher, results: queue.Queue[PageOutcome]) -> None:
    while (taken := hosts.take()) is not None:
        host, job = taken
        try:
            result = fetcher.fetch(job.url)
        except Exception as exc:  # noqa: BLE001 - one bad page must not stop the phase
            result = FetchResult(url=job.url, final_url=job.url, error=one_line(f"unexpected error: {exc!r}"))
        finally:
            hosts.done(host)
        results.put(_outcome(job, result))


def _outcome(job: PageJob, result: FetchResult) -> PageOutcome:
    if result.error is not None or result.body is None:
        error = result.error or "no response body"
        if result.status == 410:
            error = "HTTP 410 Gone: the publisher removed this page"
        return PageOutcome(job, None, error, False)
    if not is_html(result.content_type, result.body):
        kind = (result.content_type or "unknown type").split(";")[0].strip()
        return PageOutcome(job, None, one_line(f"not an HTML page ({kind})"), True)
    return _extract(job, result.body, result.content_type, result.final_url)


def is_html(content_type: str | None, body: bytes) -> bool:
    """Whether a response is an HTML page: by its Content-Type, else by its first bytes."""
    if content_type and content_type.strip():
        return content_type.split(";")[0].strip().lower() in ("text/html", "application/xhtml+xml")
    start = body[:1024].lstrip().lower()
    return start.startswith((b"<!doctype html", b"<html")) or b"<html" in start


def _extract(job: PageJob, body: bytes, content_type: str | None, url: str) -> PageOutcome:
    from vznews.ingest.pagetext import failure_reason, page_text

    try:
        page = page_text(body, content_type, url)
    except Exception as exc:  # noqa: BLE001 - a hostile page must not stop the phase
        return PageOutcome(job, None, one_line(f"cannot extract the page: {exc!r}"), True)
    reason = failure_reason(page, job.feed_text)
    return PageOutcome(job, None if reason else page.text, reason, True)


def _host(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()
