"""Pilot tests for view 2 (Quotes), view 3 (Entities), the entity page and the article page."""

from __future__ import annotations

import pytest

from tests.tui.conftest import AppFactory
from tests.tui.helpers import press, row, screen_text, settle
from tests.tui.seed import Seeded
from vznews.tui.screens.article import ArticleScreen
from vznews.tui.screens.entities import EntitiesScreen
from vznews.tui.screens.entity import EntityScreen
from vznews.tui.screens.quotes import QuotesScreen
from vznews.tui.widgets.lists import EntityList, QuoteList
from vznews.tui.widgets.reader import ArticleText

pytestmark = pytest.mark.anyio  # async tests run on asyncio (anyio's plugin; see conftest.anyio_backend)


async def _type(pilot, text: str) -> None:  # type: ignore[no-untyped-def]
    for char in text:
        await pilot.press(char if char != " " else "space")
    await settle(pilot)


async def test_quotes_view_lists_every_quote_newest_first(seeded: Seeded, make_app: AppFactory) -> None:
    app = make_app(seeded)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await press(pilot, "2")
        assert isinstance(app.screen, QuotesScreen)
        quotes = app.screen.query_one(QuoteList)
        assert quotes.total == 60 and app.focused is quotes
        text = screen_text(app)
        assert "“We will not accept delays on the vote question”" in text
        assert "— Edmundo González" in text and "Caracas Chronicle · 00:30" in text and "Andes Wire · Mar 02" in text
        assert "Nicolás Maduro, president" in text


async def test_quote_filters_as_you_type(seeded: Seeded, make_app: AppFactory) -> None:
    app = make_app(seeded)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await press(pilot, "2", "tab")
        quotes = app.screen.query_one(QuoteList)
        speaker = app.screen.query_one("#speaker-filter")
        speaker.focus()
        await _type(pilot, "gonz")
        assert quotes.total == 10
        assert all(quotes.row_at(i).speaker == "Edmundo González" for i in range(10))
        app.screen.query_one("#text-filter").focus()
        await _type(pilot, "diplo")
        assert quotes.total == 5
        await press(pilot, "backspace", "backspace", "backspace", "backspace", "backspace")
        assert quotes.total == 10
        await press(pilot, "enter")
        assert app.focused is quotes


async def test_enter_opens_the_article_scrolled_to_the_quote(seeded: Seeded, make_app: AppFactory) -> None:
    app = make_app(seeded)
    async with app.run_test(size=(60, 16)) as pilot:  # small, so the quote is below the fold
        await settle(pilot)
        await press(pilot, "2", "j", "enter")
        assert isinstance(app.screen, ArticleScreen)
        reader = app.screen.query_one(ArticleText)
        quote_offset = reader.loaded.document.quote_offsets[2]
        assert reader.loaded.scroll_to_quote == 2
        assert reader.scroll_offset.y > 0
        line = reader.line_of(quote_offset)
        assert reader.scroll_offset.y <= line < reader.scroll_offset.y + reader.scrollable_content_region.height
        assert "The people of Caracas deserve answers" in screen_text(app)
        assert row(seeded.path, "SELECT is_read FROM articles WHERE id = 1") == (1,)
        await press(pilot, "escape")
        assert isinstance(app.screen, QuotesScreen)


async def test_e_opens_the_speakers_page(seeded: Seeded, make_app: AppFactory) -> None:
    app = make_app(seeded)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await press(pilot, "2", "e")
        assert isinstance(app.screen, EntityScreen) and app.screen.page.entity.name == "Edmundo González"


async def test_entities_view_ranks_and_filters_by_kind_and_name(seeded: Seeded, make_app: AppFactory) -> None:
    app = make_app(seeded)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await press(pilot, "3")
        assert isinstance(app.screen, EntitiesScreen)
        entities = app.screen.query_one(EntityList)
        counts = [entities.row_at(i).article_count for i in range(entities.total)]
        assert entities.total == 7 and counts == sorted(counts, reverse=True)
        app.screen.query_one("#entity-kinds").focus()
        await press(pilot, "right")  # People
        assert entities.total == 3 and {entities.row_at(i).kind for i in range(3)} == {"person"}
        await press(pilot, "right", "right")  # Places
        assert {entities.row_at(i).name for i in range(entities.total)} == {"Caracas", "Maracaibo"}
        app.screen.query_one("#name-filter").focus()
        await _type(pilot, "mara")
        assert entities.total == 1 and entities.row_at(0).name == "Maracaibo"
        await press(pilot, "enter", "enter")
        assert isinstance(app.screen, EntityScreen) and app.screen.page.entity.name == "Maracaibo"


