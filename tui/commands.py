"""The command palette (ctrl+p): the app's actions, plus "go to feed" and "go to entity".

Feed and entity names come from feeds and pages, so hits are built from `rich.text.Text`
(never Textual's markup-parsing highlighter).
"""

from __future__ import annotations

import asyncio
from functools import partial
from typing import Any, Iterable

from rich.text import Text
from textual.app import SystemCommand
from textual.command import DiscoveryHit, Hit, Hits, Provider

from vznews.tui.textfmt import safe

APP_COMMANDS: list[tuple[str, str, str]] = [
    ("Articles view", "Sources, articles and the reader (1)", "view('articles')"),
    ("Quotes view", "Every quote, filtered by speaker and text (2)", "view('quotes')"),
    ("Entities view", "People, organisations and places by articles (3)", "view('entities')"),
    ("Search", "Articles, quotes and entities (/)", "search"),
    ("Sync now", "Fetch every feed in the feeds file (r)", "sync"),
    ("Toggle unread only", "Show only unread articles, or all (u)", "toggle_unread"),
    ("Keys", "Every key of the explorer (?)", "help"),
]


def app_commands(app: Any) -> Iterable[SystemCommand]:
    """The app's own actions as palette commands."""
    for title, help_text, action in APP_COMMANDS:
        yield SystemCommand(title, help_text, partial(app.run_action, action))


def _feeds(app: Any) -> list[tuple[int, str]]:
    return app.store.db().execute("SELECT id, name FROM feeds ORDER BY name COLLATE NOCASE").fetchall()


def _entities(app: Any, name: str) -> list[Any]:
    from vznews.store import queries as q

    return q.list_entities(app.store.db(), name=name, limit=12)


class GoToProvider(Provider):
    """"Go to feed: …" for every feed, "Go to entity: …" for entities whose name matches."""

    async def startup(self) -> None:
        self.feeds: list[tuple[int, str]] = []
        if self.app.store_status == "ready":
            self.feeds = await asyncio.to_thread(_feeds, self.app)

    async def discover(self) -> Hits:
        for feed_id, name in self.feeds[:20]:
            label = Text.assemble("Go to feed: ", safe(name, 80))
            yield DiscoveryHit(label, partial(self.app.show_feed, feed_id, safe(name, 80)), text=label.plain)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for feed_id, name in self.feeds:
            plain = "Go to feed: " + safe(name, 80)
            if (score := matcher.match(plain)) > 0:
                yield Hit(score, Text(plain), partial(self.app.show_feed, feed_id, safe(name, 80)), text=plain)
        words = query.lower().removeprefix("go to entity").removeprefix(":").strip()
        if len(words) < 2 or self.app.store_status != "ready":
            return
        for entity in await asyncio.to_thread(_entities, self.app, words):
            plain = f"Go to entity: {safe(entity.name, 80)}"
            label = Text.assemble("Go to entity: ", (safe(entity.name, 80), "bold"), (f"  {entity.kind}", "dim"))
            yield Hit(0.9, label, partial(self.app.open_entity, entity.id), text=plain, help=f"{entity.article_count:,} articles")
