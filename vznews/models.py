"""Frozen records passed between the layers: config, ingest, extract, store and UI.

Nothing here imports SQLite, feedparser or Textual: widgets never see `sqlite3.Row`
and ingest never sees widgets.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, Union

# ---------------------------------------------------------------- configuration


@dataclass(frozen=True)
class FeedConfig:
    """One `[[feeds]]` entry of feeds.toml, validated."""

    url: str
    name: str
    tags: tuple[str, ...] = ()
    lang: str | None = None
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    fulltext: bool | None = None  # None: use Settings.fulltext


@dataclass(frozen=True)
class Settings:
    """The `[settings]` table of feeds.toml, with defaults."""

    workers: int = 16
    per_host: int = 2
    timeout: float = 15.0  # seconds, connect and read
    deadline: float = 60.0  # seconds, whole fetch of one feed or page
    max_body_bytes: int = 10 * 1024 * 1024
    max_redirects: int = 5
    user_agent: str = "vznews/0.1 (+https://github.com/vznews/vznews; terminal news reader)"
    fulltext: bool = False
    fulltext_delay: float = 0.5  # seconds between two page fetches to one host


@dataclass(frozen=True)
class Config:
    """A loaded feeds.toml: where it came from, its feeds and settings."""

    path: Path | None
    feeds: tuple[FeedConfig, ...]
    settings: Settings = field(default_factory=Settings)


# ---------------------------------------------------------------- ingest records


@dataclass(frozen=True)
class ParsedEntry:
    """One feed entry normalized for storage (plain text + original HTML)."""

    guid: str
    url: str | None
    title: str
    author: str | None
    published: str  # UTC ISO 8601; first-seen time when the feed gives none
    updated: str | None
    summary: str
    summary_html: str | None
    content: str
    content_html: str | None
    content_hash: str
    lang: str | None = None
    dated: bool = True  # False: the feed gave no date and `published` is the first-seen time


@dataclass(frozen=True)
class ParsedFeed:
    """A parsed feed document: its own metadata and its entries."""

    title: str | None
    site_url: str | None
    lang: str | None
    entries: tuple[ParsedEntry, ...]


# ---------------------------------------------------------------- extraction records


QuoteKind = Literal["direct", "mixed", "indirect"]
EntityKind = Literal["person", "org", "place", "other"]


@dataclass(frozen=True)
class Quote:
    """A quotation found in an article's text; offsets index that text."""

    text: str
    speaker: str | None  # canonical full name when resolved, else as written
    speaker_as_written: str | None
    role: str | None  # "opposition spokesman"
    cue: str | None  # "said", "dijo", "according to"
    kind: QuoteKind
    start: int
    end: int
    paragraph: int
    joined: bool = False  # carries on the previous quote past its attribution: `"…," she said, "…"`


@dataclass(frozen=True)
class EntityMention:
    """An entity named in an article, with how often it is named there."""

    name: str
    kind: EntityKind
    count: int
    key: str = ""  # normalised name: the store's entities.key
    forms: tuple[str, ...] = ()  # the names it goes by in the article ("Maduro", "Nicolás Maduro")
    spans: tuple[tuple[int, int], ...] = ()  # [start, end) of each mention in the article text


# ---------------------------------------------------------------- sync events

FeedOutcome = Literal["new", "updated", "unchanged", "failed", "skipped"]


@dataclass(frozen=True)
class SyncStarted:
    """A sync began over `total` feeds."""

    total: int


@dataclass(frozen=True)
class FeedSynced:
    """One feed finished (successfully or not). `error` is one readable line."""

    url: str
    name: str
    outcome: FeedOutcome
    new: int = 0
    updated: int = 0
    error: str | None = None
    note: str | None = None  # e.g. "moved permanently to ...", "backed off until ..."


@dataclass(frozen=True)
class PhaseProgress:
    """Progress of a later phase (fulltext, extract): `done` of `total` items."""

    phase: str
    done: int
    total: int
    failed: int = 0
    message: str | None = None
    counts: dict[str, int] = field(default_factory=dict)  # phase counters so far, e.g. fetched/extracted/failed


@dataclass(frozen=True)
class SyncFinished:
    """The sync ended; totals over all feeds and phases."""

    feeds_ok: int
    feeds_unchanged: int
    feeds_failed: int
    new: int
    updated: int
    extra: dict[str, int] = field(default_factory=dict)  # per-phase counters


SyncEvent = Union[SyncStarted, FeedSynced, PhaseProgress, SyncFinished]
