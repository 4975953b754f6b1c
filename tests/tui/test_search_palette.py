"""Pilot tests for search (/) and the command palette (ctrl+p)."""

from __future__ import annotations

import json

import pytest

from tests.tui.conftest import AppFactory
from tests.tui.helpers import press, screen_text, settle
from tests.tui.seed import Seeded
from vznews.tui.screens.article import ArticleScreen
from vznews.tui.screens.articles import ArticlesScreen
from vznews.tui.screens.entity import EntityScreen
from vznews.tui.screens.search import SearchResults, SearchScreen
from vznews.tui.widgets.lists import ArticleList

pytestmark = pytest.mark.anyio  # async tests run on asyncio (anyio's plugin; see conftest.anyio_backend)


async def _type(pilot, text: str) -> None:  # type: ignore[no-untyped-def]
    for char in text:
        await pilot.press({" ": "space", '"': "quotation_mark", "-": "minus", "*": "asterisk"}.get(char, char))
    await settle(pilot)


async def test_search_groups_articles_quotes_and_entities_as_you_type(seeded: Seeded, make_app: AppFactory) -> None:
    app = make_app(seeded)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await press(pilot, "slash")
        assert isinstance(app.screen, SearchScreen)
        await _type(pilot, "cara")
        groups = app.screen.groups
        assert set(groups) == {"articles", "quotes", "entities"}
        assert groups["entities"][0][0].name.text == "Caracas"
        assert "Articles (20)" in screen_text(app)
        assert groups["quotes"][0] and len(groups["entities"][0]) == 1
        await _type(pilot, "cas people")  # "caracas people": narrower, as you type
        assert not app.screen.groups["entities"][0]
        assert app.screen.groups["quotes"][0] and all("Caracas" in hit.text.text for hit in app.screen.groups["quotes"][0])


async def test_search_phrase_prefix_and_exclude(seeded: Seeded, make_app: AppFactory) -> None:
    app = make_app(seeded)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await press(pilot, "slash")
        await _type(pilot, '"oil output" -dialogue')
        titles = [hit.title.text for hit in app.screen.groups["articles"][0]]
        assert titles and all(t.startswith("Oil output rises") for t in titles)
        assert app.screen.groups["articles"][1] == 5


async def test_enter_opens_article_quote_and_entity_results(seeded: Seeded, make_app: AppFactory) -> None:
    app = make_app(seeded)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await press(pilot, "slash")
        await _type(pilot, "maracaibo")
        await press(pilot, "enter")  # from the box to the results (first result highlighted)
        assert isinstance(app.focused, SearchResults)
        await press(pilot, "enter")  # entities come first
        assert isinstance(app.screen, EntityScreen) and app.screen.page.entity.name == "Maracaibo"
        await press(pilot, "escape")
        assert isinstance(app.screen, SearchScreen)
        results = app.screen.query_one(SearchResults)
        ids = [entry.id for entry in results.entries]
        results.move_to(next(i for i, key in enumerate(ids) if key and key.startswith("a")))
        await press(pilot, "enter")
        assert isinstance(app.screen, ArticleScreen) and app.screen.quote_id is None
        await press(pilot, "escape")
        results = app.screen.query_one(SearchResults)
        results.move_to(next(i for i, key in enumerate(ids) if key and key.startswith("q")))
        await press(pilot, "enter")
        assert isinstance(app.screen, ArticleScreen) and app.screen.quote_id is not None
        await press(pilot, "escape", "escape", "escape")
        assert isinstance(app.screen, ArticlesScreen)


async def test_malformed_query_says_so_and_nothing_found_too(seeded: Seeded, make_app: AppFactory) -> None:
    app = make_app(seeded)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await press(pilot, "slash")
        await _type(pilot, '"electoral cou')  # an open phrase is closed while typing
        assert app.screen.error is None and app.screen.groups["articles"][0]
        await press(pilot, *["backspace"] * 14)
        await _type(pilot, "-vote")
        assert "nothing to look for" in screen_text(app)
        await press(pilot, *["backspace"] * 5)
        await _type(pilot, "zzzzqqq")
        assert "Nothing matches." in screen_text(app)


async def test_palette_goes_to_feed_and_entity(seeded: Seeded, make_app: AppFactory) -> None:
    app = make_app(seeded)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await press(pilot, "ctrl+p")
        await _type(pilot, "go to feed andes")
        await pilot.pause(0.3)
        await press(pilot, "enter")
        assert isinstance(app.screen, ArticlesScreen)
        articles = app.screen.query_one(ArticleList)
        assert articles.filter.kind == "feed" and articles.total == 10
        await press(pilot, "ctrl+p")
        await _type(pilot, "go to entity machado")
        await pilot.pause(0.3)
        await press(pilot, "enter")
        assert isinstance(app.screen, EntityScreen) and app.screen.page.entity.name == "María Corina Machado"


async def test_palette_has_the_apps_actions_and_theme_is_remembered(seeded: Seeded, make_app: AppFactory, tmp_path) -> None:  # type: ignore[no-untyped-def]
    app = make_app(seeded)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        titles = [command.title for command in app.get_system_commands(app.screen)]
        for expected in ("Articles view", "Quotes view", "Entities view", "Search", "Sync now", "Toggle unread only", "Keys"):
            assert expected in titles
        assert any("theme" in title.lower() for title in titles)
        await press(pilot, "ctrl+p")
        await _type(pilot, "quotes view")
        await pilot.pause(0.3)
        await press(pilot, "enter")
        assert app.current_mode == "quotes"
        app.theme = "textual-light"
        await press(pilot, "q")
    state = json.loads((tmp_path / "state.json").read_text())
    assert state == {"view": "quotes", "unread_only": False, "theme": "textual-light"}
    again = make_app(seeded)
    async with again.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert again.theme == "textual-light" and again.current_mode == "quotes"
