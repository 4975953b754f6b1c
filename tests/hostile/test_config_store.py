"""Broken feeds files and unusable stores, through the real `vznews sync`.

Each case: exit 2, one `vznews: error:` line naming the file, no traceback, and
no file created, changed or overwritten. Bounds: each run finishes within 20 s.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from tests.hostile.runner import Run, permissions_apply, run_vznews
from tests.hostile.sandbox import DATA, write_feeds

HEALTHY = str(DATA / "healthy-rss.xml")


def sync(feeds: Path, db: Path, **kwargs) -> Run:
    return run_vznews("sync", "--feeds", str(feeds), "--db", str(db), "--no-fulltext", "--no-extract",
                      timeout=20, **kwargs)


def assert_one_error_line(run: Run, *fragments: str, code: int = 2) -> None:
    """Exit `code`, no traceback, and one error line holding every fragment (click's own
    usage errors come with a usage hint before their one `Error:` line)."""
    assert run.code == code, str(run)
    assert "Traceback" not in run.output, str(run)
    errors = [line for line in run.stderr.strip().splitlines() if line.startswith(("vznews: error: ", "Error: "))]
    assert len(errors) == 1, str(run)
    for fragment in fragments:
        assert fragment in errors[0], f"{fragment!r} not in {errors[0]!r}"


CONFIGS = {
    "not TOML": ('this is = = not toml\n[[feeds]\nurl = "x"\n', ":1:"),
    "binary junk": ("\x00\x01\x02PK\x03\x04 zip?\n", "feeds.toml"),
    "wrong type": ('[[feeds]]\nurl = 42\n', "feeds[1]: 'url' must be a string, not 42"),
    "wrong settings type": ('[settings]\ntimeout = "soon"\n', "settings: 'timeout' must be"),
    "feeds not a list": ('feeds = "http://example.invalid/feed"\n', "'feeds' must be a list"),
    "unknown key": ('[[feeds]]\nurl = "http://a.invalid/rss"\n[[feeds]]\nurll = "http://b.invalid/rss"\n',
                    "feeds[2]: unknown key 'urll', did you mean 'url'?"),
    "unknown top key": ('[setings]\nworkers = 2\n', "unknown top-level key 'setings', did you mean 'settings'?"),
    "duplicate url": ('[[feeds]]\nurl = "http://a.invalid/rss"\n[[feeds]]\nurl = "HTTP://A.invalid/rss"\n',
                      "feeds[2]: duplicate url"),
    "javascript scheme": ('[[feeds]]\nurl = "javascript:alert(1)"\n', "unsupported scheme 'javascript'"),
    "ftp scheme": ('[[feeds]]\nurl = "ftp://a.invalid/rss"\n', "unsupported scheme 'ftp'"),
    "missing url": ('[[feeds]]\nname = "No address"\n', "feeds[1]: missing 'url'"),
    "huge number": ('[settings]\nworkers = 99999999999999999999\n', "feeds.toml"),
    "deep nesting": ("x = " + "[" * 5000 + "]" * 5000 + "\n", "feeds.toml"),
}


@pytest.mark.parametrize("text, fragment", CONFIGS.values(), ids=list(CONFIGS))
def test_a_broken_feeds_file_is_one_line_and_touches_no_store(tmp_path: Path, text: str, fragment: str) -> None:
    feeds = tmp_path / "feeds.toml"
    feeds.write_text(text, encoding="utf-8")
    run = sync(feeds, tmp_path / "vznews.db")
    assert_one_error_line(run, str(feeds), fragment)
    assert not (tmp_path / "vznews.db").exists()


def test_invalid_utf8_feeds_file(tmp_path: Path) -> None:
    feeds = tmp_path / "feeds.toml"
    feeds.write_bytes(b'[[feeds]]\nname = "Caf\xe9"\nurl = "http://a.invalid/"\n')
    assert_one_error_line(sync(feeds, tmp_path / "v.db"), "not UTF-8", "offset 21")


def test_a_missing_feeds_file(tmp_path: Path) -> None:
    assert_one_error_line(sync(tmp_path / "nope.toml", tmp_path / "v.db"), "nope.toml", "cannot read")


def test_a_directory_as_feeds_file_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "feeds.toml").mkdir()
    run = sync(tmp_path / "feeds.toml", tmp_path / "v.db")
    assert run.code == 2 and "is a directory" in run.stderr and "Traceback" not in run.output, str(run)


needs_permissions = pytest.mark.skipif(not permissions_apply(), reason="file permissions are not enforced here")


@needs_permissions
def test_an_unreadable_feeds_file(tmp_path: Path) -> None:
    feeds = write_feeds(tmp_path / "feeds.toml", [{"url": HEALTHY}])
    feeds.chmod(0)
    run = sync(feeds, tmp_path / "v.db", unprivileged=True)
    assert_one_error_line(run, "feeds.toml", "not readable")


# ------------------------------------------------------------------ the store


@pytest.fixture
def feeds(tmp_path: Path) -> Path:
    return write_feeds(tmp_path / "feeds.toml", [{"name": "Gazette", "url": HEALTHY}])


def test_a_db_in_a_missing_directory(tmp_path: Path, feeds: Path) -> None:
    db = tmp_path / "no" / "such" / "dir" / "v.db"
    assert_one_error_line(sync(feeds, db), str(db.parent), "does not exist")
    assert not (tmp_path / "no").exists()


@needs_permissions
def test_a_db_in_a_read_only_directory(tmp_path: Path, feeds: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        run = sync(feeds, locked / "v.db", unprivileged=True)
    finally:
        locked.chmod(0o755)
    assert_one_error_line(run, str(locked / "v.db"))
    assert list(locked.iterdir()) == []


@needs_permissions
def test_a_read_only_db_file(tmp_path: Path, feeds: Path) -> None:
    db = tmp_path / "v.db"
    assert sync(feeds, db).code == 0
    before = db.read_bytes()
    db.chmod(0o444)
    run = sync(feeds, db, unprivileged=True)
    assert run.code in (1, 2) and "Traceback" not in run.output, str(run)
    assert "vznews: error:" in run.stderr or "failed" in run.stdout, str(run)
    assert db.read_bytes() == before


def _store_with_articles(tmp_path: Path, feeds: Path) -> Path:
    db = tmp_path / "good.db"
    assert sync(feeds, db).code == 0
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return db


NOT_A_STORE = {
    "text": b"my precious notes, not a database\n",
    "random bytes": bytes(range(256)) * 64,
    "zip header": b"PK\x03\x04" + b"\x00" * 4000,
    "sqlite magic, garbage after": b"SQLite format 3\x00" + b"\xff" * 8000,
}


@pytest.mark.parametrize("content", NOT_A_STORE.values(), ids=list(NOT_A_STORE))
def test_a_file_that_is_not_a_store_is_refused_and_untouched(tmp_path: Path, feeds: Path, content: bytes) -> None:
    db = tmp_path / "v.db"
    db.write_bytes(content)
    assert_one_error_line(sync(feeds, db), str(db))
    assert db.read_bytes() == content
    assert not Path(f"{db}-wal").exists() or Path(f"{db}-wal").stat().st_size == 0


@pytest.mark.parametrize("fraction", [0.02, 0.3, 0.6, 0.95])
def test_a_truncated_store_is_refused_and_untouched(tmp_path: Path, feeds: Path, fraction: float) -> None:
    good = _store_with_articles(tmp_path, feeds)
    data = good.read_bytes()
    db = tmp_path / "cut.db"
    db.write_bytes(data[: max(100, int(len(data) * fraction))])
    cut = db.read_bytes()
    run = sync(feeds, db)
    assert_one_error_line(run, str(db))
    assert db.read_bytes() == cut


def test_a_store_from_a_newer_vznews_is_refused(tmp_path: Path, feeds: Path) -> None:
    db = _store_with_articles(tmp_path, feeds)
    conn = sqlite3.connect(db)
    with conn:
        conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at)"
                     " VALUES ('vznews', 'm999_from_the_future', '2099-01-01')")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    before = db.read_bytes()
    for args in (("sync", "--feeds", str(feeds), "--db", str(db), "--no-extract"),
                 ("search", "--db", str(db), "harbour")):
        run = run_vznews(*args, timeout=20)
        assert_one_error_line(run, "newer vznews", "m999_from_the_future")
    assert db.read_bytes() == before


def test_a_directory_as_the_db(tmp_path: Path, feeds: Path) -> None:
    (tmp_path / "v.db").mkdir()
    run = sync(feeds, tmp_path / "v.db")
    assert run.code == 2 and "directory" in run.stderr and "Traceback" not in run.output, str(run)


def test_the_store_opens_again_after_all_that(tmp_path: Path, feeds: Path) -> None:
    """The refusals above are not side effects of a broken install: a good store works."""
    db = _store_with_articles(tmp_path, feeds)
    shutil.copy(db, tmp_path / "copy.db")
    run = run_vznews("search", "--db", str(tmp_path / "copy.db"), "harbour", timeout=20)
    assert run.code == 0 and "Council approves the harbour budget" in run.stdout, str(run)
