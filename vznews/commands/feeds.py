"""`vznews feeds`: the configured feeds and their state; `vznews feeds add URL`."""

from __future__ import annotations

import json
import sys
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import click

from vznews import locations
from vznews.commands.options import db_option, fail, feeds_option, json_option
from vznews.config import ConfigError, load_config
from vznews.feedsfile import DuplicateFeedError, FeedsFileError, add_feed, writable_feeds_path
from vznews.models import FeedConfig
from vznews.textsafe import one_line


def inherited(ctx: click.Context, name: str, value: Any) -> Any:
    """An option's value, else the same option given to an enclosing command (`vznews --db X feeds`)."""
    while value is None and ctx.parent is not None:
        ctx = ctx.parent
        value = ctx.params.get(name)
    return value


def stdout_is_terminal() -> bool:
    """True when stdout is a terminal (tables and colours), False for pipes and files."""
    return sys.stdout.isatty()


def _when(iso: str | None) -> str:
    if not iso:
        return "never"
    try:
        moment = datetime.fromisoformat(iso.replace("Z", "+00:00"))
    except ValueError:
        return one_line(iso, 25)
    if moment.tzinfo is not None:
        moment = moment.astimezone(timezone.utc)
    return moment.strftime("%Y-%m-%d %H:%M")


def _status(state: Any) -> str:
    """One line on a feed's health: ok, never synced, failing (with the error), gone, backed off."""
    if state is None or not state.checked_at:
        return "not synced yet"
    if state.gone:
        return "gone: the publisher removed it (HTTP 410)"
    if state.error:
        streak = f" ({state.error_count} in a row)" if state.error_count > 1 else ""
        backoff = f"; next try after {_when(state.retry_after)}" if state.retry_after else ""
        return one_line(f"failing{streak}: {state.error}{backoff}", 200)
    return f"ok; moved to {state.moved_to}" if state.moved_to else "ok"


def _rows(feeds: tuple[FeedConfig, ...], db_file: Path) -> list[dict[str, Any]]:
    states: dict[str, Any] = {}
    if db_file.exists():
        from vznews.store.db import StoreError, open_db
        from vznews.store.feed_state import feed_states

        try:
            states = feed_states(open_db(db_file, create=False))
        except StoreError as exc:
            fail(str(exc), 2)
    rows = []
    for feed in feeds:
        state = states.get(feed.url)
        rows.append({
            "name": feed.name, "url": feed.url, "tags": list(feed.tags), "lang": feed.lang,
            "include": list(feed.include), "exclude": list(feed.exclude), "fulltext": feed.fulltext,
            "articles": state.articles if state else 0, "unread": state.unread if state else 0,
            "starred": state.starred if state else 0,
            "last_checked": state.checked_at if state else None, "last_success": state.ok_at if state else None,
            "last_error": one_line(state.error, 500) if state and state.error else None, "error_count": state.error_count if state else 0,
            "retry_after": state.retry_after if state else None, "gone": state.gone if state else False,
            "moved_to": state.moved_to if state else None, "status": _status(state),
        })
    return rows


def _print_table(rows: list[dict[str, Any]], title: str) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table(title=Text(title), title_justify="left")
    for header, justify in (("Feed", "left"), ("Articles", "right"), ("Unread", "right"),
                            ("Last success", "left"), ("Status", "left")):
        table.add_column(header, justify=justify, overflow="fold")
    for row in rows:
        status_style = "green" if row["status"] == "ok" else "dim" if row["status"] == "not synced yet" else "red"
        details = ", ".join(row["tags"]) + (f" · {row['lang']}" if row["lang"] else "")
        name = Text.assemble((one_line(row["name"], 60), "bold"))
        if details:
            name.append("\n" + details, style="dim")
        table.add_row(name, Text(str(row["articles"])), Text(str(row["unread"])),
                      Text(_when(row["last_success"])), Text(row["status"], style=status_style))
    Console(highlight=False).print(table)


def _print_plain(rows: list[dict[str, Any]], title: str) -> None:
    click.echo(title)
    cells = [(one_line(r["name"], 60), str(r["articles"]), str(r["unread"]), _when(r["last_success"]), r["status"])
             for r in rows]
    header = ("FEED", "ARTICLES", "UNREAD", "LAST SUCCESS", "STATUS")
    widths = [max(len(c[i]) for c in [header, *cells]) for i in range(4)]
    for cell in [header, *cells]:
        click.echo("  ".join(c.ljust(w) if i == 0 or i == 3 else c.rjust(w) for i, (c, w) in enumerate(zip(cell, widths)))
                   + "  " + cell[4])


@click.group(invoke_without_command=True)
@feeds_option
@db_option
@json_option
@click.pass_context
def feeds(ctx: click.Context, feeds: str | None, db: str | None, as_json: bool) -> None:
    """List the configured feeds with their state in the store, or add one.

    For each feed: articles stored, unread, last successful sync and its status
    (ok, not synced yet, or the last error). A table on a terminal, plain columns
    otherwise, JSON with --json.

    \b
    Examples:
      vznews feeds
      vznews feeds --json | jq '.[] | select(.last_error) | .name'
      vznews feeds add https://efectococuyo.com/feed/ --name "Efecto Cocuyo" --tag venezuelan
    """
    if ctx.invoked_subcommand is not None:
        return
    feeds_file = locations.feeds_path(inherited(ctx, "feeds", feeds))
    db_file = locations.db_path(inherited(ctx, "db", db))
    try:
        config = load_config(feeds_file)
    except ConfigError as exc:
        fail(str(exc), 2)
    rows = _rows(config.feeds, db_file)
    if as_json:
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    store_note = "" if db_file.exists() else f"; no store yet at {db_file}: run `vznews sync`"
    title = f"{len(rows)} feeds in {feeds_file}{store_note}"
    if not rows:
        click.echo(f"{title}\nAdd one with `vznews feeds add URL`.")
    elif stdout_is_terminal():
        _print_table(rows, title)
    else:
        _print_plain(rows, title)


@feeds.command("add")
@click.argument("url")
@click.option("--name", help="The name shown in lists (default: the site's host).")
@click.option("--tag", "tags", multiple=True, help="A tag for `vznews sync --only TAG`; repeat for several.")
@click.option("--lang", help='The feed\'s language, like "en" or "es".')
@feeds_option
@click.pass_context
def add(ctx: click.Context, url: str, name: str | None, tags: tuple[str, ...], lang: str | None, feeds: str | None) -> None:
    """Append a feed to your feeds.toml, keeping its comments and layout.

    Without a feeds.toml of your own, it starts as a copy of the bundled list. URL
    may be a local file (an offline archive). Exits 1 if the feed is already
    there, 2 if the address or the feeds file is invalid.

    \b
    Examples:
      vznews feeds add https://talcualdigital.com/feed/ --name "Tal Cual" --tag venezuelan --lang es
      vznews feeds add ./archive/2024-07.xml --tag archive
    """
    path = writable_feeds_path(inherited(ctx, "feeds", feeds))
    existed = path.exists()
    try:
        feed = add_feed(path, url, name=name, tags=tags, lang=lang)
    except DuplicateFeedError as exc:
        fail(str(exc), 1)
    except (ConfigError, FeedsFileError) as exc:
        fail(str(exc), 2)
    if not existed and path == locations.user_feeds_path():
        click.echo(f"created {path} from the bundled feed list")
    click.echo(f"added {feed.name!r} ({feed.url}) to {path}")
