"""Markup and escape sequences in feed text (titles, bodies, quotes, names) are shown
literally and do nothing: no styles, no links, no actions, no terminal escapes."""

from __future__ import annotations

from typing import Iterator

import pytest
from rich.segment import Segment

from tests.tui.conftest import AppFactory
from tests.tui.helpers import press, screen_text, settle
from tests.tui.seed import Seeded
from vznews.tui.screens.article import ArticleScreen
from vznews.tui.screens.entity import EntityScreen
from vznews.tui.screens.search import SearchScreen

pytestmark = pytest.mark.anyio  # async tests run on asyncio (anyio's plugin; see conftest.anyio_backend)

LITERALS = ("[bold red]Boom[/]", "[@click=app.quit]quit[/]", "[link=file:///etc/passwd]pw[/link]")


def _segments(app) -> Iterator[Segment]:  # type: ignore[no-untyped-def]
    for strip in app.screen._compositor.render_strips():
        yield from strip


def _assert_inert(app) -> None:  # type: ignore[no-untyped-def]
    text = screen_text(app)
    assert "\x1b" not in text and "\x07" not in text and "pwned" not in text
    for segment in _segments(app):
        style = segment.style
        if style is None:
            continue
        assert not style.link, segment
        assert "app.quit" not in str(style.meta.get("@click", "")), segment
        assert not style.blink and not style.reverse, segment


async def test_articles_view_shows_hostile_text_literally(hostile: Seeded, make_app: AppFactory) -> None:
    app = make_app(hostile)
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(pilot)
        text = screen_text(app)
        for literal in LITERALS:
            assert literal in text, literal
        body = app.screen.query_one("#reader").text.plain
        assert "Body with [bold]markup[/bold] and [@click=app.quit]click me[/] and clear and [link=file:///etc/passwd]passwd" in body
        assert "[blink]Shout[/blink] now" in text and "⟨[red]Evil[/red], [b]boss[/b]⟩" in text
        assert "[red]Evil[/red] Corp" in text and "[reverse]Evil Feed[/]" in text and "[b]tag[/b]" in text
        _assert_inert(app)
        reader = app.screen.query_one("#reader")
        line = next(y for y, row in enumerate(text.splitlines()) if "[@click=app.quit]" in row and "Boom" not in row)
        column = text.splitlines()[line].index("[@click=app.quit]")
        await pilot.click(offset=(column + 3, line))  # clicking the literal "action" does nothing
        await settle(pilot)
        assert app.is_running and reader is not None


async def test_quotes_entity_page_and_article_page_stay_literal(hostile: Seeded, make_app: AppFactory) -> None:
    app = make_app(hostile)
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(pilot)
        await press(pilot, "2")
        assert "“[blink]Shout[/blink] now”" in screen_text(app) and "— [red]Evil[/red], [b]boss[/b]" in screen_text(app)
        _assert_inert(app)
        await press(pilot, "e")
        assert isinstance(app.screen, EntityScreen)
        text = screen_text(app)
        assert "[red]Evil[/red] Corp" in text and "Quotes by [red]Evil[/red] Corp (1)" in text
        _assert_inert(app)
        await press(pilot, "enter")
        assert isinstance(app.screen, ArticleScreen)
        for literal in LITERALS:
            assert literal in screen_text(app)
        _assert_inert(app)


async def test_search_filters_and_palette_take_markup_as_text(hostile: Seeded, make_app: AppFactory) -> None:
    app = make_app(hostile)
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(pilot)
        await press(pilot, "slash")
        assert isinstance(app.screen, SearchScreen)
        for char in "boom":
            await pilot.press(char)
        await settle(pilot)
        assert "[bold red]Boom[/]" in screen_text(app)
        _assert_inert(app)
        await press(pilot, "escape", "escape", "2")
        app.screen.query_one("#speaker-filter").focus()
        for key in ("left_square_bracket", "r", "e", "d", "right_square_bracket", "e", "v"):
            await pilot.press(key)
        await settle(pilot)
        assert app.screen.query_one("#quote-list").total == 1  # "[red]ev": the words red and ev*
        assert "speaker “[red]ev”" in screen_text(app)
        await press(pilot, "escape", "ctrl+p")
        for char in "go to entity evil":
            await pilot.press(char if char != " " else "space")
        await pilot.pause(0.3)
        await settle(pilot)
        assert "Go to entity: [red]Evil[/red] Corp" in screen_text(app)
        _assert_inert(app)
