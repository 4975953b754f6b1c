"""Parse a fetched feed body (bytes + headers, never a URL) into a `ParsedFeed`.

JSON Feed goes to our own reader; XML is re-encoded as UTF-8 (see `encoding`)
and read by fastfeedparser's native extractor when it takes the document
(well-formed RSS or Atom with entries), else by feedparser, the parser of record. An HTML page
raises `NotAFeed`, which carries the page text for feed discovery.
"""

from __future__ import annotations

import re
from typing import Literal

from vznews.ingest.backends import parse_fast, parse_feedparser
from vznews.ingest.encoding import declares_utf8, to_utf8_document
from vznews.ingest.jsonfeed import parse_json_feed
from vznews.ingest.normalize import normalize_feed
from vznews.ingest.rawfeed import NotAFeed, ParseError, RawFeed
from vznews.models import ParsedFeed

__all__ = ["NotAFeed", "ParseError", "parse_feed", "read_document"]

Backend = Literal["auto", "fast", "feedparser"]

# The first element of a document, after any BOM, XML declaration, comments and doctype.
_ROOT = re.compile(
    rb"\s*(?:<\?.*?\?>\s*|<!--.*?-->\s*|<!DOCTYPE\s+(?P<doctype>[A-Za-z]+)[^>]*>\s*)*<(?P<root>[A-Za-z][\w:.-]*)",
    re.DOTALL | re.IGNORECASE,
)
_PAGE_ROOTS = {b"html", b"head", b"body"}
_FEED_ROOTS = {b"rss", b"feed", b"rdf:rdf", b"rdf"}
_FIRST_BYTE = re.compile(rb"(?:\xef\xbb\xbf)?\s*(\S)")


def _is_html_page(data: bytes, content_type: str | None) -> bool:
    match = _ROOT.match(data[:8192])
    if match is None:
        return bool(content_type and "html" in content_type.lower() and b"<" in data[:8192])
    root = match.group("root").lower()
    if root in _FEED_ROOTS:
        return False
    doctype = (match.group("doctype") or b"").lower()
    return root in _PAGE_ROOTS or doctype == b"html" or bool(content_type and "html" in content_type.lower())


def read_document(body: bytes, content_type: str | None = None, *, backend: Backend = "auto") -> RawFeed:
    """The raw records of a feed document, by the parser `backend` names
    ("auto": fast path, feedparser fallback). Raises NotAFeed for an HTML page
    and ParseError (one line) for anything else that is not a feed."""
    first = _FIRST_BYTE.match(body)
    if first is None:
        raise ParseError("empty response: no feed here")
    if first.group(1) == b"{" or (content_type and "json" in content_type.lower() and first.group(1) != b"<"):
        return parse_json_feed(body)
    # Most feeds are UTF-8 and say so: skip transcoding; the strict fast parser checks the bytes.
    trusted = declares_utf8(body, content_type)
    data = body if trusted else to_utf8_document(body, content_type)[0]
    if _is_html_page(data, content_type):
        raise NotAFeed("this is a web page, not a feed", data.decode("utf-8", errors="replace"))
    if trusted and backend == "feedparser":
        data, trusted = to_utf8_document(body, content_type)[0], False
    if backend != "feedparser":
        fast = parse_fast(data)  # None unless well-formed UTF-8 RSS/Atom
        if fast is None and trusted:
            data, trusted = to_utf8_document(body, content_type)[0], False
            fast = parse_fast(data) if data is not body else None
        if fast is not None and (fast.entries or backend == "fast"):
            return fast
        if backend == "fast":
            raise ParseError("the fast parser does not take this document")
    if trusted:
        data = to_utf8_document(body, content_type)[0]
    return parse_feedparser(data)


def parse_feed(
    body: bytes,
    *,
    url: str,
    now: str,
    content_type: str | None = None,
    lang: str | None = None,
    backend: Backend = "auto",
) -> ParsedFeed:
    """Parse `body` (fetched from `url`, the final URL after redirects) into a
    normalized ParsedFeed; `now` (UTC text) dates undated entries and `lang`
    (from the config) overrides the feed's own language.

    Raises NotAFeed for an HTML page, ParseError for anything else unusable.
    """
    raw = read_document(body, content_type, backend=backend)
    return normalize_feed(raw, base_url=url, now=now, lang=lang)
