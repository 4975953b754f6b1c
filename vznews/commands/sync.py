"""`vznews sync`: fetch every feed into the store, then full text and extraction.

On a terminal a rich progress bar runs while feeds arrive; otherwise plain lines.
Then one summary line per feed and the totals. Exit 0 when every feed synced or
was unchanged, 1 when some failed (the rest are stored), 2 on a usage or config error.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, Iterable

import click

from vznews import locations
from vznews.commands.options import db_option, fail, feeds_option, inherit_parent
from vznews.models import FeedConfig, FeedSynced, PhaseProgress, SyncEvent, SyncFinished, SyncStarted
from vznews.textsafe import one_line

_PHASE_NAMES = {"fulltext": "full text", "extract": "extraction"}


def _detail(event: FeedSynced) -> str:
    if event.outcome == "failed":
        text = f"failed: {event.error or 'unknown error'}"
    elif event.outcome == "skipped":
        text = "skipped"
    elif event.new or event.updated:
        text = ", ".join(part for part in (f"{event.new} new" if event.new else "", f"{event.updated} updated" if event.updated else "") if part)
    else:
        text = "unchanged"
    return one_line(f"{text} ({event.note})" if event.note else text, 400)


def _totals(finished: SyncFinished | None, feeds: int) -> str:
    if finished is None:
        return "Totals: interrupted"
    skipped = finished.extra.get("skipped", 0)
    parts = [f"{finished.feeds_ok} with news", f"{finished.feeds_unchanged} unchanged", f"{finished.feeds_failed} failed"]
    if skipped:
        parts.append(f"{skipped} skipped")
    line = f"Totals: {feeds} feeds ({', '.join(parts)}); {finished.new} new, {finished.updated} updated articles"
    if not feeds:  # --fulltext-only: no feed was fetched
        line = "Totals: " + ("no page needed fetching" if "fulltext_done" not in finished.extra else "")
    for phase, label in _PHASE_NAMES.items():
        if phase == "fulltext" and "fulltext_fetched" in finished.extra:
            fetched, extracted, failed = (finished.extra[f"fulltext_{key}"] for key in ("fetched", "extracted", "failed"))
            line += ("; " if feeds else "") + (f"full text: {fetched} page{'' if fetched == 1 else 's'} fetched, "
                                               f"{extracted} extracted, {failed} failed")
        elif f"{phase}_done" in finished.extra:
            failed = finished.extra.get(f"{phase}_failed", 0)
            line += f"; {label}: {finished.extra[f'{phase}_done']} done" + (f", {failed} failed" if failed else "")
    return line


class _PlainView:
    """Progress as plain lines (stdout is not a terminal)."""

    def __init__(self) -> None:
        self.total = 0
        self.done = 0
        self.last_phase_line: dict[str, int] = {}

    def __enter__(self) -> "_PlainView":
        return self

    def __exit__(self, *exc: object) -> None:
        pass

    def event(self, event: SyncEvent) -> None:
        if isinstance(event, SyncStarted):
            self.total = event.total
            click.echo(f"Syncing {event.total} feeds...")
        elif isinstance(event, PhaseProgress):
            label = _PHASE_NAMES.get(event.phase, event.phase)
            # About ten lines per phase at most, plus its messages.
            step = max(1, event.total // 10)
            if not event.total and not event.message:
                return
            if event.message or event.done >= event.total or event.done - self.last_phase_line.get(event.phase, -step) >= step:
                self.last_phase_line[event.phase] = event.done
                extra = f" ({one_line(event.message, 200)})" if event.message else ""
                click.echo(f"{label}: {event.done}/{event.total}" + (f", {event.failed} failed" if event.failed else "") + extra)


class _RichView:
    """Progress as a rich bar (stdout is a terminal); feed text is never parsed as markup."""

    def __init__(self) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        self.console = Console(highlight=False)
        self.progress = Progress(
            SpinnerColumn(), TextColumn("{task.description}", markup=False), BarColumn(), MofNCompleteColumn(),
            TimeElapsedColumn(), console=self.console, transient=True,
        )
        self.tasks: dict[str, Any] = {}

    def __enter__(self) -> "_RichView":
        self.progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.progress.stop()

    def event(self, event: SyncEvent) -> None:
        if isinstance(event, SyncStarted):
            self.tasks["feeds"] = self.progress.add_task("feeds", total=event.total)
        elif isinstance(event, FeedSynced):
            self.progress.update(self.tasks["feeds"], advance=1, description=f"feeds: {one_line(event.name, 40)}")
        elif isinstance(event, PhaseProgress):
            label = _PHASE_NAMES.get(event.phase, event.phase)
            if event.phase not in self.tasks:
                self.tasks[event.phase] = self.progress.add_task(label, total=event.total or None)
            self.progress.update(self.tasks[event.phase], completed=event.done, total=event.total or None)
            if event.message:
                self.progress.console.print(f"{label}: {one_line(event.message, 200)}", markup=False)


def _print_summary(feeds: tuple[FeedConfig, ...], results: dict[str, FeedSynced], finished: SyncFinished | None,
                   terminal: bool) -> None:
    width = min(32, max((len(one_line(f.name, 32)) for f in feeds), default=10))
    colour = {"new": "green", "updated": "green", "unchanged": "dim", "failed": "red", "skipped": "yellow"}
    console = None
    if terminal:
        from rich.console import Console

        console = Console(highlight=False)
    for feed in feeds:
        event = results.get(feed.url)
        if event is None:
            continue
        name = one_line(feed.name, 32).ljust(width)
        if console is None:
            click.echo(f"  {name}  {_detail(event)}")
        else:
            from rich.text import Text

            console.print(Text.assemble("  ", (name, "bold"), "  ", (_detail(event), colour.get(event.outcome, ""))))
    click.echo(_totals(finished, len(feeds)))


def _render(events: Iterable[SyncEvent], feeds: tuple[FeedConfig, ...], terminal: bool) -> tuple[SyncFinished | None, int]:
    results: dict[str, FeedSynced] = {}
    finished: SyncFinished | None = None
    view = _RichView() if terminal else _PlainView()
    with view:
        for event in events:
            view.event(event)
            if isinstance(event, FeedSynced):
                results[event.url] = event
            elif isinstance(event, SyncFinished):
                finished = event
    _print_summary(feeds, results, finished, terminal)
    failed = sum(1 for e in results.values() if e.outcome == "failed")
    return finished, failed


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@feeds_option
@db_option
@click.option("--only", metavar="NAME|TAG", help="Sync only the feed with this name, or the feeds with this tag.")
@click.option("--workers", type=click.IntRange(1, 64), metavar="N", help="Fetch at most N feeds at once (default: settings.workers).")
@click.option("--no-fulltext", "no_fulltext", is_flag=True, help="Skip fetching full article pages after the feeds.")
@click.option("--fulltext-only", "fulltext_only", is_flag=True,
              help="Fetch no feed: only the article pages not fetched yet (then extraction).")
@click.option("--no-extract", "no_extract", is_flag=True, help="Skip finding quotes and entities in new articles.")
@click.pass_context
def sync(ctx: click.Context, feeds: str | None, db: str | None, only: str | None, workers: int | None,
         no_fulltext: bool, no_extract: bool, fulltext_only: bool) -> None:
    """Fetch every feed in feeds.toml into the store.

    Feeds are fetched in parallel (politely: at most two at once per site,
    conditional requests, backing off from feeds that keep failing), then full
    article pages for feeds that ask for them, then quotes and entities are
    found in the new articles. Prints one line per feed and the totals.
    Exits 0 when every feed synced or was unchanged, 1 when some failed (the
    others are stored), 2 on a usage or config error.

    \b
    Examples:
      vznews sync                           every feed, then full text and extraction
      vznews sync --only spanish --no-fulltext
      vznews sync --feeds ~/news.toml --db /tmp/news.db --workers 4
      vznews sync --fulltext-only           catch up on article pages, no feeds
    """
    from vznews.config import ConfigError, load_config
    from vznews.ingest.sync import NoMatchingFeeds, run_fulltext_only, run_sync, select_feeds
    from vznews.store.db import StoreError, open_db
    from vznews.store.synclock import SyncBusy

    if fulltext_only and no_fulltext:
        fail("--fulltext-only and --no-fulltext cannot be used together", 2)
    db_given = inherit_parent(ctx, "db", db)
    feeds_file = locations.feeds_path(inherit_parent(ctx, "feeds", feeds))
    db_file = locations.db_path(db_given)
    try:
        config = load_config(feeds_file)
    except ConfigError as exc:
        fail(str(exc), 2)
    if not config.feeds:
        click.echo(f"No feeds in {feeds_file}: add one with `vznews feeds add URL`.")
        raise SystemExit(0)
    try:
        selected = select_feeds(config, only)
    except NoMatchingFeeds as exc:
        fail(str(exc), 2)
    try:
        # Only the default location may be created from nothing; a --db in a missing directory is a typo.
        open_db(Path(db_file), create_parent=db_given is None).conn.close()
    except StoreError as exc:
        fail(str(exc), 2)
    if fulltext_only:
        events, selected = run_fulltext_only(config, Path(db_file), only=only, extract=not no_extract), ()
    else:
        events = run_sync(config, Path(db_file), only=only, workers=workers, fulltext=not no_fulltext, extract=not no_extract)
    try:
        finished, failed = _render(events, selected, sys.stdout.isatty())
    except StoreError as exc:  # e.g. a read-only store: nothing could be kept
        fail(str(exc), 2)
    except SyncBusy as exc:  # another sync holds the store: nothing was done
        fail(str(exc), 1)
    phase_errors = finished.extra.get("phase_errors", 0) if finished else 0
    raise SystemExit(1 if failed or phase_errors else 0)
