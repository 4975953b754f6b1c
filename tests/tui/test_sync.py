"""Sync from the explorer (r): a thread worker, a progress line, new articles without
losing the selection, failed feeds shown, the app responsive throughout."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Iterator

import pytest

from tests.localserver import LocalServer, Response
from tests.tui.conftest import AppFactory
from tests.tui.helpers import press, screen_text, settle
from tests.tui.seed import Seeded
from vznews.models import FeedSynced, SyncFinished, SyncStarted
from vznews.tui import sync_runner
from vznews.tui.widgets.lists import ArticleList

pytestmark = pytest.mark.anyio  # async tests run on asyncio (anyio's plugin; see conftest.anyio_backend)

RSS = """<?xml version="1.0"?><rss version="2.0"><channel><title>Fresh</title><link>http://x/</link>
{items}</channel></rss>"""
ITEM = """<item><title>Fresh story {n}</title><link>http://127.0.0.1/fresh/{n}</link><guid>fresh-{n}</guid>
<pubDate>Mon, 0{n} Jun 2025 10:00:00 GMT</pubDate><description>Story {n} body text.</description></item>"""


@pytest.fixture
def feeds_file(tmp_path: Path, server: LocalServer) -> Path:
    server.route("/fresh.xml", lambda request: Response(body=RSS.format(items="".join(ITEM.format(n=n) for n in (1, 2, 3))).encode(),
                                                        headers={"Content-Type": "application/rss+xml"}))
    server.route("/broken.xml", lambda request: Response(status=500, body=b"oops"))
    path = tmp_path / "feeds.toml"
    path.write_text(
        "[settings]\nfulltext = false\n\n"
        f'[[feeds]]\nurl = "{server.url("/fresh.xml")}"\nname = "Fresh Feed"\n\n'
        f'[[feeds]]\nurl = "{server.url("/broken.xml")}"\nname = "Broken Feed"\n'
    )
    return path


async def _until(pilot, condition, timeout: float = 20.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        await pilot.pause(0.05)


async def test_r_syncs_real_feeds_keeps_the_selection_and_shows_failures(
    seeded: Seeded, make_app: AppFactory, feeds_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sync_runner.OPTIONS, "extract", False)
    app = make_app(seeded, feeds_path=feeds_file)
    notes: list[str] = []
    original = app.notify
    app.notify = lambda message, **kw: (notes.append(message), original(message, **kw))[1]  # type: ignore[method-assign]
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await press(pilot, "j", "j", "j")
        articles = app.screen.query_one(ArticleList)
        assert articles.highlighted_row.id == 4
        await press(pilot, "r")
        await _until(pilot, lambda: app.progress is not None and app.progress.finished is not None)
        await settle(pilot)
        assert articles.total == 33
        assert articles.highlighted_row.id == 4 and articles.cursor == 6  # same article, three rows further down
        line = screen_text(app)
        assert "✗ Sync done: 2 feeds, 3 new articles, 1 failed" in line
        assert "✗ Broken Feed:" in line
        assert any(note.startswith("Broken Feed:") for note in notes)
        assert "Fresh Feed" in line  # the new feed is in the sources pane


async def test_progress_line_updates_while_the_app_stays_responsive(
    seeded: Seeded, make_app: AppFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = threading.Event()

    def fake_run_sync(config, db_path, **options) -> Iterator[object]:  # type: ignore[no-untyped-def]
        yield SyncStarted(total=2)
        yield FeedSynced(url="http://a/", name="Feed A", outcome="new", new=5)
        release.wait(10)
        yield FeedSynced(url="http://b/", name="Feed B", outcome="failed", error="HTTP 404 from b")
        yield SyncFinished(1, 0, 1, 5, 0)

    monkeypatch.setattr(sync_runner, "IN_PROCESS", True)  # the fake lives in this process
    monkeypatch.setattr("vznews.ingest.sync.run_sync", fake_run_sync)
    monkeypatch.setattr("vznews.config.load_config", lambda path: object())
    app = make_app(seeded)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await _until(pilot, lambda: "1/2 feeds, 5 new articles" in screen_text(app))
        await pilot.press("j", "j")  # the UI answers while the worker waits
        await pilot.pause(0.1)
        assert app.screen.query_one(ArticleList).cursor == 2
        await pilot.press("r")
        await pilot.pause(0.05)
        release.set()
        await _until(pilot, lambda: "Sync done" in screen_text(app))
        assert "✗ Feed B: HTTP 404 from b" in screen_text(app)


async def test_a_broken_feeds_file_is_one_line_in_the_sync_line(seeded: Seeded, make_app: AppFactory, tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('[[feeds]]\nurll = "http://x/"\n')
    app = make_app(seeded, feeds_path=bad)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await press(pilot, "r")
        await _until(pilot, lambda: "Sync failed" in screen_text(app))
        line = next(line for line in screen_text(app).splitlines() if "Sync failed" in line)
        assert "bad.toml" in line and "urll" in line
