"""feeds.toml -> frozen `Config`, validated strictly; every error names file, entry and key.

    load_config(Path("feeds.toml"))  ->  Config(path, feeds=(FeedConfig, ...), settings=Settings(...))

Errors are one line (`ConfigError`):
    feeds.toml:12:5: Expected '=' after a key in a key/value pair
    feeds.toml: feeds[3]: unknown key 'urll', did you mean 'url'?
    feeds.toml: settings: 'workers' must be a whole number from 1 to 256, not 'ten'
`feeds[N]` counts `[[feeds]]` entries from 1, in file order.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from dataclasses import fields
from pathlib import Path
from typing import Any, Callable

from vznews.config_values import SETTINGS_CHECKS, Invalid, check_strings, describe, flag, lang_code
from vznews.feedurl import FeedURLError, default_name, resolve_feed_url, url_key
from vznews.models import Config, FeedConfig, Settings

FEED_KEYS = tuple(f.name for f in fields(FeedConfig))
SETTINGS_KEYS = tuple(f.name for f in fields(Settings))
TOP_KEYS = ("settings", "feeds")
_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)\s*$")


class ConfigError(Exception):
    """feeds.toml cannot be used; the message is one line naming the file, entry and key."""


def load_config(path: Path) -> Config:
    """Read and validate the feeds file at `path`.

    Promises a Config whose feeds have absolute, checked URLs (local paths and
    `file:` URLs become absolute `file://` URLs, relative ones resolved against the
    file's own directory), a name (default: the URL's host), no duplicate URLs, and
    whose settings are within range. Raises ConfigError otherwise.
    """
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read the feeds file ({exc.strerror or exc})") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: not UTF-8 text (byte {raw[exc.start]:#04x} at offset {exc.start})") from None
    return parse_config(text, path)


def parse_config(text: str, path: Path) -> Config:
    """Validate feeds.toml `text` as if read from `path` (relative feeds resolve against its directory)."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(_syntax_message(path, exc)) from None
    except RecursionError:  # tomllib recurses once per nested array or inline table
        raise ConfigError(f"{path}: arrays or tables nested too deeply to read") from None
    _check_keys(path, "", data, TOP_KEYS, what="top-level key")
    settings = _settings(path, data.get("settings", {}))
    feeds_data = data.get("feeds", [])
    if not isinstance(feeds_data, list) or not all(isinstance(entry, dict) for entry in feeds_data):
        raise ConfigError(f"{path}: 'feeds' must be a list of [[feeds]] tables, not {describe(feeds_data)}")
    base_dir = path.resolve().parent
    feeds: list[FeedConfig] = []
    seen: dict[str, int] = {}
    for number, entry in enumerate(feeds_data, start=1):
        feed = _feed(path, number, entry, base_dir)
        key = url_key(feed.url)
        if key in seen:
            raise ConfigError(f"{path}: feeds[{number}]: duplicate url {feed.url!r} (already in feeds[{seen[key]}])")
        seen[key] = number
        feeds.append(feed)
    return Config(path=path, feeds=tuple(feeds), settings=settings)


def _syntax_message(path: Path, exc: tomllib.TOMLDecodeError) -> str:
    message = str(exc)
    line, col = getattr(exc, "lineno", None), getattr(exc, "colno", None)
    match = _POSITION.search(message)
    if match:
        message = message[: match.start()]
        line, col = line or int(match.group(1)), col or int(match.group(2))
    message = getattr(exc, "msg", None) or message
    where = f"{path}:{line}:{col}" if line else str(path)
    return f"{where}: {message}"


def _check_keys(path: Path, where: str, table: dict[str, Any], known: tuple[str, ...], what: str = "key") -> None:
    for key in table:
        if key not in known:
            close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
            hint = f", did you mean {close[0]!r}?" if close else f" (known: {', '.join(known)})"
            raise ConfigError(f"{path}: {where}unknown {what} {key!r}{hint}")


def _settings(path: Path, table: Any) -> Settings:
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: 'settings' must be a table ([settings]), not {describe(table)}")
    _check_keys(path, "settings: ", table, SETTINGS_KEYS)
    values = {}
    for key, value in table.items():
        try:
            values[key] = SETTINGS_CHECKS[key](value)
        except Invalid as exc:
            raise ConfigError(f"{path}: settings: {key!r} must be {exc}, not {describe(value)}") from None
    return Settings(**values)


def _feed(path: Path, number: int, entry: dict[str, Any], base_dir: Path) -> FeedConfig:
    where = f"feeds[{number}]: "
    _check_keys(path, where, entry, FEED_KEYS)
    if "url" not in entry:
        raise ConfigError(f"{path}: {where}missing 'url'")
    values: dict[str, Any] = {}
    for key, value in entry.items():
        try:
            values[key] = _FEED_CHECKS[key](value)
        except Invalid as exc:
            raise ConfigError(f"{path}: {where}{key!r} must be {exc}, not {describe(value)}") from None
    try:
        values["url"] = resolve_feed_url(values["url"], base_dir)
    except FeedURLError as exc:
        raise ConfigError(f"{path}: {where}{exc}") from None
    values.setdefault("name", default_name(values["url"]))
    return FeedConfig(**values)


def _string(value: Any) -> str:
    if not isinstance(value, str):
        raise Invalid("a string")
    return value


def _name(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise Invalid("a non-empty string")
    return value.strip()


_FEED_CHECKS: dict[str, Callable[[Any], Any]] = {
    "url": _string,
    "name": _name,
    "tags": check_strings,
    "lang": lang_code,
    "include": check_strings,
    "exclude": check_strings,
    "fulltext": flag,
}
assert set(_FEED_CHECKS) == set(FEED_KEYS), "every FeedConfig field needs a check"
