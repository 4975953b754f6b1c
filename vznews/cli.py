"""The `vznews` command: a bare `vznews` opens the TUI; subcommands load lazily.

Each subcommand lives in its own module under vznews.commands and is imported only
when it runs, so `vznews --help` stays fast and never loads Textual or spaCy.
"""

from __future__ import annotations

import importlib
import sys
from typing import Any

import click

# name -> (module:attribute, one-line help shown by `vznews --help`)
COMMANDS: dict[str, tuple[str, str]] = {
    "sync": ("vznews.commands.sync:sync", "Fetch every feed into the store (then full text and extraction)."),
    "feeds": ("vznews.commands.feeds:feeds", "List the configured feeds and their state; add feeds."),
    "opml": ("vznews.commands.opml:opml", "Import or export the feed list as OPML."),
    "search": ("vznews.commands.search:search", "Full-text search of the stored articles."),
    "show": ("vznews.commands.show:show", "Print one stored article as readable text."),
    "quotes": ("vznews.commands.quotes:quotes", "List who said what: the quotes in the store."),
    "entities": ("vznews.commands.entities:entities", "List people, organisations and places by mentions."),
    "entity": ("vznews.commands.entities:entity", "One entity's quotes, articles and companions."),
    "extract": ("vznews.commands.extract:extract", "Find quotes and entities in stored articles (or a JSONL file)."),
    "demo": ("vznews.commands.demo:demo", "Sync the bundled offline sample into a demo store and open it."),
    "doctor": ("vznews.commands.doctor:doctor", "Check the config, the store and the model, and say what to fix."),
    "tui": ("vznews.commands.tui:tui", "Open the terminal explorer (what a bare `vznews` does)."),
}


class LazyGroup(click.Group):
    """A click group whose subcommands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module_name, attr = target[0].split(":")
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name != module_name:
                raise
            return None  # not built yet
        return getattr(module, attr)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, help_) for name, (_, help_) in COMMANDS.items()]
        with formatter.section("Commands"):
            formatter.write_dl(rows)

    def main(self, *args: Any, standalone_mode: bool = True, **kwargs: Any) -> Any:
        """Run as click does, except that a usage error (a bad option value, an unknown
        option or command) is one line on stderr, `vznews: error: ...`, and exit code 2."""
        if not standalone_mode:
            return super().main(*args, standalone_mode=False, **kwargs)
        try:
            code = super().main(*args, standalone_mode=False, **kwargs)
        except click.UsageError as exc:
            click.echo(f"vznews: error: {usage_error_line(exc)}", err=True)
            sys.exit(2)
        except click.ClickException as exc:
            exc.show()
            sys.exit(exc.exit_code)
        except click.Abort as exc:
            if isinstance(exc.__context__, KeyboardInterrupt):
                sys.exit(130)
            click.echo("Aborted!", err=True)
            sys.exit(1)
        sys.exit(code if isinstance(code, int) else 0)


def usage_error_line(exc: click.UsageError) -> str:
    """One line for a usage error: which command, what is wrong, where the help is."""
    message = " ".join(exc.format_message().split()).rstrip(".")
    message = message[:1].lower() + message[1:]
    path = exc.ctx.command_path if exc.ctx is not None else "vznews"
    command = path.partition(" ")[2]
    return f"{command + ': ' if command else ''}{message} (see '{path} --help')"


@click.group(cls=LazyGroup, invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="vznews")
@click.option("--db", "db", type=click.Path(dir_okay=False), envvar="VZNEWS_DB", help="The store to open (default: vznews.db in the data dir).")
@click.option("--feeds", "feeds", type=click.Path(dir_okay=False), envvar="VZNEWS_FEEDS", help="The feeds file (default: your feeds.toml, else the bundled one).")
@click.pass_context
def cli(ctx: click.Context, db: str | None, feeds: str | None) -> None:
    """vznews: follow one story closely, offline, from the terminal.

    A bare `vznews` opens the explorer over the local store.

    \b
    Examples:
      vznews sync              fetch every feed in feeds.toml
      vznews                   browse articles, quotes and entities
      vznews search '"electoral council" -poll'
    """
    if ctx.invoked_subcommand is None:
        command = LazyGroup.get_command(cli, ctx, "tui")
        if command is None:
            raise click.UsageError("the terminal explorer is not installed in this build")
        ctx.invoke(command, db=db, feeds=feeds)


def main() -> None:
    """Console-script entry point."""
    try:
        cli(prog_name="vznews")
    except KeyboardInterrupt:
        sys.exit(130)
