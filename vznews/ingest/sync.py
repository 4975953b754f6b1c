"""`run_sync`: every feed into the store, then the later phases, as a stream of events.

Pipeline: feeds are fetched and parsed in worker threads (at most `workers` at
once, `per_host` per host, interleaved across hosts), and written serially by
the thread iterating this generator, one transaction per feed. A 304 or a
byte-identical body costs no parse and no article write. A failing feed yields
`FeedSynced(outcome="failed")` with one error line and is backed off on later
syncs when it keeps failing; the others go on. Then the full-text and
extraction phases run if they are installed, their progress passed through.
"""

from __future__ import annotations

import functools
import sqlite3
from collections import OrderedDict
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Callable, Iterator, Sequence
from urllib.parse import urlsplit

from vznews.ingest.feedjob import FeedWork, fetch_feed, needs_parsing, parse_fetched
from vznews.ingest.fetch import Fetcher
from vznews.ingest.normalize import format_utc
from vznews.ingest.phases import run_phases
from vznews.ingest.workers import DaemonPool
from vznews.models import Config, FeedConfig, FeedSynced, PhaseProgress, SyncEvent, SyncFinished, SyncStarted
from vznews.store import writes
from vznews.store.db import StoreError, open_db
from vznews.store.synclock import sync_lock
from vznews.textsafe import one_line

BACKOFF_START = timedelta(minutes=15)  # after the second failure in a row; doubles each time
BACKOFF_MAX = timedelta(hours=24)
# Parsing is CPU work under the GIL: one parser thread beside the writer (whose SQLite work
# releases the GIL) keeps two cores busy; a second parser only adds contention (measured).
PARSERS = 1


class NoMatchingFeeds(ValueError):
    """`only` named no configured feed or tag."""


def select_feeds(config: Config, only: str | None) -> tuple[FeedConfig, ...]:
    """The feeds a sync covers: all, or those whose name or one of whose tags is `only`
    (case-insensitive). Raises NoMatchingFeeds with the names and tags on offer."""
    if not only:
        return config.feeds
    key = only.strip().casefold()
    chosen = tuple(f for f in config.feeds if f.name.casefold() == key or key in (t.casefold() for t in f.tags))
    if not chosen:
        tags = sorted({t for f in config.feeds for t in f.tags})
        offer = f"; tags: {', '.join(tags)}" if tags else ""
        raise NoMatchingFeeds(f"no feed is named or tagged {only!r} ({len(config.feeds)} feeds{offer})")
    return chosen


def backoff_until(error_count: int, server_wait: datetime | None, now: datetime) -> datetime | None:
    """When a feed that has now failed `error_count` times in a row may be fetched again:
    not held back after one failure, then 15 min, 30 min, 1 h ... up to a day; a
    server's Retry-After is honoured when it asks for longer."""
    ours = now + min(BACKOFF_START * 2 ** (error_count - 2), BACKOFF_MAX) if error_count >= 2 else None
    waits = [w for w in (ours, server_wait) if w is not None]
    return max(waits) if waits else None


def _by_host(feeds: Sequence[FeedConfig], stored: dict[str, writes.StoredFeed]) -> list[FeedConfig]:
    """Feeds interleaved host by host, so per-host limits never idle the workers."""
    queues: OrderedDict[str, list[FeedConfig]] = OrderedDict()
    for feed in feeds:
        url = stored[feed.url].moved_to or feed.url
        queues.setdefault(urlsplit(url).netloc.lower(), []).append(feed)
    order: list[FeedConfig] = []
    while queues:
        for host in list(queues):
            order.append(queues[host].pop(0))
            if not queues[host]:
                del queues[host]
    return order


def _parse_time(text: str | None) -> datetime | None:
    if not text:
        return None
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None


class _Tally:
    def __init__(self) -> None:
        self.ok = self.unchanged = self.failed = self.skipped = self.new = self.updated = 0

    def add(self, event: FeedSynced) -> FeedSynced:
        self.new += event.new
        self.updated += event.updated
        if event.outcome in ("new", "updated"):
            self.ok += 1
        elif event.outcome == "unchanged":
            self.unchanged += 1
        elif event.outcome == "failed":
            self.failed += 1
        else:
            self.skipped += 1
        return event


def _write(db: Any, work: FeedWork, now: datetime) -> FeedSynced:
    """Store one feed's outcome (one transaction) and describe it as an event."""
    feed, stored, checked = work.feed, work.stored, format_utc(datetime.now(timezone.utc))
    note = "; ".join(work.notes) or None
    try:
        if work.error:
            count = stored.error_count + 1
            server_wait = work.result.retry_after if work.result else None
            until = backoff_until(count, server_wait, now)
            writes.record_failure(db, stored.id, checked_at=checked, error=work.error, status=work.status,
                                  error_count=count, retry_after=format_utc(until) if until else None,
                                  gone=work.status == 410, clear_moved=bool(stored.moved_to))
            if until and until != server_wait:  # the server's own wait is in the error line already
                note = f"will not retry before {until:%Y-%m-%d %H:%M} UTC ({count} failures in a row)"
            return FeedSynced(feed.url, feed.name, "failed", error=work.error, note=note)
        result = work.result
        state = writes.FetchState(checked, result.status if result else None, result.etag if result else None,
                                  result.last_modified if result else None, work.body_hash, work.moved_to)
        if work.unchanged or work.parsed is None:
            writes.record_unchanged(db, stored.id, state)
            return FeedSynced(feed.url, feed.name, "unchanged", note=note)
        new, updated = writes.store_feed(db, stored.id, work.parsed, work.entries, state, first_seen=format_utc(now))
    except (sqlite3.Error, UnicodeError) as exc:
        return FeedSynced(feed.url, feed.name, "failed", error=one_line(f"cannot write to the store: {exc}"))
    outcome = "new" if new else "updated" if updated else "unchanged"
    return FeedSynced(feed.url, feed.name, outcome, new=new, updated=updated, note=note)


