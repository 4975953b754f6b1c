"""Faults: `kill -9` in the middle of a sync, two syncs at once, the TUI open during a sync.

Bounds: the large sync (24 feeds x 400 items) finishes within 60 s; each killed
run is killed 0.4 to 2 s after it starts (four times, seeded).
"""

from __future__ import annotations

import os
import random
import re
import signal
import sqlite3
import time
from pathlib import Path
from typing import Any, Iterator

import pytest

from tests.hostile.runner import Run, integrity, run_many, run_vznews, start_vznews
from tests.hostile.sandbox import write_feeds
from tests.localserver import LocalServer, Request, Response

FEEDS, ITEMS = 24, 400
SEED = 20250306


def big_feed(n: int, items: int = ITEMS) -> bytes:
    body = "".join(
        f"<item><title>Feed {n} item {i}: council debates the harbour budget</title><guid>f{n}-i{i}</guid>"
        f"<link>http://big.invalid/{n}/{i}</link><pubDate>Mon, 03 Mar 2025 {i % 24:02d}:{i % 60:02d}:00 GMT</pubDate>"
        f"<description>&lt;p&gt;Paragraph one of item {i} in feed {n}, long enough to be a real summary of a "
        f"real article about the harbour, the council and the budget vote.&lt;/p&gt;</description></item>"
        for i in range(items))
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Big {n}</title>'
            f"<link>http://big.invalid/{n}</link>{body}</channel></rss>").encode()


@pytest.fixture
def big(tmp_path: Path, server: LocalServer) -> dict:
    """A feeds file of FEEDS feeds x ITEMS items on the local server, each answered after `delay` s."""
    state = {"delay": 0.0}
    bodies = {n: big_feed(n) for n in range(FEEDS)}
    for n in range(FEEDS):
        server.route(f"/big/{n}.xml", lambda request, n=n: Response(
            body=bodies[n], headers={"Content-Type": "application/rss+xml"}, delay=state["delay"]))
    feeds = write_feeds(tmp_path / "feeds.toml", [{"name": f"Big {n}", "url": server.url(f"/big/{n}.xml")}
                                                  for n in range(FEEDS)], {"workers": 4, "per_host": 4})
    return {"feeds": feeds, "db": tmp_path / "vznews.db", "state": state, "tmp": tmp_path}


def sync_args(big: dict, *extra: str) -> tuple[str, ...]:
    return ("sync", "--feeds", str(big["feeds"]), "--db", str(big["db"]), "--no-fulltext", "--no-extract", *extra)


def assert_whole(db: Path) -> dict[str, int]:
    """The store is sound and holds only whole feeds of whole articles; returns articles per feed."""
    assert integrity(db) == "ok"
    conn = sqlite3.connect(db)
    try:
        conn.execute("INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)")
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        broken = conn.execute(
            "SELECT count(*) FROM articles a LEFT JOIN feeds f ON f.id = a.feed_id WHERE f.id IS NULL"
            " OR a.guid = '' OR a.title = '' OR a.content_hash = '' OR a.published NOT LIKE '____-__-__T__:__:__Z'"
            " OR a.summary NOT LIKE 'Paragraph one of item %'").fetchone()[0]
        assert broken == 0, f"{broken} partial articles"
        fts = conn.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'harbour'").fetchone()[0]
        counts = dict(conn.execute("SELECT f.name, count(a.id) FROM feeds f LEFT JOIN articles a ON a.feed_id = f.id"
                                   " GROUP BY f.id").fetchall())
        assert fts == sum(counts.values()), "the full-text index disagrees with the articles"
        assert set(counts.values()) <= {0, ITEMS}, f"a feed was stored in part: {counts}"
        return counts
    finally:
        conn.close()


@pytest.mark.slow
def test_kill_9_at_random_points_loses_nothing_and_the_next_sync_finishes(big: dict) -> None:
    rng = random.Random(SEED)
    big["state"]["delay"] = 0.05  # spread the writes over the run
    stored_before = 0
    for attempt in range(4):
        proc = start_vznews(*sync_args(big))
        time.sleep(rng.uniform(0.4, 2.0))
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
        if not big["db"].exists():
            continue
        counts = assert_whole(big["db"])
        stored = sum(counts.values())
        assert stored >= stored_before, "a later run lost what an earlier one stored"
        stored_before = stored
    run = run_vznews(*sync_args(big), timeout=60)
    assert run.code == 0, str(run)
    counts = assert_whole(big["db"])
    assert counts == {f"Big {n}": ITEMS for n in range(FEEDS)}
    again = run_vznews(*sync_args(big), timeout=60)
    assert again.code == 0 and f"0 new" in again.stdout.splitlines()[-1], str(again)


