"""Turning one line of `rich.text.Text` into a Textual `Strip` for Line API widgets."""

from __future__ import annotations

from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.strip import Strip


def _attributes(style: Style | None) -> Style:
    """A style's text attributes without its colours."""
    if style is None:
        return Style()
    return Style(bold=style.bold, italic=style.italic, underline=style.underline, strike=style.strike)


def text_strip(text: Text, console: Console, width: int, base: Style, keep_colours: bool = True) -> Strip:
    """`text` (one line) on `base`, cut with an ellipsis or padded to exactly `width` cells.

    With `keep_colours` False the base colours win and only bold/italic/underline
    survive (a cursor row stays readable whatever the text's own colours).
    """
    text.truncate(width, overflow="ellipsis")
    parts = [s for s in text.render(console) if s.text != "\n"]
    if keep_colours:
        segments = [Segment(s.text, base + s.style if s.style else base) for s in parts]
    else:
        segments = [Segment(s.text, base + _attributes(s.style)) for s in parts]
    return Strip(segments).extend_cell_length(width, base).crop(0, width)
