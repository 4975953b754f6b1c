"""`vznews demo`: syncs the sample into its own store, offline, idempotently, and says how to open it."""

from __future__ import annotations

import importlib.util
import socket
import sqlite3
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from vznews import locations
from vznews.cli import cli

needs_sync = pytest.mark.skipif(importlib.util.find_spec("vznews.ingest.sync") is None, reason="run_sync not built yet")


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """The demo must never open a connection: any attempt fails the test."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("vznews demo tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def counts(path: Path) -> tuple[int, int, int, int]:
    with sqlite3.connect(path) as conn:
        return tuple(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("feeds", "articles", "quotes", "entities"))  # type: ignore[return-value]


def run_demo(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["demo", *args])
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.output


def test_help_says_what_it_does_with_an_example() -> None:
    code, output = run_demo("--help")
    assert code == 0
    assert "sample" in output and "vznews demo --no-open" in output


@needs_sync
def test_demo_stores_every_sample_article_and_says_how_to_open_it(tmp_path: Path) -> None:
    db = tmp_path / "demo.db"
    code, output = run_demo("--no-open", "--db", str(db))
    assert code == 0, output
    feeds, articles, quotes, _ = counts(db)
    assert (feeds, articles) == (4, 40)
    assert quotes > 0  # the extraction phase ran on the sample
    assert "Stored: 4 feeds, 40 articles" in output
    assert f"vznews --db {db}" in output
    assert "Latest articles:" in output and "Porto Celeste" in output


@needs_sync
def test_running_the_demo_twice_adds_nothing(tmp_path: Path) -> None:
    db = tmp_path / "demo.db"
    assert run_demo("--no-open", "--db", str(db))[0] == 0
    first = counts(db)
    code, output = run_demo("--no-open", "--db", str(db))
    assert code == 0, output
    assert counts(db) == first
    assert "this run: 0 new, 0 updated, 0 failed" in output


@needs_sync
def test_default_store_is_the_demo_store_never_the_users(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    users = tmp_path / "mine.db"
    monkeypatch.setenv("VZNEWS_DB", str(users))
    code, output = run_demo("--no-open")
    assert code == 0, output
    assert locations.demo_db_path().exists()
    assert counts(locations.demo_db_path())[1] == 40
    assert not users.exists()


opened: list[dict[str, object]] = []


@click.command()
@click.option("--db")
@click.option("--feeds")
def fake_tui(db: str | None, feeds: str | None) -> None:
    """Stands in for the explorer: records what it was asked to open."""
    opened.append({"db": db, "feeds": feeds})


@needs_sync
def test_on_a_terminal_the_demo_opens_the_explorer_on_the_demo_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from vznews.cli import COMMANDS
    from vznews.commands import demo as demo_module
    from vznews.sample import feeds_toml_path

    monkeypatch.setattr(demo_module, "_is_terminal", lambda: True)
    monkeypatch.setitem(COMMANDS, "tui", ("tests.sample.test_demo:fake_tui", "fake"))
    opened.clear()
    db = tmp_path / "demo.db"
    code, output = run_demo("--db", str(db))
    assert code == 0, output
    assert opened == [{"db": str(db), "feeds": str(feeds_toml_path())}]
    assert "Latest articles:" not in output

    opened.clear()
    assert run_demo("--db", str(db), "--no-open")[0] == 0
    assert opened == []
