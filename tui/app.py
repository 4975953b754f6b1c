"""The vznews explorer: three views over the local store, search, sync, and the keys.

The app owns the store access (one connection per worker thread), the remembered
state, and the sync worker; the views are Textual modes, each with its own stack of
pages (an article, an entity) that `escape` pops.
"""

from __future__ import annotations

import gc
import importlib
import os
import sys
from datetime import datetime, timezone, tzinfo
from pathlib import Path
from typing import Callable, ClassVar, Iterable

from rich.text import Text
from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.reactive import reactive
from textual.screen import Screen

from vznews.tui.data import StoreAccess
from vznews.tui.messages import StoreChanged
from vznews.tui.state import TuiState, load_state, save_state
from vznews.tui.sync_control import SyncControl
from vznews.tui.sync_progress import SyncProgress
from vznews.tui.welcome import welcome_text


def _lazy_screen(module: str, name: str) -> Callable[[], Screen]:
    """A screen factory that imports its module on first use (keeps start-up lean)."""

    def make() -> Screen:
        return getattr(importlib.import_module(module), name)()

    return make


def _go_to_provider():  # type: ignore[no-untyped-def]
    from vznews.tui.commands import GoToProvider

    return GoToProvider


class VzNewsApp(SyncControl, App[None]):
    """Articles, quotes and entities from the local store, keyboard first."""

    CSS_PATH = "app.tcss"
    TITLE = "vznews"
    ENABLE_COMMAND_PALETTE = True
    COMMANDS = App.COMMANDS | {_go_to_provider}
    HORIZONTAL_BREAKPOINTS: ClassVar[list[tuple[int, str]]] = [(0, "-narrow"), (100, "-wide")]
    MODES: ClassVar[dict[str, Callable[[], Screen]]] = {
        "articles": _lazy_screen("vznews.tui.screens.articles", "ArticlesScreen"),
        "quotes": _lazy_screen("vznews.tui.screens.quotes", "QuotesScreen"),
        "entities": _lazy_screen("vznews.tui.screens.entities", "EntitiesScreen"),
    }
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("1", "view('articles')", "Articles", show=False),
        Binding("2", "view('quotes')", "Quotes", show=False),
        Binding("3", "view('entities')", "Entities", show=False),
        Binding("slash", "search", "Search"),
        Binding("u", "toggle_unread", "Unread only", show=False),
        Binding("r", "sync", "Sync"),
        Binding("question_mark", "help", "Help"),
        Binding("q", "quit", "Quit"),
    ]

    store_status: reactive[str] = reactive("opening")
    """`opening` until a worker has opened (and migrated) the store, then `ready` or `failed`."""
    data_version: reactive[int] = reactive(0)
    """Bumped whenever the store's articles change; views reload when they see a new value."""
    unread_only: reactive[bool] = reactive(False)
    """Article lists show unread articles only."""
    sync_status: reactive[Text | None] = reactive(None, always_update=True)
    """The sync progress line, or None when no sync is running or just finished."""

    def __init__(
        self,
        db_path: Path,
        feeds_path: Path,
        *,
        state_path: Path | None = None,
        now: Callable[[], datetime] | None = None,
        tz: tzinfo | None = None,
    ) -> None:
        self.db_path = Path(db_path)
        self.feeds_path = Path(feeds_path)
        self.state_path = state_path
        self.saved = load_state(state_path) if state_path else TuiState()
        self._now = now
        self.tz = tz
        self.store = StoreAccess(self.db_path)
        self.store_error: str | None = None
        self.created_store = not self.db_path.exists()
        self.progress: SyncProgress | None = None
        super().__init__()
        self.set_reactive(VzNewsApp.unread_only, self.saved.unread_only)
        if self.saved.theme and self.saved.theme in self.available_themes:
            self.theme = self.saved.theme

    def now(self) -> datetime:
        """The current time (fixed in tests)."""
        return self._now() if self._now else datetime.now(timezone.utc)

    # ---------------------------------------------------------------- start and stop

    def get_default_screen(self):  # type: ignore[no-untyped-def]
        from vznews.tui.screens.articles import ArticlesScreen

        return ArticlesScreen()

    def on_mount(self) -> None:
        from vznews.tui.bench_marks import mark

        mark("mount")
        self.switch_mode(self.saved.view)


    def on_ready(self) -> None:
        from vznews.tui.bench_marks import mark

        mark("frame")
        # Everything built so far (modules, styles, widgets) lives as long as the app:
        # moved out of the collector's reach, a full collection walks only what came
        # later (it took ~60 ms, landing in a key press's repaint now and then).
        gc.freeze()
        # Only now: opening the store imports sqlite-utils in the worker, which would
        # otherwise hold the import lock while the first frame is being built.
        self.open_store()
        from vznews.tui.store_watch import watch_store

        watch_store(self)  # another process's sync shows up without a key press

    @work(thread=True, group="store", exit_on_error=False)
    def open_store(self) -> None:
        """Open (create, migrate) the store in a worker; then the views load."""
        from vznews.store.db import StoreError

        try:
            self.store.open()
        except StoreError as exc:
            self.call_from_thread(self._store_failed, str(exc))
            return
        except Exception as exc:  # noqa: BLE001 - any other failure is shown, not a traceback
            self.call_from_thread(self._store_failed, f"{self.db_path}: cannot open the database ({exc})")
            return
        self.call_from_thread(setattr, self, "store_status", "ready")

    def _store_failed(self, error: str) -> None:
        from vznews.tui.screens.dialogs import ErrorScreen

        self.store_error = error
        self.store_status = "failed"
        self.push_screen(ErrorScreen(error))

    def current_state(self) -> TuiState:
        """What to remember for the next run."""
        view = self.current_mode if self.current_mode in self.MODES else "articles"
        return TuiState(view=view, unread_only=self.unread_only, theme=self.theme)

    async def action_quit(self) -> None:
        if self.state_path is not None:
            save_state(self.state_path, self.current_state())
        for worker in self.workers:
            worker.cancel()
        self.exit()

    def on_unmount(self) -> None:
        self.store.close()

    # ---------------------------------------------------------------- navigation

    def action_view(self, mode: str) -> None:
        """Switch to a view (1 Articles, 2 Quotes, 3 Entities)."""
        if self.store_status == "failed":
            return
        self.switch_mode(mode)

    def action_search(self) -> None:
        from vznews.tui.screens.search import SearchScreen

        if self.store_status == "ready" and not isinstance(self.screen, SearchScreen):
            self.push_screen(SearchScreen())

    def action_help(self) -> None:
        from vznews.tui.screens.dialogs import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        from vznews.tui.screens.search import SearchScreen

        if action == "search" and isinstance(self.screen, SearchScreen):
            return False
        return True

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        from vznews.tui.commands import app_commands

        yield from app_commands(self)
        yield from super().get_system_commands(screen)

    def show_feed(self, feed_id: int, name: str) -> None:
        """Go to the Articles view showing one feed (the palette's "go to feed")."""
        self.call_later(self._show_feed, feed_id, name)

    async def _show_feed(self, feed_id: int, name: str) -> None:
        from vznews.store.records import ArticleFilter
        from vznews.tui.screens.articles import ArticlesScreen

        await self.switch_mode("articles")
        while len(self.screen_stack) > 1 and not isinstance(self.screen, ArticlesScreen):
            await self.pop_screen()
        if isinstance(self.screen, ArticlesScreen):
            self.screen.choose_source(ArticleFilter("feed", feed_id), name, None)

    def action_toggle_unread(self) -> None:
        self.unread_only = not self.unread_only
        self.notify("Showing unread articles only" if self.unread_only else "Showing all articles", markup=False, timeout=2)

    def open_article(self, article_id: int, quote_id: int | None = None) -> None:
        """Push a full reader for one article (scrolled to a quote if given)."""
        from vznews.tui.screens.article import ArticleScreen

        self.push_screen(ArticleScreen(article_id, quote_id))

    def open_entity(self, entity_id: int | None, name: str | None = None) -> None:
        """Push an entity's page; a speaker without an entity is looked up by name."""
        from vznews.tui.screens.entity import EntityScreen

        if entity_id is not None:
            self.push_screen(EntityScreen(entity_id))
        elif name:
            self.push_screen(EntityScreen(None, name=name))

    def open_link(self, url: str) -> None:
        """Open a web link in the browser (in a worker); without a graphical browser, copy it."""
        graphical = sys.platform in ("darwin", "win32") or any(
            os.environ.get(var) for var in ("DISPLAY", "WAYLAND_DISPLAY", "BROWSER")
        )
        if not graphical:
            self.copy_to_clipboard(url)
            self.notify("No graphical browser here; the link was copied instead", markup=False, timeout=4)
            return
        self.run_worker(lambda: self._open_in_browser(url), thread=True, group="browser", exit_on_error=False)

    def _open_in_browser(self, url: str) -> None:
        import webbrowser

        if not webbrowser.open(url):
            self.call_from_thread(self.notify, "Could not start a browser; press y to copy the link", severity="warning", markup=False)

    # ---------------------------------------------------------------- store changes

    def user_changed_store(self) -> None:
        """The user marked or starred something; views recount on their next visit."""

    def on_store_changed(self, message: StoreChanged) -> None:
        self.data_version += 1

    # ---------------------------------------------------------------- first run

    def welcome_text(self) -> Text:
        """What an empty store shows: where things are and what to press."""
        return welcome_text(self.db_path, self.feeds_path, self.created_store)
