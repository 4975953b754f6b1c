"""The search results list: headings are never highlighted, keys move over entries, enter selects."""

from __future__ import annotations

import pytest
from rich.text import Text
from textual.app import App, ComposeResult

from vznews.tui.widgets.result_list import Entry, ResultList

pytestmark = pytest.mark.anyio


class _Host(App[None]):
    def __init__(self) -> None:
        super().__init__()
        self.selected: list[str] = []

    def compose(self) -> ComposeResult:
        yield ResultList(id="results")

    def on_result_list_selected(self, event: ResultList.Selected) -> None:
        self.selected.append(event.entry.id or "")


def _entries() -> list[Entry]:
    heading = lambda title: Entry((Text(title),))  # noqa: E731
    item = lambda key: Entry((Text(f"[b]{key}[/b]"), Text("  detail")), id=key)  # noqa: E731 - markup stays text
    return [heading("Entities (1)"), item("e1"), heading("Articles (30)"), *[item(f"a{n}") for n in range(30)]]


async def test_keys_skip_headings_and_enter_selects() -> None:
    app = _Host()
    async with app.run_test(size=(60, 12)) as pilot:
        results = app.query_one(ResultList)
        results.set_entries(_entries())
        results.focus()
        await pilot.press("j")
        assert results.highlighted_entry.id == "e1"
        await pilot.press("j")
        assert results.highlighted_entry.id == "a0"  # the heading between is skipped
        await pilot.press("k", "k")
        assert results.highlighted_entry.id == "e1"
        await pilot.press("G")
        assert results.highlighted_entry.id == "a29" and results.scroll_offset.y > 0  # scrolled into view
        await pilot.press("g", "enter")
        assert app.selected == ["e1"]


async def test_the_cursor_stays_on_its_entry_when_results_are_replaced_and_text_is_literal() -> None:
    app = _Host()
    async with app.run_test(size=(60, 12)) as pilot:
        results = app.query_one(ResultList)
        results.set_entries(_entries())
        results.move_to(5)
        results.set_entries([Entry((Text("Quotes (0)"),)), *_entries()], keep=results.highlighted_entry.id)
        assert results.highlighted_entry.id == "a2"
        results.set_entries(_entries()[:2], keep="a2")
        assert results.highlighted is None
        await pilot.pause()
        lines = [strip.text for strip in (results.render_line(y) for y in range(3))]
        assert lines[1].strip() == "[b]e1[/b]"


async def test_space_and_page_keys_page_through_the_results() -> None:
    app = _Host()
    async with app.run_test(size=(60, 12)) as pilot:
        results = app.query_one(ResultList)
        results.set_entries(_entries())
        results.focus()
        await pilot.press("j")
        await pilot.press("space")
        paged = results.highlighted_entry.id
        assert paged not in ("e1", "a0") and results.scroll_offset.y > 0  # a page on, like every list
        await pilot.press("pageup")
        assert results.highlighted_entry.id != paged
