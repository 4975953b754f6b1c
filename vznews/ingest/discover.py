"""An HTML page where a feed was expected: find the feed it advertises.

Pages name their feeds with `<link rel="alternate" type="application/rss+xml"
href="...">` (or atom+xml, feed+json) in the head. One distinct feed is used;
several or none make one clear error line for the user.
"""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urljoin

FEED_TYPES = {
    "application/rss+xml",
    "application/atom+xml",
    "application/feed+json",
    "application/rdf+xml",
    "application/json",
    "application/x-rss+xml",
    "text/xml",
    "application/xml",
}


@dataclass(frozen=True)
class FeedLink:
    """A feed a page advertises."""

    url: str
    type: str
    title: str | None


class _LinkFinder(HTMLParser):
    def __init__(self, base_url: str) -> None:
        super().__init__(convert_charrefs=True)
        self.base_url = base_url
        self.links: list[FeedLink] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "base":
            href = dict(attrs).get("href")
            if href:
                self.base_url = urljoin(self.base_url, href)
        if tag not in ("link", "a"):
            return
        values = {k.lower(): (v or "") for k, v in attrs}
        rels = values.get("rel", "").lower().split()
        kind = values.get("type", "").lower().split(";")[0].strip()
        href = values.get("href", "").strip()
        if "alternate" in rels and kind in FEED_TYPES and href:
            self.links.append(FeedLink(urljoin(self.base_url, href), kind, values.get("title") or None))


def find_feed_links(page: str, base_url: str) -> list[FeedLink]:
    """The distinct feeds a page advertises, in document order, with absolute URLs."""
    finder = _LinkFinder(base_url)
    try:
        finder.feed(page[:1_000_000])
        finder.close()
    except Exception:  # html.parser is lenient; a pathological page just yields what was found
        pass
    seen: set[str] = set()
    links = []
    for link in finder.links:
        if link.url not in seen and link.url.startswith(("http://", "https://", "file:")):
            seen.add(link.url)
            links.append(link)
    return links


def page_error(links: list[FeedLink]) -> str:
    """The one-line message for a page whose feed cannot be chosen automatically."""
    if not links:
        return "this is a web page, not a feed, and it names no feed"
    listed = ", ".join(f"{link.url}" + (f" ({link.title})" if link.title else "") for link in links[:5])
    more = f" and {len(links) - 5} more" if len(links) > 5 else ""
    return f"this is a web page; its feeds are {listed}{more}: put the one you want in feeds.toml"
