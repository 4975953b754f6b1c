"""The shipped feeds.toml: valid, Venezuela in English and Spanish, general feeds filtered."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

from vznews.config import load_config
from vznews.locations import BUNDLED_FEEDS, feeds_path
from vznews.models import FeedConfig, Settings

REPO_FEEDS = Path(__file__).resolve().parents[2] / "feeds.toml"
GENERAL = ("BBC News: Latin America", "Al Jazeera", "Infobae")


def test_the_bundled_file_is_the_repo_file_and_valid() -> None:
    assert BUNDLED_FEEDS.read_bytes() == REPO_FEEDS.read_bytes()
    assert feeds_path() == BUNDLED_FEEDS  # no user file: the bundled one is the default
    config = load_config(BUNDLED_FEEDS)
    assert len(config.feeds) >= 15
    assert config.settings.workers >= 1


def test_real_feeds_in_english_and_spanish() -> None:
    feeds = load_config(REPO_FEEDS).feeds
    by_lang = {lang: [f for f in feeds if f.lang == lang] for lang in ("en", "es")}
    assert len(by_lang["en"]) >= 5 and len(by_lang["es"]) >= 5
    for feed in feeds:
        assert feed.url.startswith("https://"), feed
        assert feed.name and feed.tags and feed.lang, feed


def test_general_feeds_keep_only_venezuela() -> None:
    feeds = {feed.name: feed for feed in load_config(REPO_FEEDS).feeds}
    for name in GENERAL:
        include = {word.lower() for word in feeds[name].include}
        assert {"venezuela", "maduro", "caracas"} <= include, name


def test_every_setting_and_feed_key_is_documented_in_the_file() -> None:
    text = REPO_FEEDS.read_text(encoding="utf-8")
    for name in [f.name for f in fields(FeedConfig)] + [f.name for f in fields(Settings)]:
        assert f"\n#   {name} " in text or f"\n{name} = " in text, f"feeds.toml does not mention {name!r}"
