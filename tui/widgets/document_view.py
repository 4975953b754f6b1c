"""A scrolling view of one long `Text`, wrapped to the pane (Line API).

Wrapping happens once per text and width; only visible lines are rendered. The view
knows which wrapped line holds any character offset, so it can scroll to a quote.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import ClassVar

from rich._wrap import divide_line
from rich.style import Style
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from vznews.tui.strips import text_strip


def wrap_text(text: Text, width: int) -> tuple[list[Text], list[int]]:
    """`text` wrapped to `width` cells: the lines, and the character offset each line starts at."""
    width = max(1, width)
    lines: list[Text] = []
    starts: list[int] = []
    offset = 0
    for paragraph in text.split("\n", allow_blank=True):
        plain = paragraph.plain
        if not plain:
            lines.append(paragraph)
            starts.append(offset)
        else:
            cuts = divide_line(plain, width, fold=True)
            for cut, piece in zip([0, *cuts], paragraph.divide(cuts)):
                piece.rstrip()
                lines.append(piece)
                starts.append(offset + cut)
        offset += len(plain) + 1
    return lines, starts


class DocumentView(ScrollView, can_focus=True):
    """Shows a `Text` wrapped to its width; j/k scroll, g/G jump, space pages."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "scroll_down", "Down", show=False),
        Binding("k,up", "scroll_up", "Up", show=False),
        Binding("g,home", "scroll_home", "Top", show=False),
        Binding("G,end", "scroll_end", "Bottom", show=False),
        Binding("space,pagedown", "page_down", "Page down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
    ]

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._text = Text()
        self._lines: list[Text] = []
        self._starts: list[int] = []
        self._wrapped_width = -1
        self._pending_offset: int | None = None
        self._strips: dict[tuple[int, int], Strip] = {}
        self._base_style = Style()

    @property
    def text(self) -> Text:
        """The text shown."""
        return self._text

    def set_text(self, text: Text, scroll_to: int | None = None) -> None:
        """Show `text` from the top (or scrolled so character `scroll_to` is on the first line)."""
        self._text = text
        self._wrapped_width = -1
        self._strips.clear()
        self._pending_offset = scroll_to
        self._rewrap()
        self.scroll_to(y=0, animate=False, immediate=True)
        if scroll_to is not None:
            # After the new virtual size is laid out, or the scroll would be clamped.
            self.call_after_refresh(self._scroll_to_pending)
        self.refresh()

    def _scroll_to_pending(self) -> None:
        if self._pending_offset is not None and self._lines:
            self.scroll_to_offset(self._pending_offset)
            self._pending_offset = None

    def line_of(self, offset: int) -> int:
        """The wrapped line that holds character `offset`."""
        return max(0, bisect_right(self._starts, offset) - 1)

    def scroll_to_offset(self, offset: int) -> None:
        """Scroll so the line holding character `offset` is at the top (with one line of context)."""
        self.scroll_to(y=max(0, self.line_of(offset) - 1), animate=False, immediate=True)

    def _rewrap(self) -> None:
        width = self.scrollable_content_region.width
        if width <= 0 or width == self._wrapped_width:
            return
        self._wrapped_width = width
        self._strips.clear()
        self._lines, self._starts = wrap_text(self._text, width)
        self.virtual_size = Size(width, len(self._lines))

    def on_resize(self) -> None:
        top = self._starts[self.scroll_offset.y] if self._starts and self.scroll_offset.y < len(self._starts) else None
        self._rewrap()
        if self._pending_offset is not None and self._lines:
            self.call_after_refresh(self._scroll_to_pending)
        elif top is not None:
            self.scroll_to(y=self.line_of(top), animate=False, immediate=True)

    def render_lines(self, crop: Region) -> list[Strip]:
        self._rewrap()
        self._base_style = self.rich_style  # once per repaint, not per line
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        style = self._base_style
        index = y + self.scroll_offset.y
        if index >= len(self._lines):
            return Strip.blank(width, style)
        cached = self._strips.get((index, width))
        if cached is not None:
            return cached
        strip = text_strip(self._lines[index].copy(), self.app.console, width, style)
        self._strips[(index, width)] = strip
        return strip

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips.clear()
