"""Shared fixtures: an isolated home for every test, and a local HTTP server."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

import pytest

from tests.localserver import LocalServer


@pytest.fixture(autouse=True)
def isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point XDG config/data/cache dirs at a temp dir so no test touches a real config or store."""
    home = tmp_path_factory.mktemp("home")
    for var, sub in (("XDG_CONFIG_HOME", "config"), ("XDG_DATA_HOME", "data"), ("XDG_CACHE_HOME", "cache"), ("XDG_STATE_HOME", "state")):
        (home / sub).mkdir()
        monkeypatch.setenv(var, str(home / sub))
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("VZNEWS_DB", raising=False)
    monkeypatch.delenv("VZNEWS_FEEDS", raising=False)
    return home


@pytest.fixture
def server() -> Iterator[LocalServer]:
    """A fresh HTTP server on 127.0.0.1 (random port), stopped after the test."""
    local = LocalServer().start()
    try:
        yield local
    finally:
        local.stop()
