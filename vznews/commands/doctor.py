"""`vznews doctor`: check the config, the store and the model, and say what to do."""

from __future__ import annotations

import click

from vznews import locations
from vznews.commands.options import db_option, feeds_option, inherit_parent
from vznews.doctor import run_checks
from vznews.textsafe import one_line

MARKS = {"ok": ("ok  ", "green"), "warn": ("warn", "yellow"), "fail": ("FAIL", "red")}


@click.command()
@db_option
@feeds_option
@click.pass_context
def doctor(ctx: click.Context, db: str | None, feeds: str | None) -> None:
    """Check the config, the store (integrity, schema, size, WAL), the model and failing feeds.

    Prints one line per finding and, for each problem, what to do. Exits 1 when
    something failed, else 0. Nothing is changed.

    \b
    Example:
      vznews doctor --db ~/news.db
    """
    db_file = locations.db_path(inherit_parent(ctx, "db", db))
    feeds_file = locations.feeds_path(inherit_parent(ctx, "feeds", feeds))
    checks = run_checks(feeds_file, db_file)
    for check in checks:
        label, colour = MARKS[check.status]
        click.echo(click.style(label, fg=colour) + f"  {check.area:<7} {one_line(check.message, 400)}")
        if check.advice and check.status != "ok":
            click.echo(f"            -> {one_line(check.advice, 400)}")
    failed = sum(c.status == "fail" for c in checks)
    warned = sum(c.status == "warn" for c in checks)
    click.echo(f"{len(checks)} checks: {failed} failed, {warned} warnings")
    raise SystemExit(1 if failed else 0)
