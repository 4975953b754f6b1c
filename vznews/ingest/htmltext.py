"""HTML fragments -> plain text for the terminal: paragraphs kept, markup and scripts gone.

Feed summaries and bodies (and later, extracted pages) arrive as HTML fragments.
`html_to_text` turns one into readable plain text: block elements become
paragraphs separated by a blank line, `<br>` a line break, list items lines
starting with "• "; scripts, styles and comments disappear; entities are
decoded; whitespace is collapsed as a browser would. The result has passed
through `clean_terminal_text`, so it holds no escape sequences.

It is a handful of C-speed regular-expression passes rather than a DOM: feeds
carry tens of megabytes of HTML per sync and this runs on every entry.
"""

from __future__ import annotations

import html
import re

from vznews.textsafe import clean_terminal_text

# Elements whose content is never text: dropped with everything inside.
_DROPPED = re.compile(
    r"<!--.*?(?:-->|\Z)"
    r"|<!\[CDATA\[.*?(?:\]\]>|\Z)"
    r"|<(script|style|head|template|noscript|svg|math|iframe|object|select|textarea)\b[^>]*>.*?(?:</\1\s*>|\Z)",
    re.IGNORECASE | re.DOTALL,
)
# A tag: a name after "<" or "</", then attributes where a quoted ">" does not end it.
_TAG = re.compile(r"""</?[A-Za-z][^\s/>]*(?:[^>"']|"[^"]*"|'[^']*')*>|<![^>]*>|<\?[^>]*>""")
_BLOCK = re.compile(
    r"</?(?:p|div|section|article|aside|header|footer|main|nav|blockquote|pre|figure|figcaption|"
    r"h[1-6]|ul|ol|dl|dd|dt|table|thead|tbody|tfoot|tr|hr|address|details|summary|center)\b"
    r"(?:[^>\"']|\"[^\"]*\"|'[^']*')*>",
    re.IGNORECASE,
)
_BREAK = re.compile(r"<br\b[^>]*>", re.IGNORECASE)
_ITEM = re.compile(r"<li\b[^>]*>", re.IGNORECASE)
_CELL = re.compile(r"</t[dh]\s*>", re.IGNORECASE)
# Whether any of the three above may match: one regex scan, several times faster on long
# non-ASCII text than the six two-character substring tests it replaces (measured).
_BREAK_ITEM_CELL = re.compile(r"<(?:br|li|/t[dh])", re.IGNORECASE)
_LOOKS_HTML = re.compile(r"<[A-Za-z/!?]|&(?:#\d+|#[xX][0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]{1,31});?")
_WHITESPACE = re.compile(r"\s+")
# What clean_terminal_text would remove: checked only when cheaper tests cannot rule it out.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_PARAGRAPHS = re.compile(r"\n(?: *\n)+ *")
_LINE_START = re.compile(r"\n +")


def looks_like_html(text: str) -> bool:
    """True when `text` contains a tag or an entity reference."""
    return _LOOKS_HTML.search(text) is not None


def _collapse_spaces(text: str) -> str:
    # HTML collapses ASCII whitespace only (a non-breaking space stays); str.replace
    # is several times faster here than split/join or a regex.
    for char in "\n\t\r\f":
        if char in text:
            text = text.replace(char, " ")
    while "  " in text:
        text = text.replace("  ", " ")
    return text


def html_to_text(fragment: str | None) -> str:
    """Return the readable plain text of an HTML fragment.

    Paragraphs are separated by one blank line, line breaks and list items by a
    newline; inline whitespace is collapsed to single spaces; entities are
    decoded; scripts, styles and comments are dropped; terminal escapes and
    control characters are removed. Never raises on malformed HTML.
    """
    if not fragment:
        return ""
    text = fragment
    if "<" in text:
        text = _DROPPED.sub(" ", text)
    # Collapse the source's whitespace first: every newline left afterwards is ours.
    text = _collapse_spaces(text)
    if "<" in text:
        text = _BLOCK.sub("\n\n", text)
        # One cheap scan spares most fragments three regular-expression passes.
        if _BREAK_ITEM_CELL.search(text):
            text = _BREAK.sub("\n", text)
            text = _ITEM.sub("\n• ", text)
            text = _CELL.sub(" ", text)
        text = _TAG.sub("", text)
    if "&" in text:
        text = html.unescape(text)
        if "\xa0" in text:
            text = text.replace("\xa0", " ")
        while "  " in text:
            text = text.replace("  ", " ")
    if "\n" in text:
        text = _PARAGRAPHS.sub("\n\n", text)
        if "\n " in text:
            text = _LINE_START.sub("\n", text)
        text = text.replace(" \n", "\n")
    # Every character _UNSAFE matches is unprintable, and isprintable() is a fast C loop:
    # only text that fails it pays for the regular expression.
    if not text.replace("\n", "").isprintable() and _UNSAFE.search(text):
        text = clean_terminal_text(text)
    return text.strip()


def plain_to_text(text: str | None) -> str:
    """Tidy text that is already plain: blank lines separate paragraphs, other runs of
    whitespace collapse; control characters and escapes are removed."""
    if not text:
        return ""
    text = clean_terminal_text(text)
    paragraphs = (_WHITESPACE.sub(" ", p).strip() for p in _PARAGRAPH_BREAK.split(text))
    return "\n\n".join(p for p in paragraphs if p)


_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


def to_text(value: str | None, *, html_type: bool | None = None) -> str:
    """Plain text of a feed field: HTML when `html_type` says so (or, when it is None,
    when the value looks like HTML), plain text otherwise."""
    if not value:
        return ""
    if html_type is None:
        html_type = looks_like_html(value)
    return html_to_text(value) if html_type else plain_to_text(value)


def one_line_text(value: str | None) -> str:
    """A title or name: HTML (if any) reduced to text, on one line."""
    if not value:
        return ""
    text = html_to_text(value) if looks_like_html(value) else clean_terminal_text(value)
    return " ".join(text.split())
