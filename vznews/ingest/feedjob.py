"""One feed's work in a worker thread: fetch, skip what did not change, parse, filter.

`process_feed` runs off the writer's thread and touches no database: it returns
a `FeedWork` record that the writer turns into rows and a `FeedSynced` event.
It never raises: anything unexpected becomes the feed's error line, so one bad
feed cannot stop the others.
"""

from __future__ import annotations

import hashlib
import threading
from dataclasses import dataclass, replace

from vznews.ingest.discover import find_feed_links, page_error
from vznews.ingest.fetch import FetchResult, Fetcher
from vznews.ingest.filters import apply_filter
from vznews.ingest.parse import NotAFeed, ParseError, parse_feed
from vznews.models import FeedConfig, ParsedEntry, ParsedFeed
from vznews.store.writes import StoredFeed
from vznews.textsafe import one_line

# Parsing is CPU work under the GIL: two parsers at once keep both cores busy next to
# the writer (SQLite releases the GIL); more would only add contention and memory.
PARSE_SLOTS = threading.BoundedSemaphore(2)


@dataclass(frozen=True)
class FeedWork:
    """What happened to one feed before anything was written."""

    feed: FeedConfig
    stored: StoredFeed
    fetched_url: str
    result: FetchResult | None = None
    parsed: ParsedFeed | None = None
    entries: tuple[ParsedEntry, ...] = ()
    body_hash: str | None = None
    unchanged: bool = False
    error: str | None = None
    moved_to: str | None = None
    notes: tuple[str, ...] = ()
    page_text: str | None = None  # the body was an HTML page (discovery looks at it)

    @property
    def status(self) -> int | None:
        return self.result.status if self.result else None


def _fetch_and_parse(fetcher: Fetcher, url: str, work: FeedWork, now: str, *, conditional: bool) -> FeedWork:
    stored = work.stored
    result = fetcher.fetch(url, etag=stored.etag if conditional else None,
                           last_modified=stored.last_modified if conditional else None)
    work = replace(work, fetched_url=url, result=result, moved_to=result.moved_to)
    if result.error:
        return replace(work, error=result.error)
    if result.not_modified:
        return replace(work, unchanged=True)
    body = result.body or b""
    body_hash = hashlib.sha1(body).hexdigest()
    if conditional and stored.body_hash == body_hash:
        return replace(work, unchanged=True, body_hash=body_hash)
    # The body is not kept past parsing: parsed feeds may queue for the writer.
    work = replace(work, result=replace(result, body=None))
    try:
        with PARSE_SLOTS:
            parsed = parse_feed(body, url=result.final_url, now=now, content_type=result.content_type, lang=work.feed.lang)
            entries, dropped = apply_filter(work.feed, parsed.entries)
    except NotAFeed as page:
        return replace(work, page_text=page.text)
    except ParseError as exc:
        return replace(work, error=one_line(str(exc), 240))
    notes = (f"{dropped} of {len(parsed.entries)} entries left out by the keyword filter",) if dropped else ()
    return replace(work, parsed=parsed, entries=tuple(entries), body_hash=body_hash, notes=notes)


def _discover(fetcher: Fetcher, page: FeedWork, now: str) -> FeedWork:
    """The page at the feed's address names its feed: use it when there is exactly one."""
    assert page.result is not None and page.page_text is not None
    links = find_feed_links(page.page_text, page.result.final_url)
    if len(links) != 1:
        return replace(page, page_text=None, error=page_error(links))
    target = links[0].url
    work = _fetch_and_parse(fetcher, target, replace(page, page_text=None), now, conditional=False)
    if work.page_text is not None:
        return replace(work, page_text=None, error=f"this is a web page; the feed it names, {target}, is another page")
    if work.error:
        return replace(work, error=one_line(f"this is a web page; its feed {target} failed: {work.error}", 300))
    note = f"this is a web page; its feed is {target} (used it; put that address in feeds.toml)"
    return replace(work, moved_to=target, notes=(note, *work.notes))


def process_feed(fetcher: Fetcher, feed: FeedConfig, stored: StoredFeed, now: str) -> FeedWork:
    """Fetch and parse one feed (from its recorded new address, if it moved or was
    discovered). Never raises; failures come back as `FeedWork.error` (one line)."""
    url = stored.moved_to or feed.url
    work = FeedWork(feed=feed, stored=stored, fetched_url=url)
    try:
        work = _fetch_and_parse(fetcher, url, work, now, conditional=True)
        if work.page_text is not None:
            return _discover(fetcher, work, now)
    except Exception as exc:  # a bug or an unforeseen library error: report it, keep going
        return replace(work, error=one_line(f"unexpected error: {type(exc).__name__}: {exc}", 240))
    if work.error:
        return work
    if work.moved_to:
        return replace(work, notes=(f"moved permanently to {work.moved_to} (update feeds.toml)", *work.notes))
    if stored.moved_to:
        note = f"fetched from its new address {stored.moved_to} (update feeds.toml)"
        return replace(work, moved_to=stored.moved_to, notes=(note, *work.notes))
    return work
