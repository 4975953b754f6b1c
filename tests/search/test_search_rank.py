"""Ranking a big store in two halves at once gives exactly one query's best-first order."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from tests.storeseed import add_article, add_feed, add_quote, make_store
from vznews.store import search, search_rank
from vznews.store.fts_query import SearchQueryError, to_fts_query

WORDS = "government council vote oil rally caracas strike court price border".split()


@pytest.fixture
def db(tmp_path: Path):  # type: ignore[no-untyped-def]
    db = make_store(tmp_path / "store.db")
    feed = add_feed(db, "https://cc.example/feed", "Caracas Chronicles")
    rng = random.Random(5)
    for n in range(120):
        title = " ".join(rng.choices(WORDS, k=rng.randint(1, 4)))
        body = " ".join(rng.choices(WORDS + ["filler"] * 20, k=rng.randint(5, 60)))
        article = add_article(db, feed, f"{title} {n}", summary=body[:40], content=body if n % 7 else body + " " + body)
        add_quote(db, article, body[:60], speaker="Ana Soto" if n % 3 else "Luis Gil")
    return db


@pytest.mark.parametrize("query", ["government", "council vote", "cara*", "oil OR strike -court", '"rally caracas"', "soto"])
@pytest.mark.parametrize(("table", "content", "weights"), [
    ("articles_fts", "articles", search.ARTICLE_WEIGHTS),
    ("quotes_fts", "quotes", search.QUOTE_WEIGHTS),
])
def test_two_halves_rank_like_one_query(db, query: str, table: str, content: str, weights: str) -> None:  # type: ignore[no-untyped-def]
    fts = to_fts_query(query)
    for limit, offset in ((20, 0), (7, 13), (50, 40)):
        one = search_rank.ranked_ids(db, search._run, table, content, weights, fts, limit, offset, split_rows=10**9)
        two = search_rank.ranked_ids(db, search._run, table, content, weights, fts, limit, offset, split_rows=1)
        assert two == one
    assert search_rank.ranked_ids(db, search._run, table, content, weights, fts, 500, 0, split_rows=1) or query == "soto"


def test_the_split_really_happens_and_ranks_best_first(db, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(search_rank, "SPLIT_ROWS", 1)
    calls = []
    real = search_rank._helper_rank
    monkeypatch.setattr(search_rank, "_helper_rank", lambda *args: calls.append(args) or real(*args))
    hits = search.search_articles(db, "government", limit=120)
    assert calls, "the newer half was not ranked on the helper"
    scores = dict(db.execute(
        "SELECT rowid, bm25(articles_fts, 10.0, 3.0, 1.0, 1.0) FROM articles_fts WHERE articles_fts MATCH '\"government\"'"
    ).fetchall())
    assert [hit.id for hit in hits] == sorted(scores, key=lambda rowid: (scores[rowid], rowid))


def test_a_bad_match_expression_is_a_search_error_on_both_halves(db) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(SearchQueryError):
        search_rank.ranked_ids(db, search._run, "articles_fts", "articles", search.ARTICLE_WEIGHTS, "AND AND", 20, 0, split_rows=1)
