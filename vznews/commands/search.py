"""`vznews search QUERY`: full-text search of the stored articles, best matches first."""

from __future__ import annotations

import json
from typing import Any

import click

from vznews import locations
from vznews.commands.feeds import inherited
from vznews.commands.options import db_option, fail, json_option
from vznews.textsafe import one_line

MATCH_STYLE = "bold reverse"
INDENT = 4


def _date(published: str) -> str:
    return published[:10]


def _styled(marked: Any, base: str = "") -> Any:
    """A rich Text of a Marked's plain text with its match spans styled (never parsed as markup)."""
    from rich.text import Text

    text = Text(marked.text, style=base)
    for start, end in marked.spans:
        text.stylize(MATCH_STYLE, start, end)
    return text


def _print_hits(hits: list[Any]) -> None:
    from rich.console import Console
    from rich.text import Text

    console = Console(highlight=False)
    for hit in hits:
        header = Text.assemble(
            (f"[{hit.id}] ", "dim"), (one_line(hit.feed_name, 80), "cyan"), (" · ", "dim"), (_date(hit.published), "green"),
            (" · ", "dim"), _styled(hit.title, "bold"),
        )
        console.print(header)
        if hit.snippet.text:
            for line in _styled(hit.snippet).wrap(console, max(20, console.width - INDENT)):
                line.rstrip()
                console.print(Text(" " * INDENT) + line)
        console.print()


def _as_json(hit: Any) -> dict[str, Any]:
    return {
        "id": hit.id, "feed": hit.feed_name, "published": hit.published, "title": hit.title.text,
        "url": hit.url, "snippet": hit.snippet.text, "snippet_matches": [list(span) for span in hit.snippet.spans],
        "title_matches": [list(span) for span in hit.title.spans], "is_read": hit.is_read, "is_starred": hit.is_starred,
    }


@click.command(context_settings={"ignore_unknown_options": True, "help_option_names": ["--help"]})
@click.argument("query", nargs=-1, required=True)
@click.option("--limit", type=click.IntRange(1, 1000), default=20, show_default=True, help="Show at most this many results.")
@click.option("--offset", type=click.IntRange(0), default=0, help="Skip this many results first (the next page).")
@json_option
@db_option
@click.pass_context
def search(ctx: click.Context, query: tuple[str, ...], limit: int, offset: int, as_json: bool, db: str | None) -> None:
    """Search the stored articles: titles, summaries, texts. Best matches first.

    Words must all appear (any accents and case); "a phrase" must appear as written;
    prefix* matches the start of a word; -word leaves out articles that contain it;
    a OR b accepts either. Each result shows its id (for `vznews show ID`), source,
    date, title and the matching passage. No match is not an error (exit 0); a
    malformed query exits 2.

    \b
    Examples:
      vznews search maduro
      vznews search '"electoral council" elect* -poll'
      vznews search 'Machado OR González' --limit 50 --json
    """
    from vznews.store.db import StoreError, open_db
    from vznews.store.search import SearchQueryError, search_articles

    text = " ".join(query)
    db_file = locations.db_path(inherited(ctx, "db", db))
    try:
        store = open_db(db_file, create=False)
    except StoreError as exc:
        fail(str(exc), 2)
    try:
        hits = search_articles(store, text, limit=limit, offset=offset)
    except SearchQueryError as exc:
        fail(f"search: {exc}", 2)
    if as_json:
        click.echo(json.dumps([_as_json(hit) for hit in hits], indent=2, ensure_ascii=False))
    elif not hits:
        more = " more" if offset else ""
        click.echo(f"no{more} articles match {text!r}", err=True)
    else:
        _print_hits(hits)
