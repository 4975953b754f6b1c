"""A small word tokenizer with character offsets, aware of abbreviations and initials."""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from vznews.extract import lexicon

_KEEP_DOT = frozenset(
    "mr mrs ms dr prof sen rep gov gen col lt capt sgt adm maj cmdr rev st jr sr sra srta dra lic ing gral "
    "cpl pvt lieut mx".split()
)


class Tok(NamedTuple):
    """One token: its text, [start, end) offsets into the article, and cached shape tests."""

    text: str
    start: int
    end: int
    low: str  # lower-cased text
    cap: bool  # starts with an upper-case letter
    word: bool  # starts with a letter or digit


@cache
def _pattern() -> re.Pattern[str]:
    """Dotted acronyms (U.S.), abbreviations and initials keep their period; other periods stand alone."""
    tit = lexicon.titles()
    dotted = {w[:-1] for w in (*tit.honorifics, *tit.titles) if w.endswith(".")}
    dotted |= _KEEP_DOT | {w.capitalize() for w in _KEEP_DOT}
    abbrev = lexicon.trie_regex(dotted | {chr(c) for c in range(ord("A"), ord("Z") + 1)})
    return re.compile(rf"(?:[A-Za-z]\.){{2,}}|{abbrev}\.(?!\w)|\w+(?:[’'\-]\w+)*|[^\w\s]")


_new = tuple.__new__


def _scan(text: str, start: int, end: int) -> list[Tok]:
    return [
        _new(Tok, (t, m.start(), m.end(), t.lower(), t[:1].isupper(), t[:1].isalnum()))
        for m in _pattern().finditer(text, start, end)
        for t in (m.group(),)
    ]


def tokenize(text: str, start: int, end: int) -> list[Tok]:
    """Tokens of text[start:end]; a final period stays on abbreviations and initials only."""
    return _scan(text, start, end)


def tokenize_sentence(text: str, start: int, end: int, limit: int = 60) -> list[Tok]:
    """Tokens from `start` up to the first . ! ? or ; (not kept), at most `limit` tokens."""
    out = []
    for m in _pattern().finditer(text, start, end):
        t = m.group()
        if len(out) >= limit or (t in (".", "!", "?", ";") and not _mid_sentence(text, m.end(), end)):
            break
        out.append(_new(Tok, (t, m.start(), m.end(), t.lower(), t[:1].isupper(), t[:1].isalnum())))
    return out


_GOES_ON = re.compile(r"\)?\s*[,)]|\)\s+[a-z]")


def _mid_sentence(text: str, after: int, end: int) -> bool:
    """A period the sentence goes on after: an abbreviation before a comma or a closing bracket
    (`Allentown, Pa., said`, `Earl Brandt (D-Ore.) said`)."""
    return text[after - 1] == "." and bool(_GOES_ON.match(text, after, end))
