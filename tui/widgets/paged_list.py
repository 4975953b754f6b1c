"""A virtual list over a paged query: only visible rows are drawn, pages load in workers.

Subclasses say how to count, fetch and draw rows; this class keeps a small cache of
pages (never the whole table), asks a thread worker for the pages the viewport needs,
and moves a cursor. Like toolong's LogLines, it is a Line API `ScrollView`.
"""

from __future__ import annotations

from typing import Any, ClassVar, Generic, Hashable, TypeVar

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import BindingType
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from vznews.tui.strips import text_strip
from vznews.tui.widgets.option_keys import CURSOR_LIST_KEYS
from vznews.tui.widgets.page_cache import PageCache
from vznews.tui.widgets.page_loader import LoadFailed, PageArrived, Reloaded, page_work, reload_work

Row = TypeVar("Row")


class PagedList(ScrollView, Generic[Row], can_focus=True):
    """A cursor over `count()` rows fetched `PAGE` at a time by `fetch()` in thread workers."""

    BINDINGS: ClassVar[list[BindingType]] = [*CURSOR_LIST_KEYS]
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "paged-list--cursor",
        "paged-list--cursor-blurred",
        "paged-list--loading",
    }
    PAGE: ClassVar[int] = 100
    MAX_PAGES: ClassVar[int] = 24
    ROW_HEIGHT: ClassVar[int] = 1

    cursor: reactive[int] = reactive(0, repaint=False, init=False)
    """Index of the highlighted row."""
    total: reactive[int | None] = reactive(None, repaint=False, init=False)
    """How many rows the query selects (None until the first count arrives)."""

    class Highlighted(Message):
        """The cursor moved onto a loaded row."""

        def __init__(self, paged_list: PagedList, index: int, row: Any) -> None:
            super().__init__()
            self.paged_list = paged_list
            self.index = index
            self.row = row

        @property
        def control(self) -> PagedList:
            return self.paged_list

    class Selected(Highlighted):
        """The user opened the row under the cursor (enter or a click on it)."""

    class Loaded(Message):
        """A reload finished: the list knows its total."""

        def __init__(self, paged_list: PagedList, total: int) -> None:
            super().__init__()
            self.paged_list = paged_list
            self.total = total

        @property
        def control(self) -> PagedList:
            return self.paged_list

    def __init__(self, *, name: str | None = None, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._pages: PageCache[Row] = PageCache(self.PAGE, self.MAX_PAGES)
        self._generation = 0
        self._announced: tuple[int, Hashable] | None = None
        self.error: str | None = None
        self._strips: LRUCache[Hashable, Strip] = LRUCache(512)
        self._base_style = Style()

    # ---------------------------------------------------------------- subclass hooks (worker threads)

    def query(self) -> Any:
        """A frozen description of what to list; read on the UI thread, handed to the worker."""
        return None

    def count_rows(self, db: Any, query: Any) -> int:
        """How many rows `query` selects (runs in a worker thread)."""
        raise NotImplementedError

    def fetch_rows(self, db: Any, query: Any, offset: int, limit: int) -> list[Row]:
        """Rows `offset`..`offset+limit` of `query` (runs in a worker thread)."""
        raise NotImplementedError

    def position_of(self, db: Any, query: Any, row: Row) -> int | None:
        """Where `row` now sits in `query`'s list, to keep it selected across a reload (worker thread)."""
        return None

    def row_key(self, row: Row) -> Hashable:
        """A stable identity for `row`."""
        return getattr(row, "id", id(row))

    def render_row(self, row: Row, width: int, highlighted: bool) -> list[Text]:
        """`ROW_HEIGHT` lines of text for one row (UI thread; keep it cheap)."""
        raise NotImplementedError

    # ---------------------------------------------------------------- rows and pages

    def row_at(self, index: int) -> Row | None:
        """The row at `index` if its page is loaded (asks for the page if not)."""
        if self.total is None or not 0 <= index < self.total:
            return None
        loaded, row = self._pages.get(index)
        if not loaded:
            self._request_page(index // self.PAGE)
        return row

    @property
    def highlighted_row(self) -> Row | None:
        """The row under the cursor, if loaded."""
        return self.row_at(self.cursor)

    def replace_row(self, key: Hashable, row: Row) -> None:
        """Swap a cached row for an updated one (e.g. after marking it read) and redraw it."""
        for index in self._pages.replace(self.row_key, key, row):
            self._strips.clear()
            self.refresh_lines(index * self.ROW_HEIGHT, self.ROW_HEIGHT)

    def reload(self, *, keep: bool = True, cursor: int | None = None) -> None:
        """Count and fetch again (filters changed or the store did); keeps the selected row if `keep`."""
        self._generation += 1
        keep_row = self.highlighted_row if keep else None
        target = cursor if cursor is not None else (self.cursor if keep else 0)
        self.run_worker(
            lambda: reload_work(self, self._generation, self.query(), keep_row, target),
            thread=True,
            group=f"reload-{id(self)}",
            exclusive=True,
            exit_on_error=False,
        )

    def _request_page(self, page_no: int) -> None:
        if page_no in self._pages.pending:
            return
        self._pages.pending.add(page_no)
        generation, query = self._generation, self.query()
        self.run_worker(lambda: page_work(self, generation, query, page_no), thread=True, group=f"pages-{id(self)}", exit_on_error=False)

    def on_reloaded(self, message: Reloaded) -> None:
        message.stop()
        if message.generation != self._generation:
            return
        screen_offset = self.cursor * self.ROW_HEIGHT - self.scroll_offset.y
        self._pages.clear()
        self._strips.clear()
        self.error = None
        self._pages.put(message.page, message.rows)
        self.total = message.total
        self.virtual_size = Size(self.size.width, message.total * self.ROW_HEIGHT)
        self._announced = None
        self.set_reactive(PagedList.cursor, message.cursor)
        # Keep the selected row on the same screen line when the list grew above it.
        self.scroll_to(y=max(0, message.cursor * self.ROW_HEIGHT - screen_offset), animate=False, immediate=True)
        self._scroll_cursor_into_view()
        self.refresh()
        self._announce()
        self.post_message(self.Loaded(self, message.total))

    def on_page_arrived(self, message: PageArrived) -> None:
        message.stop()
        if message.generation != self._generation:
            return
        self._pages.put(message.page, message.rows, keep=self.cursor // self.PAGE)
        self.refresh()
        self._announce()

    def on_load_failed(self, message: LoadFailed) -> None:
        message.stop()
        if message.generation == self._generation:
            self.error = message.error
            self.total = self.total or 0
            self.refresh()
            self.post_message(self.Loaded(self, self.total or 0))

    # ---------------------------------------------------------------- cursor

    def validate_cursor(self, cursor: int) -> int:
        return max(0, min(cursor, (self.total or 1) - 1))

    def watch_cursor(self, old: int, new: int) -> None:
        self.refresh_lines(old * self.ROW_HEIGHT, self.ROW_HEIGHT)
        self.refresh_lines(new * self.ROW_HEIGHT, self.ROW_HEIGHT)
        self._scroll_cursor_into_view()
        self._announce()

    def _scroll_cursor_into_view(self) -> None:
        # Leaving the view moves it by half a page (not one row): scrolling redraws
        # every visible line, so held-down j scrolls once every few presses.
        top = self.cursor * self.ROW_HEIGHT
        height = max(1, self.scrollable_content_region.height)
        y = self.scroll_offset.y
        if top < y:
            y = top - height // 2 if y - top <= self.ROW_HEIGHT else top - height // 3
        elif top + self.ROW_HEIGHT > y + height:
            y = top + self.ROW_HEIGHT - height // 2 if top - (y + height) < self.ROW_HEIGHT else top - height // 3
        else:
            return
        y = max(0, min(y, (self.total or 0) * self.ROW_HEIGHT - height))
        self.scroll_to(y=y - y % self.ROW_HEIGHT, animate=False, immediate=True)

    def _announce(self) -> None:
        row = self.highlighted_row
        if row is None:
            return
        marker = (self.cursor, self.row_key(row))
        if marker != self._announced:
            self._announced = marker
            self.post_message(self.Highlighted(self, self.cursor, row))

    def action_cursor_down(self) -> None:
        self.cursor += 1

    def action_cursor_up(self) -> None:
        self.cursor -= 1

    def action_first(self) -> None:
        self.cursor = 0

    def action_last(self) -> None:
        self.cursor = (self.total or 1) - 1

    def _page_rows(self) -> int:
        return max(1, self.scrollable_content_region.height // self.ROW_HEIGHT)

    def action_page_down(self) -> None:
        self.cursor += self._page_rows()

    def action_page_up(self) -> None:
        self.cursor -= self._page_rows()

    def action_select(self) -> None:
        row = self.highlighted_row
        if row is not None:
            self.post_message(self.Selected(self, self.cursor, row))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return  # the border or the scrollbar
        index = (offset.y + self.scroll_offset.y) // self.ROW_HEIGHT
        if self.total is None or index >= self.total:
            return
        if index == self.cursor:
            self.action_select()
        else:
            self.cursor = index

    # ---------------------------------------------------------------- drawing

    def render_lines(self, crop: Any) -> list[Strip]:
        self._base_style = self.rich_style  # once per repaint, not per line
        # Ask for the pages around the viewport before drawing it.
        if self.total:
            height = self.scrollable_content_region.height
            first = max(0, self.scroll_offset.y - height) // self.ROW_HEIGHT
            last = min(self.total - 1, (self.scroll_offset.y + 2 * height) // self.ROW_HEIGHT)
            for page_no in range(first // self.PAGE, last // self.PAGE + 1):
                if page_no not in self._pages:
                    self._request_page(page_no)
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self._base_style
        line = y + self.scroll_offset.y
        index, sub = divmod(line, self.ROW_HEIGHT)
        if self.total is None or index >= self.total:
            if index == 0 and sub == 0 and (self.error or self.total is None):
                return self._message_line(self.error or "loading…", width, base)
            return Strip.blank(width, base)
        row = self.row_at(index)
        highlighted = index == self.cursor
        cache_key = (self.row_key(row), sub, highlighted, highlighted and self.has_focus, width) if row is not None else None
        cached = self._strips.get(cache_key) if cache_key is not None else None
        if cached is not None:
            return cached
        if row is None:
            text = Text("…" if sub == 0 else "", style=self.get_component_rich_style("paged-list--loading"))
        else:
            lines = self.render_row(row, width, highlighted)
            text = lines[sub] if sub < len(lines) else Text()
        style = base
        if highlighted:
            cursor_class = "paged-list--cursor" if self.has_focus else "paged-list--cursor-blurred"
            style = base + self.get_component_rich_style(cursor_class)
        # On the cursor row the cursor's colours win; bold/italic/underline stay.
        strip = text_strip(text, self.app.console, width, style, keep_colours=not highlighted)
        if cache_key is not None:
            self._strips[cache_key] = strip
        return strip

    def _message_line(self, message: str, width: int, base: Style) -> Strip:
        text = Text(message, style=self.get_component_rich_style("paged-list--loading"))
        return text_strip(text, self.app.console, width, base)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips.clear()

    def on_focus(self) -> None:
        self.refresh_lines(self.cursor * self.ROW_HEIGHT, self.ROW_HEIGHT)

    def on_blur(self) -> None:
        self.refresh_lines(self.cursor * self.ROW_HEIGHT, self.ROW_HEIGHT)

    def on_resize(self) -> None:
        if self.total is not None:
            self.virtual_size = Size(self.size.width, self.total * self.ROW_HEIGHT)
