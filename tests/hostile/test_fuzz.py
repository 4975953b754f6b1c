"""Hypothesis fuzzing of the feeds.toml loader and the feed-to-store path.

Deterministic (derandomize=True) and bounded (max_examples per test), so the
suite is repeatable and fast. The promise checked: no exception escapes but the
project's own one-line errors (ConfigError; ParseError / NotAFeed), and whatever
a feed holds, the store takes it whole or not at all and stays sound.
"""

from __future__ import annotations

import math
import sqlite3
import tempfile
from datetime import date, datetime, time, timezone
from pathlib import Path
from typing import Any

import tomlkit
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vznews.config import FEED_KEYS, SETTINGS_KEYS, ConfigError, load_config, parse_config
from vznews.ingest.filters import apply_filter
from vznews.ingest.parse import ParseError, parse_feed
from vznews.models import FeedConfig
from vznews.store import writes
from vznews.store.db import open_db
from vznews.textsafe import one_line

def fuzz(examples: int) -> settings:
    """Deterministic, bounded, no example database (nothing written to the repo)."""
    return settings(derandomize=True, max_examples=examples, deadline=None, database=None,
                    suppress_health_check=[HealthCheck.too_slow])
NOW = "2025-03-05T12:00:00Z"

# ------------------------------------------------------------------ hostile text

HOSTILE_FRAGMENTS = [
    "[bold red]", "[/]", "[link=file:///etc/passwd]x[/link]", "[@click=app.quit]q[/]", "\x1b[31m", "\x1b[2J",
    "\x1b]52;c;cHduZWQ=\x07", "\x1b]8;;http://evil.invalid\x1b\\", "\u202e", "\u2066", "\u200b", "\ufeff",
    "e\u0301\u0301\u0301", "\x00", "\x07", "\r", "\x85", "\ud800", "]]>", "<![CDATA[", "&amp;", "&bogus;", "&#0;", "&#xD800;", "&#XDFFF;", "&#1114112;", "&#" + "9" * 30 + ";",
    "<script>alert(1)</script>", "<b>", "</p>", "'", '"', "\\", "%s", "{0}", "\u0000" * 3,
]
hostile_text = st.one_of(
    st.text(max_size=40),
    st.lists(st.one_of(st.sampled_from(HOSTILE_FRAGMENTS), st.text(max_size=8)), max_size=6).map("".join),
)

# ------------------------------------------------------------------ feeds.toml

toml_scalars = st.one_of(
    st.booleans(), st.integers(), st.floats(allow_nan=True, allow_infinity=True), hostile_text,
    st.dates(min_value=date(1, 1, 1)), st.times(), st.datetimes(timezones=st.sampled_from([None, timezone.utc])),
    st.sampled_from(["http://a.invalid/rss", "https://b.invalid/feed?x=1", "file:///tmp/x.xml", "feed.xml",
                     "~/news.xml", "ftp://c.invalid/", "javascript:alert(1)", "http://", "http://[::1", "//x",
                     "10 MiB", "1e9", "-1", ""]),
)
toml_values = st.recursive(toml_scalars, lambda inner: st.lists(inner, max_size=4)
                           | st.dictionaries(st.text(max_size=6), inner, max_size=3), max_leaves=8)
feed_tables = st.dictionaries(st.one_of(st.sampled_from(FEED_KEYS), st.text(max_size=8)), toml_values, max_size=6)
settings_tables = st.dictionaries(st.one_of(st.sampled_from(SETTINGS_KEYS), st.text(max_size=8)), toml_values,
                                  max_size=5)
documents = st.fixed_dictionaries(
    {}, optional={"settings": settings_tables, "feeds": st.lists(feed_tables, max_size=4), "extra": toml_values}
)


def _toml(document: dict[str, Any]) -> str | None:
    try:
        return tomlkit.dumps(document)
    except Exception:  # tomlkit cannot write every value (NUL in keys, some floats): not our concern
        return None


