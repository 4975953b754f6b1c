"""search_articles / search_quotes / search_entities over a store seeded row by row."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlite_utils import Database

from tests.storeseed import add_article, add_entity, add_feed, add_quote, make_store
from vznews.store.search import (
    SearchQueryError,
    count_matches,
    search_articles,
    search_entities,
    search_quotes,
)
from vznews.store.highlight import mark, opening, snippet
from vznews.store.fts_query import highlight_terms


@pytest.fixture
def db(tmp_path: Path) -> Database:
    db = make_store(tmp_path / "store.db")
    cc = add_feed(db, "https://cc.example/feed", "Caracas Chronicles")
    ec = add_feed(db, "https://ec.example/feed", "Efecto Cocuyo")
    add_article(db, cc, "Opposition rally in Caracas", summary="Thousands marched. The electoral council was silent.",
                published="2024-07-29T10:00:00+00:00")
    add_article(db, cc, "Electoral council delays the count", summary="A short summary.",
                content="The first paragraph.\n\nThe electoral council said on Monday it needed more time.",
                published="2024-07-28T10:00:00+00:00")
    add_article(db, ec, "El CNE anuncia resultados", summary="Nicolás Maduro habló en Caracas.",
                content="El Consejo Nacional Electoral (CNE) anunció que Maduro ganó.", lang="es")
    add_article(db, ec, "Markup [bold red]in[/] a title \x1b[31m", summary="[link=http://evil]click[/link] council",
                published="2024-07-20T10:00:00+00:00")
    return db


def test_title_matches_rank_first(db: Database) -> None:
    hits = search_articles(db, "electoral council")
    assert [hit.title.text for hit in hits][:2] == ["Electoral council delays the count", "Opposition rally in Caracas"]
    first = hits[0]
    assert first.feed_name == "Caracas Chronicles"
    assert first.published == "2024-07-28T10:00:00+00:00"
    assert first.title.matched() == ["Electoral", "council"]


def test_snippet_is_plain_text_with_spans_from_the_body(db: Database) -> None:
    hit = search_articles(db, "electoral council")[0]
    # The body is `content` (no full text): the snippet comes from it, on one line.
    assert hit.snippet.text == "The first paragraph. The electoral council said on Monday it needed more time."
    assert hit.snippet.matched() == ["electoral", "council"]
    assert "\x02" not in hit.snippet.text and "\n" not in hit.snippet.text


def test_snippet_falls_back_to_the_field_that_matched(db: Database) -> None:
    hit = search_articles(db, "thousands")[0]
    assert hit.snippet.matched() == ["Thousands"]


def test_accents_exclusions_phrases_prefixes(db: Database) -> None:
    assert [h.title.text for h in search_articles(db, "nicolas")] == ["El CNE anuncia resultados"]
    assert [h.title.text for h in search_articles(db, "hablo")] == ["El CNE anuncia resultados"]
    assert [h.title.text for h in search_articles(db, "consejo electo*")] == ["El CNE anuncia resultados"]
    titles = {h.title.text for h in search_articles(db, "council -delays")}
    assert "Electoral council delays the count" not in titles and "Opposition rally in Caracas" in titles
    assert search_articles(db, '"council electoral"') == []


def test_limit_offset_and_count(db: Database) -> None:
    everything = [h.id for h in search_articles(db, "council", limit=10)]
    assert len(everything) == count_matches(db, "council") == 3
    pages = [h.id for h in search_articles(db, "council", limit=2)] + [
        h.id for h in search_articles(db, "council", limit=2, offset=2)
    ]
    assert pages == everything


def test_untrusted_text_comes_back_as_inert_plain_text(db: Database) -> None:
    hit = search_articles(db, "markup")[0]
    assert hit.title.text == "Markup [bold red]in[/] a title"  # markup kept as text, escape removed
    assert "\x1b" not in hit.title.text
    assert hit.title.matched() == ["Markup"]


def test_malformed_query_is_a_search_error_not_sql(db: Database) -> None:
    with pytest.raises(SearchQueryError, match="unbalanced quote"):
        search_articles(db, '"council')


def test_search_quotes_by_text_and_speaker(db: Database) -> None:
    article = add_article(db, 1, "Quotes here", summary="x")
    add_quote(db, article, "We will not accept these results", "María Corina Machado")
    add_quote(db, article, "The results are irreversible", "Elvis Amoroso")
    add_quote(db, article, "Machado lies about the results", "Diosdado Cabello")
    by_speaker = search_quotes(db, "machado")
    assert by_speaker[0].speaker is not None and by_speaker[0].speaker.text == "María Corina Machado"
    assert by_speaker[0].speaker.matched() == ["Machado"]
    assert {hit.text.text for hit in by_speaker} == {"We will not accept these results", "Machado lies about the results"}
    irreversible = search_quotes(db, "irreversible")
    assert irreversible[0].text.matched() == ["irreversible"]
    assert irreversible[0].article_title == "Quotes here" and irreversible[0].feed_name == "Caracas Chronicles"


def test_search_entities_most_written_about_first_hidden_left_out(db: Database) -> None:
    add_entity(db, "Maduro Guerra", articles=2)
    add_entity(db, "Nicolás Maduro", articles=40)
    add_entity(db, "Maduro (hidden)", key="maduro hidden", articles=99, hidden=1)
    hits = search_entities(db, "madur*")
    assert [hit.name.text for hit in hits] == ["Nicolás Maduro", "Maduro Guerra"]
    assert hits[0].name.matched() == ["Maduro"] and hits[0].article_count == 40
    assert [hit.name.text for hit in search_entities(db, "nicolas")] == ["Nicolás Maduro"]


@pytest.mark.parametrize(
    ("text", "query", "line", "matched"),
    [
        ("a b c", "b", "a b c", ["b"]),
        ("\n\n  lead  Nicolás\tMADURO  \n tail  ", "nicolas maduro", "lead Nicolás MADURO tail", ["Nicolás", "MADURO"]),
        ("The electoral  council, said", '"electoral council"', "The electoral council, said", ["electoral council"]),
        ("elections, electoral, select", "elect*", "elections, electoral, select", ["elections", "electoral"]),
        ("esc\x1b[2J hit [bold]x[/]", "hit", "esc hit [bold]x[/]", ["hit"]),
        ("covid-19 and covid 19", "covid-19", "covid-19 and covid 19", ["covid-19", "covid 19"]),
        ("Straße STRASSE", "straße", "Straße STRASSE", ["Straße"]),
        ("x", "maduro -x", "x", []),
        (None, "x", "", []),
    ],
)
def test_mark(text: str | None, query: str, line: str, matched: list[str]) -> None:
    result = mark(text, highlight_terms(query))
    assert result.text == line
    assert result.matched() == matched


def test_snippet_cuts_around_the_densest_matches_at_word_boundaries() -> None:
    words = [f"w{n}" for n in range(200)]
    words[20] = "maduro"
    words[150:153] = ["maduro", "said", "machado"]
    text = " ".join(words)
    cut = snippet(text, highlight_terms("maduro OR machado"), width=80)
    assert cut is not None
    assert cut.text.startswith("… ") and cut.text.endswith(" …")
    assert cut.matched() == ["maduro", "machado"]  # both terms: the second cluster wins
    assert all(piece in words for piece in cut.text.strip("… ").split())  # no word cut in half
    assert snippet(text, highlight_terms("absent")) is None
    assert opening(text, 20).text == "w0 w1 w2 w3 w4 w5 …"
