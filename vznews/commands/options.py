"""Options shared by several subcommands, and the one-line error exit."""

from __future__ import annotations

from typing import Any, Callable, NoReturn

import click

db_option = click.option(
    "--db",
    "db",
    type=click.Path(dir_okay=False),
    envvar="VZNEWS_DB",
    default=None,
    help="The store to use (default: vznews.db in the data dir; env VZNEWS_DB).",
)
feeds_option = click.option(
    "--feeds",
    "feeds",
    type=click.Path(dir_okay=False),
    envvar="VZNEWS_FEEDS",
    default=None,
    help="The feeds file (default: your feeds.toml, else the bundled one; env VZNEWS_FEEDS).",
)
json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts instead of a table.")


def fail(message: str, code: int = 1) -> NoReturn:
    """Print one line `vznews: error: ...` to stderr and exit with `code`."""
    click.echo(f"vznews: error: {message}", err=True)
    raise SystemExit(code)


def inherit_parent(ctx: click.Context, name: str, value: Any) -> Any:
    """A subcommand option falls back to the same option given before the subcommand."""
    if value is not None:
        return value
    parent = ctx.parent
    return parent.params.get(name) if parent is not None else None


Decorator = Callable[[Callable[..., Any]], Callable[..., Any]]
