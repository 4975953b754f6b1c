"""BoundedDecoder: Content-Encoding decoded in steps that never pass the caller's limit."""

from __future__ import annotations

import gzip
import zlib

import pytest

from tests.hostile.bodies import gzip_bomb
from vznews.ingest.inflate import BoundedDecoder, DecodeError

TEXT = b"<rss><channel><title>Plain</title></channel></rss>" * 200


def _decode_all(decoder: BoundedDecoder, data: bytes, step: int = 1000, limit: int = 10**9) -> bytes:
    out = b"".join(decoder.decode(data[i:i + step], limit) for i in range(0, len(data), step))
    return out + decoder.flush(limit)


@pytest.mark.parametrize("encoding, data", [
    (None, TEXT), ("identity", TEXT), ("gzip", gzip.compress(TEXT)), ("x-gzip", gzip.compress(TEXT)),
    ("deflate", zlib.compress(TEXT)), ("deflate", zlib.compress(TEXT)[2:-4]),  # zlib-wrapped and raw
    (" GZIP ", gzip.compress(TEXT)),
])
def test_every_encoding_round_trips(encoding: str | None, data: bytes) -> None:
    assert _decode_all(BoundedDecoder(encoding), data) == TEXT


def test_a_bomb_never_yields_more_than_asked() -> None:
    decoder, bomb, produced, limit = BoundedDecoder("gzip"), gzip_bomb(64), 0, 1024 * 1024 + 1
    for start in range(0, len(bomb), 65536):
        piece = decoder.decode(bomb[start:start + 65536], limit)
        assert len(piece) <= limit
        produced += len(piece)
        if produced > 1024 * 1024:
            break
    assert 1024 * 1024 < produced <= 1024 * 1024 + limit


def test_held_back_input_is_decoded_next_time() -> None:
    decoder = BoundedDecoder("gzip")
    data = gzip.compress(TEXT)
    first = decoder.decode(data, 100)
    assert len(first) == 100
    assert first + decoder.decode(b"", 10**9) + decoder.flush(10**9) == TEXT


@pytest.mark.parametrize("encoding, data", [("gzip", TEXT), ("deflate", TEXT), ("br", b"\x0b\x02\x80")])
def test_a_body_that_lies_or_an_encoding_not_asked_for_is_a_decode_error(encoding: str, data: bytes) -> None:
    with pytest.raises(DecodeError):
        _decode_all(BoundedDecoder(encoding), data)
