"""A real HTTP server on 127.0.0.1 for tests: serves files from tests/ and scripted routes.

Usage (through the `server` fixture in conftest.py):

    server.file("/feed.xml", "ingest/feeds/rss20.xml")            # a file under tests/
    server.route("/slow", lambda req: Response(body=b"..", delay=5))
    url = server.url("/feed.xml")
    server.log        # every request: path, headers, start and end times
    server.max_concurrent(host_path_prefix="")  # the most requests in flight at once

Handlers receive a `Request` and return a `Response`; a Response may carry a
`chunks` iterator (for trickling or endless bodies) and a `delay` before headers.
"""

from __future__ import annotations

import gzip
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Callable, Iterable

TESTS_DIR = Path(__file__).parent


@dataclass
class Request:
    method: str
    path: str
    headers: dict[str, str]


@dataclass
class Response:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    chunks: Iterable[bytes] | None = None  # streamed after headers, without Content-Length
    delay: float = 0.0  # seconds before the status line


@dataclass
class LoggedRequest:
    method: str
    path: str
    headers: dict[str, str]
    started: float
    ended: float = 0.0
    status: int = 0


Handler = Callable[[Request], Response]


def file_response(path: Path, content_type: str | None = None, etag: str | None = None,
                  last_modified: str | None = None, gzip_body: bool = False) -> Handler:
    """A handler serving one file, answering 304 to matching conditional requests."""

    def handle(request: Request) -> Response:
        if etag and request.headers.get("if-none-match") == etag:
            return Response(status=304, headers={"ETag": etag})
        if last_modified and request.headers.get("if-modified-since") == last_modified and not etag:
            return Response(status=304, headers={"Last-Modified": last_modified})
        body = path.read_bytes()
        headers = {"Content-Type": content_type or _guess_type(path)}
        if etag:
            headers["ETag"] = etag
        if last_modified:
            headers["Last-Modified"] = last_modified
        if gzip_body:
            body = gzip.compress(body)
            headers["Content-Encoding"] = "gzip"
        return Response(body=body, headers=headers)

    return handle


def _guess_type(path: Path) -> str:
    return {
        ".xml": "application/xml",
        ".rss": "application/rss+xml",
        ".atom": "application/atom+xml",
        ".json": "application/feed+json",
        ".html": "text/html; charset=utf-8",
        ".txt": "text/plain; charset=utf-8",
    }.get(path.suffix, "application/octet-stream")


class LocalServer:
    """A threaded HTTP/1.1 server on 127.0.0.1 with scripted routes and a request log."""

    def __init__(self) -> None:
        self.routes: dict[str, Handler] = {}
        self.log: list[LoggedRequest] = []
        self._lock = threading.Lock()
        self._in_flight = 0
        self._max_in_flight = 0
        server = self

        class _Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:  # keep test output quiet
                pass

            def do_GET(self) -> None:
                server._serve(self, "GET")

            def do_HEAD(self) -> None:
                server._serve(self, "HEAD")

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self.httpd.daemon_threads = True
        # A short poll interval: shutdown() waits for it, once per test.
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)

    # -- setup
    @property
    def base(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}"

    def url(self, path: str) -> str:
        """The absolute URL of `path` on this server."""
        return self.base + path

    def route(self, path: str, handler: Handler) -> str:
        """Serve `path` (exact, without query) with `handler`; returns its URL."""
        self.routes[path] = handler
        return self.url(path)

    def file(self, path: str, relative: str, **kwargs: object) -> str:
        """Serve the file tests/`relative` at `path`; returns its URL."""
        return self.route(path, file_response(TESTS_DIR / relative, **kwargs))  # type: ignore[arg-type]

    def requests_to(self, path: str) -> list[LoggedRequest]:
        """The logged requests for `path`."""
        return [r for r in self.log if r.path.split("?")[0] == path]

    @property
    def max_concurrent(self) -> int:
        """The most requests that were in flight at the same moment."""
        return self._max_in_flight

    # -- serving
    def _serve(self, handler: BaseHTTPRequestHandler, method: str) -> None:
        headers = {k.lower(): v for k, v in handler.headers.items()}
        entry = LoggedRequest(method, handler.path, headers, time.monotonic())
        with self._lock:
            self.log.append(entry)
            self._in_flight += 1
            self._max_in_flight = max(self._max_in_flight, self._in_flight)
        try:
            route = self.routes.get(handler.path.split("?")[0])
            response = route(Request(method, handler.path, headers)) if route else Response(404, b"not found")
            entry.status = response.status
            if response.delay:
                time.sleep(response.delay)
            handler.send_response(response.status)
            for key, value in response.headers.items():
                handler.send_header(key, value)
            if response.chunks is None:
                handler.send_header("Content-Length", str(len(response.body)))
                handler.end_headers()
                if method != "HEAD":
                    handler.wfile.write(response.body)
            else:
                handler.send_header("Connection", "close")
                handler.end_headers()
                for chunk in response.chunks:
                    handler.wfile.write(chunk)
                    handler.wfile.flush()
                handler.close_connection = True
        except (BrokenPipeError, ConnectionResetError):
            pass
        finally:
            entry.ended = time.monotonic()
            with self._lock:
                self._in_flight -= 1

    def start(self) -> "LocalServer":
        self.thread.start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
