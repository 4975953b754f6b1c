"""The fast path (fastfeedparser) and the parser of record (feedparser) give the same records.

Every well-formed fixture is parsed by both backends and the normalized entries
must be equal field by field; the sync benchmark's generated feed is included,
as it is what the fast path is there for.
"""

from __future__ import annotations

import sys
from dataclasses import asdict
from pathlib import Path

import pytest

from vznews.ingest.parse import parse_feed, read_document

DATA = Path(__file__).parent / "data"
sys.path.insert(0, str(Path(__file__).parents[2] / "bench"))
from feedgen import feed_xml  # noqa: E402

NOW = "2030-01-01T00:00:00Z"
URL = "https://host.example/feeds/feed.xml"
FIXTURES = ["rss20.xml", "rss091.xml", "atom_html.xml", "latin1.xml", "cp1252.xml", "bom.xml", "utf16.xml",
            "declared_utf8_is_cp1252.xml", "declared_latin1_is_utf8.xml", "no_decl_latin1.xml"]
# Well-formed documents the fast parser's native extractor does not take (XHTML content, RDF):
# feedparser reads them, so there is nothing to compare.
FEEDPARSER_ONLY = ["atom.xml", "rss10.rdf", "malformed.xml"]


def records(body: bytes, backend: str) -> list[dict[str, object]]:
    feed = parse_feed(body, url=URL, now=NOW, backend=backend)  # type: ignore[arg-type]
    return [asdict(e) for e in feed.entries]


@pytest.mark.parametrize("name", FIXTURES)
def test_fast_path_matches_feedparser(name: str) -> None:
    body = (DATA / name).read_bytes()
    assert records(body, "fast") == records(body, "feedparser")


def test_fast_path_matches_feedparser_on_the_benchmark_feed() -> None:
    body = feed_xml(7, 20)
    assert read_document(body).parser == "fastfeedparser"
    assert records(body, "fast") == records(body, "feedparser")


def test_fast_path_is_taken_for_ordinary_rss() -> None:
    for name in ("rss20.xml", "rss091.xml", "cp1252.xml", "atom_html.xml"):
        assert read_document((DATA / name).read_bytes()).parser == "fastfeedparser", name


@pytest.mark.parametrize("name", FEEDPARSER_ONLY)
def test_fallback_for_what_the_fast_parser_does_not_take(name: str) -> None:
    assert read_document((DATA / name).read_bytes()).parser == "feedparser"


def test_guids_that_cannot_be_dates_never_reach_the_slow_date_parsers(monkeypatch: pytest.MonkeyPatch) -> None:
    # fastfeedparser tries every RSS guid as a date; "feed7-item3" used to fall through to
    # dateparser (~2 ms an entry, most of a first sync's parsing time).
    from fastfeedparser import main as ffp

    slow_calls: list[str] = []
    monkeypatch.setattr(ffp, "_slow_dateparser", lambda value: slow_calls.append(value))
    monkeypatch.setattr(ffp, "_slow_dateutil_parse", lambda value: slow_calls.append(value))
    body = feed_xml(7, 20).replace(b"feed7-item", b"story-20481-")  # fresh strings: not in the date cache
    feed = parse_feed(body, url=URL, now=NOW)
    assert slow_calls == [] and len(feed.entries) == 20
    assert feed.entries[0].published == "2024-07-29T12:00:00Z"
