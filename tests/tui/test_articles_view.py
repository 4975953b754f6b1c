"""Pilot tests for view 1 (Articles): sources, the virtual list, the reader and its keys."""

from __future__ import annotations

import json
import re

import pytest
from textual.events import MouseScrollDown

from tests.tui.conftest import AppFactory
from tests.tui.helpers import press, row, screen_text, settle
from tests.tui.seed import Seeded
from vznews.tui.screens.articles import ArticlesScreen
from vznews.tui.screens.entity import EntityScreen
from vznews.tui.widgets.lists import ArticleList
from vznews.tui.widgets.reader import ArticleText
from vznews.tui.widgets.sources import SourcesPane

pytestmark = pytest.mark.anyio  # async tests run on asyncio (anyio's plugin; see conftest.anyio_backend)


def _list(app) -> ArticleList:  # type: ignore[no-untyped-def]
    return app.screen.query_one("#article-list", ArticleList)


def _reader(app) -> str:  # type: ignore[no-untyped-def]
    return app.screen.query_one("#reader", ArticleText).text.plain


async def test_opens_on_sources_list_and_reader(seeded: Seeded, make_app: AppFactory) -> None:
    app = make_app(seeded)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, ArticlesScreen)
        assert _list(app).total == 30 and app.focused is _list(app)
        text = screen_text(app)
        for expected in ("Sources", "All", "Unread", "Starred", "Feeds", "Andes Wire", "Tags", "venezuela", "Entities", "Nicolás Maduro"):
            assert expected in text
        assert "Articles: All (30)" in text
        assert "Electoral council sets date for regional vote (0)" in _reader(app)
        assert "Quotes in this article (2)" in text and "Entities in this article (4)" in text


async def test_j_k_g_G_arrows_move_and_the_reader_follows(seeded: Seeded, make_app: AppFactory) -> None:
    app = make_app(seeded)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await press(pilot, "j", "j", "down")
        assert _list(app).cursor == 3
        assert "Assembly head calls for dialogue (3)" in _reader(app)
        await press(pilot, "k", "up")
        assert _list(app).cursor == 1
        await press(pilot, "G")
        assert _list(app).cursor == 29 and "(29)" in _reader(app)
        await press(pilot, "g")
        assert _list(app).cursor == 0 and "(0)" in _reader(app)
        await press(pilot, "end", "home", "pagedown")
        assert _list(app).cursor > 10


async def test_enter_opens_the_article_and_marks_it_read(seeded: Seeded, make_app: AppFactory) -> None:
    app = make_app(seeded)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await press(pilot, "j")
        assert row(seeded.path, "SELECT is_read FROM articles WHERE id = 2") == (0,)
        await press(pilot, "enter")
        assert row(seeded.path, "SELECT is_read FROM articles WHERE id = 2") == (1,)
        assert isinstance(app.focused, ArticleText)
        assert _list(app).highlighted_row.is_read
        assert re.search(r"Unread +19 ", screen_text(app))
        await press(pilot, "escape")
        assert app.focused is _list(app)


async def test_m_and_s_toggle_read_and_star(seeded: Seeded, make_app: AppFactory) -> None:
    app = make_app(seeded)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await press(pilot, "m")
        assert row(seeded.path, "SELECT is_read FROM articles WHERE id = 1") == (0,)
        await press(pilot, "m", "s")
        assert row(seeded.path, "SELECT is_read, is_starred FROM articles WHERE id = 1") == (1, 1)
        assert _list(app).highlighted_row.is_starred
        await press(pilot, "s")
        assert row(seeded.path, "SELECT is_starred FROM articles WHERE id = 1") == (0,)


async def test_n_and_p_go_to_next_and_previous_unread(seeded: Seeded, make_app: AppFactory) -> None:
    app = make_app(seeded)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await press(pilot, "n")
        assert _list(app).cursor == 1 and row(seeded.path, "SELECT is_read FROM articles WHERE id = 2") == (1,)
        await press(pilot, "n")
        assert _list(app).cursor == 2  # article 3 is the next unread
        await press(pilot, "n")
        assert _list(app).cursor == 4  # article 4 was read already
        await press(pilot, "p")
        assert _list(app).cursor == 2 or row(seeded.path, "SELECT is_read FROM articles WHERE id = 3") == (1,)


async def test_u_shows_unread_only_and_is_remembered(seeded: Seeded, make_app: AppFactory, tmp_path) -> None:  # type: ignore[no-untyped-def]
    app = make_app(seeded)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await press(pilot, "u")
        assert _list(app).total == 20 and "unread only" in screen_text(app)
        await press(pilot, "q")
    assert json.loads((tmp_path / "state.json").read_text())["unread_only"] is True
    again = make_app(seeded)
    async with again.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert again.unread_only and _list(again).total == 20
        await press(pilot, "u")
        assert _list(again).total == 30


async def test_sources_pane_picks_feed_tag_and_entity(seeded: Seeded, make_app: AppFactory) -> None:
    app = make_app(seeded)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await press(pilot, "shift+tab")
        assert isinstance(app.focused, SourcesPane)
        await press(pilot, "j", "j", "j", "enter")  # All, Unread, Starred, (the heading is skipped) Andes Wire
        assert _list(app).total == 10 and app.focused is _list(app)
        assert {_list(app).row_at(i).feed_name for i in range(10)} == {"Andes Wire"}
        sources = app.screen.query_one(SourcesPane)
        sources.focus()
        await press(pilot, "j", "j", "enter")  # Prensa Libre: its last sync failed
        assert "last sync failed: HTTP 503 from 127.0.0.1" in screen_text(app)
        sources.focus()
        await press(pilot, "G", "enter")  # the last top entity
        assert _list(app).filter.kind == "entity" and _list(app).total == 5
        sources.focus()
        await press(pilot, "g", "j", "j", "enter")  # Starred
        assert _list(app).total == 2


