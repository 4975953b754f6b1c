"""Hostile text in every view of the explorer: shown literally, never acted on.

The store holds a hostile feed synced through the real ingest path plus raw
hostile rows (feed name and error, article, quote, speaker, entity). Each view
is opened with Pilot; every rendered segment must be free of escape, C1 and bidi
control characters, no segment may carry a link or click action that came from
feed text, and the markup must be visible as typed. A failing feed with a
hostile name is synced from the TUI: its one-line error shows inert too.
"""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest

from tests.hostile import hostile_text as H
from tests.hostile.sandbox import write_feeds
from tests.localserver import LocalServer, Response
from tests.tui.helpers import press, settle

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
def hostile_store(tmp_path: Path, server: LocalServer) -> dict:
    from vznews.config import load_config
    from vznews.ingest.sync import run_sync

    url = server.route("/hostile.xml", lambda request: Response(body=H.hostile_feed_xml(),
                                                                headers={"Content-Type": "application/rss+xml"}))
    feeds = write_feeds(tmp_path / "feeds.toml", [{"name": f"Hostile {H.MARKUP}", "url": url}],
                        {"timeout": 2, "deadline": 4})
    db = tmp_path / "vznews.db"
    for _ in run_sync(load_config(feeds), db, fulltext=False, extract=False):
        pass
    ids = H.seed_hostile_rows(db)
    # For the sync the TUI runs: the same feed, plus one that fails with a hostile name.
    failing = write_feeds(tmp_path / "failing.toml", [
        {"name": f"Hostile {H.MARKUP}", "url": url},
        {"name": "Broken \x1b]52;c;aGk=\x07 [@click=app.quit]feed[/]", "url": "http://127.0.0.1:9/refused.xml"},
    ], {"timeout": 2, "deadline": 4})
    return {"db": db, "feeds": feeds, "failing": failing, **ids}


def make_app(store: dict, tmp_path: Path, feeds: Path | None = None):  # type: ignore[no-untyped-def]
    from vznews.tui.app import VzNewsApp

    return VzNewsApp(store["db"], feeds or store["feeds"], state_path=tmp_path / "state.json",
                     now=lambda: datetime(2025, 3, 6, tzinfo=timezone.utc), tz=timezone.utc)


