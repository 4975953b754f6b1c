"""View 2, Quotes: every quote newest first, filtered by speaker and text as you type;
enter opens the article scrolled to the quote, e opens the speaker's page. Direct and
partly quoted words are listed; `i` switches to reported speech ("X said that ..."),
which is kept apart because it is the writer's words, not the speaker's."""

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
from vznews.tui.widgets.lists import QUOTED_KINDS, QuoteList, QuoteQuery
from vznews.tui.widgets.paged_list import PagedList


class QuotesScreen(BaseScreen):
    """Two filter boxes over a virtual list of quotes."""

    VIEW = "quotes"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("e", "speaker", "Speaker page"),
        Binding("i", "toggle_reported", "Quotes ⇄ reported"),
        Binding("escape", "back", "Back", show=False),
    ]
    reported = False  # listing reported speech instead of quotations

    def compose_body(self) -> ComposeResult:
        with Horizontal(id="quote-filters", classes="filters"):
            yield FilterInput(placeholder="speaker…", id="speaker-filter")
            yield FilterInput(placeholder="words in the quote…", id="text-filter")
        yield QuoteList(QuoteQuery(kinds=QUOTED_KINDS), id="quote-list")

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
        self._refilter()

    def action_toggle_reported(self) -> None:
        """Switch between quotations (direct and partly quoted) and reported speech."""
        self.reported = not self.reported
        self._refilter()

    def _refilter(self) -> None:
        speaker = self.query_one("#speaker-filter", Input).value.strip() or None
        text = self.query_one("#text-filter", Input).value.strip() or None
        kinds = ("indirect",) if self.reported else QUOTED_KINDS
        self.quotes.filters = QuoteQuery(speaker=speaker, text=text, kinds=kinds)
        if self.app.store_status == "ready":
            self.quotes.reload(keep=False)

    def on_paged_list_loaded(self, event: PagedList.Loaded) -> None:
        filters = self.quotes.filters
        what = " · ".join(f"{k} “{v}”" for k, v in (("speaker", filters.speaker), ("text", filters.text)) if v)
        # Text, not a str: a typed filter like "[b" is not markup
        title = "Reported speech" if self.reported else "Quotes"
        self.quotes.border_title = Text(f"{title} ({event.total:,})" + (f" · {what}" if what else ""))
        if event.total == 0 and self.quotes.error is None:
            empty = "no reported speech" if self.reported else "no quotes"
            self.quotes.border_subtitle = f"{empty} match" if what else f"{empty} yet: sync, then extraction finds them"
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
