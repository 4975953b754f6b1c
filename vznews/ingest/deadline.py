"""A whole-fetch deadline underneath httpx, down to every socket read.

httpx's timeouts bound each read, not a request: a server that sends its status
line and headers a byte at a time, each within the read timeout, holds a worker
for as long as it likes. Here every connect, read and write of a client's
connections is given at most the time left before the current thread's deadline,
and none at all once it has passed (httpcore.ReadTimeout, which httpx reports as
httpx.ReadTimeout).

    install(client)                      # once, after creating the httpx.Client
    with deadline(time.monotonic() + 60):
        client.send(...)                 # headers and body within 60 s in total
"""

from __future__ import annotations

import threading
import time
from contextlib import contextmanager
from typing import Any, Iterator

import httpcore

_local = threading.local()


@contextmanager
def deadline(moment: float) -> Iterator[None]:
    """Bound this thread's network I/O on installed clients to end by `moment` (time.monotonic())."""
    previous = getattr(_local, "moment", None)
    _local.moment = moment
    try:
        yield
    finally:
        _local.moment = previous


def _left(timeout: float | None) -> float | None:
    moment = getattr(_local, "moment", None)
    if moment is None:
        return timeout
    left = moment - time.monotonic()
    if left <= 0:
        raise httpcore.ReadTimeout("the fetch deadline has passed")
    return left if timeout is None else min(timeout, left)


class _Stream(httpcore.NetworkStream):
    def __init__(self, inner: httpcore.NetworkStream) -> None:
        self._inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, _left(timeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, _left(timeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(self, ssl_context: Any, server_hostname: str | None = None,
                  timeout: float | None = None) -> httpcore.NetworkStream:
        return _Stream(self._inner.start_tls(ssl_context, server_hostname, _left(timeout)))

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class _Backend(httpcore.NetworkBackend):
    def __init__(self, inner: httpcore.NetworkBackend) -> None:
        self._inner = inner

    def connect_tcp(self, host: str, port: int, timeout: float | None = None, local_address: str | None = None,
                    socket_options: Any = None) -> httpcore.NetworkStream:
        return _Stream(self._inner.connect_tcp(host, port, _left(timeout), local_address, socket_options))

    def connect_unix_socket(self, path: str, timeout: float | None = None,
                            socket_options: Any = None) -> httpcore.NetworkStream:
        return _Stream(self._inner.connect_unix_socket(path, _left(timeout), socket_options))

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


def install(client: Any) -> bool:
    """Put the deadline under `client`'s connection pool (an httpx.Client with its default
    transport). Returns False when this httpx keeps its pool elsewhere: then only the
    per-read timeouts and the body-reading loop's own deadline check apply."""
    pool = getattr(getattr(client, "_transport", None), "_pool", None)
    inner = getattr(pool, "_network_backend", None)
    if inner is None or isinstance(inner, _Backend):
        return isinstance(inner, _Backend)
    pool._network_backend = _Backend(inner)
    return True
