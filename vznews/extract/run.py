"""The extraction phase: quotes and entities of every article not yet extracted by these rules.

`run_extract` runs after the feed phase of `vznews sync` (the articles are already
stored, so it never holds them up) and for `vznews extract`. Articles whose
`extracted_version` is below EXTRACT_VERSION are processed (all of them with
`rebuild`), in batches of one transaction each. Without a spaCy model, quotes are
still extracted; those articles are marked -EXTRACT_VERSION ("entities pending")
so they are redone, entities included, once a model is installed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

from vznews import locations
from vznews.models import PhaseProgress

EXTRACT_VERSION = 3  # bump when the quote or entity rules change: stale articles are redone
BATCH = 16  # articles per worker task and per transaction
PHASE = "extract"


def _select(conn, rebuild: bool, with_entities: bool) -> list[int]:
    if rebuild:
        sql, params = "SELECT id FROM articles ORDER BY id", ()
    elif with_entities:
        sql, params = "SELECT id FROM articles WHERE extracted_version < ? ORDER BY id", (EXTRACT_VERSION,)
    else:
        sql = "SELECT id FROM articles WHERE extracted_version < ? AND extracted_version != ? ORDER BY id"
        params = (EXTRACT_VERSION, -EXTRACT_VERSION)
    return [row[0] for row in conn.execute(sql, params)]


def _chunks(conn, ids: list[int]) -> Iterator[list[tuple[int, str, str | None]]]:
    for i in range(0, len(ids), BATCH):
        part = ids[i : i + BATCH]
        marks = ",".join("?" * len(part))
        rows = conn.execute(
            f"SELECT a.id, a.fulltext, a.content, a.summary, coalesce(a.lang, f.lang) FROM articles a"
            f" JOIN feeds f ON f.id = a.feed_id WHERE a.id IN ({marks}) ORDER BY a.id",
            part,
        ).fetchall()
        yield [(r[0], r[1] or r[2] or r[3] or "", r[4]) for r in rows]


def run_extract(db_path: Path, *, rebuild: bool = False, workers: int | None = None) -> Iterator[PhaseProgress]:
    """Extract quotes and entities of the articles that need it, yielding progress after each batch.

    The first event gives the total (and, once, how to install the model when it
    is missing, or why the aliases file was ignored); `failed` counts articles
    whose text could not be processed (they are marked done, without quotes).
    """
    from vznews.extract.aliases import Aliases, AliasesError, load_aliases
    from vznews.extract.ner import INSTALL_HINT, model_name
    from vznews.extract.pool import Analyser, default_workers
    from vznews.store.db import open_db
    from vznews.store.entity_merge import apply_aliases, consolidate_surnames
    from vznews.store.extraction import EntityIndex, refresh_entities, write_article

    conn = open_db(db_path, create=False).conn
    try:
        notes = []
        try:
            aliases = load_aliases(locations.aliases_path())
        except AliasesError as exc:
            aliases = Aliases()
            notes.append(f"{exc} (aliases not applied)")
        with conn:
            apply_aliases(conn, aliases)
        with_entities = model_name() is not None
        ids = _select(conn, rebuild, with_entities)
        if not with_entities and ids:
            notes.append(INSTALL_HINT)
        total, done, failed, quotes = len(ids), 0, 0, 0
        yield PhaseProgress(PHASE, 0, total, 0, "; ".join(notes) or None)
        if not ids:
            return
        version = EXTRACT_VERSION if with_entities else -EXTRACT_VERSION
        index = EntityIndex(conn, aliases)
        n_workers = workers if workers is not None else (default_workers(total) if with_entities else 1)
        batches = _chunks(conn, ids)
        pending: list[list[tuple[int, str, str | None]]] = []

        def items() -> Iterator[list[tuple[str, str | None]]]:
            for batch in batches:
                pending.append(batch)
                yield [(text, lang) for _, text, lang in batch]

        with Analyser(n_workers, entities=with_entities) as analyser:
            for results in analyser.map(items()):
                batch = pending.pop(0)
                touched: set[int] = set()
                problem = None
                with conn:
                    for (article_id, _, _), result in zip(batch, results):
                        mentions = aliases.apply(list(result.entities))
                        speakers = [_relink(s, mentions, aliases) for s in result.speakers]
                        touched |= write_article(conn, index, article_id, result.quotes, mentions, speakers, version)
                        failed += result.error is not None
                        problem = problem or (f"article {article_id}: {result.error}" if result.error else None)
                        quotes += len(result.quotes)
                    refresh_entities(conn, touched, aliases)
                done += len(batch)
                yield PhaseProgress(PHASE, done, total, failed, problem, counts={"extracted": done, "failed": failed, "quotes": quotes})
        with conn:
            consolidate_surnames(conn, aliases)
    finally:
        conn.close()


def _relink(speaker, mentions, aliases):
    """The (alias-merged) mention a quote's speaker entity became."""
    if speaker is None:
        return None
    key = aliases.resolve(speaker.key)
    return next((m for m in mentions if m.key == key), None)
