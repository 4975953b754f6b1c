"""A fetched web page (bytes + Content-Type) -> its main text as clean plain paragraphs.

trafilatura finds the article body and drops navigation, ads, comments, share
widgets and cookie banners. This module first decodes the bytes with the feeds'
charset rules plus <meta> (trafilatura ignores declared charsets), then renders
trafilatura's element tree as terminal text: paragraphs and headings separated by
blank lines, block quotes prefixed with "> ", list items with "• ". `failure_reason`
judges the result (nothing found, paywalled). trafilatura is imported on first
use, so importing this module stays cheap.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterator

from vznews.ingest.encoding import charset_from_content_type, decode_body
from vznews.textsafe import clean_terminal_text

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)

_NOT_FREE = re.compile(r""""isAccessibleForFree"\s*:\s*"?(false|False|FALSE)""")
PAYWALL_PHRASES = (
    "subscribe to continue reading",
    "subscribe to keep reading",
    "subscribe to read the full",
    "this article is for subscribers",
    "this content is for subscribers",
    "available to subscribers only",
    "already a subscriber",
    "to continue reading, subscribe",
    "create a free account to continue reading",
    "suscríbete para seguir leyendo",
    "suscríbete para continuar leyendo",
    "contenido exclusivo para suscriptores",
    "este contenido es exclusivo para",
    "ya eres suscriptor",
)
MIN_TEXT_CHARS = 150  # less than this is a caption, a menu or a video page, not an article
TEASER_CHARS = 1500  # a paywall marker only counts against a text this short
SHORTER_RATIO = 0.5  # extraction shorter than this share of the feed's own text: a teaser
MIN_FEED_CHARS_FOR_RATIO = 200


@dataclass(frozen=True)
class PageText:
    """The main text of one page: paragraphs separated by blank lines ("" when none)."""

    text: str
    charset: str
    paywall_marker: bool  # a known "subscribe to continue" phrase or schema.org marker


def decode_html(body: bytes, content_type: str | None = None) -> tuple[str, str]:
    """Decode an HTML body with the feeds' rules (`encoding.decode_body`), plus <meta> charsets.

    A BOM wins; valid UTF-8 is UTF-8; otherwise the header's charset, else the
    page's <meta> charset, else windows-1252 (as which ISO-8859-1 is read).
    Returns (text, charset used); never raises.
    """
    if charset_from_content_type(content_type) is None:
        meta = _META_CHARSET.search(body[:4096])
        if meta:
            content_type = "text/html; charset=" + meta.group(1).decode("ascii", "replace")
    return decode_body(body, content_type)


def page_text(body: bytes, content_type: str | None = None, url: str | None = None) -> PageText:
    """Extract the main text of an HTML page given its raw bytes and Content-Type header.

    Keeps paragraphs, headings, block quotes, lists and tables; drops the page's own
    leading <h1> (the headline, stored as the article title), navigation, ads,
    comments, share widgets and cookie banners. The text is safe for a terminal
    (`clean_terminal_text`). An empty page or one trafilatura cannot read gives "".
    """
    import trafilatura  # lazy: ~0.2 s, only when the full-text phase runs

    html, charset = decode_html(body, content_type)
    marker = bool(_NOT_FREE.search(html))
    try:
        document = trafilatura.bare_extraction(
            html, url=url, include_comments=False, include_tables=True, include_images=False, with_metadata=False
        )
    except Exception:  # noqa: BLE001 - a hostile page must not stop the phase
        document = None
    body_tree = getattr(document, "body", None)
    blocks = list(_blocks(body_tree)) if body_tree is not None else []
    if blocks and blocks[0][0] == "h1":
        blocks = blocks[1:]
    text = clean_terminal_text("\n\n".join(block for _, block in blocks)).strip()
    lowered = text.lower()
    marker = marker or any(phrase in lowered for phrase in PAYWALL_PHRASES)
    return PageText(text=text, charset=charset, paywall_marker=marker)


def _blocks(element: Any, prefix: str = "") -> Iterator[tuple[str, str]]:
    """Yield (kind, text) for each block of trafilatura's body tree, in document order."""
    for child in element:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag in ("p", "head", "code"):
            line = _inline(child)
            if line:
                kind = child.get("rend", "h") if tag == "head" else tag
                yield kind, prefix + line
        elif tag == "quote":
            quoted = list(_blocks(child, prefix + "> "))
            if not quoted and _inline(child):
                quoted = [("quote", prefix + "> " + _inline(child))]
            yield from quoted
        elif tag == "list":
            items = [_inline(item) for item in child.iter("item")]
            lines = [f"{prefix}• {item}" for item in items if item]
            if lines:
                yield "list", "\n".join(lines)
        elif tag == "table":
            rows = [" | ".join(filter(None, (_inline(cell) for cell in row.iter("cell")))) for row in child.iter("row")]
            rows = [prefix + row for row in rows if row]
            if rows:
                yield "table", "\n".join(rows)
        elif tag:
            yield from _blocks(child, prefix)
        tail = _squash(child.tail)
        if tail:
            yield "p", prefix + tail


def _inline(element: Any) -> str:
    return _squash("".join(element.itertext()))


def _squash(text: str | None) -> str:
    return " ".join(text.split()) if text else ""


def failure_reason(page: PageText, feed_text: str) -> str | None:
    """Why `page` must not replace the feed's own text, as one line; None when it is good.

    Nothing: under MIN_TEXT_CHARS. Paywalled: much shorter than the feed's text
    (under SHORTER_RATIO of it), or a paywall marker on a teaser-length text.
    """
    size = len(page.text)
    if size < MIN_TEXT_CHARS:
        return "no article text found on the page"
    feed_size = len(feed_text.strip())
    if feed_size >= MIN_FEED_CHARS_FOR_RATIO and size < feed_size * SHORTER_RATIO:
        return f"paywalled or truncated: the page gives {size} characters, the feed {feed_size}"
    if page.paywall_marker and size < TEASER_CHARS:
        return f"paywalled: the page shows a subscription wall ({size} characters of text)"
    return None
