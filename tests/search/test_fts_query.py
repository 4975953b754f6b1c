"""User search syntax -> FTS5: every term quoted, operators only from the translator."""

from __future__ import annotations

import re
import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vznews.store.fts_query import MAX_TERMS, SearchQueryError, to_fts_query


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("maduro", '"maduro"'),
        ("Nicolás  MADURO", '"nicolas" AND "maduro"'),
        ('"electoral council"', '"electoral council"'),
        ('"  Consejo   Nacional  Electoral "', '"consejo nacional electoral"'),
        ("elect*", '"elect"*'),
        ("elect**", '"elect"*'),
        ('"electoral coun"*', '"electoral coun"*'),
        ("maduro -machado", '("maduro") NOT ("machado")'),
        ('council -"national assembly" -poll*', '("council") NOT ("national assembly" OR "poll"*)'),
        ("maduro NOT machado", '("maduro") NOT ("machado")'),
        ("maduro OR machado", '("maduro" OR "machado")'),
        ("results maduro OR machado", '"results" AND ("maduro" OR "machado")'),
        ("maduro AND machado", '"maduro" AND "machado"'),
        ("maduro or machado", '"maduro" AND "or" AND "machado"'),  # lowercase: just a word
        ("covid-19", '"covid-19"'),
        ("maduro - !!! ", '"maduro"'),  # punctuation-only terms dropped
    ],
)
def test_translation(query: str, expected: str) -> None:
    assert to_fts_query(query) == expected


@pytest.mark.parametrize(
    "hostile",
    ['title:maduro', 'NEAR(maduro machado)', 'maduro^', '{title summary}: x', 'a + b', "x' OR 1=1 --", 'col:"x"'],
)
def test_fts_syntax_in_user_text_is_quoted(hostile: str) -> None:
    expression = to_fts_query(hostile)
    outside_quotes = re.sub(r'"(?:[^"]|"")*"', "", expression)
    assert set(outside_quotes) <= set(" ()*ANDORT")


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("", "empty search"),
        ("   ", "empty search"),
        ('"electoral council', "unbalanced quote"),
        ('maduro "a" "b', "unbalanced quote"),
        ("-maduro", "needs a word besides the -exclusions"),
        ('-maduro -"x y"', "needs a word besides the -exclusions"),
        ("!!! ???", "nothing to look for"),
        ("OR maduro", "OR needs a word or phrase on each side"),
        ("maduro OR", "OR needs a word or phrase on each side"),
        ("maduro OR -machado", "OR needs a word or phrase on each side"),
        ("maduro NOT", "NOT needs a word"),
        (" ".join(["w"] * (MAX_TERMS + 1)), "search too long"),
        ("x" * 2000, "search too long"),
    ],
)
def test_malformed_queries_raise_one_clear_line(query: str, message: str) -> None:
    with pytest.raises(SearchQueryError, match=message) as caught:
        to_fts_query(query)
    assert "\n" not in str(caught.value)


@pytest.fixture(scope="module")
def fts() -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE t USING fts5(a, b, tokenize='unicode61 remove_diacritics 2')")
    conn.execute("INSERT INTO t VALUES ('Nicolás Maduro habló', 'the electoral council said')")
    return conn


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(list('ab "*-:^()+{}\'.,é') + [" OR ", " NOT ", " AND ", "NEAR"]), max_size=25).map("".join))
def test_any_input_is_a_valid_fts5_expression_or_a_query_error(fts: sqlite3.Connection, text: str) -> None:
    try:
        expression = to_fts_query(text)
    except SearchQueryError:
        return
    fts.execute("SELECT rowid FROM t WHERE t MATCH ?", (expression,)).fetchall()  # never an SQL error


def test_accents_and_case_fold_both_ways(fts: sqlite3.Connection) -> None:
    for query in ("nicolas", "NICOLÁS", "habló", "hablo", "maduro habl*", '"electoral council"'):
        assert fts.execute("SELECT count(*) FROM t WHERE t MATCH ?", (to_fts_query(query),)).fetchone()[0] == 1
    for query in ("maduro -council", '"council electoral"', "machado OR capriles"):
        assert fts.execute("SELECT count(*) FROM t WHERE t MATCH ?", (to_fts_query(query),)).fetchone()[0] == 0
