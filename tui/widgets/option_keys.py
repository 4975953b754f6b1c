"""The vi-style moves every short option list in the explorer shares."""

from __future__ import annotations

from textual.binding import Binding

VI_OPTION_MOVES: list[Binding] = [
    Binding("j", "cursor_down", "Down", show=False),
    Binding("k", "cursor_up", "Up", show=False),
    Binding("g", "first", "Top", show=False),
    Binding("G", "last", "Bottom", show=False),
]