def _new_articles(run: Run) -> int:
    match = re.search(r"; (\d+) new, \d+ updated articles", run.stdout)
    return int(match.group(1)) if match else -1


def test_two_syncs_at_once_one_waits_or_says_so_and_nothing_is_duplicated(big: dict) -> None:
    big["state"]["delay"] = 0.2  # both are still fetching when the other starts
    first, second = run_many([sync_args(big)] * 2, parallel=2, timeout=60)
    for run in (first, second):
        assert "Traceback" not in run.output and "locked" not in run.output.lower(), str(run)
    busy = [run for run in (first, second) if "another vznews sync" in run.stderr]
    if busy:  # the second said so, in one line, and did nothing
        [loser] = busy
        [winner] = [run for run in (first, second) if run is not loser]
        assert loser.code == 1 and len(loser.stderr.strip().splitlines()) == 1 and not loser.stdout.strip(), str(loser)
    else:  # the second waited for the first: it found nothing new
        winner = max((first, second), key=_new_articles)
        assert sorted(map(_new_articles, (first, second))) == [0, FEEDS * ITEMS], f"{first}\n{second}"
    assert winner.code == 0 and _new_articles(winner) == FEEDS * ITEMS, str(winner)
    counts = assert_whole(big["db"])
    assert counts == {f"Big {n}": ITEMS for n in range(FEEDS)}
    conn = sqlite3.connect(big["db"])
    assert conn.execute("SELECT count(*) FROM feeds").fetchone()[0] == FEEDS
    conn.close()


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.mark.slow
@pytest.mark.anyio
async def test_the_tui_open_during_a_sync_in_another_process(big: dict) -> None:
    """The explorer reads and writes while another process syncs: no "database is locked" on
    either side, and the new articles appear in the open list without a key press."""
    from datetime import datetime, timezone

    from tests.tui.helpers import settle
    from vznews.store.db import open_db
    from vznews.tui.app import VzNewsApp
    from vznews.tui.widgets.lists import ArticleList

    open_db(big["db"]).conn.close()
    app = VzNewsApp(big["db"], big["feeds"], state_path=big["tmp"] / "state.json",
                    now=lambda: datetime(2025, 3, 6, tzinfo=timezone.utc), tz=timezone.utc)
    big["state"]["delay"] = 0.1
    errors: list[str] = []
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        original_notify = app.notify

        def notify(message, *args, **kwargs):  # type: ignore[no-untyped-def]
            errors.append(str(message))
            return original_notify(message, *args, **kwargs)

        app.notify = notify  # type: ignore[method-assign]
        sync = start_vznews(*sync_args(big), stdout=-1)
        try:
            deadline = time.monotonic() + 60
            while sync.poll() is None and time.monotonic() < deadline:
                for key in ("j", "m", "k", "s", "enter", "escape"):  # reads and user-state writes meanwhile
                    await pilot.press(key)
                await pilot.pause(0.2)
            out, _ = sync.communicate(timeout=60)
        finally:
            if sync.poll() is None:
                sync.kill()
        text = out.decode(errors="replace")
        assert sync.returncode == 0 and "locked" not in text.lower(), text
        articles = app.screen.query_one("#article-list", ArticleList)
        catch_up = time.monotonic() + 12  # the open list catches up on its own within a few seconds
        while time.monotonic() < catch_up:
            await pilot.pause(0.1)
            await settle(pilot)
            if articles.total == FEEDS * ITEMS:
                break
        assert articles.total == FEEDS * ITEMS, f"the TUI shows {articles.total} articles"
        assert not [e for e in errors if "lock" in e.lower() or "error" in e.lower()], errors
    assert_whole(big["db"])


def _open_when_released(path: str, barrier: Any) -> str:
    from vznews.store.db import StoreError, open_db

    barrier.wait()
    try:
        open_db(Path(path)).conn.close()
    except StoreError as exc:
        return str(exc)
    return "ok"


def test_first_runs_at_once_all_open_the_new_store(tmp_path: Path) -> None:
    """Eight processes create the same store at the same moment: every one opens it
    (migrations run one process at a time, not "table feeds already exists")."""
    import multiprocessing

    context = multiprocessing.get_context("fork")  # fast; the child only opens a file
    barrier = context.Manager().Barrier(8)
    with context.Pool(8) as pool:
        results = pool.starmap(_open_when_released, [(str(tmp_path / "new.db"), barrier)] * 8)
    assert results == ["ok"] * 8
    assert integrity(tmp_path / "new.db") == "ok"


