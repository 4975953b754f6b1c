"""Fixtures for the explorer's tests: seeded stores and apps with a fixed clock."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

import pytest

from tests.tui.seed import Seeded, seed_empty, seed_hostile, seed_store
from vznews.tui.app import VzNewsApp

NOW = datetime(2025, 3, 3, 12, 0, tzinfo=timezone.utc)

AppFactory = Callable[..., VzNewsApp]


@pytest.fixture
def seeded(tmp_path: Path) -> Seeded:
    """A store with 3 feeds, 30 articles (10 read, 2 starred), quotes, entities and mentions."""
    return seed_store(tmp_path / "store.db")


@pytest.fixture
def hostile(tmp_path: Path) -> Seeded:
    """A store whose every text field carries markup and escape sequences."""
    return seed_hostile(tmp_path / "hostile.db")


@pytest.fixture
def empty_db(tmp_path: Path) -> Path:
    """An empty, migrated store."""
    return seed_empty(tmp_path / "empty.db")


@pytest.fixture
def make_app(tmp_path: Path) -> AppFactory:
    """Build an app on a store path with a fixed clock, UTC times and a temp state file."""

    def make(db: Path | Seeded, **kwargs: object) -> VzNewsApp:
        path = db.path if isinstance(db, Seeded) else db
        kwargs.setdefault("state_path", tmp_path / "state.json")
        kwargs.setdefault("now", lambda: NOW)
        kwargs.setdefault("tz", timezone.utc)
        kwargs.setdefault("feeds_path", tmp_path / "feeds.toml")
        feeds = kwargs.pop("feeds_path")
        return VzNewsApp(path, feeds, **kwargs)  # type: ignore[arg-type]

    return make


@pytest.fixture
def anyio_backend() -> str:
    """Async tests run on asyncio (through anyio's pytest plugin, which httpx brings)."""
    return "asyncio"

