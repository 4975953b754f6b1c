"""The read API (vznews.store.queries) and user state (vznews.store.user_state) on a seeded store."""

from __future__ import annotations

from datetime import date

import pytest

from tests.tui.seed import Seeded
from vznews.store import queries as q
from vznews.store import user_state
from vznews.store.db import connect
from vznews.store.records import ArticleFilter


@pytest.fixture
def db(seeded: Seeded):  # type: ignore[no-untyped-def]
    conn = connect(seeded.path)
    yield conn
    conn.conn.close()


def test_articles_newest_first_and_paged(db) -> None:  # type: ignore[no-untyped-def]
    first = q.list_articles(db, limit=10)
    second = q.list_articles(db, offset=10, limit=10)
    published = [a.published for a in first + second]
    assert published == sorted(published, reverse=True)
    assert {a.id for a in first}.isdisjoint(a.id for a in second)
    assert q.count_articles(db) == 30
    assert first[0].title.startswith("Electoral council") and first[0].feed_name == "Caracas Chronicle"


@pytest.mark.parametrize(
    ("flt", "expected"),
    [
        (ArticleFilter("unread"), 20),
        (ArticleFilter("starred"), 2),
        (ArticleFilter("feed", 2), 10),
        (ArticleFilter("tag", "venezuela"), 20),
        (ArticleFilter("tag", "economy"), 10),
        (ArticleFilter("entity", 7), 10),
        (ArticleFilter("feed", 1, unread_only=True), 0),
        (ArticleFilter("tag", "venezuela", unread_only=True), 10),
    ],
)
def test_article_filters_count_and_list_agree(db, flt: ArticleFilter, expected: int) -> None:  # type: ignore[no-untyped-def]
    assert q.count_articles(db, flt) == expected
    assert len(q.list_articles(db, flt, limit=100)) == expected


def test_position_of_an_article_in_a_list(db) -> None:  # type: ignore[no-untyped-def]
    items = q.list_articles(db, ArticleFilter("unread"), limit=100)
    for index in (0, 5, len(items) - 1):
        assert q.article_position(db, ArticleFilter("unread"), items[index].id) == index
    assert q.article_position(db, ArticleFilter(), 999_999) is None


def test_next_and_previous_unread(db) -> None:  # type: ignore[no-untyped-def]
    found = q.next_unread(db, ArticleFilter(), 1, 1)
    assert found is not None and found[1].id == 2 and found[0] == 1
    back = q.next_unread(db, ArticleFilter(), 4, -1)
    assert back is not None and back[1].id == 3
    assert q.next_unread(db, ArticleFilter(), 30, 1) is None


def test_article_body_prefers_fulltext_then_content_then_summary() -> None:
    assert q.article_body({"fulltext": "F", "content": "C", "summary": "S"}) == ("F", "fulltext")
    assert q.article_body({"fulltext": None, "content": "C", "summary": "S"}) == ("C", "content")
    assert q.article_body({"fulltext": "", "content": "", "summary": "S"}) == ("S", "summary")


def test_get_article_and_its_quotes_and_entities(db) -> None:  # type: ignore[no-untyped-def]
    article = q.get_article(db, 1)
    assert article is not None and article.body_source == "content" and article.author == "Ana Pérez"
    quotes = q.article_quotes(db, 1)
    assert [article.body[x.start : x.end] for x in quotes] == [x.text for x in quotes]
    names = {e.name for e in q.article_entities(db, 1)}
    assert {"Nicolás Maduro", "Edmundo González", "Caracas"} <= names
    assert q.get_article(db, 999) is None


def test_quote_filters_match_word_prefixes_without_accents(db) -> None:  # type: ignore[no-untyped-def]
    assert q.count_quotes(db) == 60
    assert q.count_quotes(db, speaker="gonz") == q.count_quotes(db, speaker="González") == 10
    oil = q.list_quotes(db, text="oil")
    assert oil and all("oil" in x.text for x in oil)
    assert q.count_quotes(db, speaker="maduro", text="oil") == 5
    assert q.count_quotes(db, speaker="((") == 60  # no words: no filter, no FTS syntax error
    assert q.count_quotes(db, entity_id=2) == 10


def test_entities_ranked_filtered_and_found(db) -> None:  # type: ignore[no-untyped-def]
    ranked = q.list_entities(db)
    assert [e.article_count for e in ranked] == sorted((e.article_count for e in ranked), reverse=True)
    assert {e.name for e in q.list_entities(db, kind="place")} == {"Caracas", "Maracaibo"}
    assert [e.name for e in q.list_entities(db, name="gonza")] == ["Edmundo González"]
    assert q.count_entities(db, name="100%") == 0
    assert q.find_entity(db, "maduro").name == "Nicolás Maduro"  # alias
    assert q.find_entity(db, "Nicolas Maduro").id == 1  # key, no accent
    assert q.find_entity(db, "nobody at all") is None


def test_co_mentions_and_mentions_per_day(db) -> None:  # type: ignore[no-untyped-def]
    companions = q.co_mentions(db, 7)
    assert companions[0].together == 10 and companions[0].entity.id in (1, 3)
    days = q.mentions_per_day(db, 1, days=5)
    assert len(days) == 5 and days[-1].day == "2025-03-03"
    assert sum(d.count for d in q.mentions_per_day(db, 1, days=60)) == 30
    fixed = q.mentions_per_day(db, 1, days=3, end=date(2025, 3, 10))
    assert [d.day for d in fixed] == ["2025-03-08", "2025-03-09", "2025-03-10"] and not any(d.count for d in fixed)


def test_sources_counts(db) -> None:  # type: ignore[no-untyped-def]
    sources = q.sources(db)
    assert (sources.total, sources.unread, sources.starred) == (30, 20, 2)
    feeds = {f.label: f for f in sources.feeds}
    assert feeds["Prensa Libre"].error == "HTTP 503 from 127.0.0.1" and feeds["Caracas Chronicle"].unread == 0
    assert {t.label: t.unread for t in sources.tags} == {"economy": 10, "politics": 0, "venezuela": 10}
    assert sources.top_entities[0].name in ("Nicolás Maduro", "National Electoral Council")


def test_user_state_toggles_and_never_touches_text(db) -> None:  # type: ignore[no-untyped-def]
    assert user_state.toggle_read(db, 2) is True
    assert user_state.toggle_read(db, 2) is False
    assert user_state.toggle_starred(db, 1) is True
    assert user_state.set_read(db, [2, 3], True) == 2
    assert user_state.set_read(db, [2, 3], True) == 0
    assert user_state.toggle_starred(db, 999) is None
    row = db.execute("SELECT is_read, is_starred FROM articles WHERE id = 1").fetchone()
    assert row == (1, 1)
    assert q.count_articles(db, ArticleFilter("starred")) == 3
