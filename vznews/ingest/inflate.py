"""Content-Encoding decoding that never inflates more than the caller can take.

httpx inflates each network chunk whole: one 64 KiB chunk of a gzip bomb becomes
some 64 MiB in memory before any size cap can look at it, and sixteen bombs at
once become a gigabyte. Here each step is told how many bytes it may produce
(zlib's `max_length`), so a response is cut at the cap having cost about the cap.

    decoder = BoundedDecoder(response.headers.get("content-encoding"))
    for raw in response.iter_raw():
        piece = decoder.decode(raw, limit=room_left + 1)   # one byte more shows the overflow
    piece = decoder.flush(limit=room_left + 1)
"""

from __future__ import annotations

import zlib


class DecodeError(Exception):
    """The body is not what its Content-Encoding says (or uses one we did not ask for)."""


class BoundedDecoder:
    """identity, gzip (x-gzip) and deflate (zlib-wrapped or raw), decoded in bounded steps."""

    def __init__(self, encoding: str | None) -> None:
        name = (encoding or "identity").strip().lower()
        if name in ("", "identity"):
            self._inflate = None
        elif name in ("gzip", "x-gzip"):
            self._inflate = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif name == "deflate":
            self._inflate = zlib.decompressobj()
        else:
            raise DecodeError(f"the response uses {name!r} compression, which was not asked for")
        self._raw_deflate_retry = name == "deflate"
        self._pending = b""  # input zlib has not consumed yet (its output would have passed `limit`)

    def decode(self, data: bytes, limit: int) -> bytes:
        """The decoded bytes of `data` (after any input held back before), at most `limit`."""
        if self._inflate is None:
            return data
        source, self._pending = self._pending + data, b""
        try:
            out = self._inflate.decompress(source, limit)
        except zlib.error as exc:
            if not self._raw_deflate_retry:
                raise DecodeError(str(exc)) from None
            self._inflate = zlib.decompressobj(-zlib.MAX_WBITS)  # "deflate" sent without its zlib header
            self._raw_deflate_retry = False
            return self.decode(source, limit)
        self._raw_deflate_retry = False
        self._pending = self._inflate.unconsumed_tail
        return out

    def flush(self, limit: int) -> bytes:
        """What is left once the input has ended, at most `limit` bytes."""
        if self._inflate is None:
            return b""
        out = self.decode(b"", limit) if self._pending else b""
        try:
            return out + self._inflate.flush()[: max(0, limit - len(out))]
        except zlib.error as exc:
            raise DecodeError(str(exc)) from None
