"""Feed addresses: check them, turn local paths into file:// URLs, compare and name them.

A feed is an http(s) URL, a `file://` URL, or a local path. Local feeds always leave
here as absolute `file://` URLs (percent-encoded, as `Path.as_uri()` writes them), so
the fetcher has one form to read: `local_path(url)` turns one back into a path.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit, urlunsplit
from urllib.request import url2pathname

ALLOWED_SCHEMES = ("http", "https", "file")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
_CONTROLS = re.compile(r"[\x00-\x1f\x7f]")
_SPACES = re.compile(r"\s")
# "news.example.com/rss" typed without a scheme (a file name like "feed.xml" is a path).
_HOSTLIKE = re.compile(r"^(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,}(?::\d+)?$")
_FILE_SUFFIXES = {"xml", "rss", "atom", "rdf", "json", "opml", "txt", "html", "htm", "toml", "feed"}


class FeedURLError(ValueError):
    """A feed address that cannot be used; the message says why, in a few words."""


def resolve_feed_url(raw: str, base_dir: Path) -> str:
    """Check `raw` and return the URL to store.

    http(s) URLs come back as written (trimmed); `file:` URLs and paths (relative ones
    against `base_dir`, `~` expanded) come back as absolute `file://` URLs.
    Raises FeedURLError for an empty value, spaces or control characters, an
    unsupported scheme, an http(s) URL without a host or with a bad port, a remote
    `file://host/`, or something that looks like a web address missing its scheme.
    """
    url = raw.strip()
    if not url:
        raise FeedURLError("url is empty")
    if _CONTROLS.search(url):
        raise FeedURLError(f"url {_show(url)} contains control characters")
    match = _SCHEME.match(url)
    scheme = match.group(1).lower() if match and len(match.group(1)) > 1 else None  # "C:" is a drive
    if scheme is None:
        return _path_url(url, base_dir)  # a path may contain spaces; a URL may not
    if _SPACES.search(url):
        raise FeedURLError(f"url {_show(url)} contains spaces (encode a space as %20)")
    if scheme not in ALLOWED_SCHEMES:
        raise FeedURLError(f"url {_show(url)} has unsupported scheme '{scheme}' (use http, https, file or a path)")
    if scheme == "file":
        return _file_url(url, base_dir)
    return _http_url(url)


def _http_url(url: str) -> str:
    parts = urlsplit(url)
    if not parts.hostname:
        raise FeedURLError(f"url {_show(url)} has no host")
    try:
        parts.port
    except ValueError:
        raise FeedURLError(f"url {_show(url)} has an invalid port") from None
    return url


def _file_url(url: str, base_dir: Path) -> str:
    parts = urlsplit(url)
    if parts.netloc not in ("", "localhost"):
        raise FeedURLError(f"url {_show(url)} names a remote host; a file:// URL must be local (file:///path)")
    if not parts.path:
        raise FeedURLError(f"url {_show(url)} has no path")
    # "file:///abs" is absolute; "file:rel/x.xml" is relative to the feeds file.
    return _as_file_url(Path(url2pathname(parts.path)), base_dir)


def _path_url(text: str, base_dir: Path) -> str:
    first = text.split("/", 1)[0]
    suffix = first.rsplit(".", 1)[-1].lower()
    path = Path(text).expanduser()
    looks_like_host = _HOSTLIKE.match(first) and suffix not in _FILE_SUFFIXES
    if looks_like_host and not (base_dir / path).exists():
        raise FeedURLError(f"url {_show(text)} has no scheme; did you mean 'https://{text}'?")
    return _as_file_url(path, base_dir)


def _as_file_url(path: Path, base_dir: Path) -> str:
    path = path.expanduser()
    if not path.is_absolute():
        path = base_dir / path
    return Path(os.path.abspath(path)).as_uri()


def local_path(url: str) -> Path | None:
    """The file a `file://` URL names, or None for any other URL."""
    parts = urlsplit(url)
    if parts.scheme.lower() != "file":
        return None
    return Path(url2pathname(parts.path))


def url_key(url: str) -> str:
    """A comparison key: two URLs with the same key are the same feed.

    Scheme and host are case-insensitive, a default port and the fragment do not count.
    """
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme == "file":
        return "file://" + unquote(parts.path)
    host = (parts.hostname or "").lower()
    port = parts.port
    if port and not ((scheme == "http" and port == 80) or (scheme == "https" and port == 443)):
        host = f"{host}:{port}"
    return urlunsplit((scheme, host, parts.path or "/", parts.query, ""))


def default_name(url: str) -> str:
    """A feed's name when feeds.toml gives none: the host without `www.`, or the file's stem."""
    path = local_path(url)
    if path is not None:
        return path.stem or str(path)
    host = (urlsplit(url).hostname or url).lower()
    return host[4:] if host.startswith("www.") else host


def _show(value: str, limit: int = 80) -> str:
    """`value` quoted for a one-line message (control characters escaped, long values cut)."""
    if len(value) > limit:
        value = value[: limit - 1] + "…"
    return repr(value)
