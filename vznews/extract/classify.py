"""Tell quotations from other quoted text: scare quotes, titles of works, nicknames, headlines."""

from __future__ import annotations

import re

from vznews.extract.marks import Span

_WORD = re.compile(r"[\w’'\-]+")
_SMALL = frozenset(
    "a an the of and or in on at to for with by from as vs is de la el los las y en del con por para un una".split()
)
_END_PUNCT = ".,!?…;:—-"


def opens_clause(pre: str, before) -> bool:
    """True when the quote starts its clause: at a sentence start, after a colon, or after `X said,`."""
    p = pre.rstrip()
    if not p:
        return True
    if p.endswith((":", "—", "–")):
        return True
    if p.endswith(",") and before is not None and before.tight:
        return True
    return False


def ends_clause(content: str) -> bool:
    """True when the quoted words end with their own punctuation (`…,"` `…?"`)."""
    c = content.rstrip()
    return bool(c) and c[-1] in _END_PUNCT + "'’\"”"


def sentence_like(content: str, span: Span) -> bool:
    """True when a stand-alone quote reads as speech rather than a quoted term."""
    if span.continues:
        return True
    c = content.strip()
    return len(_WORD.findall(c)) >= 3 or (bool(c) and c[-1] in ".!?…")


def scare_quote(content: str) -> bool:
    """A term or two in quotes ("dictator", "high" or "low"): a quotation only when a verb introduces it."""
    return len(_WORD.findall(content)) <= 3


def title_like(content: str, opens_clause: bool = True) -> bool:
    """Title Case words without closing punctuation: a work's title, a slogan or a headline.

    Inside a sentence a closing period or comma may be the sentence's own (`on "Meet the Press."`).
    """
    c = content.strip()
    if not opens_clause:
        c = c.rstrip(".,")
    if not c or c[-1] in ".,!?…;:":
        return False
    words = _WORD.findall(c)
    big = [w for w in words if w.lower() not in _SMALL]
    if len(words) < 2 or len(words) > 12 or not big:
        return False
    return all(w[:1].isupper() or w[:1].isdigit() for w in big)


def whole_paragraph(text: str, span: Span, para: tuple[int, int]) -> bool:
    """The quote is all its paragraph holds, but for its marks, dashes and final punctuation."""
    lo, hi = para
    close = span.close_at if span.close_at is not None else hi
    edge = " –—-.:;,"
    return not text[lo : span.open_at].strip(edge) and not text[close:hi].strip(edge)


def nickname(text: str, span: Span) -> bool:
    """`Joaquín "El Chapo" Guzmán`: a quoted name between two parts of a name."""
    if span.close_at is None:
        return False
    left = text[max(0, span.open_at - 30) : span.open_at].split()
    right = text[span.close_at : span.close_at + 30].split()
    return bool(left and right and left[-1][:1].isupper() and right[0][:1].isupper() and len(content_words(text, span)) <= 4)


def content_words(text: str, span: Span) -> list[str]:
    return _WORD.findall(text[span.start : span.end])


def byline_follows(text: str, span: Span, hi: int) -> bool:
    """A cited headline: `"Headline," by Reporter Name`."""
    if span.close_at is None:
        return False
    tail = text[span.close_at : min(hi, span.close_at + 12)].lstrip(" ,")
    return tail.startswith(("by ", "By ", "por "))


def not_a_quote(text: str, span: Span, content: str, hi: int) -> bool:
    """True for quoted text that is no quotation: titles, nicknames, cited headlines."""
    return title_like(content) or nickname(text, span) or byline_follows(text, span, hi)
