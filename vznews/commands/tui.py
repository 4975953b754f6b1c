"""`vznews tui` (and a bare `vznews`): open the terminal explorer on the store."""

from __future__ import annotations

from pathlib import Path

import click

from vznews import locations
from vznews.commands.options import db_option, fail, feeds_option, inherit_parent


def precheck_store(path: Path) -> str | None:
    """A one-line reason the explorer cannot use `path`, found without opening SQLite; else None."""
    if path.is_dir():
        return f"{path}: is a directory, not a database file"
    if path.exists():
        try:
            with path.open("rb") as handle:
                header = handle.read(16)
        except OSError as exc:
            return f"{path}: cannot read the database ({exc.strerror or exc})"
        if header and header != b"SQLite format 3\x00":
            return f"{path}: not a vznews database (not an SQLite file); it was left untouched"
    elif path.parent.exists() and not path.parent.is_dir():
        return f"{path.parent}: is not a directory"
    return None


@click.command()
@db_option
@feeds_option
@click.pass_context
def tui(ctx: click.Context, db: str | None, feeds: str | None) -> None:
    """Open the terminal explorer: articles, quotes and entities from the local store.

    A store that does not exist yet is created empty (the explorer then says how
    to fill it: press r to sync, or run `vznews demo`). Press ? inside for every key.

    \b
    Examples:
      vznews                       open the explorer on your store
      vznews --db ~/news/vz.db     open another store
    """
    db_file = locations.db_path(inherit_parent(ctx, "db", db))
    feeds_file = locations.feeds_path(inherit_parent(ctx, "feeds", feeds))
    problem = precheck_store(db_file)
    if problem:
        fail(problem, 2)
    from vznews.tui.app import VzNewsApp

    VzNewsApp(db_file, feeds_file, state_path=locations.state_path()).run()
