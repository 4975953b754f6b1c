"""`vznews search`: results, --json, no matches, malformed queries and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.storeseed import add_article, add_feed, make_store
from vznews.commands.search import MATCH_STYLE, _styled
from vznews.store.highlight import Marked


@pytest.fixture
def store(tmp_path: Path) -> Path:
    path = tmp_path / "store.db"
    db = make_store(path)
    cc = add_feed(db, "https://cc.example/feed", "Caracas Chronicles")
    evil = add_feed(db, "https://evil.example/feed", "[blink]Evil[/blink] \x1b]0;title\x07Feed")
    add_article(db, cc, "Electoral council delays the count", published="2024-07-28T10:00:00+00:00",
                content="First paragraph.\n\nThe electoral council said on Monday it needed more time.")
    add_article(db, cc, "Opposition rally in Caracas", published="2024-07-29T10:00:00+00:00",
                summary="Thousands marched. The electoral council was silent.")
    add_article(db, evil, "[bold red]Council[/] takeover \x1b[31m", published="2024-07-20T10:00:00+00:00",
                summary="The council [link=https://evil.example]click[/link] \x1b[2J was dissolved.")
    db.conn.close()
    return path


def test_results_best_first_with_source_date_title_snippet(run, store: Path) -> None:
    result = run("search", "electoral council", "--db", str(store))
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[:2] == [
        "[1] Caracas Chronicles · 2024-07-28 · Electoral council delays the count",
        "    First paragraph. The electoral council said on Monday it needed more time.",
    ]
    assert "[2] Caracas Chronicles · 2024-07-29 · Opposition rally in Caracas" in result.stdout


def test_unquoted_exclusions_are_query_words_not_options(run, store: Path) -> None:
    result = run("search", "--db", str(store), "council", "-delays", "-hugo")
    assert result.exit_code == 0, result.output
    assert "Opposition rally" in result.stdout and "delays" not in result.stdout


def test_untrusted_text_is_printed_literally_without_escapes(run, store: Path) -> None:
    result = run("search", "takeover", "--db", str(store))
    assert result.exit_code == 0
    assert "[bold red]Council[/] takeover" in result.stdout
    assert "[blink]Evil[/blink] Feed" in result.stdout
    assert "[link=https://evil.example]click[/link]" in result.stdout
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout


def test_json(run, store: Path) -> None:
    result = run("search", "council", "--limit", "2", "--json", "--db", str(store))
    assert result.exit_code == 0
    hits = json.loads(result.stdout)
    assert len(hits) == 2
    first = hits[0]
    assert set(first) == {"id", "feed", "published", "title", "url", "snippet", "snippet_matches", "title_matches",
                          "is_read", "is_starred"}
    for hit in hits:
        assert [hit["title"][s:e].lower() for s, e in hit["title_matches"]] == ["council"]
        assert [hit["snippet"][s:e].lower() for s, e in hit["snippet_matches"]] == ["council"]
    assert first["feed"] == "[blink]Evil[/blink] Feed"  # escapes gone even from JSON
    assert first["published"] == "2024-07-20T10:00:00+00:00"
    page2 = json.loads(run("search", "council", "--limit", "2", "--offset", "2", "--json", "--db", str(store)).stdout)
    assert len(page2) == 1 and page2[0]["id"] not in {hit["id"] for hit in hits}


def test_no_match_says_so_and_exits_0(run, store: Path) -> None:
    result = run("search", "zanzibar", "--db", str(store))
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "no articles match 'zanzibar'\n")
    as_json = run("search", "zanzibar", "--json", "--db", str(store))
    assert (as_json.exit_code, json.loads(as_json.stdout)) == (0, [])


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ('"electoral council', 'unbalanced quote: close the phrase with another "'),
        ("-council", "nothing to look for: a search needs a word besides the -exclusions"),
        ("council OR", "OR needs a word or phrase on each side"),
        ("***", "nothing to look for in '***': use letters or digits"),
    ],
)
def test_malformed_query_exits_2_with_one_line(run, store: Path, query: str, message: str) -> None:
    result = run("search", "--db", str(store), "--", query)
    assert result.exit_code == 2
    assert result.stderr == f"vznews: error: search: {message}\n"
    assert result.stdout == ""


@pytest.mark.parametrize("query", ["title:council", "NEAR(council rally)", "council^", "c* OR \"x\" AND (y", "'; DROP TABLE articles; --"])
def test_fts_syntax_is_never_an_sql_error(run, store: Path, query: str) -> None:
    result = run("search", "--db", str(store), "--", query)
    assert result.exit_code in (0, 2)
    assert "fts5" not in result.output.lower() and "sqlite" not in result.output.lower()
    assert "Traceback" not in result.output


def test_missing_store_exits_2(run, tmp_path: Path) -> None:
    result = run("search", "x", "--db", str(tmp_path / "none.db"))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"vznews: error: {tmp_path / 'none.db'}: no database here")
    assert not (tmp_path / "none.db").exists()


def test_usage_errors_exit_2(run, store: Path) -> None:
    assert run("search", "--db", str(store)).exit_code == 2  # no query
    assert run("search", "x", "--limit", "0", "--db", str(store)).exit_code == 2


def test_styled_text_marks_spans_and_parses_no_markup() -> None:
    text = _styled(Marked("[bold]x[/bold] council", ((15, 22),)))
    assert text.plain == "[bold]x[/bold] council"
    assert [(span.start, span.end, span.style) for span in text.spans] == [(15, 22, MATCH_STYLE)]


def test_db_given_before_the_subcommand_or_in_the_environment(run, store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert "Opposition rally" in run("--db", str(store), "search", "rally").stdout
    monkeypatch.setenv("VZNEWS_DB", str(store))
    assert "Opposition rally" in run("search", "rally").stdout
