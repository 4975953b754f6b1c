"""Hostile HTTP through a real `vznews sync`: every case beside two healthy feeds.

Cheap cases share one sync (their bounds hold for all of them at once); cases
that cost time or memory get their own. Settings: timeout 2 s, deadline 4 s,
body cap 1 MiB. Every sync must: finish inside its stated time, stay under its
stated peak RSS, keep the healthy feeds syncing, give each bad feed one summary
line naming what went wrong, keep the store sound and user state untouched.
"""

from __future__ import annotations

import re
import sqlite3
from email.utils import format_datetime
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Iterator

import pytest

from tests.hostile import bodies
from tests.hostile.runner import Run
from tests.hostile.sandbox import Sandbox
from tests.localserver import LocalServer, Request, Response

HTML = b"<!DOCTYPE html><html><head><title>News</title></head><body><p>No feed here.</p></body></html>"
CAP_MIB = 1

# case -> (response, the failure line's reason)
ERRORS: dict[str, tuple[Response, str]] = {
    "not found 404": (Response(404, b"not found"), r"HTTP 404"),
    "gone 410": (Response(410, b"gone"), r"HTTP 410 Gone.*removed"),
    "too many 429": (Response(429, headers={"Retry-After": "3600"}), r"HTTP 429.*wait until"),
    "unavailable 503": (Response(503, headers={"Retry-After": format_datetime(
        datetime.now(timezone.utc) + timedelta(hours=2), usegmt=True)}), r"HTTP 503.*wait until"),
    "server error 500": (Response(500, b"oops"), r"HTTP 500"),
    "html page": (Response(body=HTML, headers={"Content-Type": "text/html; charset=utf-8"}), r"web page"),
    "empty 200": (Response(body=b"", headers={"Content-Type": "application/rss+xml"}), r"empty"),
    "json not a feed": (Response(body=b'{"hello": "world", "items": 3}', headers={"Content-Type": "application/json"}),
                        r"not a feed"),
    "gzip that lies": (Response(body=b"<rss><channel><title>plain</title></channel></rss>",
                                headers={"Content-Encoding": "gzip", "Content-Type": "application/rss+xml"}),
                       r"decode|compress"),
    "redirect loop": (Response(302, headers={"Location": "/case/redirect-loop.xml"}), r"too many redirects"),
    "redirect to file": (Response(301, headers={"Location": "file:///etc/passwd"}), r"non-HTTP address: file:///etc/passwd"),
    "redirect to javascript": (Response(302, headers={"Location": "javascript:alert(1)"}), r"non-HTTP|unusable address"),
    "declared 200 MB": (Response(headers={"Content-Length": str(200 * bodies.MiB)}, chunks=[b"<rss>" * 1000]),
                        rf"larger than the {CAP_MIB}.0 MiB limit \(200.0 MiB\)"),
}
STREAMED_200MB = "streamed 200 MB"
EXTERNAL = {"connection refused": r"cannot connect to 127\.0\.0\.1.*refused", "TLS to a plain port": r"SSL|TLS|connect"}


@pytest.fixture(scope="module")
def errors(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Sandbox, Run, Run, LocalServer]]:
    server = LocalServer().start()
    try:
        host, port = server.httpd.server_address[:2]
        external = {"connection refused": f"http://127.0.0.1:{bodies.closed_port()}/feed.xml",
                    "TLS to a plain port": f"https://127.0.0.1:{port}/case/tls.xml"}
        box = Sandbox(tmp_path_factory.mktemp("errors"), server, cases=[*ERRORS, STREAMED_200MB], external=external)
        box.seed()
        for case, (response, _) in ERRORS.items():
            box.serve(case, response)
        box.serve(STREAMED_200MB, lambda request: Response(chunks=bodies.huge(200 * bodies.MiB),
                                                          headers={"Content-Type": "application/rss+xml"}))
        first = box.sync(timeout=30)
        requests_before = len(server.log)
        second = box.sync(timeout=30)
        box.second_requests = server.log[requests_before:]  # type: ignore[attr-defined]
        yield box, first, second, server
    finally:
        server.stop()


def test_errors_batch_survives_within_bounds(errors) -> None:  # type: ignore[no-untyped-def]
    box, first, second, _ = errors
    # 15 failing feeds at once, a 200 MB body among them: 20 s and 150 MiB at most.
    box.assert_survived(first, max_mib=150, max_seconds=20)
    assert first.code == 1
    assert "Totals: 18 feeds (2 with news, 0 unchanged, 16 failed)" in first.stdout, str(first)


