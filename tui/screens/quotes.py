"""View 2, Quotes: every quote newest first, filtered by speaker and text as you type;
enter opens the article scrolled to the quote, e opens the speaker's page."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import Input

from vznews.tui.messages import OpenArticle, OpenEntity
from vznews.tui.screens.base import BaseScreen
from vznews.tui.widgets.filter_input import FilterInput
from vznews.tui.widgets.lists import QuoteList, QuoteQuery
from vznews.tui.widgets.paged_list import PagedList


class QuotesScreen(BaseScreen):
    """Two filter boxes over a virtual list of quotes."""

    VIEW = "quotes"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("e", "speaker", "Speaker page"),
        Binding("escape", "back", "Back", show=False),
    ]

    def compose_body(self) -> ComposeResult:
        with Horizontal(id="quote-filters", classes="filters"):
            yield FilterInput(placeholder="speaker…", id="speaker-filter")
            yield FilterInput(placeholder="words in the quote…", id="text-filter")
        yield QuoteList(id="quote-list")

    def on_mount(self) -> None:
        super().on_mount()
        self.quotes.now = self.app.now()
        self.quotes.border_title = "Quotes"
        self.query_one("#speaker-filter", Input).border_title = "Speaker"
        self.query_one("#text-filter", Input).border_title = "Text"
        self.quotes.focus()

    @property
    def quotes(self) -> QuoteList:
        return self.query_one("#quote-list", QuoteList)

    def store_ready(self) -> None:
        self.quotes.reload()

    def on_input_changed(self, event: Input.Changed) -> None:
        speaker = self.query_one("#speaker-filter", Input).value.strip() or None
        text = self.query_one("#text-filter", Input).value.strip() or None
        self.quotes.filters = QuoteQuery(speaker=speaker, text=text)
        if self.app.store_status == "ready":
            self.quotes.reload(keep=False)

    def on_paged_list_loaded(self, event: PagedList.Loaded) -> None:
        filters = self.quotes.filters
        what = " · ".join(f"{k} “{v}”" for k, v in (("speaker", filters.speaker), ("text", filters.text)) if v)
        # Text, not a str: a typed filter like "[b" is not markup
        self.quotes.border_title = Text(f"Quotes ({event.total:,})" + (f" · {what}" if what else ""))
        if event.total == 0 and self.quotes.error is None:
            self.quotes.border_subtitle = "no quotes match" if what else "no quotes yet: sync, then extraction finds them"
        else:
            self.quotes.border_subtitle = ""
        self.refresh_bindings()

    def on_paged_list_selected(self, event: PagedList.Selected) -> None:
        self.post_message(OpenArticle(event.row.article_id, event.row.id))

    def action_speaker(self) -> None:
        row = self.quotes.highlighted_row
        if row is not None and (row.entity_id is not None or row.speaker):
            self.post_message(OpenEntity(entity_id=row.entity_id, name=row.speaker or row.speaker_as_written))

    def action_back(self) -> None:
        if not self.quotes.has_focus:
            self.quotes.focus()

    def action_focus_results(self) -> None:
        self.quotes.focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "speaker":
            return self.quotes.highlighted_row is not None
        return True
