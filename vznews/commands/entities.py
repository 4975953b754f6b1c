"""`vznews entities` (people, organisations and places by mentions) and `vznews entity NAME`."""

from __future__ import annotations

import json
from typing import Any

import click

from vznews import locations
from vznews.commands.options import db_option, fail, inherit_parent, json_option
from vznews.textsafe import one_line

KINDS = ("person", "org", "place", "other")


def _open(ctx: click.Context, db: str | None) -> Any:
    from vznews.store.db import StoreError, open_db

    try:
        return open_db(locations.db_path(inherit_parent(ctx, "db", db)), create=False)
    except StoreError as exc:
        fail(str(exc), 2)


def entity_json(e: Any) -> dict[str, Any]:
    """An entity as the JSON the CLI prints."""
    return {"id": e.id, "name": e.name, "kind": e.kind, "articles": e.article_count, "mentions": e.mention_count}


@click.command()
@click.option("--kind", type=click.Choice(KINDS), help="Only people, organisations, places or other.")
@click.option("--name", help="Only entities whose name contains this (accents and case ignored).")
@click.option("--limit", type=click.IntRange(1, 10000), default=50, show_default=True, help="Show at most this many.")
@click.option("--offset", type=click.IntRange(0), default=0, help="Skip this many first (the next page).")
@json_option
@db_option
@click.pass_context
def entities(ctx: click.Context, kind: str | None, name: str | None, limit: int, offset: int, as_json: bool, db: str | None) -> None:
    """List the people, organisations and places in the store, most mentioned first.

    Hidden entities (your aliases file's `hide`) are left out.

    \b
    Examples:
      vznews entities --kind person
      vznews entities --name council --json
    """
    from vznews.store.queries import list_entities

    items = list_entities(_open(ctx, db), kind=kind, name=name, offset=offset, limit=limit)
    if as_json:
        click.echo(json.dumps([entity_json(e) for e in items], indent=2, ensure_ascii=False))
        return
    if not items:
        click.echo("no entities match" if (kind or name) else "no entities yet: run `vznews sync` (or `vznews extract`)", err=True)
        return
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table(box=None, header_style="bold")
    for column, justify in (("name", "left"), ("kind", "left"), ("articles", "right"), ("mentions", "right"), ("id", "right")):
        table.add_column(column, justify=justify)  # type: ignore[arg-type]
    for e in items:
        table.add_row(Text(one_line(e.name, 80)), Text(e.kind), str(e.article_count), str(e.mention_count), Text(str(e.id), style="dim"))
    Console(highlight=False).print(table)


def lookup(store: Any, name: str) -> Any:
    """The entity called `name`: by its key (titles, accents, case ignored) or an alias, else the best name match."""
    from vznews.extract.aliases import AliasesError, load_aliases
    from vznews.extract.entity_names import entity_key
    from vznews.store.queries import find_entity, get_entity

    key = entity_key(name)
    try:
        key = load_aliases(locations.aliases_path()).resolve(key)
    except AliasesError:
        pass
    row = store.conn.execute(
        "SELECT id FROM entities WHERE key = ? UNION ALL SELECT entity_id FROM entity_aliases WHERE alias_key = ? LIMIT 1",
        (key, key),
    ).fetchone()
    return get_entity(store, row[0]) if row else find_entity(store, name)


@click.command()
@click.argument("name", nargs=-1, required=True)
@click.option("--limit", type=click.IntRange(1, 1000), default=10, show_default=True, help="Quotes and articles to show.")
@json_option
@db_option
@click.pass_context
def entity(ctx: click.Context, name: tuple[str, ...], limit: int, as_json: bool, db: str | None) -> None:
    """One entity: its quotes, the articles that name it, and who it appears with.

    \b
    Examples:
      vznews entity Maduro
      vznews entity "National Electoral Council" --json
    """
    from vznews.commands.quotes import print_quotes, quote_json
    from vznews.store.queries import co_mentions, entity_articles, list_quotes

    store = _open(ctx, db)
    wanted = " ".join(name)
    found = lookup(store, wanted)
    if found is None:
        fail(f"no entity called {wanted!r} (try `vznews entities --name {one_line(wanted, 40)}`)", 1)
    said = list_quotes(store, entity_id=found.id, kind="direct", limit=limit)
    articles = entity_articles(store, found.id, limit=limit)
    companions = co_mentions(store, found.id, limit=limit)
    if as_json:
        click.echo(json.dumps({
            **entity_json(found),
            "quotes": [quote_json(q) for q in said],
            "articles": [{"id": a.id, "title": a.title, "feed": a.feed_name, "published": a.published, "url": a.url} for a in articles],
            "appears_with": [{**entity_json(c.entity), "together": c.together} for c in companions],
        }, indent=2, ensure_ascii=False))
        return
    from rich.console import Console
    from rich.text import Text

    console = Console(highlight=False)
    console.print(Text.assemble((one_line(found.name, 100), "bold"), (f"  {found.kind}", "cyan"),
                                (f"  · {found.article_count} articles, {found.mention_count} mentions", "dim")))
    console.print(Text("\nQuotes", style="bold underline"))
    if said:
        print_quotes(said)
    else:
        console.print(Text("  none", style="dim"))
    console.print(Text("\nArticles", style="bold underline"))
    for a in articles:
        console.print(Text.assemble((f"  [{a.id}] ", "dim"), (a.published[:10], "green"), (" · ", "dim"),
                                    (one_line(a.feed_name, 40), ""), (" · ", "dim"), (one_line(a.title, 100), "")))
    console.print(Text("\nAppears with", style="bold underline"))
    for c in companions:
        console.print(Text.assemble(("  ", ""), (one_line(c.entity.name, 60), ""), (f"  {c.entity.kind}", "cyan"),
                                    (f"  · {c.together} articles together", "dim")))
