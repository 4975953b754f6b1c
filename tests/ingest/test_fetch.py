"""Fetching over HTTP from a local server: conditional GET, redirects, limits, politeness."""

from __future__ import annotations

import gzip
import threading
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

from tests.localserver import LocalServer, Response
from vznews.ingest.fetch import Fetcher, parse_retry_after
from vznews.models import Settings

FEED = "ingest/data/rss20.xml"
BODY = (Path(__file__).parent / "data" / "rss20.xml").read_bytes()


def fetcher(**settings: object) -> Fetcher:
    return Fetcher(Settings(**{"timeout": 2.0, "deadline": 5.0, **settings}))  # type: ignore[arg-type]


def test_plain_get_sends_a_real_user_agent_and_accepts_gzip(server: LocalServer) -> None:
    url = server.file("/feed.xml", FEED)
    with fetcher() as f:
        result = f.fetch(url)
    assert result.ok and result.body == BODY and result.status == 200
    sent = server.requests_to("/feed.xml")[0].headers
    assert sent["user-agent"].startswith("vznews/") and "gzip" in sent["accept-encoding"]
    assert "application/rss+xml" in sent["accept"]


def test_conditional_get_and_304(server: LocalServer) -> None:
    url = server.file("/feed.xml", FEED, etag='"v1"', last_modified="Tue, 30 Jul 2024 18:00:00 GMT")
    with fetcher() as f:
        first = f.fetch(url)
        second = f.fetch(url, etag=first.etag, last_modified=first.last_modified)
    assert (first.etag, first.last_modified) == ('"v1"', "Tue, 30 Jul 2024 18:00:00 GMT")
    assert second.not_modified and second.body is None and second.status == 304 and second.ok
    sent = server.requests_to("/feed.xml")[1].headers
    assert sent["if-none-match"] == '"v1"' and sent["if-modified-since"] == "Tue, 30 Jul 2024 18:00:00 GMT"


def test_if_modified_since_alone(server: LocalServer) -> None:
    url = server.file("/feed.xml", FEED, last_modified="Tue, 30 Jul 2024 18:00:00 GMT")
    with fetcher() as f:
        assert f.fetch(url, last_modified="Tue, 30 Jul 2024 18:00:00 GMT").not_modified


def test_gzip_body_is_decoded(server: LocalServer) -> None:
    url = server.file("/feed.xml", FEED, gzip_body=True)
    with fetcher() as f:
        assert f.fetch(url).body == BODY


def test_permanent_redirect_is_recorded(server: LocalServer) -> None:
    server.route("/old.xml", lambda r: Response(301, headers={"Location": "/new.xml"}))
    new = server.file("/new.xml", FEED)
    with fetcher() as f:
        result = f.fetch(server.url("/old.xml"))
    assert result.body == BODY and result.moved_to == new and result.final_url == new


def test_temporary_redirect_is_followed_but_not_recorded(server: LocalServer) -> None:
    server.route("/a", lambda r: Response(302, headers={"Location": "/b"}))
    server.route("/b", lambda r: Response(301, headers={"Location": "/feed.xml"}))
    server.route("/c", lambda r: Response(308, headers={"Location": "/a"}))
    server.file("/feed.xml", FEED)
    with fetcher() as f:
        assert f.fetch(server.url("/a")).moved_to is None  # temporary first: the address stays
        result = f.fetch(server.url("/c"))  # permanent, then temporary: moved as far as /a
    assert result.body == BODY and result.moved_to == server.url("/a")


def test_redirect_limit(server: LocalServer) -> None:
    for n in range(7):
        server.route(f"/r{n}", lambda r, n=n: Response(302, headers={"Location": f"/r{n + 1}"}))
    server.file("/r7", FEED)
    with fetcher() as f:
        result = f.fetch(server.url("/r0"))
        assert result.error == "too many redirects (more than 5)"
        assert f.fetch(server.url("/r2")).body == BODY  # exactly five hops is fine


def test_read_timeout(server: LocalServer) -> None:
    server.route("/slow", lambda r: Response(body=BODY, delay=10.0))
    with fetcher(timeout=0.3) as f:
        started = time.monotonic()
        result = f.fetch(server.url("/slow"))
    assert result.error is not None and result.error.startswith("timed out waiting for 127.0.0.1")
    assert time.monotonic() - started < 8  # gave up long before the server answered


def _trickle() -> object:
    for _ in range(100):
        time.sleep(0.1)
        yield b"<!-- still coming -->"


