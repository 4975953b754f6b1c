"""One page of FTS5 matches, best first (bm25), ranked on two connections at once in a big store.

bm25 has to score every match before the best one is known: for a word in nearly every
one of 100,000 articles that is ~80 ms of one core. SQLite releases the GIL while it
works, so the older and the newer half of the rowid range are ranked at the same time
(the newer half on a helper thread with its own connection) and the two best-first
lists merged. The scores are the same as one query's: FTS5 takes a term's document
frequency from the whole index, not from the rowid range, so the merge is exact.
Ties go to the lower rowid both ways (the order one plain query gave).
"""

from __future__ import annotations

import sqlite3
import threading
from concurrent.futures import ThreadPoolExecutor, wait
from heapq import merge
from typing import Any, Callable

from vznews.store.fts_query import SearchQueryError

SPLIT_ROWS = 20_000  # a rowid range narrower than this is ranked by one query (quick enough)

_helper = ThreadPoolExecutor(max_workers=1, thread_name_prefix="vznews-rank")
_local = threading.local()  # the helper thread's connection: (path, connection)

Run = Callable[[Any, str, dict[str, Any]], list[sqlite3.Row]]


def ranked_ids(
    db: Any, run: Run, table: str, content: str, weights: str, fts: str, limit: int, offset: int,
    split_rows: int | None = None,
) -> list[int]:
    """Rowids `offset`..`offset+limit` of `table`'s matches for `fts`, best (lowest bm25) first.

    `content` is the table holding the rows (its rowids bound the range); `run(db, sql, params)`
    runs a query on `db` and turns FTS5 errors into search errors.
    """
    want = limit + offset
    split_rows = SPLIT_ROWS if split_rows is None else split_rows
    low, high = run(db, f"SELECT min(rowid), max(rowid) FROM {content}", {})[0]
    path = _file_of(db)
    if low is None or high - low < split_rows or path is None or want <= 0:
        return [row[0] for row in run(db, _sql(table, weights, False), {"q": fts, "limit": limit, "offset": offset})]
    middle = (low + high) // 2
    params = {"q": fts, "limit": want, "offset": 0, "middle": middle}
    newer = _helper.submit(_helper_rank, path, _sql(table, weights, True, "rowid > :middle"), params)
    try:
        older = [(row[1], row[0]) for row in run(db, _sql(table, weights, True, "rowid <= :middle"), params)]
    except BaseException:
        wait([newer])  # the same query fails there too; never leave it running behind an error
        raise
    try:
        newer_rows = newer.result()
    except sqlite3.OperationalError as exc:
        if "fts5" in str(exc):
            raise SearchQueryError(f"cannot search for {fts!r}") from exc
        raise
    best = merge([(score, rowid) for rowid, score in newer_rows], older)
    return [rowid for _, rowid in list(best)[offset:want]]


def _sql(table: str, weights: str, with_score: bool, where: str = "") -> str:
    score = f"bm25({table}, {weights})"
    columns = f"rowid, {score}" if with_score else "rowid"
    bound = f" AND {where}" if where else ""
    return (f"SELECT {columns} FROM {table} WHERE {table} MATCH :q{bound} "
            f"ORDER BY {score}, rowid LIMIT :limit OFFSET :offset")


def _file_of(db: Any) -> str | None:
    conn: sqlite3.Connection = db.conn if hasattr(db, "conn") else db
    for _, name, file in conn.execute("PRAGMA database_list").fetchall():
        if name == "main":
            return file or None
    return None


def _helper_rank(path: str, sql: str, params: dict[str, Any]) -> list[tuple[int, float]]:
    """Runs on the helper thread, on its own connection to `path` (kept for the next search)."""
    held = getattr(_local, "held", None)
    if held is None or held[0] != path:
        if held is not None:
            held[1].close()  # this thread's own connection: safe to close here
        from vznews.store.db import connect

        held = _local.held = (path, connect(path).conn)
    return [(row[0], row[1]) for row in held[1].execute(sql, params).fetchall()]
