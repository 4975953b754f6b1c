"""Search (/): articles, quotes and entities at once (FTS5: phrases, prefix*, -exclude),
results as you type, grouped by kind; enter opens. Escape goes back."""

from __future__ import annotations

import re
from typing import Any, ClassVar

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Input, Static

from vznews.tui.messages import OpenArticle, OpenEntity
from vznews.tui.screens.base import BaseScreen
from vznews.tui.textfmt import fg, safe, short_when
from vznews.tui.widgets.filter_input import FilterInput
from vznews.tui.widgets.result_list import Entry, ResultList

LIMITS = {"articles": 20, "quotes": 20, "entities": 8}
GROUPS = ("entities", "articles", "quotes")  # entities first: few, one line each
TITLES = {"articles": "Articles", "quotes": "Quotes", "entities": "Entities"}


class SearchResults(ResultList):
    """The grouped results list (its component classes style matches and details)."""

    COMPONENT_CLASSES: ClassVar[set[str]] = ResultList.COMPONENT_CLASSES | {"search--match", "search--detail", "search--heading"}


class SearchScreen(BaseScreen):
    """A query box over grouped results."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "back", "Back")]

    class Found(Message, bubble=False):
        """Some kinds of result for one query arrived from the worker (kind -> hits; "count" -> a total)."""

        def __init__(self, token: int, found: dict[str, Any], error: str | None = None) -> None:
            super().__init__()
            self.token, self.found, self.error = token, found, error

    def __init__(self) -> None:
        super().__init__()
        self._token = 0
        self.groups: dict[str, tuple[list[Any], int | None]] = {}
        self.error: str | None = None

    @property
    def VIEW(self) -> str:  # type: ignore[override]
        return self.app.current_mode

    def compose_body(self) -> ComposeResult:
        yield FilterInput(placeholder='words, "a phrase", prefix*, -exclude', id="search-input")
        yield Static(id="search-status")
        yield SearchResults(id="search-results")

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#search-input").border_title = "Search articles, quotes and entities"
        self.query_one("#search-results").border_title = "Results"
        self._status("Type to search. Enter or ↓ moves to the results; enter opens one.")
        self.query_one("#search-input").focus()

    def _status(self, message: str) -> None:
        self.query_one("#search-status", Static).update(Text(message))

    def on_input_changed(self, event: Input.Changed) -> None:
        self._token += 1
        self.groups = {}
        self.error = None
        query = event.value.strip()
        if not query:
            self.query_one(SearchResults).clear()
            self._status("Type to search.")
            return
        token = self._token
        typed = as_you_type(query)
        self.run_worker(lambda: self._search(token, typed), thread=True, group="search", exit_on_error=False)

    def _search(self, token: int, query: str) -> None:
        from vznews.store import search

        db = self.app.store.db()
        # Two answers, so two repaints: entities (few, instant) with articles (the costly
        # ranking) first, in their final order; then quotes and the article count.
        steps = (
            (("entities", lambda: search.search_entities(db, query, limit=LIMITS["entities"])),
             ("articles", lambda: search.search_articles(db, query, limit=LIMITS["articles"]))),
            (("quotes", lambda: search.search_quotes(db, query, limit=LIMITS["quotes"])),
             ("count", lambda: search.count_matches(db, query))),
        )
        for step in steps:
            found: dict[str, Any] = {}
            for kind, call in step:
                if token != self._token:
                    return  # a newer query replaced this one
                try:
                    found[kind] = call()
                except search.SearchQueryError as exc:
                    self.post_message(self.Found(token, found, safe(str(exc), 300)))
                    return
                except Exception as exc:  # noqa: BLE001 - shown as one line (the count is only a nicety)
                    if kind != "count":
                        self.post_message(self.Found(token, found, safe(f"{type(exc).__name__}: {exc}", 300)))
                        return
            self.post_message(self.Found(token, found))

    def on_search_screen_found(self, message: Found) -> None:
        if message.token != self._token:
            return
        for kind, value in message.found.items():
            if kind == "count":
                hits, _ = self.groups.get("articles", ([], None))
                self.groups["articles"] = (hits, value)
            else:
                self.groups[kind] = (value, None)
        if message.error:
            self.error = message.error
            self._status(message.error)
            return
        self._redraw()

    def _redraw(self) -> None:
        results = self.query_one(SearchResults)
        keep = results.highlighted_entry.id if results.highlighted_entry is not None else None
        match = fg(results.get_component_rich_style("search--match"))
        detail = fg(results.get_component_rich_style("search--detail"))
        heading = fg(results.get_component_rich_style("search--heading"))
        entries: list[Entry] = []
        found = 0
        for kind in GROUPS:
            if kind not in self.groups:
                continue
            hits, total = self.groups[kind]
            found += len(hits)
            count = f"{total:,}" if total is not None else f"{len(hits)}{'+' if len(hits) >= LIMITS[kind] else ''}"
            entries.append(Entry((Text(f"{TITLES[kind]} ({count})", style=heading),)))
            for hit in hits:
                entries.append(Entry(self._prompt(kind, hit, match, detail), id=f"{kind[0]}{hit.id}"))
        results.set_entries(entries, keep=keep)
        done = len(self.groups) >= 3
        self._status(f"{found} results shown" + ("" if done else " (searching…)") if found or not done else "Nothing matches.")

    def _prompt(self, kind: str, hit: Any, match: Style, detail: Style) -> tuple[Text, ...]:
        now, tz = self.app.now(), self.app.tz
        width = max(20, self.query_one(SearchResults).scrollable_content_region.width - 2)
        when = short_when(hit.published, now, tz).strip() if kind != "entities" else ""
        if kind == "articles":
            first = marked(hit.title, match) if hit.title.text else Text("(untitled)")
            second = Text.assemble(Text(f"  {safe(hit.feed_name, 60)} · {when}  ", style=detail), marked(hit.snippet, match, detail))
        elif kind == "quotes":
            first = Text.assemble("“", marked(hit.text, match), "”")
            speaker = marked(hit.speaker, match) if hit.speaker is not None else Text("unknown speaker")
            second = Text.assemble("  — ", speaker, Text(f"  · {safe(hit.feed_name, 60)} · {when}", style=detail))
        else:
            first = Text.assemble(marked(hit.name, match), Text(f"  {hit.kind} · {hit.article_count:,} articles", style=detail))
            first.truncate(width, overflow="ellipsis")
            return (first,)
        for line in (first, second):
            line.truncate(width, overflow="ellipsis")
        return (first, second)

    def on_result_list_selected(self, event: ResultList.Selected) -> None:
        event.stop()
        option_id = event.entry.id or ""
        if not option_id:
            return
        kind, ident = option_id[0], int(option_id[1:])
        if kind == "a":
            self.post_message(OpenArticle(ident))
        elif kind == "q":
            hits, _ = self.groups.get("quotes", ([], None))
            hit = next((h for h in hits if h.id == ident), None)
            if hit is not None:
                self.post_message(OpenArticle(hit.article_id, hit.id))
        else:
            self.post_message(OpenEntity(entity_id=ident))

    def action_focus_results(self) -> None:
        results = self.query_one(SearchResults)
        if results.entries:
            results.focus()
            if results.highlighted is None:
                results.action_first()

    def action_back(self) -> None:
        results = self.query_one(SearchResults)
        if results.has_focus:
            self.query_one("#search-input").focus()
        else:
            self.dismiss()

    def store_changed(self) -> None:
        pass  # results stay as they are while a sync runs


_LAST_WORD = re.compile(r"(?:^|\s)([^\s\"*-][^\s\"*]*)$")


def as_you_type(query: str) -> str:
    """The query to run while the user is still typing it: an open phrase is closed and a
    bare last word becomes a prefix ("electoral cou" -> "electoral cou*")."""
    if query.count('"') % 2:
        return query + ('"*' if re.search(r"\w$", query) else '"')
    last = _LAST_WORD.search(query)
    if last and last.group(1) not in ("OR", "AND", "NOT") and re.search(r"\w$", query):
        return query + "*"
    return query


def marked(marked_text: Any, match: Style, base: Style | str = "") -> Text:
    """A search `Marked` (plain text + spans) as Text with the matched spans styled."""
    text = Text(marked_text.text, style=base)
    for start, end in marked_text.spans:
        text.stylize(match, start, end)
    return text
