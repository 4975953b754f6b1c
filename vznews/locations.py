"""Where vznews keeps things (XDG via platformdirs). Nothing is created at import time."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "vznews"

# The repo's feeds.toml, shipped inside the package through a symlink at vznews/data/feeds.toml.
BUNDLED_FEEDS = Path(__file__).parent / "data" / "feeds.toml"


def config_dir() -> Path:
    """The user's config directory (feeds.toml, aliases.toml)."""
    return platformdirs.user_config_path(APP_NAME)


def data_dir() -> Path:
    """The user's data directory (vznews.db, demo.db, state.json)."""
    return platformdirs.user_data_path(APP_NAME)


def user_feeds_path() -> Path:
    """The user's own feeds.toml (may not exist)."""
    return config_dir() / "feeds.toml"


def feeds_path(option: Path | str | None = None) -> Path:
    """The feeds file in use: --feeds, else $VZNEWS_FEEDS, else the user's file if it exists, else the bundled one."""
    if option:
        return Path(option).expanduser()
    env = os.environ.get("VZNEWS_FEEDS")
    if env:
        return Path(env).expanduser()
    user = user_feeds_path()
    return user if user.exists() else BUNDLED_FEEDS


def db_path(option: Path | str | None = None) -> Path:
    """The store in use: --db, else $VZNEWS_DB, else vznews.db in the data dir."""
    if option:
        return Path(option).expanduser()
    env = os.environ.get("VZNEWS_DB")
    if env:
        return Path(env).expanduser()
    return data_dir() / "vznews.db"


def demo_db_path() -> Path:
    """The separate store `vznews demo` fills from the bundled sample."""
    return data_dir() / "demo.db"


def aliases_path() -> Path:
    """The user's entity aliases file (merge, rename, hide)."""
    return config_dir() / "aliases.toml"


def state_path() -> Path:
    """The TUI's small state file (last view, unread-only toggle, theme)."""
    return data_dir() / "state.json"
