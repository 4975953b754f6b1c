"""Frozen records the read API returns: what the TUI and the CLI see of the store.

Nothing here touches SQLite: widgets and commands never see `sqlite3.Row`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

FilterKind = Literal["all", "unread", "starred", "feed", "tag", "entity"]


@dataclass(frozen=True)
class ArticleFilter:
    """Which articles a list shows: a source (all, unread, starred, one feed, tag or entity).

    `unread_only` narrows any source to unread articles (the `u` toggle).
    """

    kind: FilterKind = "all"
    value: int | str | None = None
    unread_only: bool = False


@dataclass(frozen=True)
class ArticleItem:
    """One row of an article list: enough to draw it, nothing heavy."""

    id: int
    feed_id: int
    feed_name: str
    title: str
    published: str  # UTC ISO 8601
    url: str | None
    is_read: bool
    is_starred: bool


@dataclass(frozen=True)
class Article:
    """One article with its body: `fulltext` if extracted, else `content`, else `summary`."""

    id: int
    feed_id: int
    feed_name: str
    title: str
    author: str | None
    published: str
    url: str | None
    body: str
    body_source: Literal["fulltext", "content", "summary"]
    lang: str | None
    is_read: bool
    is_starred: bool


@dataclass(frozen=True)
class QuoteItem:
    """A quote with its speaker and the article it comes from; start/end index the article body."""

    id: int
    article_id: int
    text: str
    speaker: str | None
    speaker_as_written: str | None
    role: str | None
    entity_id: int | None
    cue: str | None
    kind: str
    start: int
    end: int
    position: int
    article_title: str
    feed_name: str
    published: str


@dataclass(frozen=True)
class EntityItem:
    """A person, organisation, place or other thing, with its denormalized counts."""

    id: int
    name: str
    kind: str
    article_count: int
    mention_count: int


@dataclass(frozen=True)
class ArticleEntity:
    """An entity named in one article: how often, and the alias keys it is known by."""

    id: int
    name: str
    kind: str
    count: int
    alias_keys: tuple[str, ...] = ()


@dataclass(frozen=True)
class CoMention:
    """An entity that appears in the same articles as another, and in how many."""

    entity: EntityItem
    together: int


@dataclass(frozen=True)
class DayCount:
    """Articles mentioning an entity on one day (UTC date, YYYY-MM-DD)."""

    day: str
    count: int


@dataclass(frozen=True)
class SourceCount:
    """One entry of the sources pane: the filter it selects and its counts."""

    filter: ArticleFilter
    label: str
    total: int
    unread: int
    error: str | None = None


@dataclass(frozen=True)
class Sources:
    """Everything the sources pane shows, counted in one go."""

    total: int
    unread: int
    starred: int
    feeds: tuple[SourceCount, ...]
    tags: tuple[SourceCount, ...]
    top_entities: tuple[EntityItem, ...]
