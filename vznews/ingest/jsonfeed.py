"""JSON Feed 1.0 / 1.1 (https://jsonfeed.org) -> the raw records `parse` normalizes.

feedparser does not read JSON Feed; the format is simple enough that a strict,
small reader of our own is the parser of record for it.
"""

from __future__ import annotations

import json
import re
from datetime import datetime
from typing import Any

from vznews.ingest.rawfeed import RawEntry, RawFeed, ParseError, parse_iso_date


def looks_like_json(body: bytes, content_type: str | None) -> bool:
    """True when the body is (meant to be) JSON."""
    if content_type and "json" in content_type.lower():
        return True
    return body.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"{"


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")  # JSON's "\ud800" escapes: no character, and SQLite refuses them


def _text(value: Any) -> str | None:
    return _LONE_SURROGATE.sub("\ufffd", value) if isinstance(value, str) and value.strip() else None


def _author(item: dict[str, Any], feed: dict[str, Any]) -> str | None:
    for source in (item, feed):
        authors = source.get("authors")
        if isinstance(authors, list):
            names = [_text(a.get("name")) for a in authors if isinstance(a, dict) and _text(a.get("name"))]
            if names:
                return ", ".join(names)
        author = source.get("author")
        if isinstance(author, dict) and _text(author.get("name")):
            return _text(author["name"])
    return None


def _date(value: Any) -> datetime | None:
    return parse_iso_date(value) if isinstance(value, str) else None


def _entry(item: dict[str, Any], feed: dict[str, Any]) -> RawEntry:
    html, text = _text(item.get("content_html")), _text(item.get("content_text"))
    return RawEntry(
        id=_text(str(item["id"])) if item.get("id") not in (None, "") else None,
        link=_text(item.get("url")) or _text(item.get("external_url")),
        title=_text(item.get("title")) or "",
        author=_author(item, feed),
        published=_date(item.get("date_published")),
        updated=_date(item.get("date_modified")),
        summary=_text(item.get("summary")),
        summary_is_html=None,
        content=html or text,
        content_is_html=True if html else False,
        lang=_text(item.get("language")),
    )


def parse_json_feed(body: bytes) -> RawFeed:
    """Read a JSON Feed document; raises ParseError (one line) when it is not one."""
    try:
        data = json.loads(body.decode("utf-8-sig", errors="replace"))
    except json.JSONDecodeError as exc:
        raise ParseError(f"not a valid JSON Feed: JSON syntax error at line {exc.lineno}, column {exc.colno}") from None
    except RecursionError:
        raise ParseError("not a valid JSON Feed: arrays or objects nested too deeply") from None
    if not isinstance(data, dict) or not str(data.get("version", "")).startswith("https://jsonfeed.org/version/"):
        raise ParseError("not a feed: JSON without a JSON Feed version")
    items = data.get("items")
    if not isinstance(items, list):
        raise ParseError("not a valid JSON Feed: 'items' is missing or not a list")
    entries = tuple(_entry(item, data) for item in items if isinstance(item, dict))
    return RawFeed(
        title=_text(data.get("title")),
        link=_text(data.get("home_page_url")),
        lang=_text(data.get("language")),
        entries=entries,
        parser="jsonfeed",
    )
