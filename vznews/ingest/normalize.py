"""Raw backend records -> `ParsedEntry` / `ParsedFeed`: the same rules whoever parsed.

- identity: the entry's guid/id, else its link, else a hash of its text;
- title and author as one line of plain text;
- summary and content as terminal-safe plain text (paragraphs kept) with the
  original HTML kept beside them; a body given only once (or twice, the same)
  is stored as the summary;
- dates in UTC (`YYYY-MM-DDTHH:MM:SSZ`); no date -> the first-seen time, and so is a
  date more than a day ahead (it would pin the entry atop every list);
- links resolved against the feed's URL; only http(s) links without spaces or
  control characters are kept;
- entries repeated within one document are kept once (the first); entries with
  no title, text or link at all are dropped.
"""

from __future__ import annotations

import functools
import hashlib
import re
from datetime import datetime, timedelta, timezone
from urllib.parse import urljoin, urlsplit

from vznews.ingest.htmltext import looks_like_html, one_line_text, to_text
from vznews.ingest.rawfeed import RawEntry, RawFeed
from vznews.models import ParsedEntry, ParsedFeed

DATE_FORMAT = "%Y-%m-%dT%H:%M:%SZ"
_PLAIN_URL = re.compile(r"https?://[A-Za-z0-9.-]+(?::\d+)?(?:/[^\s\\\x00-\x1f\x7f]*)?")
_URL_BREAKERS = re.compile(r"[\x00-\x20\x7f]")
_FUTURE_SLACK = timedelta(days=1)  # clocks and time zones differ; further ahead is not a date to trust


def format_utc(moment: datetime) -> str:
    """A datetime as the store's UTC text form, e.g. 2024-07-30T18:05:00Z."""
    return moment.astimezone(timezone.utc).replace(tzinfo=None, microsecond=0).isoformat() + "Z"


def resolve_link(link: str | None, base_url: str) -> str | None:
    """`link` made absolute against `base_url`; None unless it is an http(s) URL."""
    if not link or not link.strip():
        return None
    if link.startswith(("https://", "http://")) and _PLAIN_URL.fullmatch(link):
        return link  # already absolute and clean: the common case, without urljoin's cost
    try:
        absolute = urljoin(base_url, link.strip()) if base_url.startswith(("http:", "https:")) else link.strip()
        scheme = urlsplit(absolute).scheme.lower()
    except ValueError:
        return None
    return absolute if scheme in ("http", "https") and not _URL_BREAKERS.search(absolute) else None


def _body(value: str | None, is_html: bool | None) -> tuple[str, str | None]:
    """(plain text, original HTML or None when the value was not HTML)."""
    if not value or not value.strip():
        return "", None
    html = looks_like_html(value) if is_html is None else is_html
    return to_text(value, html_type=html), (value if html else None)


@functools.lru_cache(maxsize=4)
def _latest_trusted(now: str) -> datetime | None:
    """The latest publication date believed, given the sync's time `now` (UTC text)."""
    try:
        moment = datetime.fromisoformat(now.replace("Z", "+00:00"))
    except ValueError:
        return None
    return (moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)) + _FUTURE_SLACK


def _hash(*parts: str | None) -> str:
    joined = "".join(f"{part or ''}\x1f" for part in parts)  # same bytes as hashing part by part
    return hashlib.sha1(joined.encode("utf-8", "surrogatepass")).hexdigest()


def normalize_entry(raw: RawEntry, *, base_url: str, now: str, lang: str | None) -> ParsedEntry:
    """One raw entry as a ParsedEntry (see the module rules)."""
    summary_raw, summary_flag = raw.summary, raw.summary_is_html
    content_raw, content_flag = raw.content, raw.content_is_html
    if not summary_raw or not summary_raw.strip():
        summary_raw, summary_flag, content_raw, content_flag = content_raw, content_flag, None, None
    elif content_raw is not None and summary_raw.strip() == content_raw.strip():
        content_raw = None
    summary, summary_html = _body(summary_raw, summary_flag)
    content, content_html = _body(content_raw, content_flag)
    if content == summary:
        content, content_html = "", None

    link = resolve_link(raw.link, base_url)
    title = one_line_text(raw.title)
    author = one_line_text(raw.author) or None
    latest = _latest_trusted(now)
    published = raw.published or raw.updated
    if published and latest and published > latest:
        published = None
    updated = raw.updated if raw.updated and raw.updated != published and not (latest and raw.updated > latest) else None
    published_text = format_utc(published) if published else None
    updated_text = format_utc(updated) if updated else None

    content_hash = _hash(title, link, author, published_text, updated_text, summary, content)
    guid = raw.id.strip() if raw.id and raw.id.strip() else None
    if guid and raw.link and guid == raw.link.strip():
        guid = link or guid  # a guid that is the link: use the link, resolved
    identity = guid or link or "sha1:" + _hash(title, summary, content)
    return ParsedEntry(
        guid=identity,
        url=link,
        title=title,
        author=author,
        published=published_text or now,
        updated=updated_text,
        summary=summary,
        summary_html=summary_html,
        content=content,
        content_html=content_html,
        content_hash=content_hash,
        lang=raw.lang or lang,
        dated=published_text is not None,
    )


def normalize_feed(raw: RawFeed, *, base_url: str, now: str, lang: str | None = None) -> ParsedFeed:
    """A raw document as a ParsedFeed: normalized entries, first of each identity kept.

    `lang` (the configured language) wins over the language the feed declares.
    """
    feed_lang = lang or (raw.lang.strip() if raw.lang and raw.lang.strip() else None)
    seen: set[str] = set()
    entries = []
    for item in raw.entries:
        entry = normalize_entry(item, base_url=base_url, now=now, lang=feed_lang)
        if not (entry.title or entry.summary or entry.content or entry.url):
            continue  # `<item></item>`: nothing to show or find
        if entry.guid not in seen:
            seen.add(entry.guid)
            entries.append(entry)
    return ParsedFeed(
        title=one_line_text(raw.title) or None,
        site_url=resolve_link(raw.link, base_url),
        lang=feed_lang,
        entries=tuple(entries),
    )
