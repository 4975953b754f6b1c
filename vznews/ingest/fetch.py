"""Fetch one feed politely: conditional GET, limits, redirects, and clear failures.

`Fetcher.fetch(url, etag=..., last_modified=...)` never raises for network or
HTTP trouble: it returns a `FetchResult` whose `error` is one readable line.
What it promises:

- `If-None-Match` / `If-Modified-Since` from the stored validators; a 304 comes
  back as `not_modified` with no body;
- connect and read timeouts, and a total deadline for the whole fetch (a server
  trickling bytes cannot hold a worker forever);
- a body-size cap, checked against Content-Length and again while streaming
  the decoded (gunzipped) body;
- at most `max_redirects` redirects, followed by hand so that a chain of
  permanent ones (301/308) is reported as `moved_to`;
- gzip/deflate, a real User-Agent, and at most `per_host` requests in flight
  to one host (the overall bound is the caller's worker count);
- 429/503 with Retry-After reported as `retry_after` (UTC);
- local paths and file:// URLs read from disk, with the file's mtime as
  Last-Modified.
"""

from __future__ import annotations

import itertools
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime, parsedate_to_datetime
from typing import Iterator
from urllib.parse import urljoin, urlsplit

from vznews.ingest.httpclient import httpx

from vznews.ingest import deadline as fetch_deadline
from vznews.ingest.inflate import BoundedDecoder, DecodeError
from vznews.ingest.localfile import fetch_local, is_local
from vznews.models import Settings

ACCEPT = (
    "application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml;q=0.9, "
    "application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, text/html;q=0.5, */*;q=0.3"
)
_REDIRECTS = {301, 302, 303, 307, 308}
_PERMANENT = {301, 308}
_MAX_RETRY_AFTER = timedelta(days=7)


