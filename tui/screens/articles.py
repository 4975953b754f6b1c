"""View 1, Articles: sources, the virtual article list, the reader, and the open article's
quotes and entities. An empty store shows what to do instead."""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Static

from vznews.store import queries as q
from vznews.store.records import ArticleFilter, ArticleItem, Sources
from vznews.tui.loaders import load_article
from vznews.tui.messages import ArticleLoaded
from vznews.tui.screens.base import ArticleActions, BaseScreen
from vznews.tui.widgets.chrome import ViewBar
from vznews.tui.widgets.lists import ArticleList
from vznews.tui.widgets.paged_list import PagedList
from vznews.tui.widgets.reader import ArticleRefs, ArticleText
from vznews.tui.widgets.sources import SourcesPane

PREVIEW_DELAY = 0.06  # seconds the cursor must rest before the reader follows it


class ArticlesScreen(ArticleActions, BaseScreen):
    """Sources | article list | reader, with the article's quotes and entities below."""

    VIEW = "articles"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "next_unread", "Next unread"),
        Binding("p", "previous_unread", "Previous unread", show=False),
        *ArticleActions.ARTICLE_BINDINGS,
        Binding("escape", "back", "Back", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._has_row = False
        self.source_label = "All"
        self.source_error: str | None = None
        self.sources: Sources | None = None

    def compose_body(self) -> ComposeResult:
        with Horizontal(id="articles-main"):
            yield SourcesPane(id="sources")
            with Vertical(id="articles-right"):
                with Horizontal(id="articles-top"):
                    yield ArticleList(ArticleFilter(unread_only=self.app.unread_only), id="article-list")
                    yield ArticleText(id="reader")
                yield ArticleRefs(id="article-refs")
        yield Static(id="welcome")

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#welcome").display = False
        self.articles.now = self.app.now()
        self.query_one(SourcesPane).border_title = "Sources"
        self.reader.border_title = "Reader"
        self.reader.show_note("Opening the store…")
        self._update_titles()
        self.watch(self.app, "unread_only", self._unread_only, init=False)
        self.articles.focus()

    @property
    def articles(self) -> ArticleList:
        return self.query_one("#article-list", ArticleList)

    @property
    def reader(self) -> ArticleText:
        return self.query_one("#reader", ArticleText)

    # ---------------------------------------------------------------- loading

    def store_ready(self) -> None:
        self.articles.now = self.app.now()
        self.articles.reload()
        self.load_sources()

    def load_sources(self) -> None:
        """Count the sources pane again (in a worker)."""
        self.run_db(q.sources, done=self._show_sources, latest="sources")

    def _show_sources(self, sources: Sources) -> None:
        self.sources = sources
        self.query_one(SourcesPane).show(sources)
        empty = sources.total == 0
        self.query_one("#articles-main").display = not empty
        welcome = self.query_one("#welcome", Static)
        welcome.display = empty
        self.refresh_bindings()
        if empty:
            welcome.update(self.app.welcome_text())
        elif self.focused is None:
            self.articles.focus()

    def _unread_only(self, unread_only: bool) -> None:
        flt = self.articles.filter
        self.articles.filter = ArticleFilter(flt.kind, flt.value, unread_only)
        self.articles.reload()
        self._update_titles()

    def _update_titles(self) -> None:
        total = self.articles.total
        count = "" if total is None else f" ({total:,})"
        suffix = " · unread only" if self.app.unread_only else ""
        # Text, not a str: the label is a feed, tag or entity name, never markup
        self.articles.border_title = Text(f"Articles: {self.source_label}{count}{suffix}")
        self.articles.border_subtitle = "✗ last sync failed" if self.source_error else ""
        failure = f"  ✗ last sync failed: {self.source_error}" if self.source_error else ""
        self.query_one("#view-bar", ViewBar).set_context(self.source_label + suffix + failure)

    def on_paged_list_loaded(self, event: PagedList.Loaded) -> None:
        from vznews.tui.bench_marks import mark

        self.call_after_refresh(mark, "rows")
        self._update_titles()
        if event.total == 0:
            self._has_row = False
            self.refresh_bindings()
            self.reader.show_note(self._empty_note())
            self.query_one(ArticleRefs).clear()
        elif event.paged_list.error:
            self.reader.show_note(f"Cannot read the store: {event.paged_list.error}")

    def _empty_note(self) -> str:
        if self.app.unread_only:
            return "No unread articles here. Press u to show read ones too."
        return "No articles here."

    def on_sources_pane_chosen(self, event: SourcesPane.Chosen) -> None:
        self.choose_source(event.filter, event.label, event.error)

    def choose_source(self, flt: ArticleFilter, label: str, error: str | None) -> None:
        """Show the articles of one source (from the pane or the palette's "go to feed")."""
        self.source_label, self.source_error = label, error
        self.articles.filter = ArticleFilter(flt.kind, flt.value, self.app.unread_only)
        self.articles.reload(keep=False)
        self._update_titles()
        self.articles.focus()

    # ---------------------------------------------------------------- the reader

    def on_paged_list_highlighted(self, event: PagedList.Highlighted) -> None:
        if event.paged_list is self.articles:
            self.preview(event.row, delay=PREVIEW_DELAY)
            if not self._has_row:
                self._has_row = True
                self.refresh_bindings()

    def on_paged_list_selected(self, event: PagedList.Selected) -> None:
        if event.paged_list is self.articles:
            self.open(event.row)

    def preview(self, item: ArticleItem, quote_id: int | None = None, delay: float = 0.0) -> None:
        """Show `item` in the reader (read in a worker; only the newest request is drawn).

        While j is held down the reader waits for the cursor to rest (`delay`), so
        moving stays one cheap repaint of two list lines per key.
        """
        styles, tz = self.reader.reader_styles(), self.app.tz
        self.run_db(load_article, item.id, styles, tz, quote_id, done=self._show_article, latest="reader", delay=delay)

    def _show_article(self, loaded: ArticleLoaded | None) -> None:
        if loaded is None:
            self.reader.show_note("This article is no longer in the store.")
            self.query_one(ArticleRefs).clear()
            return
        self.reader.show(loaded)
        self.query_one(ArticleRefs).show(loaded)

    def open(self, item: ArticleItem, focus_reader: bool = True) -> None:
        """Open an article: mark it read and focus the reader (on a narrow screen, open its page)."""
        if focus_reader and self.has_class("-narrow"):
            self.app.open_article(item.id)
            return
        if focus_reader:
            self.reader.focus()
        if not item.is_read:
            self.mark_read(item.id)

    def theme_changed(self) -> None:
        row = self.articles.highlighted_row
        if row is not None:
            self.preview(row)

    def on_article_refs_quote_highlighted(self, event: ArticleRefs.QuoteHighlighted) -> None:
        self.reader.scroll_to_quote(event.quote_id)

    # ---------------------------------------------------------------- keys

    def current_article(self) -> Any:
        return self.articles.highlighted_row

    def article_changed(self, article_id: int, **changes: bool) -> None:
        self.articles.update_item(article_id, **changes)
        self.load_sources()

    def action_next_unread(self) -> None:
        self._step_unread(1)

    def action_previous_unread(self) -> None:
        self._step_unread(-1)

    def _step_unread(self, direction: int) -> None:
        current = self.articles.highlighted_row
        self.run_db(
            q.next_unread,
            self.articles.filter,
            current.id if current is not None else None,
            direction,
            done=self._go_unread,
            latest="unread",
        )

    def _go_unread(self, found: tuple[int, ArticleItem] | None) -> None:
        if found is None:
            self.app.notify("No more unread articles", markup=False, timeout=2)
            return
        index, item = found
        self.articles.cursor = index
        self.open(item, focus_reader=False)

    def action_back(self) -> None:
        if self.focused is not self.articles:
            self.articles.focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in {"toggle_read", "toggle_star", "open_link", "copy_link"}:
            return self.articles.highlighted_row is not None
        if action in {"next_unread", "previous_unread"}:
            return self.sources is None or self.sources.total > 0
        return True

    def welcome(self) -> Text:
        """The first-run note (also used by tests)."""
        return self.app.welcome_text()
