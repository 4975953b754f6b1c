"""Finding the feed an HTML page advertises."""

from __future__ import annotations

from pathlib import Path

from vznews.ingest.discover import find_feed_links, page_error

DATA = Path(__file__).parent / "data"


def test_one_feed_link_resolved_against_the_page() -> None:
    links = find_feed_links((DATA / "page_one_feed.html").read_text(), "https://observador.example.com/portada")
    assert [(l.url, l.type, l.title) for l in links] == [
        ("https://observador.example.com/rss/portada.xml", "application/rss+xml", "Portada (RSS)")]


def test_two_feeds_and_none() -> None:
    links = find_feed_links((DATA / "page_two_feeds.html").read_text(), "https://wire.example.org/")
    assert [l.url for l in links] == ["https://wire.example.org/all.rss", "https://wire.example.org/venezuela.atom"]
    assert find_feed_links((DATA / "page_no_feed.html").read_text(), "https://x.example/") == []


def test_duplicates_and_non_feed_links_are_ignored() -> None:
    page = ('<link rel="alternate" type="application/rss+xml" href="/f.xml"><link rel="alternate" '
            'type="application/rss+xml" href="https://x.example/f.xml"><link rel="stylesheet" href="/s.css">'
            '<link rel="alternate" hreflang="es" href="/es/"><link rel="alternate" type="application/rss+xml" href="javascript:x">')
    assert [l.url for l in find_feed_links(page, "https://x.example/")] == ["https://x.example/f.xml"]


def test_error_lines() -> None:
    assert page_error([]) == "this is a web page, not a feed, and it names no feed"
    links = find_feed_links((DATA / "page_two_feeds.html").read_text(), "https://wire.example.org/")
    message = page_error(links)
    assert message.startswith("this is a web page; its feeds are https://wire.example.org/all.rss (All news), ")
    assert "\n" not in message
