"""The frame around every view: the view bar on top and the sync progress line."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import events
from textual.widget import Widget
from textual.widgets import Static

from vznews.tui.textfmt import fg

VIEWS = (("articles", "1", "Articles"), ("quotes", "2", "Quotes"), ("entities", "3", "Entities"))


class ViewBar(Widget):
    """`vznews  1 Articles  2 Quotes  3 Entities  · context`: the current view stands out; click to switch."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"view-bar--current", "view-bar--key", "view-bar--context", "view-bar--app"}

    def __init__(self, current: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.current = current
        self.context = ""
        self._spans: list[tuple[int, int, str]] = []

    def set_context(self, context: str) -> None:
        """A short note after the tabs (the source shown, the unread-only toggle)."""
        self.context = context
        self.refresh()

    def render(self) -> Text:
        text = Text(" vznews ", style=self.get_component_rich_style("view-bar--app"))
        self._spans = []
        for mode, key, label in VIEWS:
            start = len(text)
            style = self.get_component_rich_style("view-bar--current") if mode == self.current else ""
            text.append(" ")
            text.append(key, fg(self.get_component_rich_style("view-bar--key")) if mode != self.current else style)
            text.append(f" {label} ", style)
            self._spans.append((start, len(text), mode))
        if self.context:
            text.append("  " + self.context, fg(self.get_component_rich_style("view-bar--context")))
        text.truncate(max(1, self.size.width), overflow="ellipsis")
        return text

    def on_click(self, event: events.Click) -> None:
        for start, end, mode in self._spans:
            if start <= event.x < end:
                self.app.run_action(f"view('{mode}')")


class SyncBar(Static):
    """One line of sync progress (feeds done, new articles, the last failure); hidden when idle."""

    def on_mount(self) -> None:
        self.watch(self.app, "sync_status", self._show)

    def _show(self, status: Text | None) -> None:
        self.display = status is not None
        if status is not None:
            self.update(status)
