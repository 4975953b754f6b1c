"""A whole-fetch deadline underneath httpx, down to every socket read.

httpx's timeouts bound each read, not a request: a server that sends its status
line and headers a byte at a time, each within the read timeout, holds a worker
for as long as it likes. Here every connect, read and write of a client's
connections is given at most the time left before the current thread's deadline,
and none at all once it has passed (httpcore.ReadTimeout, which httpx reports as
httpx.ReadTimeout).

The host name lookup is bounded too: `socket.create_connection` calls the system
resolver, which has no timeout of its own (a resolver that never answers would hold
the worker for good). The lookup runs on a helper daemon thread that the fetch waits
for at most the connect time left; past that the connection fails with
httpcore.ConnectTimeout naming the host (`DNS_TIMEOUT` in its message), and the
helper is abandoned. The addresses it finds are then connected to in turn.

    install(client)                      # once, after creating the httpx.Client
    with deadline(time.monotonic() + 60):
        client.send(...)                 # headers and body within 60 s in total
"""

from __future__ import annotations

import ipaddress
import socket
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


DNS_TIMEOUT = "no answer from DNS"  # in the ConnectTimeout raised when a lookup overruns


def _is_address(host: str) -> bool:
    try:
        ipaddress.ip_address(host.split("%", 1)[0])
    except ValueError:
        return False
    return True


def resolve(host: str, port: int, timeout: float | None) -> list[str]:
    """The addresses of `host` (IP literals as they are), in the resolver's order, waiting
    at most `timeout` seconds (None: as long as it takes). Raises httpcore.ConnectTimeout
    when the resolver has not answered in time, httpcore.ConnectError when it fails."""
    if _is_address(host):
        return [host]
    answer: list[Any] = []
    done = threading.Event()

    def look_up() -> None:
        try:
            answer.append(socket.getaddrinfo(host, port, 0, socket.SOCK_STREAM))
        except BaseException as exc:  # handed to the waiting fetch
            answer.append(exc)
        finally:
            done.set()

    threading.Thread(target=look_up, name="vznews-dns", daemon=True).start()
    if not done.wait(timeout):
        raise httpcore.ConnectTimeout(f"{DNS_TIMEOUT} within {round(timeout, 1):g} s")
    found = answer[0]
    if isinstance(found, BaseException):
        raise httpcore.ConnectError(str(found) or type(found).__name__)
    addresses = list(dict.fromkeys(str(info[4][0]) for info in found))
    if not addresses:
        raise httpcore.ConnectError(f"no address found for {host}")
    return addresses


class _Backend(httpcore.NetworkBackend):
    def __init__(self, inner: httpcore.NetworkBackend) -> None:
        self._inner = inner

    def connect_tcp(self, host: str, port: int, timeout: float | None = None, local_address: str | None = None,
                    socket_options: Any = None) -> httpcore.NetworkStream:
        failure: Exception | None = None
        for address in resolve(host, port, _left(timeout)):
            try:
                return _Stream(self._inner.connect_tcp(address, port, _left(timeout), local_address, socket_options))
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:  # the next address, as create_connection does
                failure = exc
        assert failure is not None
        raise failure

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
