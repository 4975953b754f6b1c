"""Feeds that are files: local paths and file:// URLs (offline archives, the bundled sample).

The config loader has already resolved relative paths against the feeds file's
directory. A file is "not modified" when its mtime matches the stored
Last-Modified, so an unchanged archive costs a stat, not a read.
"""

from __future__ import annotations

from datetime import datetime, timezone
from email.utils import format_datetime
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

if TYPE_CHECKING:
    from vznews.ingest.fetch import FetchResult


def is_local(url: str) -> bool:
    """True for file:// URLs and plain filesystem paths (no URL scheme)."""
    if url.startswith("file:"):
        return True
    scheme = urlsplit(url).scheme
    # A one-letter "scheme" is a Windows drive (C:\...), not a URL.
    return not scheme or len(scheme) == 1


def local_path(url: str) -> Path:
    """The filesystem path a local feed URL names."""
    if url.startswith("file:"):
        parts = urlsplit(url)
        return Path(unquote(parts.path if not parts.netloc or parts.netloc == "localhost" else f"//{parts.netloc}{parts.path}"))
    return Path(url).expanduser()


def fetch_local(url: str, *, last_modified: str | None, max_bytes: int) -> "FetchResult":
    """Read a local feed file like a fetch: not_modified when its mtime matches
    `last_modified`, an error line when it is missing, unreadable or too large."""
    from vznews.ingest.fetch import FetchResult  # fetch imports this module

    path = local_path(url)
    try:
        stat = path.stat()
        if path.is_dir():
            return FetchResult(url=url, final_url=url, error=f"{path}: is a directory, not a feed file")
        stamp = format_datetime(datetime.fromtimestamp(stat.st_mtime, timezone.utc), usegmt=True)
        if last_modified and last_modified == stamp:
            return FetchResult(url=url, final_url=url, not_modified=True, last_modified=stamp)
        if stat.st_size > max_bytes:
            return FetchResult(url=url, final_url=url, error=f"{path}: file is larger than the {max_bytes // 1024 // 1024} MiB limit")
        body = path.read_bytes()
    except FileNotFoundError:
        return FetchResult(url=url, final_url=url, error=f"{path}: no such file")
    except OSError as exc:
        return FetchResult(url=url, final_url=url, error=f"{path}: cannot read ({exc.strerror or exc})")
    return FetchResult(url=url, final_url=path.resolve().as_uri(), body=body, last_modified=stamp)
