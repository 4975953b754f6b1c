"""The two XML feed parsers behind `parse_feed`, each mapped to `RawFeed`.

fastfeedparser (compiled, ~15x faster here) is the fast path; feedparser is the
parser of record, used whenever the fast one fails or finds no entries. Both
receive UTF-8 bytes from `encoding.to_utf8_document`. Their known differences
are smoothed here (fastfeedparser invents a description from the content and
wraps XHTML content in its <content> element) or in normalization; the parity
tests in tests/ingest/test_parity.py hold them to the same records.
"""

from __future__ import annotations

import calendar
import re
import time
from datetime import datetime, timezone
from typing import Any

from vznews.ingest.rawfeed import ParseError, RawEntry, RawFeed, parse_iso_date

_LANGUAGE = re.compile(rb"<(?:\w+:)?language>\s*([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*)\s*<|\bxml:lang=[\"']([A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*)[\"']")
_XHTML_WRAPPER = re.compile(r"^\s*<content\b[^>]*>(.*)</content>\s*$", re.DOTALL)
_XHTML_DIV = re.compile(r"^\s*<div\s+xmlns=[\"']http://www\.w3\.org/1999/xhtml[\"']\s*>(.*)</div>\s*$", re.DOTALL)
_PLAIN_TYPES = {"text", "text/plain"}


def _head_language(data: bytes) -> str | None:
    match = _LANGUAGE.search(data[:4096])
    if not match:
        return None
    return (match.group(1) or match.group(2)).decode("ascii")


# ---------------------------------------------------------------- fastfeedparser


def _ffp_synthesized(entry: dict[str, Any]) -> bool:
    """True when fastfeedparser made the description up from the content."""
    from fastfeedparser import main as ffp_main

    description = entry.get("description") or ""
    synthesize = getattr(ffp_main, "_synthesize_entry_description", None)
    # A made-up description is tag-free text of at most 512 characters: most real ones are not.
    if synthesize is None or not entry.get("content") or len(description) > 512 or "<" in description:
        return False
    probe = {"content": entry["content"]}
    synthesize(probe)
    return probe.get("description") == description


def _ffp_content(entry: dict[str, Any]) -> tuple[str | None, bool | None]:
    contents = entry.get("content") or ()
    if not contents:
        return None, None
    first = contents[0]
    kind = (first.get("type") or "text/html").lower()
    value = first.get("value") or ""
    if kind in ("xhtml", "application/xhtml+xml"):
        wrapped = _XHTML_WRAPPER.match(value)
        value = wrapped.group(1) if wrapped else value
        inner = _XHTML_DIV.match(value)
        value = inner.group(1) if inner else value
    return value, kind not in _PLAIN_TYPES


def _dated_by_guid(entry: dict[str, Any]) -> bool:
    """fastfeedparser dates an undated RSS item from its guid when the guid parses as a
    date ("17" -> the 17th of this month, "1700000000" -> 2023); feedparser never does."""
    ffp_main = _fastfeedparser()

    guid, parse_date = entry.get("id"), getattr(ffp_main, "_parse_date", None)
    if not guid or parse_date is None or guid.startswith(("http://", "https://")):
        return False
    return parse_date(guid) == entry.get("published")


def _ffp_entry(entry: dict[str, Any]) -> RawEntry:
    content, content_is_html = _ffp_content(entry)
    summary = entry.get("description") or None
    if content is not None and summary is not None and content.strip() == summary.strip():
        content = None  # RSS without a body element: fastfeedparser copies the description
    elif summary and content is not None and _ffp_synthesized(entry):
        summary = None
    detail = entry.get("author_detail") or {}
    return RawEntry(
        id=entry.get("id"),
        link=entry.get("link"),
        title=entry.get("title") or "",
        author=detail.get("name") or entry.get("author"),
        published=parse_iso_date(entry["published"]) if entry.get("published") and not _dated_by_guid(entry) else None,
        updated=parse_iso_date(entry["updated"]) if entry.get("updated") else None,
        summary=summary,
        summary_is_html=None,
        content=content,
        content_is_html=content_is_html,
    )


# Something a date parser could read: a month name, or digits in a date layout.
_DATE_LIKE = re.compile(
    r"(?i)(?<![a-z])(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|ene|abr|ago|dic)"
    r"|\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}|\d{8}T"
)


def _quick_date_filter(parse_date: Any) -> Any:
    """Wrap fastfeedparser's date parser so strings that cannot be dates are refused at
    once. Its native extractor also tries each RSS guid as a date, and for a guid like
    "story-1042" that falls through to dateparser: about 2 ms per entry."""

    def parse(value: str) -> str | None:
        return parse_date(value) if value and _DATE_LIKE.search(value) else None

    parse.vznews_filtered = True  # type: ignore[attr-defined]
    return parse