def _skip_event(feed: FeedConfig, stored: writes.StoredFeed, now: datetime) -> FeedSynced | None:
    until = _parse_time(stored.retry_after)
    if until is None or until <= now:
        return None
    last = f"; last error: {stored.error}" if stored.error else ""
    attempts = f"{stored.error_count} failed attempt{'' if stored.error_count == 1 else 's'}"
    note = f"backed off until {until:%Y-%m-%d %H:%M} UTC after {attempts}{last}"
    return FeedSynced(feed.url, feed.name, "skipped", note=one_line(note, 300))


def _fetch_feeds(db: Any, config: Config, feeds: Sequence[FeedConfig], stored: dict[str, writes.StoredFeed],
                 workers: int, now: datetime, tally: _Tally) -> Iterator[FeedSynced]:
    due = []
    for feed in feeds:
        skipped = _skip_event(feed, stored[feed.url], now)
        if skipped:
            yield tally.add(skipped)
        else:
            due.append(feed)
    now_text = format_utc(now)
    with Fetcher(config.settings, max_connections=workers) as fetcher:
        # Bounded look-ahead: parsed feeds wait for the writer, so memory stays flat.
        pool: DaemonPool[FeedConfig, FeedWork] = DaemonPool(
            lambda feed: fetch_feed(fetcher, feed, stored[feed.url]), workers, workers + 2, "vznews-fetch",
            then=lambda work: parse_fetched(fetcher, work, now_text), then_size=PARSERS, wants_then=needs_parsing)
        for work in pool.results(_by_host(due, stored)):
            yield tally.add(_write(db, work, now))


SYNC_LOCK_WAIT = 2.0  # seconds a sync waits for another one on the same store before saying so


def _one_sync_at_a_time(run: Callable[..., Iterator[SyncEvent]]) -> Callable[..., Iterator[SyncEvent]]:
    """Hold the store's sync lock for the whole run; raises SyncBusy (one line) when another
    sync (another terminal, cron, the TUI) still holds it after SYNC_LOCK_WAIT seconds."""

    @functools.wraps(run)
    def locked(config: Config, db_path: Path, **kwargs: Any) -> Iterator[SyncEvent]:
        with sync_lock(db_path, wait=SYNC_LOCK_WAIT):
            yield from run(config, db_path, **kwargs)

    return locked


@_one_sync_at_a_time
def run_sync(config: Config, db_path: Path, *, only: str | None = None, workers: int | None = None,
             fulltext: bool = True, extract: bool = True) -> Iterator[SyncEvent]:
    """Sync the configured feeds (or those `only` names or tags) into the store at
    `db_path`, then run the full-text and extraction phases when asked and installed.

    Yields SyncStarted, one FeedSynced per feed (in completion order), the phases'
    PhaseProgress, and SyncFinished. Raises NoMatchingFeeds before yielding when
    `only` matches nothing, and StoreError (one line) when the store cannot be
    opened or written.
    """
    feeds = select_feeds(config, only)
    db = open_db(db_path)
    now = datetime.now(timezone.utc).replace(microsecond=0)
    try:
        writes.prepare_writer(db)
        stored = writes.sync_feed_rows(db, feeds)
        run_id = writes.start_run(db, format_utc(now))
    except sqlite3.Error as exc:
        db.conn.close()
        raise StoreError(f"{db_path}: cannot write to the store ({exc})") from None
    tally = _Tally()
    yield SyncStarted(total=len(feeds))
    count = max(1, workers or config.settings.workers)
    try:
        yield from _fetch_feeds(db, config, feeds, stored, count, now, tally)
        writes.finish_run(db, run_id, finished=format_utc(datetime.now(timezone.utc)), feeds_ok=tally.ok,
                          feeds_unchanged=tally.unchanged, feeds_failed=tally.failed, new=tally.new, updated=tally.updated)
    except sqlite3.Error as exc:
        raise StoreError(f"{db_path}: cannot write to the store ({exc})") from None
    finally:
        db.conn.close()
    extra: dict[str, int] = {"skipped": tally.skipped} if tally.skipped else {}
    yield from run_phases(db_path, replace(config, feeds=feeds), fulltext, extract, extra)
    yield SyncFinished(tally.ok, tally.unchanged, tally.failed, tally.new, tally.updated, extra)


@_one_sync_at_a_time
def run_fulltext_only(config: Config, db_path: Path, *, only: str | None = None,
                      extract: bool = True) -> Iterator[SyncEvent]:
    """`sync --fulltext-only`: no feed is fetched; the pages of the stored articles that
    have none yet (or failed fewer than 3 times) are fetched, then extraction runs.

    Yields the phases' PhaseProgress and a SyncFinished with zero feeds. Raises
    NoMatchingFeeds like run_sync, and StoreError when the store cannot be opened.
    """
    feeds = select_feeds(config, only)
    open_db(db_path).conn.close()
    extra: dict[str, int] = {}
    yield from run_phases(db_path, replace(config, feeds=feeds), True, extract, extra)
    yield SyncFinished(0, 0, 0, 0, 0, extra)
