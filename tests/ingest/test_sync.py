"""run_sync end to end against a local HTTP server and a temporary store."""

from __future__ import annotations

import sqlite3
import sys
import types
from pathlib import Path
from typing import Any, Iterator

import pytest

from tests.localserver import LocalServer, Response
from vznews.ingest import feedjob
from vznews.ingest.sync import NoMatchingFeeds, run_sync
from vznews.models import Config, FeedConfig, FeedSynced, PhaseProgress, Settings, SyncFinished, SyncStarted

DATA = Path(__file__).parent / "data"
RSS = (DATA / "rss20.xml").read_bytes()
FAST = Settings(timeout=2.0, deadline=5.0, workers=4)


def config(*feeds: FeedConfig, **settings: Any) -> Config:
    return Config(path=None, feeds=feeds, settings=Settings(**{**FAST.__dict__, **settings}))


def sync(cfg: Config, db: Path, **kwargs: Any) -> list[Any]:
    kwargs.setdefault("fulltext", False)
    kwargs.setdefault("extract", False)
    return list(run_sync(cfg, db, **kwargs))


def feed_events(events: list[Any]) -> dict[str, FeedSynced]:
    return {e.name: e for e in events if isinstance(e, FeedSynced)}


def rows(db: Path, sql: str, *args: Any) -> list[tuple[Any, ...]]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql, args).fetchall()
    finally:
        conn.close()


def execute(db: Path, sql: str, *args: Any) -> None:
    conn = sqlite3.connect(db)
    with conn:
        conn.execute(sql, args)
    conn.close()


class Mutable:
    """A route whose body a test can change between syncs (no validators: every GET is a 200)."""

    def __init__(self, body: bytes) -> None:
        self.body = body

    def __call__(self, request: Any) -> Response:
        return Response(body=self.body, headers={"Content-Type": "application/rss+xml"})


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "store.db"


def test_first_sync_stores_every_format(server: LocalServer, db: Path) -> None:
    cfg = config(
        FeedConfig(url=server.file("/rss.xml", "ingest/data/rss20.xml"), name="Wire", tags=("english",)),
        FeedConfig(url=server.file("/atom.xml", "ingest/data/atom.xml"), name="Observador", lang="es"),
        FeedConfig(url=server.file("/feed.json", "ingest/data/feed.json"), name="Llano"),
    )
    events = sync(cfg, db)
    assert isinstance(events[0], SyncStarted) and events[0].total == 3
    assert isinstance(events[-1], SyncFinished)
    got = feed_events(events)
    assert {n: (e.outcome, e.new) for n, e in got.items()} == {"Wire": ("new", 3), "Observador": ("new", 2), "Llano": ("new", 2)}
    assert (events[-1].feeds_ok, events[-1].new, events[-1].feeds_failed) == (3, 7, 0)
    assert rows(db, "SELECT count(*) FROM articles") == [(7,)]
    assert rows(db, "SELECT name, tags, title, ok_at IS NOT NULL, error_count FROM feeds WHERE name = 'Wire'") == [
        ("Wire", '["english"]', "Caribbean Wire: Venezuela", 1, 0)]
    assert rows(db, "SELECT feeds_ok, new_articles, finished IS NOT NULL FROM sync_runs") == [(3, 7, 1)]
    # searchable straight away
    assert rows(db, "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'actas'") == [(2,)]


