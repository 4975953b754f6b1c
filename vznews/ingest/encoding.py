"""Decide a feed body's character encoding and hand parsers clean UTF-8.

Publishers get encodings wrong in every direction: an ISO-8859-1 declaration over
UTF-8 bytes, a UTF-8 declaration over windows-1252 bytes, a BOM that contradicts
the declaration, a charset only in the HTTP header. Both parsers get the same
answer from here, so they cannot disagree about text:

1. a byte-order mark wins;
2. bytes that are valid UTF-8 are UTF-8 (text in a legacy 8-bit encoding almost
   never is, unless it is plain ASCII, which reads the same either way);
3. otherwise the HTTP charset, then the XML declaration, then windows-1252.
   ISO-8859-1 and US-ASCII are read as windows-1252, as browsers do: their
   "curly quote" bytes are meant as such.

The document is re-encoded as UTF-8 with its XML declaration saying so.
"""

from __future__ import annotations

import codecs
import re
from email.message import Message

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_XML_DECL = re.compile(rb"""^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']""")
_XML_DECL_ENCODING = re.compile(rb"""^(\s*<\?xml[^>]*?\bencoding\s*=\s*["'])[A-Za-z0-9._:-]+""")
_AS_WINDOWS_1252 = {"iso8859-1", "latin-1", "ascii", "cp1252"}


def charset_from_content_type(content_type: str | None) -> str | None:
    """The `charset` parameter of a Content-Type header value, if any."""
    if not content_type or "charset" not in content_type.lower():
        return None
    message = Message()
    message["content-type"] = content_type
    charset = message.get_param("charset")
    return charset.strip().strip("'\"") if isinstance(charset, str) else None


def _codec(label: str | None) -> str | None:
    if not label:
        return None
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    return "cp1252" if name in _AS_WINDOWS_1252 else name


def _utf16_without_bom(body: bytes) -> str | None:
    if body[:2] == b"<\x00":
        return "utf-16-le"
    if body[:2] == b"\x00<":
        return "utf-16-be"
    return None


def decode_body(body: bytes, content_type: str | None = None) -> tuple[str, str]:
    """Return (text, encoding used) for a feed or page body, following the module rules.

    Never raises: undecodable bytes become U+FFFD as a last resort.
    """
    for bom, name in _BOMS:
        if body.startswith(bom):
            return body[len(bom):].decode(name, errors="replace"), name
    wide = _utf16_without_bom(body)
    if wide:
        return body.decode(wide, errors="replace"), wide
    try:
        return body.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    declared = _XML_DECL.match(body[:512])
    for label in (charset_from_content_type(content_type), declared.group(1).decode() if declared else None):
        name = _codec(label)
        if name and name not in ("utf-8", "utf-16", "utf-32"):
            try:
                return body.decode(name), name
            except UnicodeDecodeError:
                continue
    return body.decode("cp1252", errors="replace"), "cp1252"


def declares_utf8(body: bytes, content_type: str | None = None) -> bool:
    """True when nothing says the body is other than UTF-8: no BOM of another
    encoding, no contrary charset or XML declaration. Cheap: it does not check
    the bytes (a strict parser will)."""
    if body.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or _utf16_without_bom(body):
        return False
    header = charset_from_content_type(content_type)
    if header and _codec(header) != "utf-8":
        return False
    declared = _XML_DECL.match(body[:512])
    return declared is None or _codec(declared.group(1).decode()) == "utf-8"


def to_utf8_document(body: bytes, content_type: str | None = None) -> tuple[bytes, str]:
    """The body as UTF-8 bytes whose XML declaration (if any) says UTF-8, and the
    encoding it was read in (see the module rules)."""
    if not body.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) and not _utf16_without_bom(body):
        try:
            body.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            declared = _XML_DECL.match(body[:512])
            if declared is None or _codec(declared.group(1).decode()) == "utf-8":
                return body, "utf-8"
            return _XML_DECL_ENCODING.sub(rb"\g<1>utf-8", body, count=1), "utf-8"
    text, name = decode_body(body, content_type)
    data = text.encode("utf-8")
    return _XML_DECL_ENCODING.sub(rb"\g<1>utf-8", data, count=1), name
