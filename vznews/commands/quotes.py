"""`vznews quotes`: who said what, newest articles first."""

from __future__ import annotations

import json
from typing import Any

import click

from vznews import locations
from vznews.commands.options import db_option, fail, inherit_parent, json_option
from vznews.textsafe import one_line

KINDS = ("direct", "mixed", "indirect")


def quote_json(q: Any) -> dict[str, Any]:
    """A quote as the JSON the CLI prints (one object per quote)."""
    return {
        "id": q.id, "article_id": q.article_id, "text": q.text, "speaker": q.speaker,
        "speaker_as_written": q.speaker_as_written, "role": q.role, "entity_id": q.entity_id, "cue": q.cue,
        "kind": q.kind, "start": q.start, "end": q.end, "article_title": q.article_title, "feed": q.feed_name,
        "published": q.published,
    }


def print_quotes(items: list[Any], width: int = 400) -> None:
    """Each quote as `“text”` then `— speaker (role), date · feed · title`, never parsed as markup."""
    from rich.console import Console
    from rich.text import Text

    console = Console(highlight=False)
    for q in items:
        mark = "“" if q.kind == "direct" else "~"
        console.print(Text.assemble((f"{mark}{one_line(q.text, width)}{'”' if q.kind == 'direct' else ''}", "bold" if q.kind == "direct" else "")))
        who = one_line(q.speaker or "(unknown speaker)", 80)
        role = f" ({one_line(q.role, 60)})" if q.role else ""
        console.print(Text.assemble(
            ("    — ", "dim"), (who, "cyan"), (role, "dim"), ("  ", ""), (q.published[:10], "green"),
            (" · ", "dim"), (one_line(q.feed_name, 40), ""), (" · ", "dim"), (one_line(q.article_title, 80), "italic"),
            (f"  [{q.kind}, article {q.article_id}]", "dim"),
        ))


@click.command()
@click.option("--speaker", help="Only quotes whose speaker matches these words (accents and case ignored).")
@click.option("--search", "text", help="Only quotes whose text contains these words (word prefixes).")
@click.option("--kind", type=click.Choice(KINDS + ("all",)), default="direct", show_default=True,
              help="direct quotes, mixed (a quoted fragment in reported speech), indirect (reported speech), or all.")
@click.option("--limit", type=click.IntRange(1, 10000), default=50, show_default=True, help="Show at most this many.")
@click.option("--offset", type=click.IntRange(0), default=0, help="Skip this many first (the next page).")
@json_option
@db_option
@click.pass_context
def quotes(ctx: click.Context, speaker: str | None, text: str | None, kind: str, limit: int, offset: int,
           as_json: bool, db: str | None) -> None:
    """List who said what: quotes found in the stored articles, newest first.

    \b
    Examples:
      vznews quotes --speaker maduro
      vznews quotes --search "electoral council" --kind all --json
    """
    from vznews.store.db import StoreError, open_db
    from vznews.store.queries import list_quotes

    try:
        store = open_db(locations.db_path(inherit_parent(ctx, "db", db)), create=False)
    except StoreError as exc:
        fail(str(exc), 2)
    items = list_quotes(store, speaker=speaker, text=text, kind=None if kind == "all" else kind, offset=offset, limit=limit)
    if as_json:
        click.echo(json.dumps([quote_json(q) for q in items], indent=2, ensure_ascii=False))
    elif not items:
        click.echo("no quotes match" if (speaker or text) else "no quotes yet: run `vznews sync` (or `vznews extract`)", err=True)
    else:
        print_quotes(items)
