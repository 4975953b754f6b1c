"""One feed's work off the writer's thread, in two stages.

`fetch_feed` (I/O, many threads) fetches and stops at a 304 or a byte-identical
body; `parse_fetched` (CPU, one thread) parses, filters and follows a web page
to its feed. Neither touches the database: the `FeedWork` record they return is
what the writer turns into rows and a `FeedSynced` event. Neither raises:
anything unexpected becomes the feed's error line, so one bad feed cannot stop
the others.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from typing import Callable

from vznews.ingest.discover import find_feed_links, page_error
from vznews.ingest.fetch import FetchResult, Fetcher
from vznews.ingest.filters import apply_filter
from vznews.ingest.parse import NotAFeed, ParseError, parse_feed
from vznews.models import FeedConfig, ParsedEntry, ParsedFeed
from vznews.store.writes import StoredFeed
from vznews.textsafe import one_line


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


def _fetch(fetcher: Fetcher, url: str, work: FeedWork, *, conditional: bool) -> FeedWork:
    """Fetch `url`; the body stays on the result only when it needs parsing."""
    stored = work.stored
    result = fetcher.fetch(url, etag=stored.etag if conditional else None,
                           last_modified=stored.last_modified if conditional else None)
    work = replace(work, fetched_url=url, result=result, moved_to=result.moved_to)
    if result.error:
        return replace(work, error=result.error)
    if result.not_modified:
        return replace(work, unchanged=True)
    body_hash = hashlib.sha1(result.body or b"").hexdigest()
    if conditional and stored.body_hash == body_hash:
        return replace(work, result=replace(result, body=None), unchanged=True, body_hash=body_hash)
    return replace(work, body_hash=body_hash)


def _parse(work: FeedWork, now: str) -> FeedWork:
    """Parse and filter a fetched body; the body is dropped (parsed feeds may queue for the writer)."""
    result = work.result
    assert result is not None
    body = result.body or b""
    work = replace(work, result=replace(result, body=None))
    try:
        parsed = parse_feed(body, url=result.final_url, now=now, content_type=result.content_type, lang=work.feed.lang)
        entries, dropped = apply_filter(work.feed, parsed.entries)
    except NotAFeed as page:
        return replace(work, page_text=page.text)
    except ParseError as exc:
        return replace(work, error=one_line(str(exc), 240))
    notes = (f"{dropped} of {len(parsed.entries)} entries left out by the keyword filter",) if dropped else ()
    return replace(work, parsed=parsed, entries=tuple(entries), notes=notes)


def _discover(fetcher: Fetcher, page: FeedWork, now: str) -> FeedWork:
    """The page at the feed's address names its feed: use it when there is exactly one."""
    assert page.result is not None and page.page_text is not None
    links = find_feed_links(page.page_text, page.result.final_url)
    if len(links) != 1:
        return replace(page, page_text=None, error=page_error(links))
    target = links[0].url
    work = _fetch(fetcher, target, replace(page, page_text=None), conditional=False)
    if needs_parsing(work):
        work = _parse(work, now)
    if work.page_text is not None:
        return replace(work, page_text=None, error=f"this is a web page; the feed it names, {target}, is another page")
    if work.error:
        return replace(work, error=one_line(f"this is a web page; its feed {target} failed: {work.error}", 300))
    note = f"this is a web page; its feed is {target} (used it; put that address in feeds.toml)"
    return replace(work, moved_to=target, notes=(note, *work.notes))


def _guarded(work: FeedWork, step: Callable[[], FeedWork]) -> FeedWork:
    try:
        return step()
    except Exception as exc:  # a bug or an unforeseen library error: report it, keep going
        return replace(work, error=one_line(f"unexpected error: {type(exc).__name__}: {exc}", 240))


def needs_parsing(work: FeedWork) -> bool:
    """True when `work` holds a fetched body that has not been parsed yet."""
    return work.error is None and not work.unchanged and work.parsed is None and work.page_text is None \
        and work.result is not None and work.result.body is not None


def _finish(work: FeedWork) -> FeedWork:
    """Notes about a moved address, and the address to remember (a 304 from it included)."""
    if work.error:
        return work
    if work.moved_to:
        return replace(work, notes=(f"moved permanently to {work.moved_to} (update feeds.toml)", *work.notes))
    if work.stored.moved_to:
        note = f"fetched from its new address {work.stored.moved_to} (update feeds.toml)"
        return replace(work, moved_to=work.stored.moved_to, notes=(note, *work.notes))
    return work


def fetch_feed(fetcher: Fetcher, feed: FeedConfig, stored: StoredFeed) -> FeedWork:
    """Stage one (I/O): fetch one feed, from its recorded new address if it moved or was
    discovered. A 304 or a byte-identical body ends here (finished). Never raises."""
    url = stored.moved_to or feed.url
    work = FeedWork(feed=feed, stored=stored, fetched_url=url)
    work = _guarded(work, lambda: _fetch(fetcher, url, work, conditional=True))
    return work if needs_parsing(work) else _finish(work)


def parse_fetched(fetcher: Fetcher, work: FeedWork, now: str) -> FeedWork:
    """Stage two (CPU): parse and filter what `fetch_feed` brought and follow a web page
    to the feed it names. Never raises; failures come back as `FeedWork.error` (one line)."""
    if not needs_parsing(work):
        return work
    work = _guarded(work, lambda: _parse(work, now))
    if work.page_text is not None:
        page = work
        return _guarded(page, lambda: _discover(fetcher, page, now))  # its note says where the feed is
    return _finish(work)


def process_feed(fetcher: Fetcher, feed: FeedConfig, stored: StoredFeed, now: str) -> FeedWork:
    """Both stages for one feed, in this thread."""
    return parse_fetched(fetcher, fetch_feed(fetcher, feed, stored), now)
