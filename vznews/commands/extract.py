"""`vznews extract`: quotes and entities of the stored articles, or of a JSONL file.

With --input/--output it reads `{"id", "text"[, "lang"]}` lines and writes one line
per article in the format `score.py` reads: quotes with character offsets,
speaker and kind, and entities labelled PERSON, ORG or PLACE. The store is not used.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import IO, Iterator

import click

from vznews import locations
from vznews.commands.options import db_option, fail, inherit_parent

LABELS = {"person": "PERSON", "org": "ORG", "place": "PLACE", "other": "MISC"}


@click.command()
@click.option("--rebuild", is_flag=True, help="Redo every article (after the rules or your aliases changed).")
@click.option("--input", "input_path", type=click.Path(dir_okay=False, allow_dash=True), help="Read {id, text} JSON lines instead of the store.")
@click.option("--output", "output_path", type=click.Path(dir_okay=False, allow_dash=True), help="Where --input's results go (default: stdout).")
@click.option("--workers", type=click.IntRange(1, 16), default=None, help="Worker processes (default: one per core for big jobs).")
@db_option
@click.pass_context
def extract(ctx: click.Context, rebuild: bool, input_path: str | None, output_path: str | None, workers: int | None, db: str | None) -> None:
    """Find quotes and entities in stored articles that need it (or in a JSONL file).

    Runs by itself after `vznews sync`; use it after installing the spaCy model,
    after editing your aliases file, or with --rebuild after an upgrade.

    \b
    Examples:
      vznews extract                 process what is missing
      vznews extract --rebuild       process every article again
      vznews extract --input in.jsonl --output pred.jsonl
    """
    if input_path:
        if rebuild:
            fail("--rebuild works on the store, not with --input", 2)
        _extract_file(input_path, output_path or "-", workers)
        return
    if output_path:
        fail("--output needs --input", 2)
    _extract_store(locations.db_path(inherit_parent(ctx, "db", db)), rebuild, workers)


def _extract_store(db_file: Path, rebuild: bool, workers: int | None) -> None:
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
    from rich.text import Text

    from vznews.extract.aliases import AliasesError, load_aliases
    from vznews.extract.run import run_extract
    from vznews.store.db import StoreError
    from vznews.textsafe import one_line

    try:
        load_aliases(locations.aliases_path())
    except AliasesError as exc:
        fail(one_line(str(exc), 400), 2)
    console = Console(stderr=True)
    last = None
    try:
        with Progress(
            TextColumn("extracting"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
            console=console, transient=True, disable=not console.is_terminal,
        ) as progress:
            task = progress.add_task("extract", total=None)
            for event in run_extract(db_file, rebuild=rebuild, workers=workers):
                if event.message:
                    console.print(Text(one_line(event.message, 400), style="yellow"))
                progress.update(task, completed=event.done, total=event.total or None)
                last = event
    except StoreError as exc:
        fail(one_line(str(exc), 400), 2)
    if last is None or last.total == 0:
        click.echo("nothing to extract: every article is up to date")
        return
    failed = f", {last.failed} failed" if last.failed else ""
    click.echo(f"extracted {last.done} articles{failed}")
    if last.failed:
        raise SystemExit(1)


def _read_items(handle: IO[str], name: str) -> Iterator[tuple[str, str, str | None]]:
    for number, line in enumerate(handle, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            yield str(row["id"]), str(row["text"]), row.get("lang")
        except (ValueError, KeyError, TypeError) as exc:
            what = f"missing {exc}" if isinstance(exc, KeyError) else "not a JSON object with id and text"
            fail(f"{name}:{number}: {what}", 2)


def prediction(article_id: str, text: str, result) -> dict:
    """One output line in the scorer's PRED format; an interrupted quotation is one span, as annotators mark it."""
    from vznews.extract.scoring import quotation_records

    return {
        "id": article_id,
        "quotes": quotation_records(text, list(result.quotes)),
        "entities": [{"text": e.name, "label": LABELS[e.kind], "count": e.count} for e in result.entities],
    }


def _extract_file(input_path: str, output_path: str, workers: int | None) -> None:
    from vznews.extract.ner import INSTALL_HINT, model_name
    from vznews.extract.pool import Analyser, default_workers

    try:
        source = click.open_file(input_path, "r", encoding="utf-8")
        rows = list(_read_items(source, input_path))
    except OSError as exc:
        fail(f"{input_path}: cannot read ({exc.strerror or exc})", 2)
    with_entities = model_name() is not None
    if not with_entities:
        click.echo(f"vznews: {INSTALL_HINT}", err=True)
    n_workers = workers or (default_workers(len(rows)) if with_entities else 1)
    chunks = [rows[i : i + 16] for i in range(0, len(rows), 16)]
    try:
        out = click.open_file(output_path, "w", encoding="utf-8", atomic=output_path != "-")
    except OSError as exc:
        fail(f"{output_path}: cannot write ({exc.strerror or exc})", 2)
    with out, Analyser(n_workers, entities=with_entities) as analyser:
        results = analyser.map([(text, lang) for _, text, lang in chunk] for chunk in chunks)
        for chunk, extractions in zip(chunks, results):
            for (article_id, text, _), result in zip(chunk, extractions):
                out.write(json.dumps(prediction(article_id, text, result), ensure_ascii=False) + "\n")