async def test_tab_cycles_panes_and_escape_comes_back(seeded: Seeded, make_app: AppFactory) -> None:
    app = make_app(seeded)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        seen = []
        for _ in range(4):
            await press(pilot, "tab")
            seen.append(app.focused.id)
        assert seen == ["reader", "article-quotes", "article-entities", "sources"]
        await press(pilot, "tab", "tab", "escape")
        assert app.focused is _list(app)


async def test_reader_highlights_quotes_shows_speakers_marks_entities(seeded: Seeded, make_app: AppFactory) -> None:
    app = make_app(seeded)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        reader = app.screen.query_one("#reader", ArticleText)
        text = reader.text
        quote = "We will not accept delays on the vote question"
        start = text.plain.index(quote)
        styles = reader.reader_styles()
        assert any(s.start <= start and s.end >= start + len(quote) and s.style == styles.quote for s in text.spans)
        assert "⟨Edmundo González⟩" in text.plain and "⟨Nicolás Maduro, president⟩" in text.plain
        council = text.plain.index("National Electoral Council")
        assert any(s.start == council and s.style == styles.entity for s in text.spans)


async def test_entity_and_speaker_under_the_reader_open_their_pages(seeded: Seeded, make_app: AppFactory) -> None:
    app = make_app(seeded)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.screen.query_one("#article-entities").focus()
        await press(pilot, "j", "j", "enter")  # Caracas (the first j highlights the first)
        assert isinstance(app.screen, EntityScreen) and app.screen.page.entity.name == "Caracas"
        await press(pilot, "escape")
        assert isinstance(app.screen, ArticlesScreen)
        app.screen.query_one("#article-quotes").focus()
        await press(pilot, "j", "j", "enter")  # the second quote: Maduro
        assert isinstance(app.screen, EntityScreen) and app.screen.page.entity.name == "Nicolás Maduro"


async def test_o_opens_and_y_copies_the_link(seeded: Seeded, make_app: AppFactory, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    opened: list[str] = []
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.setattr("webbrowser.open", lambda url: opened.append(url) or True)
    app = make_app(seeded)
    copied: list[str] = []
    app.copy_to_clipboard = copied.append  # type: ignore[method-assign]
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await press(pilot, "j", "o")
        assert opened == ["https://news.example/1"]
        await press(pilot, "y")
        assert copied == ["https://news.example/1"]
        monkeypatch.delenv("DISPLAY")
        monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
        monkeypatch.delenv("BROWSER", raising=False)
        await press(pilot, "o")  # no graphical browser: the link is copied instead
        assert copied == ["https://news.example/1"] * 2 and opened == ["https://news.example/1"]


async def test_mouse_click_selects_and_opens_and_wheel_scrolls(seeded: Seeded, make_app: AppFactory) -> None:
    app = make_app(seeded)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.click("#article-list", offset=(10, 3))  # row 2 (the border is line 0)
        await settle(pilot)
        assert _list(app).cursor == 2 and "(2)" in _reader(app)
        await pilot.click("#article-list", offset=(10, 3))  # a second click opens it
        await settle(pilot)
        assert row(seeded.path, "SELECT is_read FROM articles WHERE id = 3") == (1,)
        lst = _list(app)
        before = lst.scroll_offset.y
        for _ in range(3):
            lst.post_message(MouseScrollDown(lst, 10, 5, 0, 0, 0, False, False, False))
        await settle(pilot)
        assert lst.scroll_offset.y > before


async def test_help_lists_every_key_and_q_quits(seeded: Seeded, make_app: AppFactory) -> None:
    app = make_app(seeded)
    async with app.run_test(size=(120, 50)) as pilot:
        await settle(pilot)
        await press(pilot, "question_mark")
        text = screen_text(app)
        for key in ("j k", "g G", "enter", "escape", "tab / shift+tab", "n / p", "m", "s", "u", "o", "y", "/", "r", "?", "q", "ctrl+p"):
            assert key in text, key
        await press(pilot, "escape")
        assert isinstance(app.screen, ArticlesScreen)
        await press(pilot, "q")
    assert app.return_code == 0 and not app.is_running


async def test_footer_shows_the_focused_panes_keys(seeded: Seeded, make_app: AppFactory) -> None:
    app = make_app(seeded)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        footer = screen_text(app).splitlines()[-1]
        assert "Open" in footer and "Next unread" in footer and "Star" in footer and "Sync" in footer
        app.screen.query_one("#article-entities").focus()
        await settle(pilot)
        assert "Go to page" in screen_text(app).splitlines()[-1]
        app.screen.query_one(SourcesPane).focus()
        await settle(pilot)
        assert "Show" in screen_text(app).splitlines()[-1]


async def test_theme_change_restyles_the_open_article(seeded: Seeded, make_app: AppFactory) -> None:
    app = make_app(seeded)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        reader = app.screen.query_one("#reader", ArticleText)
        before = reader.text.spans[0].style
        app.theme = "textual-light"
        await settle(pilot)
        after = reader.text.spans[0].style
        assert after != before and after == reader.reader_styles().title
