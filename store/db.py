"""Opening the store: WAL, foreign keys, busy timeout, migrations, and clear errors."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path
from typing import Callable

from vznews.store.sqlite_lib import Database

from vznews.store.migrations import migrations

BUSY_TIMEOUT_MS = 10_000


class StoreError(Exception):
    """The store cannot be used; the message is one line saying what and where."""


def _check_is_sqlite(path: Path) -> None:
    with path.open("rb") as handle:
        header = handle.read(16)
    if header and header != b"SQLite format 3\x00":
        raise StoreError(f"{path}: not a vznews database (not an SQLite file); it was left untouched")


def _check_not_newer(db: Database) -> None:
    known = {m.name for m in migrations._migrations}
    applied = {m.name for m in migrations.applied(db)}
    unknown = sorted(applied - known)
    if unknown:
        raise StoreError(
            f"{db.conn.execute('PRAGMA database_list').fetchone()[2]}: created by a newer vznews "
            f"(schema step {unknown[-1]}); upgrade vznews to open it"
        )


def _migrate(db: Database) -> None:
    """Apply pending migrations, one process at a time: two first runs at once would
    both find the schema missing, and the second would fail on "table already exists"."""
    if not migrations.pending(db):
        return  # the usual case: no write lock taken, so opening never waits for a sync
    db.conn.execute("BEGIN IMMEDIATE")
    try:
        _check_not_newer(db)
        migrations.apply(db)  # each step nests as a savepoint inside this transaction
        db.conn.execute("COMMIT")
    except BaseException:
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")
        raise


def _prepare(db: Database) -> None:
    if db.conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
        db.conn.execute("PRAGMA journal_mode = WAL")
    _check_not_newer(db)
    _migrate(db)


def _retry_while_locked(step: Callable[[], None]) -> None:
    """Run `step`, retrying "database is locked" within the busy timeout.

    SQLite answers some lock upgrades (switching a new file to WAL, a migration
    racing another first run) with an immediate SQLITE_BUSY instead of waiting
    out the busy timeout, so several first runs at once need this loop.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    pause = 0.01
    while True:
        try:
            step()
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) and "busy" not in str(exc) or time.monotonic() > deadline:
                raise
        time.sleep(pause)
        pause = min(pause * 2, 0.2)


def connect(path: Path | str, *, readonly: bool = False) -> Database:
    """Open an existing, migrated store cheaply (no migration check): for worker threads.

    Each thread must use its own connection.
    """
    path = Path(path)
    if readonly:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
    else:
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    if not readonly:
        conn.execute("PRAGMA synchronous = NORMAL")
    return Database(conn)


def open_db(path: Path | str, *, create: bool = True, create_parent: bool = False) -> Database:
    """Open (or create) the store at `path` and bring its schema up to date.

    Promises: WAL mode, foreign keys on, a busy timeout, all migrations applied.
    Raises StoreError (one line naming the path) when the file is not a vznews
    store, is damaged, was made by a newer vznews, or cannot be created; an
    existing file is never overwritten.
    """
    path = Path(path)
    if path.exists():
        if path.is_dir():
            raise StoreError(f"{path}: is a directory, not a database file")
        _check_is_sqlite(path)
    elif not create:
        raise StoreError(f"{path}: no database here (run `vznews sync` or `vznews demo` first)")
    elif not path.parent.exists():
        if not create_parent:
            raise StoreError(f"{path.parent}: directory does not exist")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"{path.parent}: cannot create directory ({exc.strerror})") from exc
    try:
        db = connect(path)
        _retry_while_locked(lambda: _prepare(db))
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path}: cannot open the database ({exc})") from exc
    except OSError as exc:
        raise StoreError(f"{path}: cannot open the database ({exc.strerror or exc})") from exc
    return db
