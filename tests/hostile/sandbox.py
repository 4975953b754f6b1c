"""A store with user state, healthy feeds and hostile case feeds, synced by the real CLI.

    box = Sandbox(tmp_path, server, cases=["404", "410"])
    box.seed()                                  # every feed healthy, synced in-process; user state set
    box.serve("404", Response(404))             # a case feed turns hostile; healthy feeds get one new item
    run = box.sync(timeout=20)                  # `vznews sync` in a child process
    box.assert_survived(run, max_mib=120)       # healthy feeds synced, integrity ok, user state untouched
    box.assert_failed(run, "404", r"HTTP 404")  # the case's one summary line

Settings are short (timeout 2 s, deadline 4 s, 1 MiB cap) so a hostile case costs
seconds, not minutes.
"""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path
from typing import Any, Callable, Iterable

from tests.hostile.runner import Run, integrity, run_vznews
from tests.localserver import LocalServer, Request, Response

DATA = Path(__file__).parent / "data"
SETTINGS: dict[str, Any] = {"timeout": 2, "deadline": 4, "max_body_bytes": "1 MiB", "workers": 8, "per_host": 8}
HEALTHY = {"Harbour Gazette": "/healthy-rss.xml", "Valley Courier": "/healthy-atom.xml"}


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


def rss(items: Iterable[dict[str, str]], title: str = "Case feed") -> bytes:
    """A small RSS 2.0 document; each item dict maps element name -> text (already escaped)."""
    body = "".join("<item>" + "".join(f"<{k}>{v}</{k}>" for k, v in item.items()) + "</item>" for item in items)
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{title}</title>'
            f"<link>http://case.invalid/</link>{body}</channel></rss>").encode()


def good_items(case: str) -> list[dict[str, str]]:
    """What a case feed served while it was healthy (guids `CASE-1`, `CASE-2`)."""
    return [{"title": f"Before the trouble, {n}", "guid": f"{case}-{n}", "link": f"http://case.invalid/{case}/{n}",
             "pubDate": f"Sat, 0{n} Mar 2025 10:00:00 GMT", "description": "The case feed was healthy once."}
            for n in (1, 2)]


