"""`vznews doctor`: each problem is one line with advice; nothing is changed."""

from __future__ import annotations

import importlib.util
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from vznews.cli import cli
from vznews.doctor import check_model, check_store
from vznews.store import open_db

FEEDS = '[[feeds]]\nname = "Herald"\nurl = "https://herald.example/feed.xml"\n'


@pytest.fixture
def feeds_file(tmp_path: Path) -> Path:
    path = tmp_path / "feeds.toml"
    path.write_text(FEEDS)
    return path


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["doctor", *args])
    return result.exit_code, result.output


def test_healthy_setup_passes(tmp_path: Path, feeds_file: Path) -> None:
    open_db(tmp_path / "v.db").conn.close()
    code, out = run("--db", str(tmp_path / "v.db"), "--feeds", str(feeds_file))
    assert code == 0, out
    assert "integrity ok" in out and "schema up to date" in out and "1 feeds" in out


def test_not_sqlite_fails_and_is_untouched(tmp_path: Path, feeds_file: Path) -> None:
    bogus = tmp_path / "v.db"
    bogus.write_bytes(b"not a database at all")
    code, out = run("--db", str(bogus), "--feeds", str(feeds_file))
    assert code == 1
    assert "not an SQLite database" in out
    assert bogus.read_bytes() == b"not a database at all"


def test_bad_config_is_reported_with_advice(tmp_path: Path) -> None:
    broken = tmp_path / "feeds.toml"
    broken.write_text("[[feeds]\nurl = 1\n")
    code, out = run("--db", str(tmp_path / "none.db"), "--feeds", str(broken))
    assert code == 1
    assert "FAIL" in out and str(broken) in out and "-> edit" in out
    assert "no store yet" in out


def test_newer_schema_and_failing_feeds(tmp_path: Path) -> None:
    path = tmp_path / "v.db"
    db = open_db(path)
    db.execute("INSERT INTO feeds (url, name, error, error_count) VALUES ('http://a/', 'Alpha', 'HTTP 500', 4)")
    db.execute("INSERT INTO feeds (url, name, gone) VALUES ('http://b/', 'Beta', 1)")
    db.conn.commit()
    db.conn.close()
    checks = list(check_store(path))
    messages = [c.message for c in checks]
    assert any("Alpha: failed 4 time(s) in a row: HTTP 500" in m for m in messages)
    assert any("Beta: the publisher removed this feed" in m for m in messages)
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES ('vznews', 'm999_x', '')")
    conn.commit()
    conn.close()
    assert any(c.status == "fail" and "newer vznews" in c.message for c in check_store(path))


def test_missing_model_is_a_warning_with_the_install_command(monkeypatch: pytest.MonkeyPatch) -> None:
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *a: None if name.startswith("en_core_web_sm") else real(name, *a))
    (check,) = check_model()
    assert check.status == "warn" and "quotes still work" in check.message
    assert "requirements-model.txt" in (check.advice or "")