def test_total_deadline_stops_a_trickling_body(server: LocalServer) -> None:
    server.route("/trickle", lambda r: Response(chunks=_trickle()))
    with fetcher(timeout=1.0, deadline=0.6) as f:
        started = time.monotonic()
        result = f.fetch(server.url("/trickle"))
    assert result.error == "took longer than the 0.6 s deadline"
    assert time.monotonic() - started < 8  # the server would have trickled for 10 s


def test_size_cap_from_content_length(server: LocalServer) -> None:
    server.route("/big", lambda r: Response(body=b"x" * 5000))
    with fetcher(max_body_bytes=1024) as f:
        assert f.fetch(server.url("/big")).error == "response is larger than the 1 KiB limit (5 KiB)"


def test_size_cap_while_streaming_and_after_gunzip(server: LocalServer) -> None:
    server.route("/stream", lambda r: Response(chunks=iter([b"y" * 800] * 10)))
    bomb = gzip.compress(b"z" * 200_000)
    server.route("/bomb", lambda r: Response(body=bomb, headers={"Content-Encoding": "gzip"}))
    with fetcher(max_body_bytes=4096) as f:
        assert f.fetch(server.url("/stream")).error == "response is larger than the 4 KiB limit"
        assert f.fetch(server.url("/bomb")).error == "response is larger than the 4 KiB limit"


def test_http_errors_are_one_line(server: LocalServer) -> None:
    server.route("/gone", lambda r: Response(410))
    with fetcher() as f:
        assert f.fetch(server.url("/missing")).error == "HTTP 404 Not Found"
        gone = f.fetch(server.url("/gone"))
        assert gone.error == "HTTP 410 Gone: the publisher removed this feed" and gone.status == 410
        refused = f.fetch("http://127.0.0.1:9/feed.xml")
        assert refused.error is not None and refused.error.startswith("cannot connect to 127.0.0.1")


def test_429_with_retry_after_seconds(server: LocalServer) -> None:
    server.route("/busy", lambda r: Response(429, headers={"Retry-After": "120"}))
    with fetcher() as f:
        result = f.fetch(server.url("/busy"))
    assert result.status == 429 and result.error.startswith("HTTP 429 Too Many Requests; the server asks to wait until")
    wait = result.retry_after - datetime.now(timezone.utc)
    assert timedelta(seconds=100) < wait <= timedelta(seconds=120)


def test_503_with_retry_after_date(server: LocalServer) -> None:
    server.route("/down", lambda r: Response(503, headers={"Retry-After": "Wed, 21 Oct 2099 07:28:00 GMT"}))
    with fetcher() as f:
        result = f.fetch(server.url("/down"))
    # far-future dates are capped at a week
    assert result.retry_after is not None and result.retry_after - datetime.now(timezone.utc) <= timedelta(days=7)


def test_parse_retry_after() -> None:
    now = datetime(2024, 8, 1, tzinfo=timezone.utc)
    assert parse_retry_after("30", now) == now + timedelta(seconds=30)
    assert parse_retry_after("Thu, 01 Aug 2024 00:10:00 GMT", now) == now + timedelta(minutes=10)
    assert parse_retry_after("soon", now) is None and parse_retry_after(None, now) is None


def test_at_most_two_requests_per_host(server: LocalServer) -> None:
    for n in range(6):
        server.route(f"/slow{n}", lambda r: Response(body=BODY, delay=0.3))
    with fetcher(workers=6) as f:
        threads = [threading.Thread(target=f.fetch, args=(server.url(f"/slow{n}"),)) for n in range(6)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert server.max_concurrent == 2
    assert len(server.log) == 6


def test_local_files_and_file_urls(tmp_path: Path) -> None:
    feed = tmp_path / "archive feed.xml"
    feed.write_bytes(BODY)
    with fetcher() as f:
        by_path = f.fetch(str(feed))
        by_url = f.fetch(feed.as_uri())
        again = f.fetch(feed.as_uri(), last_modified=by_url.last_modified)
        missing = f.fetch((tmp_path / "nope.xml").as_uri())
    assert by_path.body == by_url.body == BODY and again.not_modified
    assert missing.error == f"{tmp_path / 'nope.xml'}: no such file"


def test_local_file_size_cap(tmp_path: Path) -> None:
    feed = tmp_path / "big.xml"
    feed.write_bytes(b"x" * 3_000_000)
    with fetcher(max_body_bytes=1024 * 1024) as f:
        assert f.fetch(str(feed)).error == f"{feed}: file is larger than the 1 MiB limit"


def test_the_per_host_limit_is_per_host_name_not_per_port() -> None:
    from vznews.ingest.fetch import _host_key

    assert _host_key("http://News.Example.org/a") == _host_key("https://news.example.org:8443/b") == "news.example.org"
    assert _host_key("https://other.example.org/") != _host_key("https://news.example.org/")
