"""First run and broken stores: never a blank screen, always a clear message."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.tui.conftest import AppFactory
from tests.tui.helpers import press, screen_text, settle
from vznews.cli import cli
from vznews.tui.screens.dialogs import ErrorScreen

pytestmark = pytest.mark.anyio  # async tests run on asyncio (anyio's plugin; see conftest.anyio_backend)


async def test_empty_store_says_what_to_do(empty_db: Path, make_app: AppFactory, tmp_path: Path) -> None:
    app = make_app(empty_db, feeds_path=tmp_path / "my-feeds.toml")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert "The store is empty" in text and str(empty_db) in text
        assert str(tmp_path / "my-feeds.toml") in text
        assert "Press r to sync those feeds now" in text and "vznews demo" in text
        assert "(new)" not in text


async def test_missing_store_is_created_and_says_so(make_app: AppFactory, tmp_path: Path) -> None:
    path = tmp_path / "fresh" / "dir" / "vznews.db"
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert path.exists()
        text = screen_text(app)
        assert "(new)" in text and "The store is empty" in text


async def test_not_a_database_shows_a_clear_message_and_q_quits(make_app: AppFactory, tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("my precious notes\n")
    app = make_app(path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, ErrorScreen)
        text = screen_text(app)
        assert "vznews cannot open its store" in text and "not a vznews database" in text and "notes.db" in text
        await press(pilot, "1", "r", "slash")  # nothing else opens behind the message
        assert isinstance(app.screen, ErrorScreen)
        await press(pilot, "q")
    assert path.read_text() == "my precious notes\n"


def test_cli_refuses_a_non_database_before_starting(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("hello")
    result = CliRunner().invoke(cli, ["--db", str(path)])
    assert result.exit_code == 2
    assert f"vznews: error: {path}: not a vznews database" in result.output


def test_cli_refuses_a_directory(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["tui", "--db", str(tmp_path)])
    assert result.exit_code == 2 and "is a directory" in result.output


def test_bare_vznews_opens_the_app_on_the_chosen_store(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    opened: list[tuple[Path, Path]] = []

    def fake_run(self) -> None:  # type: ignore[no-untyped-def]
        opened.append((self.db_path, self.feeds_path))

    monkeypatch.setattr("vznews.tui.app.VzNewsApp.run", fake_run)
    monkeypatch.setenv("VZNEWS_DB", str(tmp_path / "env.db"))
    assert CliRunner().invoke(cli, []).exit_code == 0
    assert CliRunner().invoke(cli, ["--feeds", str(tmp_path / "f.toml")]).exit_code == 0
    assert opened[0][0] == tmp_path / "env.db"
    assert opened[1] == (tmp_path / "env.db", tmp_path / "f.toml")
