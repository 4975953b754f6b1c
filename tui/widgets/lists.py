"""The three virtual lists: articles, quotes and entities (each a PagedList over the read API)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timezone
from typing import Any, ClassVar

from rich.text import Text

from vznews.store import queries as q
from vznews.store.records import ArticleFilter, ArticleItem, EntityItem, QuoteItem
from vznews.tui.textfmt import KIND_NOTES, fg, fit, quote_text, safe, short_when
from vznews.tui.widgets.paged_list import PagedList

KIND_LABELS = {"person": "person", "org": "org", "place": "place", "other": "other"}
QUOTED_KINDS = ("direct", "mixed")  # what the Quotes view lists; reported speech is listed apart


class _Styled:
    """Foreground styles of a widget's component classes, cached until the styles change.

    A row is drawn from five or so of them; asking Textual each time cost more than the
    rest of drawing the row (it dominated a scroll's repaint of a whole page of rows).
    """

    def part(self, name: str) -> Any:
        parts: dict[str, Any] = self.__dict__.setdefault("_parts", {})
        style = parts.get(name)
        if style is None:
            style = parts[name] = fg(self.get_component_rich_style(name))  # type: ignore[attr-defined]
        return style

    def text_colour(self) -> Any:
        """The widget's own foreground colour, cached like the parts."""
        parts: dict[str, Any] = self.__dict__.setdefault("_parts", {})
        style = parts.get("")
        if style is None:
            style = parts[""] = fg(self.rich_style)  # type: ignore[attr-defined]
        return style

    def notify_style_update(self) -> None:
        self.__dict__["_parts"] = {}
        super().notify_style_update()  # type: ignore[misc]


class ArticleList(_Styled, PagedList[ArticleItem]):
    """Articles newest first: unread marker, star, time, source, title."""

    COMPONENT_CLASSES: ClassVar[set[str]] = PagedList.COMPONENT_CLASSES | {
        "article-list--unread",
        "article-list--star",
        "article-list--time",
        "article-list--source",
        "article-list--read",
    }

    def __init__(self, flt: ArticleFilter = ArticleFilter(), *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.filter = flt
        self.now: datetime = datetime.now(timezone.utc)

    def query(self) -> ArticleFilter:
        return self.filter

    def count_rows(self, db: Any, query: ArticleFilter) -> int:
        return q.count_articles(db, query)

    def fetch_rows(self, db: Any, query: ArticleFilter, offset: int, limit: int) -> list[ArticleItem]:
        return q.list_articles(db, query, offset, limit)

    def position_of(self, db: Any, query: ArticleFilter, row: ArticleItem) -> int | None:
        return q.article_position(db, query, row.id)

    def render_row(self, row: ArticleItem, width: int, highlighted: bool) -> list[Text]:
        source_width = max(6, min(16, (width - 10) // 4))
        tz = getattr(self.app, "tz", None)
        title = safe(row.title) or "(untitled)"
        line = Text.assemble(
            ("●" if not row.is_read else " ", self.part("article-list--unread")),
            ("★" if row.is_starred else " ", self.part("article-list--star")),
            (short_when(row.published, self.now, tz) + " ", self.part("article-list--time")),
            (fit(safe(row.feed_name, 80), source_width) + " ", self.part("article-list--source")),
            (title, self.part("article-list--read") if row.is_read else self.text_colour()),
        )
        return [line]

    def update_item(self, item_id: int, **changes: Any) -> None:
        """Change a cached row's read/star flags and redraw it (the store was already updated)."""
        for row in self._pages.rows():
            if row.id == item_id:
                self.replace_row(item_id, replace(row, **changes))
                return


@dataclass(frozen=True)
class QuoteQuery:
    """What the quotes list shows: text filters, one entity's quotes, some kinds (None: all)."""

    speaker: str | None = None
    text: str | None = None
    entity_id: int | None = None
    kinds: tuple[str, ...] | None = None


class QuoteList(_Styled, PagedList[QuoteItem]):
    """Quotes newest first, two lines each: the quote, then speaker, role, source and date."""

    ROW_HEIGHT: ClassVar[int] = 2
    COMPONENT_CLASSES: ClassVar[set[str]] = PagedList.COMPONENT_CLASSES | {
        "quote-list--quote",
        "quote-list--speaker",
        "quote-list--meta",
    }

    def __init__(self, query: QuoteQuery = QuoteQuery(), *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.filters = query
        self.now: datetime = datetime.now(timezone.utc)

    def query(self) -> QuoteQuery:
        return self.filters

    def count_rows(self, db: Any, query: QuoteQuery) -> int:
        return q.count_quotes(db, speaker=query.speaker, text=query.text, entity_id=query.entity_id, kind=query.kinds)

    def fetch_rows(self, db: Any, query: QuoteQuery, offset: int, limit: int) -> list[QuoteItem]:
        return q.list_quotes(db, speaker=query.speaker, text=query.text, entity_id=query.entity_id, kind=query.kinds,
                             offset=offset, limit=limit)

    def render_row(self, row: QuoteItem, width: int, highlighted: bool) -> list[Text]:
        tz = getattr(self.app, "tz", None)
        quote = Text.assemble((quote_text(row.text, row.kind, 1000), self.part("quote-list--quote")))
        if row.kind in KIND_NOTES:  # reported speech or a partial quote says so
            quote = Text.assemble((KIND_NOTES[row.kind], self.part("quote-list--meta")), quote)
        speaker = safe(row.speaker or row.speaker_as_written or "unknown speaker", 120)
        meta = Text.assemble(
            ("  — ", self.part("quote-list--meta")),
            (speaker, self.part("quote-list--speaker")),
            ((", " + safe(row.role, 80)) if row.role else "", self.part("quote-list--meta")),
            (" · " + safe(row.feed_name, 60) + " · " + short_when(row.published, self.now, tz).strip(), self.part("quote-list--meta")),
        )
        return [quote, meta]


@dataclass(frozen=True)
class EntityQuery:
    """What the entities list shows: one kind (or all) and a name filter."""

    kind: str | None = None
    name: str | None = None


class EntityList(_Styled, PagedList[EntityItem]):
    """Entities ranked by how many articles mention them."""

    COMPONENT_CLASSES: ClassVar[set[str]] = PagedList.COMPONENT_CLASSES | {
        "entity-list--kind",
        "entity-list--count",
    }

    def __init__(self, query: EntityQuery = EntityQuery(), *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.filters = query

    def query(self) -> EntityQuery:
        return self.filters

    def count_rows(self, db: Any, query: EntityQuery) -> int:
        return q.count_entities(db, kind=query.kind, name=query.name)

    def fetch_rows(self, db: Any, query: EntityQuery, offset: int, limit: int) -> list[EntityItem]:
        return q.list_entities(db, kind=query.kind, name=query.name, offset=offset, limit=limit)

    def render_row(self, row: EntityItem, width: int, highlighted: bool) -> list[Text]:
        count = f"{row.article_count:>7,} articles"
        name_width = max(8, width - len(count) - 9)
        return [
            Text.assemble(
                (fit(safe(row.name, 200), name_width) + " ", self.text_colour()),
                (fit(KIND_LABELS.get(row.kind, row.kind), 7) + " ", self.part("entity-list--kind")),
                (count, self.part("entity-list--count")),
            )
        ]

