"""A short list of multi-line entries drawn with the Line API: search results.

An OptionList re-measures and re-renders every option through Textual's content
pipeline whenever its options are replaced (measured: ~12 ms of a 20 ms repaint for
48 search results). Here each entry is a few lines of `rich.text.Text` made when the
results arrive; a repaint turns only the visible lines into strips, cached by width.
Entries without an id (group headings) are shown but never highlighted.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from rich.text import Text
from textual import events
from textual.binding import BindingType
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from vznews.tui.strips import text_strip
from vznews.tui.widgets.option_keys import CURSOR_LIST_KEYS


@dataclass(frozen=True)
class Entry:
    """One entry: its lines, and an id when it can be highlighted and selected."""

    lines: tuple[Text, ...]
    id: str | None = None


class ResultList(ScrollView, can_focus=True):
    """Entries one under another; a cursor over the ones with an id; enter selects."""

    BINDINGS: ClassVar[list[BindingType]] = [*CURSOR_LIST_KEYS]
    COMPONENT_CLASSES: ClassVar[set[str]] = {"result-list--cursor", "result-list--cursor-blurred"}

    class Selected(Message):
        """The user opened an entry (enter, or a click on the highlighted one)."""

        def __init__(self, result_list: ResultList, entry: Entry) -> None:
            super().__init__()
            self.result_list, self.entry = result_list, entry

        @property
        def control(self) -> ResultList:
            return self.result_list

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.entries: list[Entry] = []
        self.highlighted: int | None = None
        self._line_to_entry: list[tuple[int, int]] = []  # screen line -> (entry, line within it)
        self._first_line: list[int] = []
        self._strips: dict[tuple[int, int, bool, bool, int], Strip] = {}

    @property
    def highlighted_entry(self) -> Entry | None:
        """The entry under the cursor, if any."""
        return self.entries[self.highlighted] if self.highlighted is not None else None

    def set_entries(self, entries: list[Entry], keep: str | None = None) -> None:
        """Show `entries` from the top; the cursor stays on the entry with id `keep` if there is one."""
        self.entries = entries
        self._line_to_entry = [(index, sub) for index, entry in enumerate(entries) for sub in range(len(entry.lines))]
        self._first_line = []
        line = 0
        for entry in entries:
            self._first_line.append(line)
            line += len(entry.lines)
        ids = [entry.id for entry in entries]
        self.highlighted = ids.index(keep) if keep is not None and keep in ids else None
        self._strips.clear()
        self.virtual_size = Size(self.scrollable_content_region.width, len(self._line_to_entry))
        if self.highlighted is None:
            self.scroll_to(y=0, animate=False, immediate=True)
        self.refresh()

    def clear(self) -> None:
        """Show nothing."""
        self.set_entries([])

    # ---------------------------------------------------------------- cursor

    def _selectable(self) -> list[int]:
        return [index for index, entry in enumerate(self.entries) if entry.id is not None]

    def move_to(self, index: int | None) -> None:
        """Put the cursor on entry `index` (None: nowhere) and bring it into view."""
        self.highlighted = index
        self._strips.clear()
        self.refresh()
        if index is not None:
            top = self._first_line[index]
            self.scroll_to_region_lines(top, len(self.entries[index].lines))

    def scroll_to_region_lines(self, top: int, height: int) -> None:
        """Scroll the least that shows lines `top`..`top+height`."""
        view = max(1, self.scrollable_content_region.height)
        y = self.scroll_offset.y
        if top < y:
            self.scroll_to(y=top, animate=False, immediate=True)
        elif top + height > y + view:
            self.scroll_to(y=top + height - view, animate=False, immediate=True)

    def _step(self, direction: int, count: int = 1) -> None:
        selectable = self._selectable()
        if not selectable:
            return
        if self.highlighted is None or self.highlighted not in selectable:
            self.move_to(selectable[0] if direction > 0 else selectable[-1])
            return
        position = max(0, min(len(selectable) - 1, selectable.index(self.highlighted) + direction * count))
        self.move_to(selectable[position])

    def action_cursor_down(self) -> None:
        self._step(1)

    def action_cursor_up(self) -> None:
        self._step(-1)

    def action_first(self) -> None:
        selectable = self._selectable()
        self.move_to(selectable[0] if selectable else None)

    def action_last(self) -> None:
        selectable = self._selectable()
        self.move_to(selectable[-1] if selectable else None)

    def action_page_down(self) -> None:
        self._step(1, max(1, self.scrollable_content_region.height // 2))

    def action_page_up(self) -> None:
        self._step(-1, max(1, self.scrollable_content_region.height // 2))

    def action_select(self) -> None:
        entry = self.highlighted_entry
        if entry is not None and entry.id is not None:
            self.post_message(self.Selected(self, entry))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        line = offset.y + self.scroll_offset.y
        if not 0 <= line < len(self._line_to_entry):
            return
        index = self._line_to_entry[line][0]
        if self.entries[index].id is None:
            return
        if index == self.highlighted:
            self.action_select()
        else:
            self.move_to(index)

    # ---------------------------------------------------------------- drawing

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.rich_style
        line = y + self.scroll_offset.y
        if not 0 <= line < len(self._line_to_entry):
            return Strip.blank(width, base)
        index, sub = self._line_to_entry[line]
        highlighted = index == self.highlighted
        key = (index, sub, highlighted, highlighted and self.has_focus, width)
        strip = self._strips.get(key)
        if strip is None:
            style = base
            if highlighted:
                style = base + self.get_component_rich_style(
                    "result-list--cursor" if self.has_focus else "result-list--cursor-blurred"
                )
            text = Text.assemble(" ", self.entries[index].lines[sub])
            strip = self._strips[key] = text_strip(text, self.app.console, width, style, keep_colours=not highlighted)
        return strip

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips.clear()

    def on_resize(self, event: Any) -> None:
        self._strips.clear()
        self.virtual_size = Size(self.scrollable_content_region.width, len(self._line_to_entry))

    def on_focus(self) -> None:
        self._strips.clear()
        self.refresh()

    def on_blur(self) -> None:
        self._strips.clear()
        self.refresh()
