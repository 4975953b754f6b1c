"""A few pages of rows from a long list, least recently used dropped first.

The virtual list keeps only these pages (never the whole table); it asks a worker
for a page the first time a row on it is wanted and records the request as pending.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Callable, Generic, Hashable, Iterator, TypeVar

Row = TypeVar("Row")


class PageCache(Generic[Row]):
    """Pages of `page_size` rows by page number, at most `max_pages` of them."""

    def __init__(self, page_size: int, max_pages: int) -> None:
        self.page_size = page_size
        self.max_pages = max_pages
        self._pages: OrderedDict[int, list[Row]] = OrderedDict()
        self.pending: set[int] = set()

    def __contains__(self, page_no: int) -> bool:
        return page_no in self._pages

    def __len__(self) -> int:
        return len(self._pages)

    def get(self, index: int) -> tuple[bool, Row | None]:
        """(page loaded?, the row at `index` or None); a hit makes the page recently used."""
        page_no, offset = divmod(index, self.page_size)
        page = self._pages.get(page_no)
        if page is None:
            return False, None
        self._pages.move_to_end(page_no)
        return True, page[offset] if offset < len(page) else None

    def put(self, page_no: int, rows: list[Row], keep: int | None = None) -> None:
        """Store a page; drop the least recently used beyond the limit (never page `keep`)."""
        self.pending.discard(page_no)
        self._pages[page_no] = rows
        self._pages.move_to_end(page_no)
        while len(self._pages) > self.max_pages:
            oldest = next(iter(self._pages))
            if oldest == keep:
                self._pages.move_to_end(oldest)
                oldest = next(iter(self._pages))
            del self._pages[oldest]

    def clear(self) -> None:
        """Forget every page and pending request (the query changed)."""
        self._pages.clear()
        self.pending.clear()

    def replace(self, key: Callable[[Row], Hashable], wanted: Hashable, row: Row) -> list[int]:
        """Swap the cached rows whose key is `wanted` for `row`; their list indices."""
        changed = []
        for page_no, page in self._pages.items():
            for offset, old in enumerate(page):
                if key(old) == wanted:
                    page[offset] = row
                    changed.append(page_no * self.page_size + offset)
        return changed

    def rows(self) -> Iterator[Row]:
        """Every cached row."""
        for page in self._pages.values():
            yield from page
