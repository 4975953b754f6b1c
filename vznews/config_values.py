"""Checks for single values of feeds.toml: each returns the clean value or raises Invalid.

`Invalid("a whole number from 1 to 256")` completes the sentence
"'workers' must be ..., not 'ten'" that config.py builds.
"""

from __future__ import annotations

import re
from dataclasses import fields
from typing import Any, Callable

from vznews.models import Settings

_LANG = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$")
_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([KMG]i?B|B)?\s*$", re.IGNORECASE)
_UNITS = {"": 1, "b": 1, "kb": 1000, "mb": 1000**2, "gb": 1000**3, "kib": 1024, "mib": 1024**2, "gib": 1024**3}


class Invalid(ValueError):
    """A value of the wrong type or out of range; the message says what it must be."""


def describe(value: Any) -> str:
    """A value as a user would recognise it in a message: its TOML type and a short view."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        shown = value if len(value) <= 60 else value[:59] + "…"
        return repr(shown)
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    return f"a {type(value).__name__}"  # dates and times


def check_strings(value: Any) -> tuple[str, ...]:
    """A list of non-empty strings -> a tuple, trimmed, duplicates dropped (order kept)."""
    if not isinstance(value, list) or not all(isinstance(item, str) and item.strip() for item in value):
        raise Invalid('a list of non-empty strings, like ["a", "b"]')
    return tuple(dict.fromkeys(item.strip() for item in value))


def lang_code(value: Any) -> str:
    """A language code like "en", "es" or "es-VE" -> lowercase with a hyphen ("es-ve")."""
    if not isinstance(value, str) or not _LANG.match(value):
        raise Invalid('a language code like "en" or "es"')
    return value.replace("_", "-").lower()


def whole(low: int, high: int) -> Callable[[Any], int]:
    """A check for an integer in [low, high] (a bool is not an integer here)."""

    def check(value: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise Invalid(f"a whole number from {low} to {high}")
        return value

    return check


def seconds(low: float, high: float, *, allow_zero: bool = False) -> Callable[[Any], float]:
    """A check for a number of seconds, > low (>= low with allow_zero) and <= high."""

    def check(value: Any) -> float:
        ok = isinstance(value, (int, float)) and not isinstance(value, bool)
        if not ok or not (low <= value if allow_zero else low < value) or value > high:
            bound = f"from {low:g}" if allow_zero else f"more than {low:g}"
            raise Invalid(f"a number of seconds {bound} up to {high:g}")
        return float(value)

    return check


def byte_size(value: Any) -> int:
    """A size in bytes: an integer, or a string like "10 MiB" / "500 kB"; at least 1 KiB."""
    problem = Invalid('a size in bytes of at least 1024, or a string like "10 MiB"')
    if isinstance(value, bool):
        raise problem
    if isinstance(value, int):
        size = value
    elif isinstance(value, str) and (match := _SIZE.match(value)):
        size = int(float(match.group(1)) * _UNITS[(match.group(2) or "").lower()])
    else:
        raise problem
    if size < 1024:
        raise problem
    return size


def one_line(value: Any) -> str:
    """A non-empty one-line string (a User-Agent)."""
    if not isinstance(value, str) or not value.strip() or any(c in value for c in "\r\n"):
        raise Invalid("a non-empty one-line string")
    return value.strip()


def flag(value: Any) -> bool:
    """true or false."""
    if not isinstance(value, bool):
        raise Invalid("true or false")
    return value


SETTINGS_CHECKS: dict[str, Callable[[Any], Any]] = {
    "workers": whole(1, 256),
    "per_host": whole(1, 32),
    "timeout": seconds(0, 600),
    "deadline": seconds(0, 3600),
    "max_body_bytes": byte_size,
    "max_redirects": whole(0, 20),
    "user_agent": one_line,
    "fulltext": flag,
    "fulltext_delay": seconds(0, 60, allow_zero=True),
}


def _by_default_type(default: Any) -> Callable[[Any], Any]:
    """A check for a Settings field nobody wrote one for: the type of its default."""
    if isinstance(default, bool):
        return flag
    if isinstance(default, int):
        return whole(0, 10**12)
    if isinstance(default, float):
        return seconds(0, 10**6, allow_zero=True)
    return one_line


for _field in fields(Settings):
    SETTINGS_CHECKS.setdefault(_field.name, _by_default_type(_field.default))
