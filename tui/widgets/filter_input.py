"""A filter box over a list: typing filters, down or enter moves into the list."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.widgets import Input


class FilterInput(Input):
    """An Input whose down/enter keys hand focus to the screen's results (`action_focus_results`)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,enter", "screen.focus_results", "To the list", show=False),
    ]
