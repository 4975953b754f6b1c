"""The footer: the keys that matter in the focused pane, as one line of text.

Like Textual's Footer (it reads `screen.active_bindings` and follows the screen's
bindings signal) but drawn as a single `Text` instead of a widget per key, so a
focus change repaints one line instead of recomposing a dozen widgets.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import events
from textual.widget import Widget

from vznews.tui.textfmt import fg


class KeyBar(Widget):
    """`key description` pairs for the shown bindings; click one to press it."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"key-bar--key", "key-bar--description", "key-bar--disabled"}

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._spans: list[tuple[int, int, str]] = []

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: object) -> None:
        if self.is_attached and screen is self.screen:
            self.refresh()

    def render(self) -> Text:
        key_style = fg(self.get_component_rich_style("key-bar--key"))
        description_style = fg(self.get_component_rich_style("key-bar--description"))
        disabled_style = fg(self.get_component_rich_style("key-bar--disabled"))
        text = Text(no_wrap=True, overflow="ellipsis")
        self._spans = []
        seen: set[str] = set()
        for _node, binding, enabled, _tooltip in self.screen.active_bindings.values():
            if not binding.show or binding.action in seen:
                continue
            seen.add(binding.action)
            start = len(text)
            text.append(self.app.get_key_display(binding), key_style if enabled else disabled_style)
            text.append(f" {binding.description}", description_style if enabled else disabled_style)
            self._spans.append((start, len(text), binding.key.split(",")[0]))
            text.append("  ")
        text.rstrip()
        return text

    def on_click(self, event: events.Click) -> None:
        for start, end, key in self._spans:
            if start <= event.x < end:
                self.app.simulate_key(key)
                return