@dataclass(frozen=True)
class FetchResult:
    """The outcome of fetching one URL; exactly one of body / not_modified / error holds."""

    url: str
    final_url: str
    status: int | None = None
    body: bytes | None = None
    content_type: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    not_modified: bool = False
    moved_to: str | None = None
    error: str | None = None
    retry_after: datetime | None = None
    headers: dict[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.error is None


class _Failure(Exception):
    """Internal: a fetch failed with a one-line reason (and maybe a status)."""

    def __init__(self, message: str, status: int | None = None, retry_after: datetime | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.retry_after = retry_after


def parse_retry_after(value: str | None, now: datetime | None = None) -> datetime | None:
    """A Retry-After header (seconds or an HTTP date) as a UTC time, capped at 7 days."""
    if not value:
        return None
    now = now or datetime.now(timezone.utc)
    value = value.strip()
    if value.isdigit():
        moment = now + timedelta(seconds=int(value))
    else:
        try:
            moment = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=timezone.utc)
    return min(moment.astimezone(timezone.utc), now + _MAX_RETRY_AFTER)


def http_date(moment: datetime) -> str:
    """A datetime as an HTTP date (for Last-Modified of local files)."""
    return format_datetime(moment.astimezone(timezone.utc), usegmt=True)


def _host_key(url: str) -> str:
    # The host name alone: http and https (or two ports) of one site share its two slots.
    return (urlsplit(url).hostname or "").lower()


class Fetcher:
    """An HTTP client shared by worker threads, with a per-host limit. Use as a context manager."""

    def __init__(self, settings: Settings, *, max_connections: int | None = None) -> None:
        self.settings = settings
        self._per_host: dict[str, threading.BoundedSemaphore] = {}
        self._lock = threading.Lock()
        connections = max_connections or max(settings.workers, settings.per_host)
        self.client = httpx.Client(
            headers={"User-Agent": settings.user_agent, "Accept": ACCEPT, "Accept-Encoding": "gzip, deflate"},
            timeout=httpx.Timeout(settings.timeout, connect=min(settings.timeout, 10.0)),
            follow_redirects=False,
            limits=httpx.Limits(max_connections=connections, max_keepalive_connections=connections),
        )
        fetch_deadline.install(self.client)  # the deadline bounds headers too, not only the body

    def __enter__(self) -> "Fetcher":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection pool."""
        self.client.close()

    @contextmanager
    def host_slot(self, url: str) -> Iterator[None]:
        """Hold one of the `per_host` slots of `url`'s host while the block runs."""
        key = _host_key(url)
        with self._lock:
            slot = self._per_host.get(key)
            if slot is None:
                slot = self._per_host[key] = threading.BoundedSemaphore(max(1, self.settings.per_host))
        with slot:
            yield

    def fetch(self, url: str, *, etag: str | None = None, last_modified: str | None = None) -> FetchResult:
        """Fetch `url` (see the module docstring for what is promised). Never raises
        for network, HTTP or file-system trouble: the result carries one error line."""
        if is_local(url):
            return fetch_local(url, last_modified=last_modified, max_bytes=self.settings.max_body_bytes)
        deadline = time.monotonic() + self.settings.deadline
        try:
            with fetch_deadline.deadline(deadline):
                return self._follow(url, etag, last_modified, deadline)
        except _Failure as failure:
            return FetchResult(url=url, final_url=url, status=failure.status, error=str(failure), retry_after=failure.retry_after)
        except httpx.HTTPError as exc:
            dns = fetch_deadline.DNS_TIMEOUT in str(exc)  # its own line says how long it waited
            if isinstance(exc, httpx.TimeoutException) and time.monotonic() >= deadline - 0.05 and not dns:
                return FetchResult(url=url, final_url=url, error=f"took longer than the {self.settings.deadline:g} s deadline")
            return FetchResult(url=url, final_url=url, error=describe_http_error(exc, self.settings))

    # -- internals

    def _follow(self, url: str, etag: str | None, last_modified: str | None, deadline: float) -> FetchResult:
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        current, moved_to, permanent = url, None, True
        for _hop in range(self.settings.max_redirects + 1):
            with self.host_slot(current):
                request = self.client.build_request("GET", current, headers=headers, timeout=self._timeout(deadline))
                try:
                    response = self.client.send(request, stream=True)
                except httpx.InvalidURL as exc:  # httpx builds the redirect's request even when not following it
                    raise _Failure(f"redirected to an unusable address ({exc})") from None
                try:
                    if response.status_code not in _REDIRECTS:
                        return self._final(url, current, response, moved_to, deadline)
                    location = response.headers.get("location")
                finally:
                    response.close()
            if not location:
                raise _Failure(f"HTTP {response.status_code} redirect without a Location header", response.status_code)
            target = urljoin(current, location.strip())
            if urlsplit(target).scheme not in ("http", "https"):
                raise _Failure(f"redirected to a non-HTTP address: {target[:200]}", response.status_code)
            permanent = permanent and response.status_code in _PERMANENT
            moved_to = target if permanent else moved_to
            current = target
        raise _Failure(f"too many redirects (more than {self.settings.max_redirects})")

    def _timeout(self, deadline: float) -> httpx.Timeout:
        left = max(0.05, deadline - time.monotonic())
        return httpx.Timeout(min(self.settings.timeout, left), connect=min(self.settings.timeout, 10.0, left))

    def _final(self, url: str, current: str, response: httpx.Response, moved_to: str | None, deadline: float) -> FetchResult:
        status = response.status_code
        common = dict(url=url, final_url=current, status=status, moved_to=moved_to,
                      etag=response.headers.get("etag"), last_modified=response.headers.get("last-modified"))
        if status == 304:
            return FetchResult(not_modified=True, **common)
        if status in (429, 503):
            when = parse_retry_after(response.headers.get("retry-after"))
            wait = f"; the server asks to wait until {when:%Y-%m-%d %H:%M} UTC" if when else ""
            raise _Failure(f"HTTP {status} {response.reason_phrase or ''}".rstrip() + wait, status, when)
        if status == 410:
            raise _Failure("HTTP 410 Gone: the publisher removed this feed", status)
        if status >= 400 or status < 200:
            raise _Failure(f"HTTP {status} {response.reason_phrase or ''}".rstrip(), status)
        body = self._read_body(response, deadline)
        return FetchResult(body=body, content_type=response.headers.get("content-type"),
                           headers=dict(response.headers), **common)

    def _read_body(self, response: httpx.Response, deadline: float) -> bytes:
        cap = self.settings.max_body_bytes
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > cap and "content-encoding" not in response.headers:
            raise _Failure(f"response is larger than the {_size(cap)} limit ({_size(int(declared))})", response.status_code)
        try:  # decoded here, in steps bounded by the cap: a gzip bomb costs the cap, not what it inflates to
            decoder = BoundedDecoder(response.headers.get("content-encoding"))
            chunks, size = [], 0
            for raw in itertools.chain(response.iter_raw(), [None]):  # None: the end, flush the decoder
                chunk = decoder.decode(raw, cap - size + 1) if raw is not None else decoder.flush(cap - size + 1)
                size += len(chunk)
                if size > cap:
                    raise _Failure(f"response is larger than the {_size(cap)} limit", response.status_code)
                if time.monotonic() > deadline:
                    raise _Failure(f"took longer than the {self.settings.deadline:g} s deadline", response.status_code)
                chunks.append(chunk)
        except DecodeError:
            raise _Failure(f"cannot decode the compressed response from {response.url.host}", response.status_code) from None
        return b"".join(chunks)


def _size(count: int) -> str:
    return f"{count / 1024 / 1024:.1f} MiB" if count >= 1024 * 1024 else f"{count / 1024:.0f} KiB"


def describe_http_error(exc: httpx.HTTPError, settings: Settings) -> str:
    """One line saying what went wrong with a request, in the user's terms."""
    host = ""
    try:
        host = exc.request.url.host
    except RuntimeError:
        pass
    if isinstance(exc, httpx.ConnectTimeout):
        if fetch_deadline.DNS_TIMEOUT in str(exc):
            return f"timed out looking up {host}: {exc}"
        return f"timed out connecting to {host}"
    if isinstance(exc, (httpx.ReadTimeout, httpx.WriteTimeout, httpx.PoolTimeout)):
        return f"timed out waiting for {host} (no data for {settings.timeout:g} s)"
    if isinstance(exc, httpx.ConnectError):
        reason = str(exc).split("] ")[-1] or "connection failed"
        return f"cannot connect to {host}: {reason}"
    if isinstance(exc, httpx.DecodingError):
        return f"cannot decode the compressed response from {host}"
    if isinstance(exc, httpx.UnsupportedProtocol):
        return f"unsupported address: {exc}"
    if isinstance(exc, httpx.RemoteProtocolError):
        return f"{host} broke the HTTP protocol: {exc}"
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
