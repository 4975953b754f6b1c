"""OPML in and out: the feed-list format every reader speaks.

Reading is defensive: a document type declaration (the door to entity-expansion and
external-entity attacks) is refused before any entity is read, and the size is capped.
Writing nests each feed under its first tag and lists all its tags in `category`, so an
export read back gives the same URLs, names, tags and languages.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import datetime, timezone
from email.utils import format_datetime
from typing import Iterable
from xml.parsers import expat

from vznews.models import FeedConfig

MAX_OPML_BYTES = 20 * 1024 * 1024


class OPMLError(Exception):
    """The file is not usable OPML; the message is one line."""


@dataclass(frozen=True)
class Outline:
    """A feed found in an OPML file: its address, title, the folders it sits in, its language."""

    url: str
    title: str | None
    tags: tuple[str, ...]
    lang: str | None = None


class _Reader:
    """A streaming expat reader that collects feed outlines and refuses any DTD."""

    def __init__(self) -> None:
        self.outlines: list[Outline] = []
        self.folders: list[str | None] = []  # one per open <outline>: its text if it is a folder
        self.saw_opml = False
        parser = expat.ParserCreate()
        parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
        parser.StartDoctypeDeclHandler = self._doctype
        parser.EntityDeclHandler = self._doctype
        parser.ExternalEntityRefHandler = self._doctype
        parser.StartElementHandler = self._start
        parser.EndElementHandler = self._end
        self.parser = parser

    def _doctype(self, *args: object) -> None:
        raise OPMLError("refusing a document type declaration (DOCTYPE) in OPML")

    def _start(self, tag: str, attrs: dict[str, str]) -> None:
        if tag.lower() == "opml":
            self.saw_opml = True
        if tag.lower() != "outline":
            return
        lowered = {key.lower(): value for key, value in attrs.items()}
        text = (lowered.get("text") or lowered.get("title") or "").strip() or None
        url = (lowered.get("xmlurl") or "").strip()
        if not url:
            self.folders.append(text)
            return
        self.folders.append(None)
        tags = [folder for folder in self.folders if folder] + _categories(lowered.get("category", ""))
        title = (lowered.get("title") or lowered.get("text") or "").strip() or None
        lang = (lowered.get("language") or "").strip() or None
        self.outlines.append(Outline(url, title, tuple(dict.fromkeys(tags)), lang))

    def _end(self, tag: str) -> None:
        if tag.lower() == "outline" and self.folders:
            self.folders.pop()


def _categories(value: str) -> list[str]:
    """OPML `category="/Politics,/News/Venezuela"` -> the last part of each path."""
    parts = [item.strip().strip("/").rsplit("/", 1)[-1].strip() for item in value.split(",")]
    return [part for part in parts if part]


def parse_opml(data: bytes) -> list[Outline]:
    """The feeds in an OPML document, in document order (folders' texts become tags).

    Raises OPMLError for a DOCTYPE, malformed XML (with line and column), a file
    that is not OPML, or one larger than MAX_OPML_BYTES.
    """
    if len(data) > MAX_OPML_BYTES:
        raise OPMLError(f"larger than {MAX_OPML_BYTES // (1024 * 1024)} MiB; not an OPML feed list")
    reader = _Reader()
    try:
        reader.parser.Parse(data, True)
    except expat.ExpatError as exc:
        raise OPMLError(f"line {exc.lineno}, column {exc.offset + 1}: {expat.errors.messages[exc.code]}") from None
    if not reader.saw_opml:
        raise OPMLError("not OPML (no <opml> element)")
    return reader.outlines


def render_opml(feeds: Iterable[FeedConfig], title: str = "vznews feeds", now: datetime | None = None) -> str:
    """An OPML 2.0 document listing `feeds`, grouped in folders by their first tag."""
    root = ET.Element("opml", version="2.0")
    head = ET.SubElement(root, "head")
    ET.SubElement(head, "title").text = title
    ET.SubElement(head, "dateCreated").text = format_datetime(now or datetime.now(timezone.utc))
    body = ET.SubElement(root, "body")
    folders: dict[str, ET.Element] = {}
    for feed in feeds:
        parent = body
        if feed.tags:
            parent = folders.get(feed.tags[0]) or ET.SubElement(body, "outline", text=feed.tags[0], title=feed.tags[0])
            folders[feed.tags[0]] = parent
        attrs = {"type": "rss", "text": feed.name, "title": feed.name, "xmlUrl": feed.url}
        if feed.tags:
            attrs["category"] = ",".join("/" + tag for tag in feed.tags)
        if feed.lang:
            attrs["language"] = feed.lang
        ET.SubElement(parent, "outline", attrs)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