def _fastfeedparser() -> Any:
    from fastfeedparser import main as ffp

    current = getattr(ffp, "_parse_date", None)
    if current is not None and not getattr(current, "vznews_filtered", False):
        ffp._parse_date = _quick_date_filter(current)
    return ffp


def parse_fast(data: bytes) -> RawFeed | None:
    """Parse with fastfeedparser's native extractor, or return None when it does not
    take the document (it only takes well-formed RSS and Atom; its lenient repair
    path loses text, so feedparser reads everything else)."""
    ffp = _fastfeedparser()

    core_parse = getattr(ffp, "_parse_with_core", None)
    prepare = getattr(ffp, "_prepare_xml_bytes", None)
    if getattr(ffp, "_core", None) is None or core_parse is None or prepare is None:
        return None
    cleaned, looks_malformed = prepare(data)
    if looks_malformed:
        return None
    result = core_parse(cleaned, include_content=True, include_tags=False, include_media=False, include_enclosures=False)
    if result is None:
        return None
    feed = result.get("feed") or {}
    return RawFeed(
        title=feed.get("title"),
        link=feed.get("link"),
        lang=feed.get("language") or _head_language(data),
        entries=tuple(_ffp_entry(e) for e in result.get("entries") or ()),
        parser="fastfeedparser",
    )


# ---------------------------------------------------------------- feedparser


def _fp_date(parsed: time.struct_time | None) -> datetime | None:
    if not parsed:
        return None
    try:
        return datetime.fromtimestamp(calendar.timegm(parsed), tz=timezone.utc)
    except (OverflowError, ValueError, OSError):
        return None


def _fp_content(entry: Any) -> tuple[str | None, bool | None]:
    contents = entry.get("content") or ()
    if not contents:
        return None, None
    html = [c for c in contents if (c.get("type") or "").lower() in ("text/html", "application/xhtml+xml")]
    chosen = (html or contents)[0]
    return chosen.get("value") or "", (chosen.get("type") or "text/html").lower() not in _PLAIN_TYPES


def _fp_link(entry: Any) -> str | None:
    """The entry's link; not one feedparser copied from a guid that is no web address
    (`<guid>abc-1</guid>` would become a link, and the identity, "http://site/abc-1",
    where fastfeedparser keeps "abc-1": a feed read by each in turn would double)."""
    link = entry.get("link")
    if link and entry.get("guidislink") and not link.startswith(("http://", "https://")):
        return None
    return link


def _fp_entry(entry: Any) -> RawEntry:
    content, content_is_html = _fp_content(entry)
    detail = entry.get("author_detail") or {}
    return RawEntry(
        id=entry.get("id"),
        link=_fp_link(entry),
        title=entry.get("title") or "",
        author=detail.get("name") or entry.get("author"),
        # dict.get: FeedParserDict.get maps a missing updated_parsed to published_parsed (with a warning)
        published=_fp_date(dict.get(entry, "published_parsed")),
        updated=_fp_date(dict.get(entry, "updated_parsed")),
        summary=entry.get("summary") or None,
        summary_is_html=None,
        content=content,
        content_is_html=content_is_html,
    )


_CHARREF = re.compile(rb"&#([xX][0-9a-fA-F]+|[0-9]+);")


def _replace_impossible_charrefs(data: bytes) -> bytes:
    """`&#xD800;`, `&#1114112;` and the like name no character: feedparser's lenient
    parser raises on them (chr, encode), losing the whole feed. They become U+FFFD."""

    def fix(match: re.Match[bytes]) -> bytes:
        digits = match.group(1)
        if len(digits) > 9:
            return b"&#xFFFD;"
        code = int(digits[1:], 16) if digits[:1] in b"xX" else int(digits)
        return match.group(0) if code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else b"&#xFFFD;"

    return _CHARREF.sub(fix, data) if b"&#" in data else data


def parse_feedparser(data: bytes) -> RawFeed:
    """Parse with feedparser (sanitizer and URI rewriting off: we keep the original
    HTML and make text ourselves); raises ParseError when it finds no feed."""
    import feedparser

    result = feedparser.parse(
        _replace_impossible_charrefs(data),
        response_headers={"content-type": "application/xml; charset=utf-8"},
        sanitize_html=False,
        resolve_relative_uris=False,
    )
    if not result.entries and (result.get("bozo") or not result.get("version")):
        problem = result.get("bozo_exception")
        detail = f": {_one_line(problem)}" if problem else ""
        raise ParseError(f"not a valid feed (no RSS, Atom or JSON Feed found){detail}")
    feed = result.feed
    return RawFeed(
        title=feed.get("title"),
        link=feed.get("link"),
        lang=feed.get("language") or _head_language(data),
        entries=tuple(_fp_entry(e) for e in result.entries),
        parser="feedparser",
    )


def _one_line(problem: object) -> str:
    text = " ".join(str(problem).split())
    return text if len(text) <= 160 else text[:159] + "…"
