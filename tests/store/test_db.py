"""Opening the store: schema, pragmas, and clear refusals that never overwrite a file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from vznews.store import StoreError, open_db
from vznews.store.migrations import migrations


def test_new_store_has_schema_and_wal(tmp_path: Path) -> None:
    db = open_db(tmp_path / "v.db")
    assert {"feeds", "articles", "quotes", "entities", "mentions", "articles_fts"} <= set(db.table_names())
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert [m.name for m in migrations.applied(db)] == [m.name for m in migrations._migrations]


def test_reopen_applies_nothing_twice(tmp_path: Path) -> None:
    open_db(tmp_path / "v.db").conn.close()
    db = open_db(tmp_path / "v.db")
    assert db.execute("SELECT count(*) FROM _sqlite_migrations").fetchone()[0] == len(migrations._migrations)


def test_not_sqlite_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("my precious notes\n")
    with pytest.raises(StoreError, match="not a vznews database"):
        open_db(path)
    assert path.read_text() == "my precious notes\n"


def test_newer_store_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "v.db"
    open_db(path).conn.close()
    conn = sqlite3.connect(path)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES ('vznews', 'm999_future', 'x')"
    )
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="newer vznews"):
        open_db(path)


def test_missing_directory_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="directory does not exist"):
        open_db(tmp_path / "nope" / "v.db")
    assert open_db(tmp_path / "made" / "v.db", create_parent=True).table_names()


def test_fts_not_rewritten_by_user_state(tmp_path: Path) -> None:
    db = open_db(tmp_path / "v.db")
    db.execute("INSERT INTO feeds (url, name) VALUES ('http://x/', 'X')")
    db.execute(
        "INSERT INTO articles (feed_id, guid, title, published, content_hash, first_seen)"
        " VALUES (1, 'g', 'Caracas vote', '2026-01-01T00:00:00Z', 'h', '2026-01-01T00:00:00Z')"
    )
    db.execute("UPDATE articles SET is_read = 1, is_starred = 1")
    hits = db.execute("SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'caracas'").fetchall()
    assert hits == [(1,)]
