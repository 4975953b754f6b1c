"""The sources pane: All, Unread, Starred, then feeds, tags and top entities with unread counts."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from vznews.store.records import ArticleFilter, SourceCount, Sources
from vznews.tui.textfmt import fg, safe
from vznews.tui.widgets.option_keys import VI_OPTION_MOVES


class SourcesPane(OptionList):
    """Pick which articles the list shows; enter applies the source."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *VI_OPTION_MOVES,
        Binding("enter", "select", "Show"),
    ]
    COMPONENT_CLASSES: ClassVar[set[str]] = OptionList.COMPONENT_CLASSES | {
        "sources--heading",
        "sources--count",
        "sources--error",
    }

    class Chosen(Message):
        """The user picked a source."""

        def __init__(self, flt: ArticleFilter, label: str, error: str | None) -> None:
            super().__init__()
            self.filter, self.label, self.error = flt, label, error

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(markup=False, id=id)
        self.sources: Sources | None = None
        self._entries: dict[str, tuple[ArticleFilter, str, str | None]] = {}

    def show(self, sources: Sources) -> None:
        """Redraw from fresh counts, keeping the highlighted entry."""
        self.sources = sources
        keep = self.highlighted_option.id if self.highlighted_option is not None else None
        error_style = fg(self.get_component_rich_style("sources--error"))
        count_style = fg(self.get_component_rich_style("sources--count"))
        options: list[Option] = []
        self._entries.clear()

        def add(key: str, label: str, count: int, flt: ArticleFilter, mark: str = " ", error: str | None = None) -> None:
            self._entries[key] = (flt, label, error)
            # A grid fits any width: the name is cut, the count stays right-aligned.
            row = Table.grid(expand=True)
            row.add_column(width=2, no_wrap=True)
            row.add_column(ratio=1, no_wrap=True, overflow="ellipsis")
            row.add_column(justify="right", no_wrap=True)
            row.add_row(
                Text(mark, style=error_style if error else ""),
                Text(label),
                Text(f" {count:,}" if count else "", style=count_style),
            )
            options.append(Option(row, id=key))

        def heading(title: str) -> None:
            options.append(Option(Text(title, style=fg(self.get_component_rich_style("sources--heading"))), disabled=True))

        add("all", "All", sources.total, ArticleFilter("all"), "●")
        add("unread", "Unread", sources.unread, ArticleFilter("unread"), "○")
        add("starred", "Starred", sources.starred, ArticleFilter("starred"), "★")
        if sources.feeds:
            heading("▸ Feeds")
            for feed in sources.feeds:
                self._add_count(add, "feed", feed)
        if sources.tags:
            heading("▸ Tags")
            for tag in sources.tags:
                self._add_count(add, "tag", tag)
        if sources.top_entities:
            heading("▸ Entities")
            for entity in sources.top_entities:
                add(f"entity:{entity.id}", safe(entity.name, 80), entity.article_count, ArticleFilter("entity", entity.id))
        self.clear_options()
        self.add_options(options)
        ids = [option.id for option in options]
        self.highlighted = ids.index(keep) if keep is not None and keep in ids else 0

    @staticmethod
    def _add_count(add, prefix: str, source: SourceCount) -> None:  # type: ignore[no-untyped-def]
        error = safe(source.error, 200) if source.error else None
        add(f"{prefix}:{source.filter.value}", safe(source.label, 80), source.unread, source.filter, "!" if error else " ", error)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        entry = self._entries.get(event.option.id or "")
        if entry is not None:
            self.post_message(self.Chosen(*entry))


