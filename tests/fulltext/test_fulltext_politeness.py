"""Which pages the phase fetches (and never again), how often it retries, and how politely."""

from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path

from tests.fulltext.phase import FEED_URL, config, run, store_with
from tests.fulltext.storehelp import add_article, add_feed, article
from tests.localserver import LocalServer, Response
from vznews.ingest.fulltext import run_fulltext
from vznews.models import FeedConfig
from vznews.store.db import open_db

PAGES = Path(__file__).parent / "pages"


def _page(delay: float = 0.0) -> Response:
    return Response(body=(PAGES / "article.html").read_bytes(), headers={"Content-Type": "text/html"}, delay=delay)


def test_never_more_than_two_requests_at_once_to_one_host(server: LocalServer, tmp_path: Path) -> None:
    db = tmp_path / "v.db"
    links = [server.route(f"/p/{n}", lambda r: _page(delay=0.15)) for n in range(8)]
    store_with(db, *links)
    events = run(db, config(workers=8, per_host=2))
    assert events[-1].counts == {"fetched": 8, "extracted": 8, "failed": 0}
    assert len(server.log) == 8
    assert server.max_concurrent == 2  # two at a time: polite, and still in parallel


def test_starts_to_one_host_are_spaced_by_the_delay(server: LocalServer, tmp_path: Path) -> None:
    db = tmp_path / "v.db"
    store_with(db, *[server.route(f"/p/{n}", lambda r: _page()) for n in range(4)])
    run(db, config(fulltext_delay=0.25))
    starts = sorted(r.started for r in server.log)
    gaps = [b - a for a, b in zip(starts, starts[1:])]
    assert len(gaps) == 3 and min(gaps) > 0.2  # a little slack for scheduling jitter


def test_an_extracted_page_is_never_fetched_again(server: LocalServer, tmp_path: Path) -> None:
    db = tmp_path / "v.db"
    (aid,) = store_with(db, server.route("/a", lambda r: _page()))
    run(db)
    assert run(db) == []  # nothing to do, nothing yielded
    assert len(server.log) == 1
    assert article(db, aid)["fulltext_status"] == "ok"


def test_a_changed_link_is_fetched_again(server: LocalServer, tmp_path: Path) -> None:
    db = tmp_path / "v.db"
    (aid,) = store_with(db, server.route("/a", lambda r: _page()))
    run(db)
    new_link = server.route("/b", lambda r: Response(body=(PAGES / "ads.html").read_bytes(), headers={"Content-Type": "text/html"}))
    store = open_db(db)
    with store.conn:
        store.conn.execute("UPDATE articles SET url = ? WHERE id = ?", (new_link, aid))
    run(db)
    row = article(db, aid)
    assert [r.path for r in server.log] == ["/a", "/b"]
    assert row["fulltext_url"] == new_link and "742,000 barrels a day" in str(row["fulltext"])


def test_a_failing_page_is_tried_at_most_three_times(server: LocalServer, tmp_path: Path) -> None:
    db = tmp_path / "v.db"
    (aid,) = store_with(db, server.route("/gone", lambda r: Response(404, b"no")))
    for _ in range(5):
        run(db)
    assert len(server.requests_to("/gone")) == 3
    row = article(db, aid)
    assert row["fulltext_status"] == "failed" and row["fulltext_attempts"] == 3
    # A new link gets its own three tries.
    fixed = server.route("/fixed", lambda r: _page())
    store = open_db(db)
    with store.conn:
        store.conn.execute("UPDATE articles SET url = ? WHERE id = ?", (fixed, aid))
    run(db)
    row = article(db, aid)
    assert row["fulltext_status"] == "ok" and row["fulltext_attempts"] == 1


def test_a_page_that_recovers_is_stored_on_a_later_sync(server: LocalServer, tmp_path: Path) -> None:
    db = tmp_path / "v.db"
    answers = iter([Response(503, b"busy"), _page()])
    (aid,) = store_with(db, server.route("/flaky", lambda r: next(answers)))
    run(db)
    assert article(db, aid)["fulltext_status"] == "failed"
    run(db)
    row = article(db, aid)
    assert row["fulltext_status"] == "ok" and row["fulltext_error"] is None and row["fulltext_attempts"] == 2


def test_only_feeds_with_full_text_on_are_fetched(server: LocalServer, tmp_path: Path) -> None:
    db = tmp_path / "v.db"
    store_with(db, server.route("/on", lambda r: _page()))
    off_feed = add_feed(db, "https://other.example.org/feed.xml", "Off")
    add_article(db, off_feed, "x", url=server.route("/off", lambda r: _page()), summary="s")
    feeds = (FeedConfig(url=FEED_URL, name="World"), FeedConfig(url="https://other.example.org/feed.xml", name="Off", fulltext=False))
    run(db, replace(config(), feeds=feeds))
    assert [r.path for r in server.log] == ["/on"]
    # Settings off, the feed's own switch on.
    feeds = (FeedConfig(url=FEED_URL, name="World"), FeedConfig(url="https://other.example.org/feed.xml", name="Off", fulltext=True))
    run(db, replace(config(fulltext=False), feeds=feeds))
    assert [r.path for r in server.log] == ["/on", "/off"]


def test_links_that_are_not_web_addresses_are_never_fetched(server: LocalServer, tmp_path: Path) -> None:
    db = tmp_path / "v.db"
    secret = tmp_path / "secret.html"
    secret.write_text("<html><body><p>" + "private " * 100 + "</p></body></html>")
    (aid,) = store_with(db, secret.as_uri())
    assert run(db) == []
    assert article(db, aid)["fulltext"] is None


def test_refetch_all_ignores_earlier_outcomes(server: LocalServer, tmp_path: Path) -> None:
    db = tmp_path / "v.db"
    (aid,) = store_with(db, server.route("/a", lambda r: _page()))
    run(db)
    run(db, only_missing=False)
    assert len(server.log) == 2
    assert article(db, aid)["fulltext_attempts"] == 1  # counted afresh


def test_progress_counts_each_page(server: LocalServer, tmp_path: Path) -> None:
    db = tmp_path / "v.db"
    store_with(db, server.route("/ok", lambda r: _page()), server.route("/404", lambda r: Response(404, b"")),
               server.route("/pdf", lambda r: Response(body=b"%PDF", headers={"Content-Type": "application/pdf"})))
    events = run(db)
    assert [e.done for e in events] == [0, 1, 2, 3] and all(e.total == 3 and e.phase == "fulltext" for e in events)
    assert events[-1].counts == {"fetched": 2, "extracted": 1, "failed": 2}  # the PDF arrived but was not a page
    assert events[-1].failed == 2


def test_closing_the_phase_early_stops_handing_out_pages(server: LocalServer, tmp_path: Path) -> None:
    db = tmp_path / "v.db"
    ids = store_with(db, *[server.route(f"/p/{n}", lambda r: _page(delay=0.3)) for n in range(10)])
    events = run_fulltext(db, config())
    assert next(events).done == 0
    assert next(events).done == 1
    events.close()  # e.g. Ctrl-C or the TUI cancelling its sync
    time.sleep(1.0)  # long enough for three more rounds of pages, had the workers gone on
    requested = len(server.log)
    assert requested <= 4  # the first two and at most the two in flight
    stored = [article(db, aid)["fulltext_status"] for aid in ids]
    assert stored.count("ok") == 1 and stored.count(None) == 9  # the rest stay pending for next time
