"""The reader: an article's document, and the article's quotes and entities.

`ArticleText` shows the document; `ArticleRefs` lists the quotes and entities, and
selecting one goes to the speaker's or entity's page. The data arrives from a worker
as an `ArticleLoaded` message; these widgets only draw.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from vznews.store.records import ArticleEntity, QuoteItem
from vznews.tui.document import ReaderStyles
from vznews.tui.messages import ArticleLoaded, OpenEntity
from vznews.tui.textfmt import KIND_NOTES, fg, quote_text, safe
from vznews.tui.widgets.option_keys import VI_OPTION_MOVES
from vznews.tui.widgets.document_view import DocumentView


class ArticleText(DocumentView):
    """The article's text; its component classes style titles, quotes, speakers and entities."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "reader--title",
        "reader--meta",
        "reader--link",
        "reader--quote",
        "reader--speaker",
        "reader--entity",
        "reader--note",
    }

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.loaded: ArticleLoaded | None = None

    def reader_styles(self) -> ReaderStyles:
        """The document styles for the current theme (read on the UI thread, used by workers)."""
        part = self.get_component_rich_style
        return ReaderStyles(
            title=fg(part("reader--title")),
            meta=fg(part("reader--meta")),
            link=fg(part("reader--link")),
            quote=part("reader--quote"),
            speaker=fg(part("reader--speaker")),
            entity=fg(part("reader--entity")),
        )

    def show(self, loaded: ArticleLoaded) -> None:
        """Draw a loaded article, scrolled to its quote if one was asked for."""
        self.loaded = loaded
        offsets = loaded.document.quote_offsets
        self.set_text(loaded.document.text, scroll_to=offsets.get(loaded.scroll_to_quote or -1))

    def show_note(self, note: Text | str) -> None:
        """Show a note instead of an article (nothing selected, empty list, errors)."""
        self.loaded = None
        if isinstance(note, str):
            note = Text(note, style=fg(self.get_component_rich_style("reader--note")))
        self.set_text(note)

    def scroll_to_quote(self, quote_id: int) -> None:
        """Scroll the open article to one of its quotes."""
        if self.loaded is not None and quote_id in self.loaded.document.quote_offsets:
            self.scroll_to_offset(self.loaded.document.quote_offsets[quote_id])


class RefList(OptionList):
    """A short list next to the reader (quotes or entities of the open article)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *VI_OPTION_MOVES,
        Binding("enter", "select", "Go to page"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(markup=False, id=id)


class ArticleRefs(Horizontal):
    """The open article's quotes and entities, side by side."""

    class QuoteHighlighted(Message):
        """The user moved onto one of the article's quotes (the reader scrolls to it)."""

        def __init__(self, quote_id: int) -> None:
            super().__init__()
            self.quote_id = quote_id

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.loaded: ArticleLoaded | None = None

    def compose(self) -> ComposeResult:
        yield RefList(id="article-quotes")
        yield RefList(id="article-entities")

    def on_mount(self) -> None:
        self.clear()

    def clear(self) -> None:
        """Empty both lists."""
        self.loaded = None
        for ref, title in zip(self.query(RefList), ("Quotes in this article", "Entities in this article")):
            ref.clear_options()
            ref.border_title = title

    def show(self, loaded: ArticleLoaded) -> None:
        """List a loaded article's quotes and entities."""
        self.loaded = loaded
        quotes = self.query_one("#article-quotes", RefList)
        quotes.set_options([Option(self._quote_prompt(item), id=f"q{item.id}") for item in loaded.quotes])
        quotes.border_title = f"Quotes in this article ({len(loaded.quotes)})"
        entities = self.query_one("#article-entities", RefList)
        entities.set_options([Option(self._entity_prompt(item), id=f"e{item.id}") for item in loaded.entities])
        entities.border_title = f"Entities in this article ({len(loaded.entities)})"

    @staticmethod
    def _quote_prompt(quote: QuoteItem) -> Text:
        speaker = safe(quote.speaker or quote.speaker_as_written or "unknown", 80)
        note = (" (" + KIND_NOTES[quote.kind].rstrip(": ") + ")", "dim") if quote.kind in KIND_NOTES else ""
        return Text.assemble((speaker, "bold"), note, ": ", quote_text(quote.text, quote.kind, 400))

    @staticmethod
    def _entity_prompt(entity: ArticleEntity) -> Text:
        return Text.assemble(safe(entity.name, 120), (f"  {entity.kind} ×{entity.count}", "dim"))

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        option_id = event.option.id or ""
        if option_id.startswith("q") and event.option_list.has_focus:
            self.post_message(self.QuoteHighlighted(int(option_id[1:])))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        option_id = event.option.id or ""
        if self.loaded is None or not option_id:
            return
        kind, ident = option_id[0], int(option_id[1:])
        if kind == "e":
            self.post_message(OpenEntity(entity_id=ident))
            return
        quote = next((item for item in self.loaded.quotes if item.id == ident), None)
        if quote is not None:
            self.post_message(OpenEntity(entity_id=quote.entity_id, name=quote.speaker or quote.speaker_as_written))
