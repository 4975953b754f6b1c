"""Keyword filters: case- and accent-insensitive, word-start anchored, exclude wins."""

from __future__ import annotations

from vznews.ingest.filters import apply_filter, fold
from vznews.models import FeedConfig, ParsedEntry


def entry(title: str, text: str = "") -> ParsedEntry:
    return ParsedEntry(guid=title, url=None, title=title, author=None, published="2024-08-01T00:00:00Z", updated=None,
                       summary=text, summary_html=None, content="", content_html=None, content_hash=title)


def titles(feed: FeedConfig, *entries: ParsedEntry) -> list[str]:
    kept, _dropped = apply_filter(feed, entries)
    return [e.title for e in kept]


def test_no_keywords_keeps_everything() -> None:
    feed = FeedConfig(url="https://x.example/feed", name="x")
    assert titles(feed, entry("a"), entry("b")) == ["a", "b"]


def test_include_matches_title_or_text_ignoring_case_and_accents() -> None:
    feed = FeedConfig(url="https://x.example/feed", name="x", include=("Nicolás Maduro", "caracas", "VENEZUELA"))
    kept = titles(
        feed,
        entry("NICOLAS MADURO speaks"),
        entry("Markets", "A report from Caracas."),
        entry("Venezuelan exiles vote"),  # word-start match: venezuela -> Venezuelan
        entry("Weather in Lima"),
    )
    assert kept == ["NICOLAS MADURO speaks", "Markets", "Venezuelan exiles vote"]


def test_keywords_are_anchored_at_word_starts_and_phrases_span_whitespace() -> None:
    feed = FeedConfig(url="https://x.example/feed", name="x", include=("PSUV", "electoral council"))
    assert titles(feed, entry("ANTIPSUV rally"), entry("The electoral\ncouncil met"), entry("PSUV wins")) == [
        "The electoral\ncouncil met", "PSUV wins"]


def test_exclude_wins_over_include() -> None:
    feed = FeedConfig(url="https://x.example/feed", name="x", include=("venezuela",), exclude=("béisbol", "sport"))
    kept, dropped = apply_filter(feed, [entry("Venezuela beisbol final"), entry("Venezuela election"), entry("Sports: Venezuela")])
    assert [e.title for e in kept] == ["Venezuela election"] and dropped == 2


def test_fold() -> None:
    assert fold("Ñandú ÉLAN") == "nandu elan" and fold("ASCII") == "ascii"
