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
    n = len(_WORD.findall(c))
    return n >= 3 or (n >= 2 and c[-1] in ".!?…")


def single_term(content: str) -> bool:
    """One or two words ("dictator", "scandalous", "fake news"): never a quotation inside a sentence."""
    return len(_WORD.findall(content)) <= 2


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
    """`Joaquín "El Chapo" Guzmán`, `Gov. J.R. "Buddy" Lane`: a quoted name inside a name."""
    if span.close_at is None:
        return False
    left = text[max(0, span.open_at - 30) : span.open_at].split()
    right = text[span.close_at : span.close_at + 30].split()
    words = content_words(text, span)
    return bool(
        left and right and left[-1][:1].isupper() and right[0][:1].isupper() and len(words) <= 3
        and all(w[:1].isupper() for w in words)
    )


def content_words(text: str, span: Span) -> list[str]:
    return _WORD.findall(text[span.start : span.end])


_DATED = re.compile(r"\s*\((?:[^()]{0,40}\b)?(?:1[89]|20)\d\d\)")


def work_or_dated(text: str, span: Span, hi: int) -> bool:
    """A cited headline or work: `"Headline," by Reporter Name`, `"Slogan" (2005)`."""
    if span.close_at is None:
        return False
    tail = text[span.close_at : min(hi, span.close_at + 12)].lstrip(" ,")
    return tail.startswith(("by ", "By ", "por ")) or bool(_DATED.match(text, span.close_at, hi))


def short_name(content: str) -> bool:
    """One to three capitalized words: a name or a title (`a show called "Horizon"`), not speech."""
    words = _WORD.findall(content)
    return 0 < len(words) <= 3 and all(w[:1].isupper() for w in words) and not content.rstrip()[-1:] in "!?"


_BYLINE_COLON = re.compile(r"\s*,?\s*by\s+[^:\"“”.!?]{2,80}:\s*$")


def excerpt_of_work(pre: str, after_quote: bool) -> bool:
    """`"Headline," by the Ledger's Ben Sato: "…"`: the words quoted after a cited headline and its
    byline are the cited article's text (a press review), not something said."""
    return after_quote and bool(_BYLINE_COLON.match(pre))