def slug(case: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", case.lower()).strip("-")


class Sandbox:
    """One test's feeds file, store and server routes: two healthy feeds and the case feeds."""

    def __init__(self, tmp_path: Path, server: LocalServer, cases: Iterable[str] = ("case",),
                 settings: dict[str, Any] | None = None, external: dict[str, str] | None = None) -> None:
        """`cases` are served by `server` (healthy until `serve`); `external` cases live at
        their own URL (a closed port, a raw socket server) and join only after the seed."""
        self.tmp = tmp_path
        self.server = server
        self.db = tmp_path / "vznews.db"
        self.feeds_file = tmp_path / "feeds.toml"
        self.settings = {**SETTINGS, **(settings or {})}
        self.phase = 1
        self.cases = {case: f"/case/{slug(case)}.xml" for case in cases}
        self.urls = {case: server.url(path) for case, path in self.cases.items()}
        self.external = dict(external or {})
        for name, path in HEALTHY.items():
            server.route(path, self._healthy_handler(DATA / path.lstrip("/")))
        for case, path in self.cases.items():
            server.route(path, self._fixed(Response(body=rss(good_items(case)),
                                                    headers={"Content-Type": "application/rss+xml"})))
        self.user_state: dict[str, tuple[int, int]] = {}
        self.env = self._isolated_env()
        self.write_feeds()

    # -- setup

    def _isolated_env(self) -> dict[str, str]:
        home = self.tmp / "home"
        env = {"HOME": str(home)}
        for var, sub in (("XDG_CONFIG_HOME", "config"), ("XDG_DATA_HOME", "data"), ("XDG_CACHE_HOME", "cache"),
                         ("XDG_STATE_HOME", "state")):
            (home / sub).mkdir(parents=True, exist_ok=True)
            env[var] = str(home / sub)
        return env

    def write_feeds(self, *, with_external: bool = True) -> Path:
        """(Re)write feeds.toml: the two healthy feeds, then every case feed (named after its case)."""
        feeds = [{"name": name, "url": self.server.url(path)} for name, path in HEALTHY.items()]
        feeds += [{"name": case, "url": url} for case, url in self.urls.items()]
        if with_external:
            feeds += [{"name": case, "url": url} for case, url in self.external.items()]
        return write_feeds(self.feeds_file, feeds, self.settings)

    @staticmethod
    def _fixed(response: Response) -> Callable[[Request], Response]:
        return lambda request: response

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

        for _ in run_sync(load_config(self.write_feeds(with_external=False)), self.db, fulltext=False, extract=False):
            pass
        self.write_feeds()
        self.phase = 2
        with self.connect() as conn:
            conn.execute("UPDATE articles SET is_read = 1")
            conn.execute("UPDATE articles SET is_starred = 1 WHERE guid LIKE '%-2' OR guid = 'gazette-1'")
        self.user_state = self.state()
        assert all(f"{case}-2" in self.user_state for case in self.cases), "every case feed must have been seeded"

    def serve(self, case: str, handler: Callable[[Request], Response] | Response | bytes,
              content_type: str = "application/rss+xml") -> str:
        """Make a case feed hostile: a handler, a fixed Response, or a body."""
        if isinstance(handler, bytes):
            handler = Response(body=handler, headers={"Content-Type": content_type})
        if isinstance(handler, Response):
            handler = self._fixed(handler)
        self.phase = 2
        return self.server.route(self.cases[case], handler)

    # -- run and check

    def sync(self, *extra: str, timeout: float = 20) -> Run:
        """`vznews sync` over this feeds file and store, without the full-text and extraction phases."""
        return run_vznews("sync", "--feeds", str(self.feeds_file), "--db", str(self.db),
                          "--no-fulltext", "--no-extract", *extra, timeout=timeout, env=self.env)

    def connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.db)
        conn.row_factory = sqlite3.Row
        return conn

    def state(self) -> dict[str, tuple[int, int]]:
        """guid -> (is_read, is_starred) of every stored article."""
        with self.connect() as conn:
            return {row[0]: (row[1], row[2]) for row in conn.execute("SELECT guid, is_read, is_starred FROM articles")}

    def url(self, case: str) -> str:
        return self.urls.get(case) or self.external[case]

    def articles(self, case: str) -> list[sqlite3.Row]:
        """The stored articles of a case feed, oldest row first."""
        with self.connect() as conn:
            return conn.execute("SELECT a.* FROM articles a JOIN feeds f ON f.id = a.feed_id WHERE f.url = ?"
                                " ORDER BY a.id", (self.url(case),)).fetchall()

    def feed_row(self, case: str) -> sqlite3.Row:
        with self.connect() as conn:
            return conn.execute("SELECT * FROM feeds WHERE url = ?", (self.url(case),)).fetchone()

    def dump(self) -> bytes:
        """Every byte of the store (main file and WAL), to look for text that must not be there."""
        return b"".join(p.read_bytes() for p in (self.db, Path(f"{self.db}-wal")) if p.exists())

    @staticmethod
    def line(run: Run, name: str) -> str:
        """The summary line of feed `name` (exactly one must exist)."""
        lines = [line for line in run.stdout.splitlines() if re.match(rf"\s+{re.escape(name)}\s{{2}}", line)]
        assert len(lines) == 1, f"expected one summary line for {name!r}\n{run}"
        return lines[0]

    def assert_survived(self, run: Run, *, max_mib: float, max_seconds: float | None = None,
                        healthy: str = r"\b1 new\b") -> None:
        """The promises every hostile case keeps.

        No traceback; the healthy feeds synced their fresh item; the store is
        sound; user state set before the sync is untouched and no article that was
        stored is lost; the run stayed under `max_mib` of peak RSS (and
        `max_seconds`, a bound tighter than run_vznews's timeout).
        """
        print(f"[bounds] {run.seconds:.1f} s (max {max_seconds}), {run.peak_mib:.0f} MiB (max {max_mib}):"
              f" {', '.join(self.cases) or 'no case'}")  # shown with pytest -s
        assert "Traceback" not in run.output, str(run)
        for name in HEALTHY:
            assert re.search(healthy, self.line(run, name)), str(run)
        assert "\x1b" not in run.output
        assert integrity(self.db) == "ok"
        after = self.state()
        assert {guid: after.get(guid) for guid in self.user_state} == self.user_state, "user state changed or lost"
        assert run.peak_mib < max_mib, f"peak RSS {run.peak_mib:.0f} MiB >= {max_mib} MiB\n{run}"
        if max_seconds is not None:
            assert run.seconds < max_seconds, f"took {run.seconds:.1f} s >= {max_seconds} s\n{run}"

    def assert_failed(self, run: Run, case: str, reason: str) -> str:
        """The case's summary line says it failed, and why (`reason`, a regex); exit code 1."""
        line = self.line(run, case)
        assert re.search(rf"failed: .*{reason}", line, re.IGNORECASE), f"{line!r} !~ {reason!r}\n{run}"
        assert len(line) <= 480, line
        assert run.code == 1, str(run)
        return line

    def assert_ok(self, run: Run, case: str) -> str:
        """The case's summary line does not say it failed."""
        line = self.line(run, case)
        assert "failed" not in line, f"{line!r}\n{run}"
        return line