async def test_entity_page_shows_quotes_articles_companions_and_sparkline(seeded: Seeded, make_app: AppFactory) -> None:
    app = make_app(seeded)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await press(pilot, "3", "enter")  # the top entity
        page = app.screen
        assert isinstance(page, EntityScreen)
        name = page.page.entity.name
        assert name in ("Nicolás Maduro", "National Electoral Council")
        articles = page.query_one("#entity-articles")
        published = [articles.row_at(i).published for i in range(5)]
        assert articles.total == 30 and published == sorted(published, reverse=True)
        text = screen_text(app)
        assert "Appears with" in text and "mentions per day" in text and "peak 15" in text
        assert len(page.query_one("#entity-spark").data) == 30
        page.query_one("#entity-with").focus()
        await press(pilot, "j", "enter")
        assert isinstance(app.screen, EntityScreen) and app.screen is not page
        await press(pilot, "escape")
        assert app.screen is page
        articles.focus()
        await press(pilot, "s", "enter")
        assert row(seeded.path, "SELECT is_starred FROM articles WHERE id = 1") == (1,)
        assert isinstance(app.screen, ArticleScreen)


async def test_maduros_quotes_on_his_page_open_their_article(seeded: Seeded, make_app: AppFactory) -> None:
    app = make_app(seeded)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.open_entity(None, "maduro")  # a speaker without an id: looked up by name and alias
        await settle(pilot)
        page = app.screen
        assert isinstance(page, EntityScreen) and page.page.entity.name == "Nicolás Maduro"
        assert page.query_one("#entity-quotes").total == 40
        await press(pilot, "enter")
        assert isinstance(app.screen, ArticleScreen) and app.screen.quote_id is not None


async def test_unknown_speaker_page_says_so(seeded: Seeded, make_app: AppFactory) -> None:
    app = make_app(seeded)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.open_entity(None, "Nobody Known")
        await settle(pilot)
        assert "No entity called “Nobody Known” in the store." in screen_text(app)


async def test_article_page_keys(seeded: Seeded, make_app: AppFactory, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    app = make_app(seeded)
    copied: list[str] = []
    app.copy_to_clipboard = copied.append  # type: ignore[method-assign]
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.open_article(2)
        await settle(pilot)
        assert row(seeded.path, "SELECT is_read FROM articles WHERE id = 2") == (1,)
        await press(pilot, "m", "s", "y", "j", "G", "g")
        assert row(seeded.path, "SELECT is_read, is_starred FROM articles WHERE id = 2") == (0, 0)
        assert copied == ["https://news.example/1"]
        await press(pilot, "escape")
        assert not isinstance(app.screen, ArticleScreen)


async def test_narrow_screen_enter_opens_the_article_page(seeded: Seeded, make_app: AppFactory) -> None:
    app = make_app(seeded)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert not app.screen.query_one("#article-refs").display
        await press(pilot, "j", "enter")
        assert isinstance(app.screen, ArticleScreen) and app.screen.article_id == 2
        assert "Quotes in this article (2)" in screen_text(app)


def _add_quote(seeded: Seeded, text: str, kind: str) -> None:
    import sqlite3

    conn = sqlite3.connect(seeded.path)
    with conn:
        conn.execute(
            "INSERT INTO quotes (article_id, text, speaker, speaker_as_written, role, entity_id, cue, kind, start, \"end\","
            " paragraph, position) VALUES (?, ?, 'Edmundo González', 'González', NULL, NULL, 'said', ?, 0, 1, 0, 99)",
            (seeded.article_ids[0], text, kind),
        )
    conn.close()


async def test_reported_speech_is_listed_apart_and_without_quotation_marks(seeded: Seeded, make_app: AppFactory) -> None:
    _add_quote(seeded, "the talks would resume next week", "indirect")
    _add_quote(seeded, "a stolen election", "mixed")
    app = make_app(seeded)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await press(pilot, "2")
        quotes = app.screen.query_one(QuoteList)
        assert quotes.total == 61  # 60 direct and the partly quoted one
        text = screen_text(app)
        assert "partly quoted: “a stolen election”" in text
        assert "the talks would resume" not in text
        assert str(quotes.border_title).startswith("Quotes (61)")

        await press(pilot, "i")
        await settle(pilot)
        assert quotes.total == 1 and str(quotes.border_title).startswith("Reported speech (1)")
        text = screen_text(app)
        assert "reported: the talks would resume next week" in text
        assert "“the talks" not in text and "stolen election" not in text

        await press(pilot, "i")
        await settle(pilot)
        assert quotes.total == 61


def test_the_articles_quote_list_marks_reported_speech_and_drops_its_quotation_marks() -> None:
    from vznews.store.records import QuoteItem
    from vznews.tui.widgets.reader import ArticleRefs

    fields = {name: None for name in QuoteItem.__dataclass_fields__}
    reported = QuoteItem(**{**fields, "id": 1, "article_id": 1, "text": "the vote was clean", "speaker": "Ana Ruiz", "kind": "indirect"})
    direct = QuoteItem(**{**fields, "id": 2, "article_id": 1, "text": "We won", "speaker": "Ana Ruiz", "kind": "direct"})
    assert ArticleRefs._quote_prompt(reported).plain == "Ana Ruiz (reported): the vote was clean"
    assert ArticleRefs._quote_prompt(direct).plain == "Ana Ruiz: “We won”"