def test_resync_with_304_costs_no_parse(server: LocalServer, db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    url = server.file("/rss.xml", "ingest/data/rss20.xml", etag='"abc"')
    cfg = config(FeedConfig(url=url, name="Wire"))
    sync(cfg, db)

    def no_parse(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("parsed a feed that did not change")

    monkeypatch.setattr(feedjob, "parse_feed", no_parse)
    event = feed_events(sync(cfg, db))["Wire"]
    assert (event.outcome, event.new, event.updated) == ("unchanged", 0, 0)
    assert server.requests_to("/rss.xml")[-1].status == 304
    assert rows(db, "SELECT status FROM feeds") == [(304,)]


def test_byte_identical_body_skips_parsing(server: LocalServer, db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    url = server.route("/rss.xml", Mutable(RSS))
    cfg = config(FeedConfig(url=url, name="Wire"))
    sync(cfg, db)
    monkeypatch.setattr(feedjob, "parse_feed", lambda *a, **k: (_ for _ in ()).throw(AssertionError("parsed")))
    assert feed_events(sync(cfg, db))["Wire"].outcome == "unchanged"


def test_changed_articles_are_updated_and_user_state_is_kept(server: LocalServer, db: Path) -> None:
    route = Mutable(RSS)
    cfg = config(FeedConfig(url=server.route("/rss.xml", route), name="Wire"))
    sync(cfg, db)
    execute(db, "UPDATE articles SET is_read = 1, is_starred = 1, extracted_version = 3, fulltext = 'page text'")
    before = dict(rows(db, "SELECT guid, first_seen FROM articles"))
    # two stories edited (one identified by guid, one by link), one dropped from the feed, one new
    route.body = (RSS.replace(b"would be delayed", b"was delayed by a week")
                  .replace(b"<title>Opposition publishes tally sheets online</title>", b"<title>Tally sheets online</title>")
                  .replace(b"<title>Untitled wire brief</title>\n    <description>A brief with neither guid nor link.</description>",
                           b"<title>Fresh</title><guid>wire-2000</guid><description>New.</description>"))
    event = feed_events(sync(cfg, db))["Wire"]
    assert (event.outcome, event.new, event.updated) == ("new", 1, 2)
    edited = rows(db, "SELECT content, is_read, is_starred, extracted_version, fulltext FROM articles WHERE guid = 'wire-1001'")[0]
    assert "was delayed by a week" in edited[0] and edited[1:] == (1, 1, 0, "page text")
    assert rows(db, "SELECT count(*) FROM articles WHERE title = 'Untitled wire brief'") == [(1,)]  # dropped: kept
    assert rows(db, "SELECT count(*) FROM articles") == [(4,)]
    after = dict(rows(db, "SELECT guid, first_seen FROM articles"))
    assert all(after[g] == seen for g, seen in before.items())
    assert rows(db, "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'week'") == [(1,)]


def test_dedupe_within_and_across_syncs(server: LocalServer, db: Path) -> None:
    route = Mutable(RSS)
    cfg = config(FeedConfig(url=server.route("/rss.xml", route), name="Wire"))
    assert feed_events(sync(cfg, db))["Wire"].new == 3  # the document repeats one guid
    route.body = RSS.replace(b"<channel>", b"<channel>\n<!-- re-rendered -->")  # different bytes, same entries
    event = feed_events(sync(cfg, db))["Wire"]
    assert (event.outcome, event.new, event.updated) == ("unchanged", 0, 0)
    assert rows(db, "SELECT count(*) FROM articles") == [(3,)]


def test_keyword_filters(server: LocalServer, db: Path) -> None:
    url = server.file("/rss.xml", "ingest/data/rss20.xml")
    cfg = config(FeedConfig(url=url, name="Wire", include=("zulia", "VOLUNTEERS"), exclude=("audit",)))
    event = feed_events(sync(cfg, db))["Wire"]
    # "zulia" matches the first story, but its summary mentions an audit: excluded
    assert [t for (t,) in rows(db, "SELECT title FROM articles")] == ["Opposition publishes tally sheets online"]
    assert event.new == 1 and event.note == "2 of 3 entries left out by the keyword filter"


def test_one_failing_feed_does_not_stop_the_others(server: LocalServer, db: Path) -> None:
    server.route("/broken", lambda r: Response(500))
    server.route("/garbage", lambda r: Response(body=b"%PDF-1.4 not a feed"))
    cfg = config(
        FeedConfig(url=server.url("/broken"), name="Broken"),
        FeedConfig(url=server.url("/garbage"), name="Garbage"),
        FeedConfig(url="http://127.0.0.1:9/feed.xml", name="Down"),
        FeedConfig(url=server.file("/rss.xml", "ingest/data/rss20.xml"), name="Wire"),
    )
    events = sync(cfg, db)
    got = feed_events(events)
    assert got["Wire"].outcome == "new" and got["Wire"].new == 3
    assert got["Broken"].outcome == "failed" and got["Broken"].error == "HTTP 500 Internal Server Error"
    assert got["Garbage"].error.startswith("not a valid feed")
    assert got["Down"].error.startswith("cannot connect to 127.0.0.1")
    assert events[-1].feeds_failed == 3 and events[-1].feeds_ok == 1
    assert rows(db, "SELECT error, error_count FROM feeds WHERE name = 'Broken'") == [("HTTP 500 Internal Server Error", 1)]


def test_a_feed_that_keeps_failing_is_backed_off(server: LocalServer, db: Path) -> None:
    server.route("/broken", lambda r: Response(500))
    cfg = config(FeedConfig(url=server.url("/broken"), name="Broken"))
    first = feed_events(sync(cfg, db))["Broken"]
    assert first.outcome == "failed" and first.note is None  # one failure: no backoff yet
    second = feed_events(sync(cfg, db))["Broken"]
    assert second.outcome == "failed" and second.note.startswith("will not retry before ")
    assert rows(db, "SELECT error_count, retry_after IS NOT NULL FROM feeds") == [(2, 1)]
    third = feed_events(sync(cfg, db))["Broken"]
    assert third.outcome == "skipped" and len(server.requests_to("/broken")) == 2
    assert third.note.startswith("backed off until ") and "after 2 failed attempts; last error: HTTP 500" in third.note


def test_success_clears_the_failure_count(server: LocalServer, db: Path) -> None:
    state = {"fail": True}
    server.route("/flaky", lambda r: Response(503) if state["fail"] else Response(body=RSS))
    cfg = config(FeedConfig(url=server.url("/flaky"), name="Flaky"))
    sync(cfg, db)
    state["fail"] = False
    assert feed_events(sync(cfg, db))["Flaky"].outcome == "new"
    assert rows(db, "SELECT error, error_count, retry_after FROM feeds") == [(None, 0, None)]


def test_retry_after_is_respected(server: LocalServer, db: Path) -> None:
    server.route("/busy", lambda r: Response(429, headers={"Retry-After": "3600"}))
    cfg = config(FeedConfig(url=server.url("/busy"), name="Busy"))
    first = feed_events(sync(cfg, db))["Busy"]
    assert first.outcome == "failed" and "the server asks to wait until" in first.error
    assert feed_events(sync(cfg, db))["Busy"].outcome == "skipped"
    assert len(server.requests_to("/busy")) == 1


def test_permanent_redirect_is_remembered(server: LocalServer, db: Path) -> None:
    server.route("/old.xml", lambda r: Response(301, headers={"Location": "/new.xml"}))
    new = server.file("/new.xml", "ingest/data/rss20.xml")
    cfg = config(FeedConfig(url=server.url("/old.xml"), name="Wire"))
    first = feed_events(sync(cfg, db))["Wire"]
    assert first.note == f"moved permanently to {new} (update feeds.toml)"
    assert rows(db, "SELECT url, moved_to FROM feeds") == [(server.url("/old.xml"), new)]
    second = feed_events(sync(cfg, db))["Wire"]
    assert second.note == f"fetched from its new address {new} (update feeds.toml)"
    assert len(server.requests_to("/old.xml")) == 1 and len(server.requests_to("/new.xml")) == 2


def test_html_page_with_one_feed_is_followed(server: LocalServer, db: Path) -> None:
    server.file("/portada", "ingest/data/page_one_feed.html")
    feed = server.file("/rss/portada.xml", "ingest/data/rss20.xml")
    cfg = config(FeedConfig(url=server.url("/portada"), name="Observador"))
    event = feed_events(sync(cfg, db))["Observador"]
    assert event.outcome == "new" and event.new == 3
    assert event.note == f"this is a web page; its feed is {feed} (used it; put that address in feeds.toml)"
    sync(cfg, db)
    assert len(server.requests_to("/portada")) == 1  # the next sync goes straight to the feed


def test_html_page_with_several_feeds_is_one_clear_error(server: LocalServer, db: Path) -> None:
    server.file("/front", "ingest/data/page_two_feeds.html")
    server.file("/empty", "ingest/data/page_no_feed.html")
    cfg = config(FeedConfig(url=server.url("/front"), name="Front"), FeedConfig(url=server.url("/empty"), name="Empty"))
    got = feed_events(sync(cfg, db))
    assert got["Front"].error.startswith("this is a web page; its feeds are https://wire.example.org/all.rss (All news), ")
    assert got["Empty"].error == "this is a web page, not a feed, and it names no feed"


def test_at_most_two_fetches_per_host(server: LocalServer, db: Path) -> None:
    feeds = []
    for n in range(6):
        server.route(f"/slow{n}.xml", lambda r: Response(body=RSS, delay=0.25))
        feeds.append(FeedConfig(url=server.url(f"/slow{n}.xml"), name=f"slow {n}"))
    sync(config(*feeds, workers=8), db)
    assert server.max_concurrent == 2 and len(server.log) == 6


def test_only_selects_by_name_or_tag(server: LocalServer, db: Path) -> None:
    a = FeedConfig(url=server.file("/a.xml", "ingest/data/rss20.xml"), name="Alpha", tags=("spanish",))
    b = FeedConfig(url=server.file("/b.xml", "ingest/data/rss091.xml"), name="Beta", tags=("Spanish", "radio"))
    c = FeedConfig(url=server.file("/c.xml", "ingest/data/atom.xml"), name="Gamma")
    cfg = config(a, b, c)
    assert set(feed_events(sync(cfg, db, only="gamma"))) == {"Gamma"}
    assert set(feed_events(sync(cfg, db, only="SPANISH"))) == {"Alpha", "Beta"}
    with pytest.raises(NoMatchingFeeds, match="no feed is named or tagged 'nope' \\(3 feeds; tags: Spanish, radio, spanish\\)"):
        sync(cfg, db, only="nope")


def test_local_file_feeds(tmp_path: Path, db: Path) -> None:
    path = tmp_path / "archive.xml"
    path.write_bytes(RSS)
    cfg = config(FeedConfig(url=path.as_uri(), name="Archive"))
    assert feed_events(sync(cfg, db))["Archive"].new == 3
    assert feed_events(sync(cfg, db))["Archive"].outcome == "unchanged"


def _phase_module(name: str, function: str, body: Any) -> types.ModuleType:
    module = types.ModuleType(name)
    setattr(module, function, body)
    return module


def test_later_phases_run_and_report(server: LocalServer, db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[str, Any]] = []

    def run_fulltext(db_path: Path, cfg: Config) -> Iterator[PhaseProgress]:
        calls.append(("fulltext", db_path))
        yield PhaseProgress("fulltext", 0, 2)
        yield PhaseProgress("fulltext", 2, 2, failed=1, counts={"fetched": 1})

    def run_extract(db_path: Path, *, rebuild: bool = False) -> Iterator[PhaseProgress]:
        calls.append(("extract", rebuild))
        # the feeds are stored (and committed) before a phase runs
        assert rows(db_path, "SELECT count(*) FROM articles") == [(3,)]
        yield PhaseProgress("extract", 3, 3)

    monkeypatch.setitem(sys.modules, "vznews.ingest.fulltext", _phase_module("vznews.ingest.fulltext", "run_fulltext", run_fulltext))
    monkeypatch.setitem(sys.modules, "vznews.extract.run", _phase_module("vznews.extract.run", "run_extract", run_extract))
    cfg = config(FeedConfig(url=server.file("/rss.xml", "ingest/data/rss20.xml"), name="Wire"))
    events = sync(cfg, db, fulltext=True, extract=True)
    assert [(e.phase, e.done) for e in events if isinstance(e, PhaseProgress)] == [("fulltext", 0), ("fulltext", 2), ("extract", 3)]
    assert calls == [("fulltext", db), ("extract", False)]
    assert events[-1].extra == {"fulltext_done": 2, "fulltext_failed": 1, "fulltext_fetched": 1, "extract_done": 3, "extract_failed": 0}
    calls.clear()
    sync(cfg, db, fulltext=False, extract=False)
    assert calls == []


def test_missing_phase_is_skipped_and_a_crashing_one_reported(server: LocalServer, db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def run_extract(db_path: Path, *, rebuild: bool = False) -> Iterator[PhaseProgress]:
        yield PhaseProgress("extract", 0, 3)
        raise RuntimeError("model exploded")

    monkeypatch.setitem(sys.modules, "vznews.ingest.fulltext", None)  # "not built yet"
    monkeypatch.setitem(sys.modules, "vznews.extract.run", _phase_module("vznews.extract.run", "run_extract", run_extract))
    cfg = config(FeedConfig(url=server.file("/rss.xml", "ingest/data/rss20.xml"), name="Wire"))
    events = sync(cfg, db, fulltext=True, extract=True)
    phases = [e for e in events if isinstance(e, PhaseProgress)]
    assert [(p.phase, p.failed, p.message) for p in phases] == [
        ("extract", 0, None), ("extract", 1, "extract phase failed: RuntimeError: model exploded")]
    assert events[-1].extra["phase_errors"] == 1 and rows(db, "SELECT count(*) FROM articles") == [(3,)]