def test_doctor_says_when_a_sync_is_running(big: dict) -> None:
    from vznews.store.db import open_db
    from vznews.store.synclock import sync_lock

    open_db(big["db"]).conn.close()
    with sync_lock(big["db"]):
        run = run_vznews("doctor", "--db", str(big["db"]), "--feeds", str(big["feeds"]), timeout=30)
        busy = run_vznews(*sync_args(big), timeout=30)
    assert f"a sync is running now (process {os.getpid()})" in run.stdout, str(run)
    assert busy.code == 1 and busy.stderr.strip() == (
        f"vznews: error: another vznews sync (process {os.getpid()}) is already running on {big['db']}; "
        "wait for it to finish"), str(busy)


@pytest.mark.anyio
async def test_the_tui_says_in_one_line_when_another_sync_is_running(big: dict) -> None:
    from datetime import datetime, timezone

    from tests.tui.helpers import screen_text, settle
    from vznews.store.db import open_db
    from vznews.store.synclock import sync_lock
    from vznews.tui.app import VzNewsApp

    open_db(big["db"]).conn.close()
    app = VzNewsApp(big["db"], big["feeds"], state_path=big["tmp"] / "state.json",
                    now=lambda: datetime(2025, 3, 6, tzinfo=timezone.utc), tz=timezone.utc)
    with sync_lock(big["db"]):
        async with app.run_test(size=(160, 40)) as pilot:
            await settle(pilot)
            await pilot.press("r")
            for _ in range(60):
                await pilot.pause(0.1)
                if app.sync_status is not None and "another vznews sync" in app.sync_status.plain:
                    break
            await settle(pilot)
            assert app.sync_status is not None and "another vznews sync" in app.sync_status.plain
            assert "\n" not in app.sync_status.plain
            assert "another vznews sync" in screen_text(app)


def assert_extraction_whole(db: Path) -> int:
    """Quotes and mentions exist only for extracted articles, in whole sets, and the entities'
    denormalized counts agree with them. Returns how many articles are extracted."""
    assert integrity(db) == "ok"
    conn = sqlite3.connect(db)
    try:
        stray = conn.execute("SELECT count(*) FROM quotes q JOIN articles a ON a.id = q.article_id"
                             " WHERE a.extracted_version = 0").fetchone()[0]
        stray += conn.execute("SELECT count(*) FROM mentions m JOIN articles a ON a.id = m.article_id"
                              " WHERE a.extracted_version = 0").fetchone()[0]
        assert stray == 0, "quotes or mentions of an article not marked extracted"
        gaps = conn.execute("SELECT count(*) FROM (SELECT article_id FROM quotes GROUP BY article_id"
                            " HAVING max(position) + 1 != count(*))").fetchone()[0]
        assert gaps == 0, "an article's quotes were stored in part"
        wrong = conn.execute("SELECT count(*) FROM entities e WHERE article_count !="
                             " (SELECT count(*) FROM mentions m WHERE m.entity_id = e.id)").fetchone()[0]
        assert wrong == 0, "entity counts disagree with mentions"
        return conn.execute("SELECT count(*) FROM articles WHERE extracted_version != 0").fetchone()[0]
    finally:
        conn.close()


@pytest.mark.slow
def test_kill_9_during_extraction_keeps_whole_articles_and_leaves_no_process(tmp_path: Path) -> None:
    import vznews.sample

    feeds = Path(vznews.sample.__file__).parent / "feeds.toml"  # 40 quote-dense articles, offline
    db = tmp_path / "vznews.db"
    proc = start_vznews("sync", "--feeds", str(feeds), "--db", str(db), "--no-fulltext", stdout=-1)
    assert proc.stdout is not None
    for line in proc.stdout:  # plain progress lines: wait for the extraction phase
        if line.startswith(b"extraction: "):
            break
    time.sleep(random.Random(SEED).uniform(0.5, 2.0))
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=10)
    time.sleep(0.5)
    try:  # its worker processes (same process group) must not outlive it
        os.killpg(proc.pid, 0)
        alive = True
    except ProcessLookupError:
        alive = False
    if alive:
        time.sleep(3)
        try:
            os.killpg(proc.pid, signal.SIGKILL)
            pytest.fail("extraction workers outlived the killed sync by 3 s")
        except ProcessLookupError:
            pass
    extracted = assert_extraction_whole(db)  # whatever the kill interrupted, whole articles only
    assert 0 <= extracted <= 40
    run = run_vznews("extract", "--db", str(db), timeout=60)
    assert run.code == 0 and "Traceback" not in run.output, str(run)
    assert assert_extraction_whole(db) == 40
