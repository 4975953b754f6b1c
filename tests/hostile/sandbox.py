"""A store with user state, healthy feeds and one hostile feed, synced by the real CLI.

    box = Sandbox(tmp_path, server)
    box.seed()                                # healthy + the case feed, synced in-process; user state set
    box.serve_case(handler)                   # the case feed turns hostile; healthy feeds get one new item
    run = box.sync(timeout=20)                # `vznews sync` in a child process
    box.assert_survived(run, max_mib=...)     # healthy feeds synced, integrity ok, user state untouched

Settings are short (timeout 2 s, deadline 4 s, 1 MiB cap) so a hostile case costs
seconds, not minutes.
"""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path
from typing import Any, Callable

from tests.hostile.runner import Run, integrity, run_vznews
from tests.localserver import LocalServer, Request, Response

DATA = Path(__file__).parent / "data"
SETTINGS: dict[str, Any] = {"timeout": 2, "deadline": 4, "max_body_bytes": "1 MiB", "workers": 4}
CASE = "Hostile Case"


def toml_value(value: Any) -> str:
    """A Python value as TOML (strings via JSON, which TOML basic strings accept)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    return json.dumps(str(value), ensure_ascii=False)


def write_feeds(path: Path, feeds: list[dict[str, Any]], settings: dict[str, Any] | None = None) -> Path:
    """Write a feeds.toml with a [settings] table and one [[feeds]] table per dict."""
    lines = ["[settings]"] + [f"{k} = {toml_value(v)}" for k, v in (settings or {}).items()]
    for feed in feeds:
        lines += ["", "[[feeds]]"] + [f"{k} = {toml_value(v)}" for k, v in feed.items()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def rss(items: list[dict[str, str]], title: str = "Case feed") -> bytes:
    """A small RSS 2.0 document; each item dict maps element name -> text (already escaped)."""
    body = "".join("<item>" + "".join(f"<{k}>{v}</{k}>" for k, v in item.items()) + "</item>" for item in items)
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{title}</title>'
            f"<link>http://case.invalid/</link>{body}</channel></rss>").encode()


GOOD_CASE_ITEMS = [
    {"title": "Before the trouble, one", "guid": "case-1", "link": "http://case.invalid/1",
     "pubDate": "Sat, 01 Mar 2025 10:00:00 GMT", "description": "The case feed was healthy once."},
    {"title": "Before the trouble, two", "guid": "case-2", "link": "http://case.invalid/2",
     "pubDate": "Sun, 02 Mar 2025 10:00:00 GMT", "description": "Its readers starred this one."},
]


class Sandbox:
    """One test's feeds file, store and server routes."""

    def __init__(self, tmp_path: Path, server: LocalServer, settings: dict[str, Any] | None = None) -> None:
        self.tmp = tmp_path
        self.server = server
        self.db = tmp_path / "vznews.db"
        self.feeds_file = tmp_path / "feeds.toml"
        self.settings = {**SETTINGS, **(settings or {})}
        self.phase = 1
        self.case_url = server.url("/case.xml")
        self.healthy = {"Harbour Gazette": "/healthy-rss.xml", "Valley Courier": "/healthy-atom.xml"}
        for name, path in self.healthy.items():
            server.route(path, self._healthy_handler(DATA / path.lstrip("/")))
        server.route("/case.xml", lambda request: Response(body=rss(GOOD_CASE_ITEMS),
                                                           headers={"Content-Type": "application/rss+xml"}))
        self.user_state: dict[str, tuple[int, int]] = {}
        self.write_feeds()

    # -- setup

    def write_feeds(self, case_url: str | None = None, extra: list[dict[str, Any]] | None = None) -> Path:
        """(Re)write feeds.toml: the two healthy feeds, the case feed (at `case_url`), and `extra`."""
        feeds = [{"name": name, "url": self.server.url(path)} for name, path in self.healthy.items()]
        feeds.append({"name": CASE, "url": case_url or self.case_url})
        return write_feeds(self.feeds_file, feeds + (extra or []), self.settings)

    def _healthy_handler(self, path: Path) -> Callable[[Request], Response]:
        def handle(request: Request) -> Response:
            body = path.read_bytes()
            if self.phase > 1:  # one fresh item, so the summary shows the healthy feed really synced
                fresh = (b"<item><title>Fresh news</title><guid>fresh-" + path.stem.encode() +
                         b"</guid><pubDate>Wed, 05 Mar 2025 10:00:00 GMT</pubDate></item>")
                entry = (b"<entry><title>Fresh news</title><id>urn:fresh</id>"
                         b"<updated>2025-03-05T10:00:00Z</updated></entry>")
                body = body.replace(b"</channel>", fresh + b"</channel>").replace(b"</feed>", entry + b"</feed>")
            return Response(body=body, headers={"Content-Type": "application/xml"})

        return handle

    def seed(self) -> None:
        """Sync every feed in-process while all are healthy, then read and star some articles."""
        from vznews.config import load_config
        from vznews.ingest.sync import run_sync

        for _ in run_sync(load_config(self.feeds_file), self.db, fulltext=False, extract=False):
            pass
        with self.connect() as conn:
            conn.execute("UPDATE articles SET is_read = 1")
            conn.execute("UPDATE articles SET is_starred = 1 WHERE guid IN ('case-2', 'gazette-1')")
        self.user_state = self.state()
        assert any(guid == "case-2" for guid in self.user_state), "the case feed must have been seeded"

    def serve_case(self, handler: Callable[[Request], Response] | Response | bytes, path: str = "/case.xml",
                   content_type: str = "application/rss+xml") -> str:
        """Make the case feed hostile: a handler, a fixed Response, or a body."""
        if isinstance(handler, bytes):
            handler = Response(body=handler, headers={"Content-Type": content_type})
        if isinstance(handler, Response):
            fixed = handler
            handler = lambda request: fixed  # noqa: E731
        self.phase = 2
        return self.server.route(path, handler)

    # -- run and check

    def sync(self, *extra: str, timeout: float = 20) -> Run:
        """`vznews sync` over this feeds file and store, without the full-text and extraction phases."""
        return run_vznews("sync", "--feeds", str(self.feeds_file), "--db", str(self.db),
                          "--no-fulltext", "--no-extract", *extra, timeout=timeout)

    def connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.db)
        conn.row_factory = sqlite3.Row
        return conn

    def state(self) -> dict[str, tuple[int, int]]:
        """guid -> (is_read, is_starred) of every stored article."""
        with self.connect() as conn:
            return {row[0]: (row[1], row[2]) for row in conn.execute("SELECT guid, is_read, is_starred FROM articles")}

    def case_articles(self) -> list[sqlite3.Row]:
        with self.connect() as conn:
            return conn.execute("SELECT a.* FROM articles a JOIN feeds f ON f.id = a.feed_id WHERE f.name = ?"
                                " ORDER BY a.id", (CASE,)).fetchall()

    def line(self, run: Run, name: str = CASE) -> str:
        """The summary line of feed `name` (exactly one must exist)."""
        lines = [line for line in run.stdout.splitlines() if re.match(rf"\s+{re.escape(name)}\s{{2}}", line)]
        assert len(lines) == 1, f"expected one summary line for {name!r}\n{run}"
        return lines[0]

    def assert_survived(self, run: Run, *, max_mib: float, max_seconds: float | None = None,
                        fails: str | None = None) -> None:
        """The promises every hostile case keeps.

        Healthy feeds synced their fresh item; the case feed's line says `fails`
        (a regex; None: it did not fail); the store is sound; user state set
        before the sync is untouched; the run stayed under `max_mib` (and
        `max_seconds`: the time bound beyond run_vznews's timeout).
        """
        assert "Traceback" not in run.output, str(run)
        for name in self.healthy:
            assert re.search(r"\b1 new\b", self.line(run, name)), str(run)
        case_line = self.line(run)
        if fails is None:
            assert "failed" not in case_line, str(run)
        else:
            assert re.search(rf"failed: .*{fails}", case_line, re.IGNORECASE), f"{case_line!r} !~ {fails!r}\n{run}"
            assert run.code == 1, str(run)
        assert len(case_line) <= 480, case_line
        assert "\x1b" not in run.output
        assert integrity(self.db) == "ok"
        after = self.state()
        assert {guid: after.get(guid) for guid in self.user_state} == self.user_state, "user state changed"
        assert run.peak_mib < max_mib, f"peak RSS {run.peak_mib:.0f} MiB >= {max_mib} MiB\n{run}"
        if max_seconds is not None:
            assert run.seconds < max_seconds, f"took {run.seconds:.1f} s >= {max_seconds} s\n{run}"
