"""Choosing a body's encoding: BOM, valid UTF-8, HTTP charset, XML declaration, windows-1252."""

from __future__ import annotations

from vznews.ingest.encoding import charset_from_content_type, declares_utf8, decode_body, to_utf8_document

TEXT = "Mérida: “no hay luz”"


def test_bom_wins_over_the_declaration() -> None:
    body = b"\xef\xbb\xbf" + '<?xml version="1.0" encoding="iso-8859-1"?><a>Mérida</a>'.encode()
    text, used = decode_body(body)
    assert used == "utf-8" and "Mérida" in text and not text.startswith("\ufeff")


def test_utf16_with_bom() -> None:
    text, used = decode_body(f'<?xml version="1.0" encoding="UTF-16"?><a>{TEXT}</a>'.encode("utf-16"))
    assert used.startswith("utf-16") and TEXT in text


def test_valid_utf8_beats_a_wrong_latin1_declaration() -> None:
    body = f'<?xml version="1.0" encoding="ISO-8859-1"?><a>{TEXT}</a>'.encode()
    data, used = to_utf8_document(body)
    assert used == "utf-8"
    assert data.startswith(b'<?xml version="1.0" encoding="utf-8"?>') and TEXT.encode() in data


def test_windows1252_bytes_under_a_utf8_declaration() -> None:
    body = f'<?xml version="1.0" encoding="UTF-8"?><a>{TEXT}</a>'.encode("cp1252")
    text, used = decode_body(body)
    assert used == "cp1252" and TEXT in text


def test_latin1_label_reads_curly_quotes_as_windows1252() -> None:
    body = b'<?xml version="1.0" encoding="ISO-8859-1"?><a>\x93hola\x94 \xe9</a>'
    text, _ = decode_body(body)
    assert "“hola” é" in text


def test_http_charset_is_used_without_a_declaration() -> None:
    body = "<rss><title>Señal</title></rss>".encode("latin-1")
    text, used = decode_body(body, "text/xml; charset=ISO-8859-1")
    assert used == "cp1252" and "Señal" in text


def test_charset_parameter_parsing() -> None:
    assert charset_from_content_type('application/rss+xml; charset="windows-1252"') == "windows-1252"
    assert charset_from_content_type("text/xml") is None and charset_from_content_type(None) is None


def test_declares_utf8() -> None:
    assert declares_utf8(b'<?xml version="1.0"?><rss/>')
    assert declares_utf8(b'<?xml version="1.0" encoding="utf-8"?><rss/>', "application/xml; charset=UTF-8")
    assert not declares_utf8(b'<?xml version="1.0" encoding="iso-8859-1"?><rss/>')
    assert not declares_utf8(b"<rss/>", "text/xml; charset=iso-8859-1")
    assert not declares_utf8(b"\xff\xfe<\x00r\x00")
