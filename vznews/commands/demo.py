"""`vznews demo`: sync the bundled offline sample into a separate demo store, then open it."""

from __future__ import annotations

import importlib
import importlib.util
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

import click

from vznews import locations
from vznews.commands.options import fail
from vznews.models import FeedSynced, PhaseProgress, SyncEvent, SyncFinished
from vznews.sample import feeds_toml_path
from vznews.textsafe import one_line

if TYPE_CHECKING:
    from vznews.store.records import QuoteItem


@click.command()
@click.option("--db", "db", type=click.Path(dir_okay=False), default=None, help="The demo store (default: demo.db in the data dir; never your own store).")
@click.option("--no-open", "no_open", is_flag=True, help="Only sync and print what was stored; do not open the explorer.")
def demo(db: str | None, no_open: bool) -> None:
    """Sync the bundled sample into a demo store and open it.

    The sample is forty invented articles from four feeds (three English, one
    Spanish) about a fictional country's disputed election, dense with quotes,
    people, organisations and places. Nothing touches the network, and the demo
    store is separate from yours: the global --db and VZNEWS_DB are ignored here.
    Running it again adds nothing. Exits 1 if a sample feed failed to sync.

    \b
    Examples:
      vznews demo                          sync the sample and open the explorer
      vznews demo --no-open --db /tmp/d.db sync into /tmp/d.db and print a summary
    """
    from vznews.config import ConfigError, load_config

    path = Path(db).expanduser() if db else locations.demo_db_path()
    try:
        config = load_config(feeds_toml_path())
    except ConfigError as exc:
        fail(str(exc), 2)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        fail(f"{path.parent}: cannot create the directory ({exc.strerror})", 2)
    click.echo(f"vznews demo: syncing the bundled sample ({len(config.feeds)} feeds, no network) into {path}")
    failed = _run(config, path)
    summary = _summary(path)
    click.echo(f"Stored: {summary}")
    if not no_open and _is_terminal() and _open_tui(path):
        raise SystemExit(1 if failed else 0)
    _print_contents(path)
    click.echo(f"\nOpen it with:  vznews --db {path}")
    raise SystemExit(1 if failed else 0)


def _run(config: object, path: Path) -> int:
    """Sync, printing one line per feed and the end of each later phase; the number of failed feeds."""
    from vznews.ingest.sync import run_sync
    from vznews.store.db import StoreError

    try:
        return _render(run_sync(config, path, fulltext=False))  # type: ignore[arg-type]
    except StoreError as exc:
        fail(str(exc), 1)


def _render(events: Iterable[SyncEvent]) -> int:
    failed = 0
    for event in events:
        if isinstance(event, FeedSynced):
            if event.outcome == "failed":
                failed += 1
                detail = f"failed: {one_line(event.error or 'unknown error', 200)}"
            elif event.new or event.updated:
                detail = f"{event.new} new" + (f", {event.updated} updated" if event.updated else "")
            else:
                detail = event.outcome
            click.echo(f"  {one_line(event.name, 40):<26} {detail}")
        elif isinstance(event, PhaseProgress) and (event.message or (event.total and event.done >= event.total)):
            note = f" ({one_line(event.message, 200)})" if event.message else ""
            click.echo(f"  {event.phase}: {event.done}/{event.total}{note}")
        elif isinstance(event, SyncFinished):
            click.echo(f"  this run: {event.new} new, {event.updated} updated, {event.feeds_failed} failed")
    return failed


def _summary(path: Path) -> str:
    """One line: how many feeds, articles, quotes and entities the demo store holds."""
    from vznews.store import queries
    from vznews.store.db import connect

    conn = connect(path, readonly=True)
    try:
        found = queries.sources(conn, top_entities=0)
        quotes, entities = queries.count_quotes(conn), queries.count_entities(conn)
    finally:
        conn.close()
    return f"{len(found.feeds)} feeds, {found.total} articles, {quotes} quotes, {entities} entities"


def _print_contents(path: Path) -> None:
    """A taste of the store: the latest titles and a few direct quotes with their speakers."""
    from vznews.store import queries
    from vznews.store.db import connect

    conn = connect(path, readonly=True)
    try:
        articles = queries.list_articles(conn, limit=5)
        quotes = _varied(queries.list_quotes(conn, kind="direct", limit=200), 5)
    finally:
        conn.close()
    click.echo("\nLatest articles:")
    for item in articles:
        click.echo(f"  {item.published[:10]}  {one_line(item.feed_name, 24):<24} {one_line(item.title, 80)}")
    if quotes:
        click.echo("\nWho said what:")
        for quote in quotes:
            click.echo(f"  {one_line(quote.speaker, 30)}: “{one_line(quote.text, 90)}” ({one_line(quote.feed_name, 30)})")


def _is_terminal() -> bool:
    return sys.stdout.isatty()


def _varied(quotes: list[QuoteItem], count: int) -> list[QuoteItem]:
    """Up to `count` quotes with a speaker, each from a different speaker and article."""
    chosen: list[QuoteItem] = []
    speakers: set[str] = set()
    articles: set[int] = set()
    for quote in quotes:
        if quote.speaker and quote.speaker not in speakers and quote.article_id not in articles and len(quote.text) > 40:
            chosen.append(quote)
            speakers.add(quote.speaker)
            articles.add(quote.article_id)
    return chosen[:count]


def _open_tui(path: Path) -> bool:
    """Open the explorer on the demo store if this build has one; False when it does not."""
    from vznews.cli import COMMANDS

    if importlib.util.find_spec("vznews.tui.app") is None:
        return False
    module_name, attr = COMMANDS["tui"][0].split(":")
    try:
        command = getattr(importlib.import_module(module_name), attr)
    except (ImportError, AttributeError):
        return False
    click.get_current_context().invoke(command, db=str(path), feeds=str(feeds_toml_path()))
    return True