async def _type(pilot, selector: str, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type `text` into the filter box `selector`, then hand focus back to the screen."""
    box = pilot.app.screen.query_one(selector)
    box.focus()
    await pilot.press(*text[:2])  # typed, then the rest pasted at once (per-key reloads are slow)
    box.insert_text_at_cursor(text[2:])
    await pilot.pause(0.3)
    await settle(pilot)
    assert box.value == text
    pilot.app.screen.set_focus(None)
    await pilot.pause()


def check_screen(app, view: str, expect: tuple[str, ...]) -> str:  # type: ignore[no-untyped-def]
    """Every segment on screen is inert; `expect` texts are visible literally. Returns the screen text."""
    lines = []
    for strip in app.screen._compositor.render_strips():
        for segment in strip:
            text, style = segment.text, segment.style
            bad = H.FORBIDDEN.search(text)
            assert bad is None, f"{view}: {bad.group()!r} in a rendered segment {text!r}"
            if style is not None:
                assert not (style.link or "").startswith("file:"), f"{view}: feed text became a link: {text!r}"
                meta = style.meta or {}
                assert "app.quit" not in str(meta.get("@click", "")), f"{view}: feed text became an action: {text!r}"
        lines.append(strip.text)
    screen = "\n".join(lines)
    for fragment in expect:
        assert fragment in screen, f"{view}: {fragment!r} not shown literally:\n{screen}"
    return screen


async def test_every_view_shows_hostile_text_inert(hostile_store: dict, tmp_path: Path) -> None:
    app = make_app(hostile_store, tmp_path)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        check_screen(app, "articles", ("[bold red]LOUD",))
        await press(pilot, "enter")  # the reader pane, with its quotes and entities
        check_screen(app, "articles + reader", ("[bold red]LOUD",))

        app.open_article(hostile_store["article"])
        await settle(pilot)
        check_screen(app, "article", ("[bold red]LOUD[/bold red]", "[link=file:///etc/passwd]secret[/link]",
                                      "[@click=app.quit]bye[/]", "[bold]Evil Author[/bold]"))
        await press(pilot, "escape")

        from vznews.tui.widgets.sources import SourcesPane

        pane = app.screen.query_one(SourcesPane)  # the raw feed, chosen in the pane: its stored error shows
        pane.focus()
        pane.highlighted = pane.get_option_index(f"feed:{hostile_store['feed']}")
        await press(pilot, "enter")
        check_screen(app, "sources pane", ("Raw [bold red]LOUD", "last sync failed: HTTP 500 INVE"))

        for feed_id, name in ((hostile_store["feed"], f"Raw {H.MARKUP}"), (1, f"Hostile {H.MARKUP}")):
            app.show_feed(feed_id, name)  # the palette's "go to feed": the feed's name titles the list
            await settle(pilot)
            check_screen(app, f"feed {feed_id}", ("[bold red]LOUD",))

        await press(pilot, "2")
        check_screen(app, "quotes", ("[bold red]We will never[/bold red]", "[@click=app.quit]General Ruiz[/]"))
        await _type(pilot, "#speaker-filter", "[@click=app.quit]")  # what the user types is not markup either
        check_screen(app, "quotes filtered", ())
        await press(pilot, "3")
        check_screen(app, "entities", ("[link=file:///etc/passwd]Evil Corp[/link]",))
        await _type(pilot, "#name-filter", "[link=x")
        check_screen(app, "entities filtered", ())

        app.open_entity(hostile_store["entity"])
        await settle(pilot)
        check_screen(app, "entity page", ("[link=file:///etc/passwd]Evil Corp[/link]",))
        await press(pilot, "escape")
        app.open_entity(hostile_store["speaker"])
        await settle(pilot)
        check_screen(app, "speaker page", ("[@click=app.quit]General Ruiz[/]", "[bold red]We will never"))
        await press(pilot, "escape")

        await press(pilot, "slash")
        for key in "alarm":
            await pilot.press(key)
        await settle(pilot)
        await pilot.pause(0.5)  # results come as you type, after a short debounce
        await settle(pilot)
        check_screen(app, "search", ("[bold red]LOUD",))
        await press(pilot, "escape")

        await press(pilot, "1")
        await pilot.press("ctrl+p")
        for key in "evil":
            await pilot.press(key)
        await pilot.pause(0.5)
        await settle(pilot)
        check_screen(app, "command palette", ("[link=file:///etc/passwd]Evil Corp[/link]",))
        await pilot.press("escape")
        await settle(pilot)
        assert app.is_running, "a hostile [@click=app.quit] must not quit the app"


async def test_a_failed_sync_line_and_toast_are_inert(hostile_store: dict, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    import time

    from vznews.tui import sync_runner

    monkeypatch.setitem(sync_runner.OPTIONS, "extract", False)
    monkeypatch.setitem(sync_runner.OPTIONS, "fulltext", False)
    app = make_app(hostile_store, tmp_path, feeds=hostile_store["failing"])
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        await press(pilot, "r")
        give_up = time.monotonic() + 30  # the refused feed fails fast; wait for the sync to finish
        while time.monotonic() < give_up:
            await pilot.pause(0.1)
            if app.progress is not None and app.progress.finished is not None:
                break
        await settle(pilot)
        assert app.progress is not None and app.progress.finished is not None, "the sync did not finish"
        screen = check_screen(app, "after a failed sync", ())
        assert "Broken" in screen and "[@click=app.quit]feed[/]" in screen, screen
        assert app.is_running
