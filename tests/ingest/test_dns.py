"""Host name lookups are bounded by the fetch's time limits (no internet: the resolver is faked).

A fake `socket.getaddrinfo` never answers for stuck.example until the test ends, as a
dead resolver would not. If the lookup were unbounded, each fetch would wait for that
release and then report the resolver's late error, so these tests would fail (slowly).
"""

from __future__ import annotations

import socket
import threading
from pathlib import Path
from typing import Any, Iterator
from urllib.parse import urlsplit

import pytest

from tests.localserver import LocalServer, Response
from vznews.ingest.fetch import Fetcher
from vznews.ingest.sync import run_sync
from vznews.models import Config, FeedConfig, FeedSynced, Settings

DATA = Path(__file__).parent / "data"
RSS = (DATA / "rss20.xml").read_bytes()


class FakeResolver:
    """getaddrinfo that hangs for stuck.example, fails for nowhere.example, answers two
    addresses (a dead one first) for two.example, and asks the real resolver otherwise."""

    def __init__(self) -> None:
        self.release = threading.Event()
        self.asked: list[str] = []
        self.real = socket.getaddrinfo

    def __call__(self, host: Any, port: Any, *args: Any, **kwargs: Any) -> Any:
        self.asked.append(str(host))
        if host == "stuck.example":
            self.release.wait(30)
            raise socket.gaierror(socket.EAI_AGAIN, "the resolver answered only after the test")
        if host == "nowhere.example":
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        if host == "two.example":
            # 127.0.0.2 is on the loopback too, but nothing listens there: refused, then the next
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.2", port)),
                    (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", port))]
        return self.real(host, port, *args, **kwargs)


@pytest.fixture
def resolver(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeResolver]:
    fake = FakeResolver()
    monkeypatch.setattr(socket, "getaddrinfo", fake)
    yield fake
    fake.release.set()  # lets the abandoned lookup threads end


def on_host(server: LocalServer, path: str, host: str) -> str:
    """The server's URL for `path`, spelled with another host name (same port)."""
    return f"http://{host}:{urlsplit(server.base).port}{path}"


def test_a_hanging_lookup_fails_at_the_connect_timeout(server: LocalServer, resolver: FakeResolver) -> None:
    with Fetcher(Settings(timeout=0.5, deadline=5.0)) as fetcher:
        result = fetcher.fetch(on_host(server, "/feed.xml", "stuck.example"))
    assert result.error == "timed out looking up stuck.example: no answer from DNS within 0.5 s"
    assert "stuck.example" in resolver.asked
    assert server.requests_to("/feed.xml") == []


def test_a_hanging_lookup_fails_at_the_deadline_when_that_comes_first(server: LocalServer,
                                                                       resolver: FakeResolver) -> None:
    with Fetcher(Settings(timeout=5.0, deadline=0.4)) as fetcher:
        result = fetcher.fetch(on_host(server, "/feed.xml", "stuck.example"))
    # the time left (just under 0.4 s) rounds to a tenth
    assert result.error is not None and result.error.startswith("timed out looking up stuck.example: no answer from DNS within 0.")


def test_a_failed_lookup_is_one_clear_line(server: LocalServer, resolver: FakeResolver) -> None:
    with Fetcher(Settings(timeout=2.0, deadline=5.0)) as fetcher:
        result = fetcher.fetch(on_host(server, "/feed.xml", "nowhere.example"))
    assert result.error == "cannot connect to nowhere.example: Name or service not known"


def test_every_address_found_is_tried_in_turn(server: LocalServer, resolver: FakeResolver) -> None:
    server.route("/feed.xml", lambda r: Response(body=RSS, headers={"Content-Type": "application/rss+xml"}))
    with Fetcher(Settings(timeout=2.0, deadline=5.0)) as fetcher:
        result = fetcher.fetch(on_host(server, "/feed.xml", "two.example"))
    assert result.error is None and result.body == RSS
    assert "two.example" in resolver.asked


def test_ip_addresses_need_no_lookup(server: LocalServer, resolver: FakeResolver) -> None:
    server.route("/feed.xml", lambda r: Response(body=RSS, headers={"Content-Type": "application/rss+xml"}))
    with Fetcher(Settings(timeout=2.0, deadline=5.0)) as fetcher:
        assert fetcher.fetch(server.url("/feed.xml")).body == RSS
    assert not any(threading_name.startswith("vznews-dns") for threading_name in _thread_names())


def _thread_names() -> list[str]:
    return [thread.name for thread in threading.enumerate()]


def test_a_sync_reports_the_stuck_feed_and_stores_the_others(server: LocalServer, resolver: FakeResolver,
                                                             tmp_path: Path) -> None:
    server.route("/feed.xml", lambda r: Response(body=RSS, headers={"Content-Type": "application/rss+xml"}))
    config = Config(path=None, settings=Settings(timeout=0.5, deadline=5.0, workers=2), feeds=(
        FeedConfig(url=on_host(server, "/feed.xml", "stuck.example"), name="Stuck"),
        FeedConfig(url=server.url("/feed.xml"), name="Fine"),
    ))
    events = {e.name: e for e in run_sync(config, tmp_path / "v.db", fulltext=False, extract=False)
              if isinstance(e, FeedSynced)}
    assert events["Stuck"].outcome == "failed"
    assert events["Stuck"].error == "timed out looking up stuck.example: no answer from DNS within 0.5 s"
    assert events["Fine"].outcome == "new" and events["Fine"].new > 0
