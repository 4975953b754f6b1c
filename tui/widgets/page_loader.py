"""The worker side of the virtual list: count, find the kept row, fetch pages.

These functions run in thread workers with the thread's own store connection and
answer with messages; a `generation` lets the list drop answers to an old query.
"""

from __future__ import annotations

from typing import Any

from textual.message import Message


class PageArrived(Message, bubble=False):
    """One page of rows for the list's current (or an older) query."""

    def __init__(self, generation: int, page: int, rows: list[Any]) -> None:
        super().__init__()
        self.generation, self.page, self.rows = generation, page, rows


class Reloaded(Message, bubble=False):
    """A reload's count, the cursor's new index and the page holding it."""

    def __init__(self, generation: int, total: int, cursor: int, page: int, rows: list[Any]) -> None:
        super().__init__()
        self.generation, self.total, self.cursor, self.page, self.rows = generation, total, cursor, page, rows


class LoadFailed(Message, bubble=False):
    """The store could not answer; `error` is one line."""

    def __init__(self, generation: int, error: str) -> None:
        super().__init__()
        self.generation, self.error = generation, error


def reload_work(paged: Any, generation: int, query: Any, keep_row: Any, target: int) -> None:
    """Count `query`'s rows, place the cursor on `keep_row` (else `target`), fetch its page."""
    try:
        db = paged.app.store.db()
        total = paged.count_rows(db, query)
        if keep_row is not None:
            found = paged.position_of(db, query, keep_row)
            target = found if found is not None else target
        target = max(0, min(target, total - 1))
        page = target // paged.PAGE
        rows = paged.fetch_rows(db, query, page * paged.PAGE, paged.PAGE) if total else []
    except Exception as exc:  # noqa: BLE001 - shown in the list, one line
        paged.post_message(LoadFailed(generation, f"{type(exc).__name__}: {exc}"))
        return
    paged.post_message(Reloaded(generation, total, target, page, rows))


def page_work(paged: Any, generation: int, query: Any, page_no: int) -> None:
    """Fetch page `page_no` of `query`."""
    try:
        rows = paged.fetch_rows(paged.app.store.db(), query, page_no * paged.PAGE, paged.PAGE)
    except Exception as exc:  # noqa: BLE001 - shown in the list, one line
        paged.post_message(LoadFailed(generation, f"{type(exc).__name__}: {exc}"))
        return
    paged.post_message(PageArrived(generation, page_no, rows))