def _check_config(text: str, path: Path) -> None:
    try:
        config = parse_config(text, path)
    except ConfigError as exc:
        message = str(exc)
        assert message and "\n" not in message, repr(message)
        assert message.startswith(str(path)), message
        return
    for feed in config.feeds:
        assert isinstance(feed, FeedConfig) and feed.name and feed.url.split(":")[0] in ("http", "https", "file")
    assert len({f.url for f in config.feeds}) == len(config.feeds)
    s = config.settings
    assert 1 <= s.workers <= 256 and s.max_body_bytes >= 1024 and not math.isnan(s.timeout)


@fuzz(150)
@given(documents)
def test_structured_feeds_files_load_or_fail_with_one_line(document: dict[str, Any]) -> None:
    text = _toml(document)
    if text is not None:
        _check_config(text, Path("/fuzz/feeds.toml"))


@fuzz(300)
@given(st.text(alphabet=st.sampled_from(list('[]{}=."\'#\n\\ ,abcurlfeds0129-:_\t\x00\x7f\u00e9')), max_size=80))
def test_arbitrary_text_loads_or_fails_with_one_line(text: str) -> None:
    _check_config(text, Path("/fuzz/feeds.toml"))


@fuzz(100)
@given(st.binary(max_size=200))
def test_arbitrary_bytes_from_a_file(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "feeds.toml"
        path.write_bytes(data)
        try:
            load_config(path)
        except ConfigError as exc:
            assert "\n" not in str(exc) and str(path) in str(exc)


# ------------------------------------------------------------------ feed -> store

_STORE: dict[str, Any] = {}


def _store() -> Any:
    """One store for every example (an example's feed row is new each time)."""
    if "db" not in _STORE:
        _STORE["dir"] = tempfile.TemporaryDirectory()
        _STORE["db"] = open_db(Path(_STORE["dir"].name) / "fuzz.db")
    return _STORE["db"]


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


DATES = ["Mon, 03 Mar 2025 10:00:00 GMT", "Fri, 31 Dec 9999 23:59:59 GMT", "Thu, 01 Jan 1970 00:00:00 +0000",
         "2025-02-30T25:61:00Z", "yesterday", "", "0000-00-00", "Sun, 99 Foo 2025 99:99:99 XYZ", "1e308",
         "2100-01-01T00:00:00+14:00", "-0001-01-01T00:00:00Z", "9" * 40]

entries = st.fixed_dictionaries({}, optional={
    "title": hostile_text, "guid": st.one_of(hostile_text, st.sampled_from(["dup", "dup", " ", ""])),
    "link": st.one_of(hostile_text, st.sampled_from(["http://x.invalid/a", "javascript:alert(1)", "/rel", "//h/p"])),
    "pubDate": st.one_of(st.sampled_from(DATES), hostile_text), "author": hostile_text,
    "description": hostile_text,
})


@st.composite
def feed_documents(draw: st.DrawFn) -> tuple[bytes, str | None]:
    """An RSS or Atom document with hostile text, escaped or raw (malformed), in some encoding,
    declared truthfully or not; or a JSON document; or arbitrary bytes."""
    kind = draw(st.sampled_from(["rss", "atom", "json", "bytes"]))
    if kind == "bytes":
        return draw(st.binary(max_size=300)), draw(st.sampled_from([None, "application/xml", "application/json"]))
    items = draw(st.lists(entries, max_size=6))
    raw = draw(st.booleans())
    put = (lambda t: t) if raw else _escape
    if kind == "json":
        import json

        feed = {"version": "https://jsonfeed.org/version/1.1", "title": draw(hostile_text), "items": [
            {"id": item.get("guid"), "title": item.get("title"), "content_html": item.get("description"),
             "date_published": item.get("pubDate"), "url": item.get("link")} for item in items]}
        text = json.dumps(feed, ensure_ascii=draw(st.booleans()))
        return text.encode("utf-8", "surrogatepass"), "application/feed+json"
    if kind == "rss":
        body = "".join("<item>" + "".join(f"<{k}>{put(v)}</{k}>" for k, v in item.items()) + "</item>"
                       for item in items)
        doc = f'<rss version="2.0"><channel><title>{put(draw(hostile_text))}</title>{body}</channel></rss>'
    else:
        names = {"title": "title", "guid": "id", "link": "link", "pubDate": "updated", "author": "author",
                 "description": "summary"}
        body = "".join("<entry>" + "".join(
            f'<link href="{put(v)}"/>' if k == "link" else f"<{names[k]}>{put(v)}</{names[k]}>"
            for k, v in item.items()) + "</entry>" for item in items)
        doc = f'<feed xmlns="http://www.w3.org/2005/Atom"><title>{put(draw(hostile_text))}</title>{body}</feed>'
    actual = draw(st.sampled_from(["utf-8", "latin-1", "cp1252", "utf-16", "shift_jis"]))
    declared = draw(st.sampled_from(["utf-8", "iso-8859-1", "windows-1252", "utf-16", "koi8-r", "nonsense", None]))
    prolog = f'<?xml version="1.0" encoding="{declared}"?>' if declared else ""
    bom = draw(st.sampled_from([b"", b"\xef\xbb\xbf"]))
    return bom + (prolog + doc).encode(actual, "replace" if actual != "utf-8" else "surrogatepass"), \
        draw(st.sampled_from([None, "application/rss+xml", "text/xml; charset=utf-8", "text/html", "text/xml; charset=bogus"]))


@fuzz(250)
@given(feed_documents(), st.sampled_from([(), ("venezuela",), ("[bold]",)]))
def test_any_feed_body_is_stored_whole_or_refused_in_one_line(document: tuple[bytes, str | None],
                                                              include: tuple[str, ...]) -> None:
    body, content_type = document
    try:
        parsed = parse_feed(body, url="http://fuzz.invalid/feed.xml", now=NOW, content_type=content_type)
    except ParseError as exc:  # NotAFeed is a ParseError
        assert str(exc) and one_line(str(exc), 10_000) == str(exc), repr(str(exc))
        return
    for entry in parsed.entries:
        assert entry.guid and entry.guid.strip()
        assert entry.published.endswith("Z") and len(entry.published) == 20
        assert "\n" not in entry.title and "\x1b" not in entry.title and "\x00" not in entry.title
        assert entry.url is None or entry.url.startswith(("http://", "https://"))
    assert len({e.guid for e in parsed.entries}) == len(parsed.entries)

    db = _store()
    feed = FeedConfig(url=f"http://fuzz.invalid/{len(db.conn.execute('SELECT id FROM feeds').fetchall())}",
                      name="Fuzz", include=include)
    stored = writes.sync_feed_rows(db, [feed])[feed.url]
    kept, _ = apply_filter(feed, parsed.entries)
    state = writes.FetchState(NOW, 200, None, None, "hash", None)
    new, updated = writes.store_feed(db, stored.id, parsed, kept, state, first_seen=NOW)
    assert (new, updated) == (len(kept), 0)
    again = writes.store_feed(db, stored.id, parsed, kept, state, first_seen=NOW)
    assert again == (0, 0), "a re-delivered feed must cost nothing"
    rows = db.conn.execute("SELECT guid, title FROM articles WHERE feed_id = ?", (stored.id,)).fetchall()
    assert sorted(r[0] for r in rows) == sorted(e.guid for e in kept)


def test_the_fuzzed_store_is_sound() -> None:
    """Runs after the fuzzing above (file order): integrity and FTS consistency of what it stored."""
    db = _store()
    assert db.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    db.conn.execute("INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)")
    orphans = db.conn.execute("SELECT count(*) FROM articles WHERE feed_id NOT IN (SELECT id FROM feeds)")
    assert orphans.fetchone()[0] == 0
    try:
        db.conn.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'bold'").fetchone()
    except sqlite3.Error as exc:  # pragma: no cover - a failure shows the message
        raise AssertionError(exc) from exc
