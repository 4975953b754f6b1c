"""The cursor keys the explorer's lists share: vi moves for short option lists, and the
whole set (arrows, home/end, paging, enter) for the lists drawn line by line."""

from __future__ import annotations

from textual.binding import Binding

VI_OPTION_MOVES: list[Binding] = [
    Binding("j", "cursor_down", "Down", show=False),
    Binding("k", "cursor_up", "Up", show=False),
    Binding("g", "first", "Top", show=False),
    Binding("G", "last", "Bottom", show=False),
]

# PagedList and ResultList: the same actions, named as both implement them.
CURSOR_LIST_KEYS: list[Binding] = [
    Binding("j,down", "cursor_down", "Down", show=False),
    Binding("k,up", "cursor_up", "Up", show=False),
    Binding("g,home", "first", "Top", show=False),
    Binding("G,end", "last", "Bottom", show=False),
    Binding("pagedown,space", "page_down", "Page down", show=False),
    Binding("pageup", "page_up", "Page up", show=False),
    Binding("enter", "select", "Open"),
]
