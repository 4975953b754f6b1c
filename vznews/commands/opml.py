"""`vznews opml import FILE` / `vznews opml export`: share the feed list with other readers."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from vznews import locations
from vznews.commands.feeds import inherited
from vznews.commands.options import fail, feeds_option
from vznews.config import ConfigError, load_config
from vznews.config_values import Invalid, lang_code
from vznews.feedsfile import FeedsFileError, NewFeed, add_feeds, writable_feeds_path
from vznews.opml import OPMLError, Outline, parse_opml, render_opml
from vznews.textsafe import one_line


@click.group()
def opml() -> None:
    """Import feeds from an OPML file, or export yours as OPML.

    \b
    Examples:
      vznews opml import ~/Downloads/subscriptions.opml
      vznews opml export -o vznews.opml
    """


def _new_feed(outline: Outline) -> NewFeed:
    try:
        lang = lang_code(outline.lang) if outline.lang else None
    except Invalid:
        lang = None  # "English" and friends: drop it rather than the feed
    name = one_line(outline.title, 120) or None
    return NewFeed(outline.url, name, tuple(one_line(tag, 60) for tag in outline.tags if one_line(tag, 60)), lang)


@opml.command("import")
@click.argument("file", type=click.Path(dir_okay=False, allow_dash=True))
@feeds_option
@click.pass_context
def import_(ctx: click.Context, file: str, feeds: str | None) -> None:
    """Add the feeds of an OPML FILE to your feeds.toml (its folders become tags).

    Feeds already in the list are skipped; the summary says how many. Without a
    feeds.toml of your own, it starts as a copy of the bundled list. Exits 1 when
    some entries had unusable addresses (the others are added), 2 when the file
    cannot be read.

    \b
    Example:
      vznews opml import subscriptions.opml
    """
    try:
        data = sys.stdin.buffer.read() if file == "-" else Path(file).read_bytes()
    except OSError as exc:
        fail(f"{file}: cannot read ({exc.strerror or exc})", 2)
    try:
        outlines = parse_opml(data)
    except OPMLError as exc:
        fail(f"{file}: {exc}", 2)
    path = writable_feeds_path(inherited(ctx, "feeds", feeds))
    existed = path.exists()
    base_dir = Path.cwd() if file == "-" else Path(file).resolve().parent
    try:
        result = add_feeds(path, [_new_feed(outline) for outline in outlines], base_dir=base_dir)
    except (ConfigError, FeedsFileError) as exc:
        fail(str(exc), 2)
    if not existed and path == locations.user_feeds_path():
        click.echo(f"created {path} from the bundled feed list")
    for new, reason in result.invalid:
        click.echo(f"skipped {one_line(new.name or new.url, 80)!r}: {one_line(reason, 200)}", err=True)
    parts = [f"added {len(result.added)} feed{'s' if len(result.added) != 1 else ''} to {path}"]
    if result.duplicates:
        parts.append(f"{len(result.duplicates)} already there")
    if result.invalid:
        parts.append(f"{len(result.invalid)} skipped (unusable address)")
    click.echo("; ".join(parts))
    raise SystemExit(1 if result.invalid else 0)


@opml.command("export")
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True), default="-",
              help="Write to this file instead of standard output.")
@feeds_option
@click.pass_context
def export(ctx: click.Context, output: str, feeds: str | None) -> None:
    """Print the configured feeds as OPML 2.0 (folders from each feed's first tag).

    \b
    Examples:
      vznews opml export > feeds.opml
      vznews opml export -o feeds.opml --feeds ~/other-feeds.toml
    """
    feeds_file = locations.feeds_path(inherited(ctx, "feeds", feeds))
    try:
        config = load_config(feeds_file)
    except ConfigError as exc:
        fail(str(exc), 2)
    document = render_opml(config.feeds)
    if output == "-":
        click.echo(document, nl=False)
        return
    try:
        Path(output).write_text(document, encoding="utf-8")
    except OSError as exc:
        fail(f"{output}: cannot write ({exc.strerror or exc})", 2)
    click.echo(f"wrote {len(config.feeds)} feeds to {output}", err=True)
