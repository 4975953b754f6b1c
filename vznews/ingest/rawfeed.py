"""What a parser backend hands to normalization: entries as the document gave them.

Backends (fastfeedparser, feedparser, the JSON Feed reader) differ in dict shapes
and habits; each maps its output to these records, and `vznews.ingest.normalize`
turns them into `ParsedEntry` the same way whichever backend ran.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone


class ParseError(Exception):
    """The body is not a usable feed; the message is one line for the user."""


class NotAFeed(ParseError):
    """The body is an HTML page, not a feed (discovery may find its feed)."""

    def __init__(self, message: str, text: str) -> None:
        super().__init__(message)
        self.text = text


@dataclass(frozen=True)
class RawEntry:
    """One entry before normalization; HTML flags are None when the backend cannot tell."""

    id: str | None
    link: str | None
    title: str
    author: str | None
    published: datetime | None
    updated: datetime | None
    summary: str | None
    summary_is_html: bool | None
    content: str | None
    content_is_html: bool | None
    lang: str | None = None


@dataclass(frozen=True)
class RawFeed:
    """A parsed document before normalization, and which backend read it."""

    title: str | None
    link: str | None
    lang: str | None
    entries: tuple[RawEntry, ...]
    parser: str


def parse_iso_date(value: str) -> datetime | None:
    """An ISO 8601 / RFC 3339 date (with Z, an offset, or none = UTC) as an aware UTC datetime."""
    text = value.strip()
    if not text:
        return None
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=timezone.utc)
    return parsed.astimezone(timezone.utc)
