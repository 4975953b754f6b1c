"""A synthetic store for the TUI benchmark: N articles with quotes, entities and mentions.

Built once and cached in bench/.cache/ (the file name carries the size and a version).
Bodies are ~120 words from a Zipf-like vocabulary; "government" is common, and a few
articles carry the rare word "quetzalcoatl".
"""

from __future__ import annotations

import json
import random
import sqlite3
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

VERSION = 3
CACHE = Path(__file__).parent / ".cache"
COMMON = "the government said on tuesday that the electoral council would review the count".split()
FIRST = "Nicolás María Edmundo Diosdado Delcy Freddy Juan Leopoldo Henrique Tareck".split()
LAST = "Maduro Machado González Cabello Rodríguez Guevara Guaidó López Capriles Saab".split()
PLACES = "Caracas Maracaibo Valencia Barquisimeto Mérida Zulia Lara Bolívar Táchira Apure".split()
ORGS = "PDVSA CNE Assembly Supreme Court OAS UN Chavismo Opposition Army Senate".split()


def corpus_path(articles: int) -> Path:
    """Where the cached store for `articles` articles lives."""
    return CACHE / f"tui-{articles}-v{VERSION}.db"


def ensure_corpus(articles: int = 100_000, quiet: bool = False) -> Path:
    """The cached store, built first if missing."""
    path = corpus_path(articles)
    if not path.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        started = time.perf_counter()
        partial = path.with_suffix(".partial")
        partial.unlink(missing_ok=True)
        build(partial, articles)
        partial.rename(path)
        if not quiet:
            print(f"built {path.name} in {time.perf_counter() - started:.1f} s")
    return path


def _entities(rng: random.Random, count: int) -> list[tuple[str, str]]:
    out: dict[str, str] = {}
    while len(out) < count:
        roll = rng.random()
        if roll < 0.6:
            name = f"{rng.choice(FIRST)} {rng.choice(LAST)} {rng.randint(1, 9999)}"
            out.setdefault(name, "person")
        elif roll < 0.8:
            out.setdefault(f"{rng.choice(PLACES)} {rng.randint(1, 9999)}", "place")
        else:
            out.setdefault(f"{rng.choice(ORGS)} {rng.randint(1, 9999)}", "org")
    return list(out.items())


def build(path: Path, articles: int) -> None:
    """Fill a new store at `path` (schema via open_db; rows via plain sqlite3 for speed)."""
    from vznews.store.db import open_db

    open_db(path).conn.close()
    rng = random.Random(11)
    vocab = ["".join(rng.choice("abcdefghijklmnoprstuvz") for _ in range(rng.randint(4, 10))) for _ in range(20_000)]
    entities = _entities(rng, max(50, articles // 5))
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA synchronous = OFF")
    with conn:
        conn.executemany(
            "INSERT INTO feeds (id, url, name, tags) VALUES (?, ?, ?, ?)",
            [(f, f"https://example.org/{f}/rss", f"Feed {f:02d}", json.dumps(["venezuela" if f % 2 else "economy"])) for f in range(1, 41)],
        )
        conn.executemany(
            "INSERT INTO entities (id, name, kind, key) VALUES (?, ?, ?, ?)",
            [(i, name, kind, name.lower()) for i, (name, kind) in enumerate(entities, 1)],
        )
    start = datetime(2025, 1, 1, tzinfo=timezone.utc)
    cumulative, total = [], 0.0
    for rank in range(len(entities)):
        total += 1 / (rank + 1)
        cumulative.append(total)
    ids = range(1, len(entities) + 1)
    article_rows, quote_rows, mention_rows = [], [], []
    for n in range(1, articles + 1):
        words = [rng.choice(COMMON) if rng.random() < 0.3 else vocab[min(int(rng.paretovariate(1.2)) - 1, 19_999)] for _ in range(120)]
        if n % 20_000 == 7:
            words[5] = "quetzalcoatl"
        named = set(rng.choices(ids, cum_weights=cumulative, k=5))
        speaker = min(named)
        quote = " ".join(words[10:22])
        body = f"{entities[speaker - 1][0]} said: \"{quote}\". " + " ".join(words[22:]) + f"\n\nIn {entities[max(named) - 1][0]}, " + " ".join(words[:10])
        start_at = body.index(quote)
        published = (start + timedelta(minutes=3 * n)).strftime("%Y-%m-%dT%H:%M:%SZ")
        article_rows.append((n, 1 + n % 40, f"g{n}", f"https://example.org/a/{n}", " ".join(words[:8]).capitalize(), published, body[:200], body, f"h{n}", int(n % 3 == 0), published))
        quote_rows.append((n, quote, entities[speaker - 1][0], entities[speaker - 1][0], speaker, start_at, start_at + len(quote)))
        mention_rows.extend((n, entity, 1) for entity in named)
        if len(article_rows) == 5000:
            _flush(conn, article_rows, quote_rows, mention_rows)
    _flush(conn, article_rows, quote_rows, mention_rows)
    with conn:
        conn.execute(
            "UPDATE entities SET article_count = (SELECT count(*) FROM mentions m WHERE m.entity_id = entities.id),"
            " mention_count = (SELECT coalesce(sum(count), 0) FROM mentions m WHERE m.entity_id = entities.id)"
        )
    conn.execute("ANALYZE")
    conn.close()


def _flush(conn: sqlite3.Connection, articles: list, quotes: list, mentions: list) -> None:
    with conn:
        conn.executemany(
            "INSERT INTO articles (id, feed_id, guid, url, title, published, summary, content, content_hash, is_read, first_seen)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            articles,
        )
        conn.executemany(
            'INSERT INTO quotes (article_id, text, speaker, speaker_as_written, entity_id, start, "end", cue, kind)'
            " VALUES (?, ?, ?, ?, ?, ?, ?, 'said', 'direct')",
            quotes,
        )
        conn.executemany("INSERT INTO mentions (article_id, entity_id, count) VALUES (?, ?, ?)", mentions)
    articles.clear()
    quotes.clear()
    mentions.clear()
