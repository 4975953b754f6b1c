"""An entity's page: its quotes, the articles that mention it (newest first), the entities
it appears with most, and a mentions-per-day sparkline. Escape goes back."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import OptionList, Sparkline, Static
from textual.widgets.option_list import Option

from vznews.store import queries as q
from vznews.store.records import ArticleFilter, CoMention, DayCount, EntityItem
from vznews.tui.messages import OpenArticle, OpenEntity
from vznews.tui.screens.base import ArticleActions, BaseScreen
from vznews.tui.textfmt import safe
from vznews.tui.widgets.lists import ArticleList, QuoteList, QuoteQuery
from vznews.tui.widgets.paged_list import PagedList
from vznews.tui.widgets.reader import RefList

SPARK_DAYS = 30


@dataclass(frozen=True)
class EntityPage:
    """What the page header needs, read in one worker."""

    entity: EntityItem
    days: list[DayCount]
    together: list[CoMention]


def load_entity_page(db: Any, entity_id: int | None, name: str | None) -> EntityPage | None:
    """The entity (by id, else by name), its mentions per day and its companions; None if unknown."""
    entity = q.get_entity(db, entity_id) if entity_id is not None else q.find_entity(db, name or "")
    if entity is None:
        return None
    return EntityPage(entity, q.mentions_per_day(db, entity.id, SPARK_DAYS), q.co_mentions(db, entity.id, 20))


class EntityScreen(ArticleActions, BaseScreen):
    """One entity: header and sparkline, quotes and companions, then its articles."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back"),
        *ArticleActions.ARTICLE_BINDINGS,
    ]

    def __init__(self, entity_id: int | None, *, name: str | None = None) -> None:
        super().__init__()
        self.entity_id = entity_id
        self.name_asked = name
        self.page: EntityPage | None = None

    @property
    def VIEW(self) -> str:  # type: ignore[override]
        return self.app.current_mode

    def compose_body(self) -> ComposeResult:
        with Vertical(id="entity-head"):
            yield Static(id="entity-title")
            yield Static(id="entity-spark-label")
            yield Sparkline([], id="entity-spark")
        with Horizontal(id="entity-body"):
            yield QuoteList(QuoteQuery(entity_id=-1), id="entity-quotes")
            yield RefList(id="entity-with")
        yield ArticleList(ArticleFilter("entity", -1), id="entity-articles")

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#entity-title", Static).update(Text("Loading…"))
        self.query_one("#entity-with").border_title = "Appears with"
        for widget in (self.quotes, self.articles):
            widget.now = self.app.now()
        self.quotes.focus()

    @property
    def quotes(self) -> QuoteList:
        return self.query_one("#entity-quotes", QuoteList)

    @property
    def articles(self) -> ArticleList:
        return self.query_one("#entity-articles", ArticleList)

    def store_ready(self) -> None:
        entity_id = self.page.entity.id if self.page else self.entity_id
        self.run_db(load_entity_page, entity_id, self.name_asked, done=self._show, latest="entity")

    def _show(self, page: EntityPage | None) -> None:
        title = self.query_one("#entity-title", Static)
        if page is None:
            title.update(Text(f"No entity called “{safe(self.name_asked or '?', 120)}” in the store."))
            return
        first = self.page is None
        self.page = page
        entity = page.entity
        title.update(
            Text.assemble(
                (safe(entity.name, 200), "bold"),
                f"  {entity.kind} · {entity.article_count:,} articles · {entity.mention_count:,} mentions",
            )
        )
        self.query_one("#entity-spark", Sparkline).data = [day.count for day in page.days] or [0]
        label = f"mentions per day, {page.days[0].day} to {page.days[-1].day}, peak {max(d.count for d in page.days)}" if page.days else "no dated mentions"
        self.query_one("#entity-spark-label", Static).update(Text(label))
        together = self.query_one("#entity-with", RefList)
        together.clear_options()
        together.add_options(
            [Option(Text.assemble(safe(c.entity.name, 80), (f"  ×{c.together}", "dim")), id=f"e{c.entity.id}") for c in page.together]
        )
        if first:
            self.quotes.filters = QuoteQuery(entity_id=entity.id)
            self.articles.filter = ArticleFilter("entity", entity.id)
        self.quotes.reload(keep=not first)
        self.articles.reload(keep=not first)

    def on_paged_list_loaded(self, event: PagedList.Loaded) -> None:
        name = safe(self.page.entity.name, 60) if self.page else ""
        if event.paged_list is self.quotes:
            self.quotes.border_title = Text(f"Quotes by {name} ({event.total:,})")  # Text: names are not markup
        elif event.paged_list is self.articles:
            self.articles.border_title = Text(f"Articles mentioning {name} ({event.total:,}), newest first")

    def on_paged_list_selected(self, event: PagedList.Selected) -> None:
        if event.paged_list is self.quotes:
            self.post_message(OpenArticle(event.row.article_id, event.row.id))
        else:
            self.post_message(OpenArticle(event.row.id))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.post_message(OpenEntity(entity_id=int(event.option.id[1:])))

    def current_article(self) -> Any:
        return self.articles.highlighted_row if self.articles.has_focus else None

    def article_changed(self, article_id: int, **changes: bool) -> None:
        self.articles.update_item(article_id, **changes)

    def on_descendant_focus(self) -> None:
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in {"toggle_read", "toggle_star", "open_link", "copy_link"}:
            return self.current_article() is not None
        return True

    def action_back(self) -> None:
        self.dismiss()
