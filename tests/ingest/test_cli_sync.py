"""`vznews sync`: output, exit codes, options and the default store location."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from tests.localserver import LocalServer, Response
from vznews.cli import cli
from vznews.commands import sync as sync_command
from vznews.models import FeedConfig, FeedSynced, SyncFinished, SyncStarted


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), prog_name="vznews", catch_exceptions=False)


def feeds_file(tmp_path: Path, *entries: tuple[str, str], extra: str = "") -> Path:
    path = tmp_path / "feeds.toml"
    body = "[settings]\ntimeout = 2\nworkers = 4\n\n" + extra
    body += "".join(f'[[feeds]]\nname = "{name}"\nurl = "{url}"\ntags = ["t"]\n\n' for name, url in entries)
    path.write_text(body)
    return path


def test_all_ok_exits_0_with_a_line_per_feed_and_totals(server: LocalServer, tmp_path: Path) -> None:
    feeds = feeds_file(tmp_path, ("Wire", server.file("/rss.xml", "ingest/data/rss20.xml", etag='"1"')),
                       ("Llano", server.file("/feed.json", "ingest/data/feed.json")))
    db = tmp_path / "news.db"
    result = run("sync", "--feeds", str(feeds), "--db", str(db), "--no-fulltext", "--no-extract")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "Syncing 2 feeds..."
    assert "  Wire   3 new" in lines and "  Llano  2 new" in lines
    assert lines[-1] == "Totals: 2 feeds (2 with news, 0 unchanged, 0 failed); 5 new, 0 updated articles"
    again = run("sync", "--feeds", str(feeds), "--db", str(db), "--no-fulltext", "--no-extract")
    assert again.exit_code == 0 and "  Wire   unchanged" in again.stdout.splitlines()


def test_some_failed_exits_1_and_stores_the_rest(server: LocalServer, tmp_path: Path) -> None:
    server.route("/down", lambda r: Response(503))
    feeds = feeds_file(tmp_path, ("Down", server.url("/down")), ("Wire", server.file("/rss.xml", "ingest/data/rss20.xml")))
    result = run("sync", "--feeds", str(feeds), "--db", str(tmp_path / "n.db"), "--no-fulltext", "--no-extract")
    assert result.exit_code == 1
    assert "  Down  failed: HTTP 503 Service Unavailable" in result.stdout.splitlines()
    assert "  Wire  3 new" in result.stdout.splitlines()
    assert "1 failed" in result.stdout.splitlines()[-1]


def test_config_error_exits_2(tmp_path: Path) -> None:
    feeds = tmp_path / "feeds.toml"
    feeds.write_text('[[feeds]]\nurll = "https://x.example/feed"\n')
    result = run("sync", "--feeds", str(feeds), "--db", str(tmp_path / "n.db"))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"vznews: error: {feeds}") and result.stderr.count("\n") == 1
    assert not (tmp_path / "n.db").exists()


def test_usage_errors_exit_2(server: LocalServer, tmp_path: Path) -> None:
    feeds = feeds_file(tmp_path, ("Wire", server.file("/rss.xml", "ingest/data/rss20.xml")))
    no_match = run("sync", "--feeds", str(feeds), "--db", str(tmp_path / "n.db"), "--only", "nope")
    assert no_match.exit_code == 2 and "no feed is named or tagged 'nope'" in no_match.stderr
    missing_dir = run("sync", "--feeds", str(feeds), "--db", str(tmp_path / "no" / "such" / "n.db"))
    assert missing_dir.exit_code == 2 and "directory does not exist" in missing_dir.stderr
    assert run("sync", "--workers", "0").exit_code == 2
    assert run("sync", "--bogus").exit_code == 2


def test_default_store_is_created_in_the_data_dir(server: LocalServer, tmp_path: Path, isolated_home: Path) -> None:
    feeds = feeds_file(tmp_path, ("Wire", server.file("/rss.xml", "ingest/data/rss20.xml")))
    result = run("sync", "--feeds", str(feeds), "--no-fulltext", "--no-extract")
    assert result.exit_code == 0, result.output
    assert (isolated_home / "data" / "vznews" / "vznews.db").is_file()


def test_db_and_feeds_given_before_the_subcommand(server: LocalServer, tmp_path: Path) -> None:
    feeds = feeds_file(tmp_path, ("Wire", server.file("/rss.xml", "ingest/data/rss20.xml")))
    result = run("--db", str(tmp_path / "x.db"), "--feeds", str(feeds), "sync", "--no-fulltext", "--no-extract", "--only", "t")
    assert result.exit_code == 0 and (tmp_path / "x.db").is_file()


def test_help_has_an_example() -> None:
    result = run("sync", "--help")
    assert result.exit_code == 0
    assert "Examples:" in result.stdout and "vznews sync --only" in result.stdout and "--no-extract" in result.stdout


def test_terminal_rendering_never_parses_feed_text_as_markup(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TTY_COMPATIBLE", "1")
    monkeypatch.setenv("TTY_INTERACTIVE", "0")
    feed = FeedConfig(url="https://x.example/f", name="[bold red]Evil[/]")
    events = [SyncStarted(1), FeedSynced(feed.url, feed.name, "failed", error="HTTP 500 [link=http://x]click[/link]"),
              SyncFinished(0, 0, 1, 0, 0)]
    finished, failed = sync_command._render(events, (feed,), terminal=True)
    out = capsys.readouterr().out
    assert failed == 1 and finished is not None
    assert "[bold red]Evil[/]" in out and "[link=http://x]click[/link]" in out


def test_installed_command_runs_as_a_subprocess(server: LocalServer, tmp_path: Path) -> None:
    feeds = feeds_file(tmp_path, ("Wire", server.file("/rss.xml", "ingest/data/rss20.xml")))
    env = {**os.environ, "VZNEWS_DB": str(tmp_path / "env.db")}
    done = subprocess.run([sys.executable, "-c", "from vznews.cli import main; main()", "sync", "--feeds", str(feeds),
                           "--no-fulltext", "--no-extract"], capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "  Wire  3 new" in done.stdout.splitlines() and (tmp_path / "env.db").is_file()


def test_a_feeds_file_without_feeds_says_how_to_add_one(tmp_path: Path) -> None:
    feeds = tmp_path / "feeds.toml"
    feeds.write_text("[settings]\nworkers = 2\n")
    result = run("sync", "--feeds", str(feeds), "--db", str(tmp_path / "n.db"))
    assert result.exit_code == 0 and result.stdout == f"No feeds in {feeds}: add one with `vznews feeds add URL`.\n"
