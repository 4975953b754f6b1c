"""Helpers for the full-text phase tests: a store with one full-text feed and a runner."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from tests.fulltext.storehelp import add_article, add_feed
from vznews.ingest.fulltext import run_fulltext
from vznews.models import Config, FeedConfig, PhaseProgress, Settings

FEED_URL = "https://feeds.example.org/world.xml"
FEED_TEXT = "The council postponed the final tally. Observers asked for the records."

# Fast and deterministic by default: no delay between pages unless a test asks for it.
SETTINGS = Settings(timeout=2.0, deadline=5.0, fulltext=True, fulltext_delay=0.0, workers=8, per_host=2)


def config(**settings: object) -> Config:
    """A config with the one full-text feed and `settings` overriding SETTINGS."""
    return Config(path=None, feeds=(FeedConfig(url=FEED_URL, name="World"),), settings=replace(SETTINGS, **settings))


def store_with(db: Path, *links: str, feed_text: str = FEED_TEXT) -> list[int]:
    """A store holding one article per link in the full-text feed; returns their ids."""
    feed = add_feed(db, FEED_URL, "World")
    return [add_article(db, feed, f"guid-{n}-{link}", url=link, title=f"Article {n}", summary=feed_text)
            for n, link in enumerate(links)]


def run(db: Path, cfg: Config | None = None, **kwargs: bool) -> list[PhaseProgress]:
    """Run the phase to the end; its events."""
    return list(run_fulltext(db, cfg or config(), **kwargs))
