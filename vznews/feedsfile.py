"""Add feeds to a user's feeds.toml without disturbing a byte of what is already there.

New `[[feeds]]` entries are rendered by tomlkit and appended as text, so the user's
comments, order and spacing survive exactly. Every write is checked by loading the
result with the strict config loader first, then replaces the file atomically.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

import tomlkit

from vznews import locations
from vznews.config import ConfigError, load_config, parse_config
from vznews.feedurl import FeedURLError, resolve_feed_url, url_key
from vznews.models import Config, FeedConfig

NEW_FILE_HEADER = """\
# vznews feeds. Each [[feeds]] entry needs a url; name, tags, lang, include,
# exclude and fulltext are optional. See the bundled feeds.toml for every key.
"""


class FeedsFileError(Exception):
    """The feed cannot be added; the message is one line saying why."""


class DuplicateFeedError(FeedsFileError):
    """The feed is already in the feeds file."""


@dataclass(frozen=True)
class NewFeed:
    """A feed to add: a URL or path (relative to `base_dir`), and optional details."""

    url: str
    name: str | None = None
    tags: tuple[str, ...] = ()
    lang: str | None = None


@dataclass
class AddResult:
    """What `add_feeds` did: the feeds added, those already there, those refused."""

    path: Path
    added: list[FeedConfig] = field(default_factory=list)
    duplicates: list[tuple[NewFeed, str]] = field(default_factory=list)  # (feed, name of the existing entry)
    invalid: list[tuple[NewFeed, str]] = field(default_factory=list)  # (feed, reason)
    created: bool = False  # the feeds file did not exist before


def writable_feeds_path(option: Path | str | None = None) -> Path:
    """The feeds file that edits go to: --feeds, else $VZNEWS_FEEDS, else the user's own file.

    Never the bundled file: without a user file, edits start from a copy of it.
    """
    if option:
        return Path(option).expanduser()
    env = os.environ.get("VZNEWS_FEEDS")
    return Path(env).expanduser() if env else locations.user_feeds_path()


def ensure_feeds_file(path: Path) -> bool:
    """Create `path` if missing: the user's feeds.toml starts as a copy of the bundled list,
    any other path as an empty list. Returns True when it created the file."""
    if path.exists():
        return False
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if path == locations.user_feeds_path():
            shutil.copyfile(locations.BUNDLED_FEEDS, path)
        else:
            path.write_text(NEW_FILE_HEADER, encoding="utf-8")
    except OSError as exc:
        raise FeedsFileError(f"{path}: cannot create the feeds file ({exc.strerror or exc})") from None
    return True


def add_feeds(path: Path, feeds: Sequence[NewFeed], base_dir: Path | None = None) -> AddResult:
    """Append the `feeds` not already in the feeds file at `path` (created if missing).

    Local paths and relative URLs resolve against `base_dir` (default: the current
    directory) and are written as absolute file:// URLs. Duplicates (of the file or
    within `feeds`) and invalid addresses are reported, not written. Raises
    ConfigError if the existing file is invalid, FeedsFileError if it cannot be written.
    """
    base_dir = base_dir or Path.cwd()
    result = AddResult(path=path, created=ensure_feeds_file(path))
    existing = load_config(path)
    known = {url_key(feed.url): feed.name for feed in existing.feeds}
    entries = []
    for new in feeds:
        try:
            url = resolve_feed_url(new.url, base_dir)
        except FeedURLError as exc:
            result.invalid.append((new, str(exc)))
            continue
        key = url_key(url)
        if key in known:
            result.duplicates.append((new, known[key]))
            continue
        known[key] = new.name or url
        entries.append(_entry(url, new))
    if entries:
        config = _write(path, entries)
        result.added = list(config.feeds[len(existing.feeds):])
    return result


def add_feed(path: Path, url: str, name: str | None = None, tags: Sequence[str] = (), lang: str | None = None) -> FeedConfig:
    """Append one feed to the feeds file at `path`; returns it as loaded back.

    Raises DuplicateFeedError when it is already in the file (naming the entry),
    FeedsFileError when the URL is invalid, ConfigError when the result would be.
    """
    result = add_feeds(path, [NewFeed(url, name, tuple(tags), lang)])
    if result.invalid:
        raise FeedsFileError(result.invalid[0][1])
    if result.duplicates:
        raise DuplicateFeedError(f"{url} is already in {path} (as {result.duplicates[0][1]!r})")
    return result.added[0]


def _entry(url: str, new: NewFeed) -> dict[str, object]:
    entry: dict[str, object] = {}
    if new.name and new.name.strip():
        entry["name"] = " ".join(new.name.split())
    entry["url"] = url
    if new.tags:
        entry["tags"] = list(dict.fromkeys(tag.strip() for tag in new.tags if tag.strip()))
    if new.lang:
        entry["lang"] = new.lang
    return entry


def _write(path: Path, entries: list[dict[str, object]]) -> Config:
    """Append `entries` to the file, check the result, and replace the file atomically."""
    original = path.read_text(encoding="utf-8-sig")
    rendered = tomlkit.dumps({"feeds": entries})
    separator = "" if not original else "\n" if original.endswith("\n") else "\n\n"
    text = original + separator + rendered
    try:
        tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        text = _append_with_tomlkit(original, entries)  # `feeds = [...]` written inline
    config = parse_config(text, path)
    _replace(path, text)
    return config


def _append_with_tomlkit(original: str, entries: list[dict[str, object]]) -> str:
    doc = tomlkit.parse(original)
    feeds = doc.get("feeds")
    if feeds is None:
        doc["feeds"] = tomlkit.aot()
        feeds = doc["feeds"]
    for entry in entries:
        item = tomlkit.inline_table() if isinstance(feeds, tomlkit.items.Array) else tomlkit.table()
        item.update(entry)
        feeds.append(item)
    return tomlkit.dumps(doc)


def _replace(path: Path, text: str) -> None:
    target = path.resolve()  # keep a symlinked feeds.toml a symlink
    tmp: str | None = None
    try:
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".feeds-", suffix=".toml")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.chmod(tmp, target.stat().st_mode & 0o777)
        os.replace(tmp, target)
        tmp = None
    except OSError as exc:
        raise FeedsFileError(f"{path}: cannot write the feeds file ({exc.strerror or exc})") from None
    finally:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
