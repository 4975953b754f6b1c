"""A page for one article (opened from a quote, an entity page or search): the reader
with the article's quotes and entities; opening it marks it read; escape goes back."""

from __future__ import annotations

from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType

from vznews.tui.loaders import load_article
from vznews.tui.messages import ArticleLoaded
from vznews.tui.screens.base import ArticleActions, BaseScreen
from vznews.tui.widgets.reader import ArticleRefs, ArticleText


class ArticleScreen(ArticleActions, BaseScreen):
    """The full reader for one article, scrolled to a quote when opened from one."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back"),
        *ArticleActions.ARTICLE_BINDINGS,
    ]

    def __init__(self, article_id: int, quote_id: int | None = None) -> None:
        super().__init__()
        self.article_id = article_id
        self.quote_id = quote_id
        self.loaded: ArticleLoaded | None = None

    @property
    def VIEW(self) -> str:  # type: ignore[override]
        return self.app.current_mode

    def compose_body(self) -> ComposeResult:
        yield ArticleText(id="page-reader")
        yield ArticleRefs(id="article-refs")

    def on_mount(self) -> None:
        super().on_mount()
        self.reader.border_title = "Article"
        self.reader.show_note("Loading…")
        self.reader.focus()

    @property
    def reader(self) -> ArticleText:
        return self.query_one(ArticleText)

    def store_ready(self) -> None:
        styles, tz = self.reader.reader_styles(), self.app.tz
        self.run_db(load_article, self.article_id, styles, tz, self.quote_id, done=self._show, latest="article")

    def store_changed(self) -> None:
        pass  # the open article keeps its place while a sync runs

    def theme_changed(self) -> None:
        self.store_ready()

    def _show(self, loaded: ArticleLoaded | None) -> None:
        self.loaded = loaded
        if loaded is None:
            self.reader.show_note("This article is no longer in the store.")
            return
        self.reader.show(loaded)
        self.query_one(ArticleRefs).show(loaded)
        self.notify_state()
        self.refresh_bindings()
        if not loaded.article.is_read:
            self.mark_read(loaded.article.id)  # the subtitle says "read" once the store agrees

    def on_article_refs_quote_highlighted(self, event: ArticleRefs.QuoteHighlighted) -> None:
        self.reader.scroll_to_quote(event.quote_id)

    def current_article(self) -> Any:
        return self.loaded.article if self.loaded is not None else None

    def article_changed(self, article_id: int, **changes: bool) -> None:
        if self.loaded is not None and self.loaded.article.id == article_id:
            from dataclasses import replace

            self.loaded.article = replace(self.loaded.article, **changes)
            self.notify_state()

    def notify_state(self) -> None:
        article = self.loaded.article if self.loaded else None
        if article is not None:
            flags = ("read" if article.is_read else "unread") + (", starred" if article.is_starred else "")
            self.reader.border_subtitle = flags

    def action_back(self) -> None:
        self.dismiss()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in {"toggle_read", "toggle_star", "open_link", "copy_link"}:
            return self.loaded is not None
        return True
