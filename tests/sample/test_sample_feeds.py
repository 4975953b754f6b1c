"""The bundled sample: valid feeds, ~40 quote-dense articles, listed by its feeds.toml, in sync with src/."""

from __future__ import annotations

import re
from datetime import datetime, timezone
from pathlib import Path

import feedparser
import pytest

from vznews.config import load_config
from vznews.sample import FEED_FILES, SAMPLE_DIR, feeds_toml_path
from vznews.sample.generate import build, parse_source

EXPECTED = {"herald.xml": ("rss20", 11), "wire.xml": ("atom10", 11), "hemisphere.xml": ("rss20", 10), "diario.xml": ("rss20", 8)}
QUOTE_MARKS = '"“”«»„'


def parsed(name: str) -> feedparser.FeedParserDict:
    return feedparser.parse((SAMPLE_DIR / name).read_bytes())


def body_of(entry: feedparser.FeedParserDict) -> str:
    if entry.get("content"):
        return entry.content[0].value
    return entry.summary


def paragraphs(html: str) -> list[str]:
    return [re.sub(r"<[^>]+>", "", p) for p in re.findall(r"<p>(.*?)</p>", html, flags=re.S)]


def test_generated_files_match_their_sources() -> None:
    stale = [path.name for path, text in build().items() if path.read_text(encoding="utf-8") != text]
    assert stale == [], "run `python -m vznews.sample.generate`"


@pytest.mark.parametrize("name", FEED_FILES)
def test_each_feed_is_valid_with_the_expected_format_and_count(name: str) -> None:
    doc = parsed(name)
    version, count = EXPECTED[name]
    assert not doc.bozo, doc.get("bozo_exception")
    assert doc.version == version
    assert len(doc.entries) == count


def test_about_forty_articles_in_all_with_unique_ids_and_links() -> None:
    entries = [e for name in FEED_FILES for e in parsed(name).entries]
    assert 36 <= len(entries) <= 44
    assert len({e.id for e in entries}) == len(entries)
    assert len({e.link for e in entries}) == len(entries)
    assert all(re.match(r"https://[a-z-]+\.example/", e.link) for e in entries)


@pytest.mark.parametrize("name", FEED_FILES)
def test_every_article_has_title_date_and_a_quoted_body_of_4_to_12_paragraphs(name: str) -> None:
    start, end = datetime(2026, 3, 5, tzinfo=timezone.utc), datetime(2026, 3, 23, tzinfo=timezone.utc)
    for entry in parsed(name).entries:
        assert entry.title.strip()
        published = datetime(*entry.published_parsed[:6], tzinfo=timezone.utc)
        assert start <= published <= end, entry.title
        paras = paragraphs(body_of(entry))
        assert 4 <= len(paras) <= 12, (entry.title, len(paras))
        assert any(mark in body_of(entry) for mark in QUOTE_MARKS), entry.title


def test_some_articles_have_authors_and_some_do_not() -> None:
    entries = [e for name in FEED_FILES for e in parsed(name).entries]
    with_author = [e for e in entries if e.get("author")]
    assert 0 < len(with_author) < len(entries)


def test_three_description_only_items_carry_the_whole_body() -> None:
    only = [e for e in parsed("hemisphere.xml").entries if not e.get("content")]
    assert len(only) == 3
    assert all(len(paragraphs(e.summary)) >= 4 for e in only)


def test_every_quote_mark_style_appears() -> None:
    text = "".join(body_of(e) for name in FEED_FILES for e in parsed(name).entries)
    for mark in ('"', "“", "”", "«", "»", "„"):
        assert mark in text, mark


def test_the_spanish_feed_uses_guillemets_raya_and_spanish_cues() -> None:
    doc = parsed("diario.xml")
    assert doc.feed.language == "es"
    text = " ".join(body_of(e) for e in doc.entries)
    assert "«" in text and "»" in text
    assert re.search(r"—[^—]+ —(dijo|afirmó|advirtió|declaró)", text)
    for verb in ("dijo", "afirmó", "aseguró", "señaló", "declaró", "agregó", "advirtió", "denunció", "explicó", "indicó", "Según"):
        assert verb in text, verb


def test_multi_paragraph_quotes_are_really_left_open() -> None:
    """The planted multi-paragraph quote: an odd number of marks, then a paragraph opening with a mark."""
    source = parse_source((SAMPLE_DIR / "src" / "herald.txt").read_text(encoding="utf-8"))
    article = next(a for a in source.articles if a.head["id"] == "vh-2026-0309-bulletin")
    opened = [i for i, p in enumerate(article.paragraphs) if p.count('"') % 2 == 1]
    assert opened, "no paragraph leaves a quote open"
    assert article.paragraphs[opened[0] + 1].startswith('"')


def test_the_unbalanced_mark_is_followed_by_a_paragraph_without_a_mark() -> None:
    source = parse_source((SAMPLE_DIR / "src" / "wire.txt").read_text(encoding="utf-8"))
    article = next(a for a in source.articles if a.head["id"].endswith("mw-4519"))
    index = next(i for i, p in enumerate(article.paragraphs) if p.count("“") > p.count("”"))
    assert not article.paragraphs[index + 1].startswith("“")
    assert any(p.startswith("“") for p in article.paragraphs[index + 2 :])


def test_feeds_toml_lists_every_sample_feed_as_a_local_file() -> None:
    config = load_config(feeds_toml_path())
    assert config.settings.fulltext is False
    urls = [feed.url for feed in config.feeds]
    assert urls == [(SAMPLE_DIR / name).resolve().as_uri() for name in FEED_FILES]
    assert {feed.lang for feed in config.feeds} == {"en", "es"}
    assert len({feed.name for feed in config.feeds}) == len(config.feeds)


def test_readme_lists_planted_quotes_for_every_article() -> None:
    readme = (SAMPLE_DIR / "README.md").read_text(encoding="utf-8")
    for name in ("herald.txt", "wire.txt", "hemisphere.txt", "diario.txt"):
        for article in parse_source((SAMPLE_DIR / "src" / name).read_text(encoding="utf-8")).articles:
            assert f"### {article.head['id']}:" in readme
            assert article.checklist, article.head["id"]


def test_shipped_sample_is_small() -> None:
    shipped = [SAMPLE_DIR / n for n in FEED_FILES] + [feeds_toml_path()]
    assert sum(Path(p).stat().st_size for p in shipped) < 1_000_000
