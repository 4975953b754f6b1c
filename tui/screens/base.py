"""What every view and page shares: the frame, store readiness, and article actions."""

from __future__ import annotations

from typing import Any, ClassVar
from urllib.parse import urlparse

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen

from vznews.store import user_state
from vznews.tui.messages import OpenArticle, OpenEntity
from vznews.tui.widgets.chrome import SyncBar, ViewBar
from vznews.tui.widgets.key_bar import KeyBar
from vznews.tui.work import DbWork


class BaseScreen(DbWork, Screen):
    """A screen with the view bar on top, the sync line and footer below.

    Subclasses put their body in `compose_body` and load data in `store_ready`
    (called once the store is open, and again whenever it changes).
    """

    VIEW: ClassVar[str] = "articles"

    def compose(self) -> ComposeResult:
        yield ViewBar(self.VIEW, id="view-bar")
        yield from self.compose_body()
        yield SyncBar(id="sync-bar")
        yield KeyBar(id="key-bar")

    def compose_body(self) -> ComposeResult:
        yield from ()

    def on_mount(self) -> None:
        self._seen_version = -1
        self.watch(self.app, "store_status", self._store_status)
        self.watch(self.app, "data_version", self._data_version, init=False)
        self.app.theme_changed_signal.subscribe(self, lambda theme: self.theme_changed())

    def _store_status(self, status: str) -> None:
        if status == "ready":
            self._seen_version = self.app.data_version
            self.store_ready()

    def _data_version(self, version: int) -> None:
        if self.app.store_status == "ready" and version != self._seen_version and self.is_current:
            self._seen_version = version
            self.store_changed()

    def on_screen_resume(self) -> None:
        if getattr(self, "_seen_version", -1) != self.app.data_version and self.app.store_status == "ready":
            self._seen_version = self.app.data_version
            self.store_changed()

    def store_ready(self) -> None:
        """The store is open: load what the screen shows."""

    def store_changed(self) -> None:
        """The store changed (a sync, the user): reload, keeping the selection."""
        self.store_ready()

    def theme_changed(self) -> None:
        """The theme changed: redraw what was built with the old theme's colours."""

    def on_open_article(self, message: OpenArticle) -> None:
        message.stop()
        self.app.open_article(message.article_id, message.quote_id)

    def on_open_entity(self, message: OpenEntity) -> None:
        message.stop()
        self.app.open_entity(message.entity_id, message.name)


class ArticleActions(DbWork):
    """m, s, o, y on "the current article" (what `current_article()` returns)."""

    ARTICLE_BINDINGS: ClassVar[list[BindingType]] = [
        Binding("m", "toggle_read", "Read"),
        Binding("s", "toggle_star", "Star"),
        Binding("o", "open_link", "Browser", show=False),
        Binding("y", "copy_link", "Copy link", show=False),
    ]

    def current_article(self) -> Any:
        """An object with `id` and `url` (ArticleItem or Article), or None."""
        return None

    def article_changed(self, article_id: int, **changes: bool) -> None:
        """The store now has `changes` (is_read/is_starred) for `article_id`: redraw."""

    def action_toggle_read(self) -> None:
        article = self.current_article()
        if article is None:
            return
        self.run_db(user_state.toggle_read, article.id, done=lambda state: self._changed(article.id, "is_read", state))

    def action_toggle_star(self) -> None:
        article = self.current_article()
        if article is None:
            return
        self.run_db(user_state.toggle_starred, article.id, done=lambda state: self._changed(article.id, "is_starred", state))

    def mark_read(self, article_id: int) -> None:
        """Mark an opened article read (in a worker), then redraw it."""
        self.run_db(user_state.set_read, [article_id], True, done=lambda changed: changed and self._changed(article_id, "is_read", True))

    def _changed(self, article_id: int, field: str, state: bool | None) -> None:
        if state is None:
            return
        self.article_changed(article_id, **{field: state})
        self.app.user_changed_store()

    def action_open_link(self) -> None:
        url = self._link()
        if url is not None:
            self.app.open_link(url)

    def action_copy_link(self) -> None:
        url = self._link()
        if url is not None:
            self.app.copy_to_clipboard(url)
            self.app.notify("Link copied", markup=False, timeout=2)

    def _link(self) -> str | None:
        article = self.current_article()
        url = getattr(article, "url", None) if article is not None else None
        if not url or urlparse(url).scheme not in ("http", "https"):
            self.app.notify("This article has no web link", severity="warning", markup=False, timeout=3)
            return None
        return url
