"""Hostile response bodies and servers, built at test time (nothing big is committed).

    gzip_bomb(512)         ~0.5 MB of gzip that inflates to 512 MiB of zeros
    endless(chunk, pause)  a body that never ends
    trickle(data, pause)   a body sent a byte at a time
    RawServer(behaviour)   a bare TCP server for what http.server cannot do (trickled headers)
"""

from __future__ import annotations

import functools
import socket
import struct
import threading
import time
import zlib
from typing import Callable, Iterator

MiB = 1 << 20


@functools.cache
def gzip_bomb(mib: int) -> bytes:
    """A valid gzip member that inflates to `mib` MiB of zeros (about 1,000:1).

    One 1 MiB deflate block ending in a full flush refers to nothing before it, so
    repeating it is a valid stream; a final empty block and the trailer close it.
    """
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = compressor.compress(bytes(MiB)) + compressor.flush(zlib.Z_FULL_FLUSH)
    crc, zeros = 0, bytes(MiB)
    for _ in range(mib):
        crc = zlib.crc32(zeros, crc)
    header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff"
    return header + block * mib + b"\x03\x00" + struct.pack("<II", crc, (mib * MiB) & 0xFFFFFFFF)


def endless(chunk: bytes = b"<!-- more -->" * 80, pause: float = 0.01) -> Iterator[bytes]:
    """An XML-looking body that never ends (about 100 KB/s)."""
    yield b'<?xml version="1.0"?><rss version="2.0"><channel><title>Endless</title>'
    while True:
        yield chunk
        time.sleep(pause)


def huge(total: int, chunk: int = 64 * 1024) -> Iterator[bytes]:
    """`total` bytes of a well-formed-looking feed, streamed, never held in memory at once."""
    piece = b"<item><title>padding</title></item>" * (chunk // 35)
    yield b'<?xml version="1.0"?><rss version="2.0"><channel><title>Huge</title>'
    sent = 0
    while sent < total:
        yield piece
        sent += len(piece)
    yield b"</channel></rss>"


def trickle(data: bytes, pause: float = 1.0) -> Iterator[bytes]:
    """`data` one byte at a time, `pause` seconds apart."""
    for index in range(len(data)):
        yield data[index:index + 1]
        time.sleep(pause)


class RawServer:
    """A TCP server on 127.0.0.1 that hands each connection to `behaviour(sock)`."""

    def __init__(self, behaviour: Callable[[socket.socket], None]) -> None:
        self.behaviour = behaviour
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.connections = 0
        self._stop = threading.Event()
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.sock.getsockname()[1]}/feed.xml"

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.connections += 1
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _serve(self, conn: socket.socket) -> None:
        try:
            conn.recv(65536)
            self.behaviour(conn)
        except OSError:
            pass
        finally:
            conn.close()

    def stop(self) -> None:
        self._stop.set()
        self.sock.close()


def trickled_headers(conn: socket.socket, pause: float = 0.5) -> None:
    """Status line and headers a byte every `pause` s, each within any read timeout, never ending."""
    for byte in b"HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nX-Padding: " + b"a" * 10_000:
        conn.sendall(bytes([byte]))
        time.sleep(pause)


def silent(conn: socket.socket) -> None:
    """Accept, read the request, say nothing for a minute."""
    time.sleep(60)


def closed_port() -> int:
    """A port on 127.0.0.1 that nothing listens on (bound, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# ------------------------------------------------------------------ XML built at test time

def _rss(items: str, *, declaration: str = '<?xml version="1.0" encoding="utf-8"?>', title: str = "Generated") -> str:
    return f'{declaration}<rss version="2.0"><channel><title>{title}</title><link>http://gen.invalid/</link>{items}</channel></rss>'


def deep_nesting(depth: int = 100_000) -> bytes:
    """An item whose description, and the channel after it, nest `depth` elements deep."""
    nested = "<div>" * depth + "deep" + "</div>" * depth
    return _rss(f"<item><title>Deep</title><guid>deep-1</guid><description>{nested}</description></item>"
                + "<x>" * depth + "</x>" * depth).encode()


def many_items(count: int = 100_000) -> bytes:
    """One feed with `count` small items (about 190 bytes each)."""
    items = "".join(f"<item><title>Item number {n}</title><guid>many-{n}</guid>"
                    f"<pubDate>Mon, 03 Mar 2025 10:00:00 GMT</pubDate><description>Text of item {n}.</description></item>"
                    for n in range(count))
    return _rss(items).encode()


def long_title(length: int = 10_000) -> bytes:
    return _rss(f"<item><title>{'Long ' * (length // 5)}</title><guid>long-1</guid></item>").encode()


def control_characters() -> bytes:
    """Raw C0 controls, NUL and DEL in every field (not well-formed XML 1.0)."""
    nasty = "".join(chr(c) for c in range(0, 32) if c not in (9, 10, 13)) + "\x7f"
    return _rss(f"<item><title>Bell{nasty}and NUL\x00here</title><guid>controls-1</guid>"
                f"<author>Ann\x00 \x08Author</author><description>Body\x00with\x1b[31m controls{nasty}</description>"
                f"</item>").encode()


def invalid_utf8() -> bytes:
    """Declared UTF-8, with bytes that are not UTF-8 in the middle of a title."""
    return _rss("<item><title>Caf\xe9 TITLE</title><guid>badutf8-1</guid></item>").encode("utf-8").replace(
        "\xe9".encode(), b"\xe9\xff\xfe")


BOGOTA = "Bogotá — “quoted”"


def lying(declared: str, actual: str) -> bytes:
    """A title in `actual` encoding under a declaration naming `declared`."""
    return _rss(f"<item><title>{BOGOTA}</title><guid>lie-1</guid></item>",
                declaration=f'<?xml version="1.0" encoding="{declared}"?>').encode(actual)


def with_bom(encoding: str) -> bytes:
    """A BOM, then the document in `encoding`, whose declaration says utf-8 regardless."""
    bom = {"utf-8": b"\xef\xbb\xbf", "utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff"}[encoding]
    return bom + _rss(f"<item><title>{BOGOTA}</title><guid>bom-1</guid></item>").encode(encoding)