@pytest.mark.parametrize("case", list(ERRORS))
def test_each_http_error_is_one_clear_line(errors, case: str) -> None:  # type: ignore[no-untyped-def]
    box, first, _, _ = errors
    box.assert_failed(first, case, ERRORS[case][1])
    assert [row["guid"] for row in box.articles(case)] == [f"{case}-1", f"{case}-2"], "stored articles were lost"


def test_a_200_mb_stream_is_cut_at_the_cap(errors) -> None:  # type: ignore[no-untyped-def]
    box, first, _, _ = errors
    box.assert_failed(first, STREAMED_200MB, rf"larger than the {CAP_MIB}.0 MiB limit")


@pytest.mark.parametrize("case", list(EXTERNAL))
def test_unreachable_servers_are_one_clear_line(errors, case: str) -> None:  # type: ignore[no-untyped-def]
    box, first, _, _ = errors
    box.assert_failed(first, case, EXTERNAL[case])


def test_410_marks_the_feed_gone(errors) -> None:  # type: ignore[no-untyped-def]
    box, *_ = errors
    row = box.feed_row("gone 410")
    assert row["gone"] == 1 and row["status"] == 410 and "Gone" in row["error"]


def test_retry_after_is_honoured_on_the_next_sync(errors) -> None:  # type: ignore[no-untyped-def]
    box, _, second, _ = errors
    for case in ("too many 429", "unavailable 503"):
        assert box.feed_row(case)["retry_after"], case
        line = box.line(second, case)
        assert "skipped" in line and "backed off until" in line, line
        assert not [r for r in box.second_requests if r.path == box.cases[case]], f"{case} was fetched again"
    box.assert_survived(second, max_mib=150, max_seconds=20, healthy=r"unchanged")


def test_nothing_from_a_redirect_target_or_local_file_is_stored(errors) -> None:  # type: ignore[no-untyped-def]
    box, *_ = errors
    passwd = Path("/etc/passwd").read_bytes().split(b"\n")[0]
    assert passwd not in box.dump()


# ------------------------------------------------------------------ the clock

DEADLINE_CASES = {
    "endless body": r"took longer than the 4 s deadline",
    "trickled body": r"took longer than the 4 s deadline",
    "trickled headers": r"took longer than the 4 s deadline",
    "silent server": r"timed out|took longer",
    "slow to answer": r"timed out|took longer",
}


@pytest.mark.slow
def test_servers_that_stall_are_stopped_by_the_deadline(tmp_path: Path, server: LocalServer) -> None:
    raw = {"trickled headers": bodies.RawServer(bodies.trickled_headers), "silent server": bodies.RawServer(bodies.silent)}
    try:
        box = Sandbox(tmp_path, server, cases=["endless body", "trickled body", "slow to answer"],
                      external={name: srv.url for name, srv in raw.items()})
        box.seed()
        box.serve("endless body", lambda request: Response(chunks=bodies.endless()))
        box.serve("trickled body", lambda request: Response(chunks=bodies.trickle(b"<rss>" * 100, pause=1.0)))
        box.serve("slow to answer", lambda request: Response(body=b"<rss/>", delay=30))
        run = box.sync(timeout=40)
    finally:
        for srv in raw.values():
            srv.stop()
    # Five stalling servers at once: the deadline (4 s) ends each; the whole sync within 15 s.
    box.assert_survived(run, max_mib=150, max_seconds=15)
    for case, reason in DEADLINE_CASES.items():
        box.assert_failed(run, case, reason)


@pytest.mark.slow
def test_a_gzip_bomb_is_cut_at_the_cap(tmp_path: Path, server: LocalServer) -> None:
    bomb = bodies.gzip_bomb(512)  # 0.5 MB on the wire, 512 MiB inflated
    box = Sandbox(tmp_path, server, cases=["gzip bomb"])
    box.seed()
    box.serve("gzip bomb", Response(body=bomb, headers={"Content-Encoding": "gzip",
                                                        "Content-Type": "application/rss+xml"}))
    run = box.sync(timeout=30)
    # Inflating it all would take 512 MiB; decoding in steps bounded by the 1 MiB cap costs about the cap.
    box.assert_survived(run, max_mib=100, max_seconds=15)
    box.assert_failed(run, "gzip bomb", rf"larger than the {CAP_MIB}.0 MiB limit")
