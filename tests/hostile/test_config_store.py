"""Broken feeds files and unusable stores, through the real `vznews sync`.

Each case: exit 2, one `vznews: error:` line naming the file, no traceback, and
no file created, changed or overwritten. Bounds: each run finishes within 20 s.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from tests.hostile.runner import Run, permissions_apply, run_many, run_vznews
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


@pytest.fixture(scope="module")
def config_runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Run, Path]]:
    """Every broken feeds file, synced at once (each in its own directory)."""
    dirs = {case: tmp_path_factory.mktemp("config") for case in CONFIGS}
    for case, (text, _) in CONFIGS.items():
        (dirs[case] / "feeds.toml").write_text(text, encoding="utf-8")
    runs = run_many([("sync", "--feeds", str(d / "feeds.toml"), "--db", str(d / "vznews.db"), "--no-fulltext",
                      "--no-extract") for d in dirs.values()], timeout=30)
    return {case: (run, dirs[case]) for case, run in zip(CONFIGS, runs)}


@pytest.mark.parametrize("case", list(CONFIGS))
def test_a_broken_feeds_file_is_one_line_and_touches_no_store(config_runs, case: str) -> None:  # type: ignore[no-untyped-def]
    run, directory = config_runs[case]
    assert_one_error_line(run, str(directory / "feeds.toml"), CONFIGS[case][1])
    assert not (directory / "vznews.db").exists()


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


def _store_with_articles(path: Path, feeds: Path) -> Path:
    """A good store (synced in-process), checkpointed so the main file holds everything."""
    from vznews.config import load_config
    from vznews.ingest.sync import run_sync

    for _ in run_sync(load_config(feeds), path, fulltext=False, extract=False):
        pass
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return path


NOT_A_STORE = {
    "text": b"my precious notes, not a database\n",
    "random bytes": bytes(range(256)) * 64,
    "zip header": b"PK\x03\x04" + b"\x00" * 4000,
    "sqlite magic, garbage after": b"SQLite format 3\x00" + b"\xff" * 8000,
}
TRUNCATED = [0.02, 0.3, 0.6, 0.95]


@pytest.fixture(scope="module")
def damaged(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Run, Path, bytes]]:
    """Stores that cannot be used, each synced (or searched) at once: case -> (run, db, bytes before)."""
    tmp = tmp_path_factory.mktemp("stores")
    feeds = write_feeds(tmp / "feeds.toml", [{"name": "Gazette", "url": HEALTHY}])
    good = _store_with_articles(tmp / "good.db", feeds).read_bytes()
    cases: dict[str, tuple[tuple[str, ...], Path]] = {}
    for name, content in NOT_A_STORE.items():
        (tmp / f"{name}.db").write_bytes(content)
        cases[name] = (("sync",), tmp / f"{name}.db")
    for fraction in TRUNCATED:
        (tmp / f"cut-{fraction}.db").write_bytes(good[: max(100, int(len(good) * fraction))])
        cases[f"truncated {fraction}"] = (("sync",), tmp / f"cut-{fraction}.db")
    newer = _store_with_articles(tmp / "newer.db", feeds)
    conn = sqlite3.connect(newer)
    with conn:
        conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at)"
                     " VALUES ('vznews', 'm999_from_the_future', '2099-01-01')")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    cases["newer, sync"] = (("sync",), newer)
    cases["newer, search"] = (("search", "harbour"), newer)
    (tmp / "dir.db").mkdir()
    cases["directory"] = (("sync",), tmp / "dir.db")
    cases["missing directory"] = (("sync",), tmp / "no" / "such" / "dir" / "v.db")
    before = {name: db.read_bytes() if db.is_file() else b"" for name, (_, db) in cases.items()}
    commands = [(args[0], "--db", str(db), *(("--feeds", str(feeds), "--no-fulltext", "--no-extract")
                                             if args[0] == "sync" else args[1:]))
                for args, db in cases.values()]
    runs = run_many(commands, timeout=30)
    return {name: (run, db, before[name]) for (name, (_, db)), run in zip(cases.items(), runs)}


@pytest.mark.parametrize("case", list(NOT_A_STORE))
def test_a_file_that_is_not_a_store_is_refused_and_untouched(damaged, case: str) -> None:  # type: ignore[no-untyped-def]
    run, db, before = damaged[case]
    assert_one_error_line(run, str(db), "database")
    assert db.read_bytes() == before
    assert not Path(f"{db}-wal").exists() or Path(f"{db}-wal").stat().st_size == 0


@pytest.mark.parametrize("fraction", TRUNCATED)
def test_a_truncated_store_is_refused_and_untouched(damaged, fraction: float) -> None:  # type: ignore[no-untyped-def]
    run, db, before = damaged[f"truncated {fraction}"]
    assert_one_error_line(run, str(db))
    assert db.read_bytes() == before


@pytest.mark.parametrize("command", ["sync", "search"])
def test_a_store_from_a_newer_vznews_is_refused(damaged, command: str) -> None:  # type: ignore[no-untyped-def]
    run, db, before = damaged[f"newer, {command}"]
    assert_one_error_line(run, "newer vznews", "m999_from_the_future")
    assert db.read_bytes() == before


def test_a_directory_as_the_db(damaged) -> None:  # type: ignore[no-untyped-def]
    run, _, _ = damaged["directory"]
    assert run.code == 2 and "directory" in run.stderr and "Traceback" not in run.output, str(run)


def test_a_db_in_a_missing_directory(damaged) -> None:  # type: ignore[no-untyped-def]
    run, db, _ = damaged["missing directory"]
    assert_one_error_line(run, str(db.parent), "does not exist")
    assert not db.parent.parent.parent.exists()


def test_the_store_opens_again_after_all_that(tmp_path: Path, feeds: Path) -> None:
    """The refusals above are not side effects of a broken install: a good store works."""
    db = _store_with_articles(tmp_path / "good.db", feeds)
    run = run_vznews("search", "--db", str(db), "harbour", timeout=20)
    assert run.code == 0 and "Council approves the harbour budget" in run.stdout, str(run)
