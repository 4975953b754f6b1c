"""Messages the explorer's widgets, screens and workers exchange."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from vznews.models import SyncEvent
from vznews.store.records import Article, ArticleEntity, QuoteItem, Sources
from vznews.tui.document import Document


@dataclass
class OpenArticle(Message):
    """Open an article in a full reader (optionally scrolled to one of its quotes)."""

    article_id: int
    quote_id: int | None = None


@dataclass
class OpenEntity(Message):
    """Open an entity's page, by id or (for a speaker without an entity) by name."""

    entity_id: int | None = None
    name: str | None = None


@dataclass
class ArticleLoaded(Message):
    """A worker read an article, its quotes and entities, and built its document."""

    article: Article
    document: Document
    quotes: list[QuoteItem]
    entities: list[ArticleEntity]
    scroll_to_quote: int | None = None


@dataclass
class SourcesLoaded(Message):
    """Fresh counts for the sources pane."""

    sources: Sources


@dataclass
class StoreOpened(Message):
    """The store is open and migrated; `empty` when it holds no articles yet."""

    empty: bool


@dataclass
class StoreFailed(Message):
    """The store cannot be used; `error` is one line saying what and where."""

    error: str


@dataclass
class StoreChanged(Message):
    """Articles were added or changed (by a sync or the user); lists should reload."""

    user_only: bool = False


@dataclass
class SyncUpdate(Message):
    """One event from a sync running in a worker."""

    event: SyncEvent

    def can_replace(self, message: Message) -> bool:
        # Progress of a later phase coalesces: only the newest count matters.
        from vznews.models import PhaseProgress

        return isinstance(message, SyncUpdate) and isinstance(message.event, PhaseProgress) and isinstance(self.event, PhaseProgress)


@dataclass
class SyncFailed(Message):
    """A sync could not run or stopped on an error; `error` is one line."""

    error: str
