"""Benchmark `store.search`: first page of results across N articles (default 100,000).

Builds (once, cached in bench/.cache/) a store of synthetic articles with Zipf-like word
frequencies, then prints the median time to the first 20 hits for rare, medium and
common words, a phrase, a prefix and an exclusion. Budget (DESIGN.md): 50 ms for rare
words, 150 ms for common ones.

    .venv/bin/python bench/bench_search.py [--articles 100000] [--runs 7]
"""

from __future__ import annotations

import argparse
import hashlib
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from vznews.store.db import open_db  # noqa: E402
from vznews.store.search import count_matches, search_articles  # noqa: E402

CACHE = Path(__file__).parent / ".cache"
COMMON = "the electoral council said on tuesday that count results would be reviewed by observers".split()
NAMES = "maduro machado gonzalez cabello rodriguez amoroso caracas zulia lara bolivar merida tachira".split()


def _vocabulary(rng: random.Random, size: int = 20000) -> list[str]:
    letters = "abcdefghijklmnoprstuvz"
    return ["".join(rng.choice(letters) for _ in range(rng.randint(4, 10))) for _ in range(size)]


def build(path: Path, articles: int) -> None:
    """Fill a store at `path` with `articles` synthetic articles in 20 feeds."""
    rng = random.Random(7)
    vocab = _vocabulary(rng)
    rare = [word + "q" for word in _vocabulary(rng, articles // 5)]
    db = open_db(path)
    for feed in range(20):
        db["feeds"].insert({"url": f"https://example.org/{feed}/feed", "name": f"Feed {feed}", "tags": "[]"})

    def words(count: int) -> str:
        out = []
        for _ in range(count):
            roll = rng.random()
            out.append(rng.choice(COMMON) if roll < 0.35 else rng.choice(NAMES) if roll < 0.40 else
                       vocab[min(int(rng.paretovariate(1.1)) - 1, len(vocab) - 1)] if roll < 0.7 else rng.choice(vocab))
        return " ".join(out)

    def rows():
        for i in range(articles):
            rare_word = rare[rng.randrange(len(rare))]  # each in a handful of articles
            content = "\n\n".join(words(60) for _ in range(4)) + " " + rare_word
            yield {"feed_id": i % 20 + 1, "guid": f"g{i}", "title": words(9), "summary": words(30),
                   "content": content, "published": f"2024-{i % 12 + 1:02d}-{i % 28 + 1:02d}T12:00:00+00:00",
                   "content_hash": hashlib.md5(content.encode()).hexdigest(), "first_seen": "2024-07-30"}

    with db.conn:
        db["articles"].insert_all(rows(), batch_size=2000)
    db.conn.execute("INSERT INTO articles_fts(articles_fts) VALUES ('optimize')")
    db.conn.commit()
    db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.conn.close()


def _vocab_table(db) -> bool:
    """An fts5vocab view over the index, to pick a word that really is rare."""
    db.conn.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.articles_fts_v USING fts5vocab(main, articles_fts, row)")
    return True


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    CACHE.mkdir(exist_ok=True)
    path = CACHE / f"search-{args.articles}.db"
    if not path.exists():
        started = time.perf_counter()
        build(path.with_suffix(".tmp"), args.articles)
        path.with_suffix(".tmp").rename(path)
        print(f"built {args.articles:,} articles in {time.perf_counter() - started:.1f} s")
    db = open_db(path)
    rare = db.conn.execute(
        "SELECT term FROM articles_fts_v WHERE doc BETWEEN 2 AND 10 ORDER BY doc DESC, term LIMIT 1"
    ).fetchone()[0] if _vocab_table(db) else "zzz"
    queries = {"rare word": rare, "frequent name": "amoroso", "common word": "electoral",
               "two common words": "council said", "phrase": '"electoral council"', "prefix": "elect*",
               "exclusion": "maduro -machado", "OR": "machado OR cabello",
               "short prefix": "ma*", "one-letter prefix": "a*"}
    print(f"{'query':<18} {'text':<22} {'matches':>8} {'first 20 (median ms)':>22}")
    for label, query in queries.items():
        times = []
        for _ in range(args.runs):
            started = time.perf_counter()
            hits = search_articles(db, query, limit=20)
            times.append((time.perf_counter() - started) * 1000)
        matches = count_matches(db, query)
        print(f"{label:<18} {query:<22} {matches:>8,} {statistics.median(times):>18.1f} ms  ({len(hits)} shown)")


if __name__ == "__main__":
    main()
