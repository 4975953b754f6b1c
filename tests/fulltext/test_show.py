"""`vznews show ID`: header, marker, body as plain text, clear error for a missing ID."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from tests.fulltext.storehelp import add_article, add_feed
from vznews.cli import cli


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_show_prints_header_marker_and_extracted_text(tmp_path: Path) -> None:
    db = tmp_path / "v.db"
    feed = add_feed(db, "https://example.org/feed.xml", "Meridian Post")
    article_id = add_article(
        db, feed, "g1", url="https://example.org/a/1", title="Council delays tally", author="Lucía Ferreira",
        summary="Short summary.", fulltext="First paragraph of the page.\n\nSecond paragraph of the page.",
        fulltext_status="ok", fulltext_url="https://example.org/a/1",
    )
    code, out, _ = _run("show", str(article_id), "--db", str(db))
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "Council delays tally"
    assert "Source: Meridian Post" in lines
    assert "Author: Lucía Ferreira" in lines
    assert "Date: 2024-08-02 14:05 UTC" in lines
    assert "Link: https://example.org/a/1" in lines
    assert "full text, extracted from the article's page" in out
    assert "First paragraph of the page.\n\nSecond paragraph of the page." in out
    assert "Short summary." not in out


def test_show_falls_back_to_the_feed_summary_and_says_why(tmp_path: Path) -> None:
    db = tmp_path / "v.db"
    feed = add_feed(db, "https://example.org/feed.xml")
    article_id = add_article(
        db, feed, "g1", url="https://example.org/a/1", summary="Only the summary.",
        fulltext_status="failed", fulltext_error="HTTP 404 Not Found", fulltext_attempts=2,
    )
    code, out, _ = _run("show", str(article_id), "--db", str(db))
    assert code == 0
    assert "the feed's summary; the page was not usable (HTTP 404 Not Found; 2 tries)" in out
    assert "Only the summary." in out
    pending = add_article(db, feed, "g2", content="The feed's full content.")
    code, out, _ = _run("show", str(pending), "--db", str(db))
    assert "the feed's text; the page was not fetched" in out
    assert "The feed's full content." in out


def test_untrusted_text_is_printed_literally_never_as_markup(tmp_path: Path) -> None:
    db = tmp_path / "v.db"
    feed = add_feed(db, "https://example.org/feed.xml", "[bold]Feed[/bold]")
    article_id = add_article(
        db, feed, "g1", title="[red]Title[/red] \x1b[31mred", summary="Body with [link=http://x]markup[/link] \x1b]0;t\x07:smile:",
    )
    code, out, _ = _run("show", str(article_id), "--db", str(db))
    assert code == 0
    assert "[red]Title[/red] red" in out
    assert "Source: [bold]Feed[/bold]" in out
    assert "Body with [link=http://x]markup[/link] :smile:" in out
    assert "\x1b" not in out


def test_long_paragraphs_are_wrapped(tmp_path: Path) -> None:
    db = tmp_path / "v.db"
    feed = add_feed(db, "https://example.org/feed.xml")
    article_id = add_article(db, feed, "g1", fulltext="word " * 200, fulltext_status="ok")
    code, out, _ = _run("show", str(article_id), "--db", str(db))
    assert code == 0
    body_lines = [line for line in out.splitlines() if line.startswith("word")]
    assert len(body_lines) > 5 and all(len(line) <= 100 for line in body_lines)


def test_missing_id_is_one_clear_line_and_exit_1(tmp_path: Path) -> None:
    db = tmp_path / "v.db"
    add_feed(db, "https://example.org/feed.xml")
    code, out, err = _run("show", "999", "--db", str(db))
    assert code == 1
    assert out == ""
    assert err == f"vznews: error: {db}: no article with ID 999\n"


def test_missing_store_is_one_clear_line(tmp_path: Path) -> None:
    code, _, err = _run("show", "1", "--db", str(tmp_path / "nothing.db"))
    assert code == 1
    assert err.startswith("vznews: error: ") and "no database here" in err and err.count("\n") == 1
    assert not (tmp_path / "nothing.db").exists()


def test_db_option_given_before_the_subcommand(tmp_path: Path) -> None:
    db = tmp_path / "v.db"
    feed = add_feed(db, "https://example.org/feed.xml")
    article_id = add_article(db, feed, "g1", title="Via the group option", summary="x")
    code, out, _ = _run("--db", str(db), "show", str(article_id))
    assert code == 0 and out.startswith("Via the group option")


def test_quotes_and_list_items_keep_their_marks_when_wrapped() -> None:
    from vznews.commands.show import wrap_body

    body = "> " + "quoted words " * 10 + "\n\n• " + "item words " * 10 + "\n• short"
    quote, items = wrap_body(body, 40)
    assert all(line.startswith("> ") for line in quote.splitlines()) and len(quote.splitlines()) > 2
    lines = items.splitlines()
    assert lines[0].startswith("• ") and lines[1].startswith("  words") and lines[-1] == "• short"
    assert all(len(line) <= 40 for line in lines)


def test_long_link_is_printed_whole_on_one_line(tmp_path: Path) -> None:
    db = tmp_path / "v.db"
    feed = add_feed(db, "https://example.org/feed.xml")
    link = "https://example.org/" + "very-long-slug-" * 12
    article_id = add_article(db, feed, "g1", url=link, summary="x")
    code, out, _ = _run("show", str(article_id), "--db", str(db))
    assert f"Link: {link}" in out.splitlines()
