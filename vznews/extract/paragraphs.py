"""Paragraphs and sentences of an article body, as character offsets into it.

Feed text and extracted full text put one paragraph per line (often with blank lines between),
so every non-blank line is a paragraph. Sentences are found with a small abbreviation-aware rule,
enough to bound the context a quote's attribution is looked for in.
"""

from __future__ import annotations

import re

_LINE = re.compile(r"[^\n]+")
# A sentence ends at . ! ? (optionally followed by closing marks/brackets) before a space and an
# upper-case letter, digit or opening mark.
_SENT_END = re.compile(r"[.!?…]+[\"”’'»)\]]*(?=\s+[\"“‘'«¿¡(\[A-ZÁÉÍÓÚÑ0-9—–])")
_ABBREV = frozenset(
    """mr mrs ms dr prof sen rep gov gen col lt capt sgt adm maj cmdr rev st jr sr sra srta dra lic ing gral
    no vs etc inc corp co ltd jan feb mar apr aug sept sep oct nov dec u.s u.k u.n d.c a.m p.m e.g i.e
    ft mt ave blvd dept univ assn est approx""".split()
)
# Abbreviations that often close a sentence: before an opening quote mark they end it
# (`after 2 a.m. "Tonight we won," she said.`); titles never do (`Gen. "Mad Dog" Mattis`).
_CAN_END = frozenset("a.m p.m etc inc corp co ltd d.c".split())
_OPENING = frozenset("\"“«‘„")


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """Return (start, end) of every paragraph: each non-blank line, without its outer whitespace."""
    out = []
    for m in _LINE.finditer(text):
        s, e = m.span()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def _is_abbreviation(text: str, dot: int) -> bool:
    """True when the period at `dot` closes an abbreviation or an initial, not a sentence."""
    if text[dot] != ".":
        return False
    s = dot
    while s > 0 and (text[s - 1].isalpha() or text[s - 1] == "."):
        s -= 1
    word = text[s:dot].lower()
    if not word:
        return False
    if len(word) == 1 and text[s].isupper():
        return True  # an initial: "Peter J. Mora"
    return word in _ABBREV


def _ends_before_quote(text: str, dot: int, end: int) -> bool:
    """True when the abbreviation closed at `dot` may end a sentence and a quotation opens next."""
    s = dot
    while s > 0 and (text[s - 1].isalpha() or text[s - 1] == "."):
        s -= 1
    nxt = dot + 1
    while nxt < end and text[nxt] == " ":
        nxt += 1
    return text[s:dot].lower() in _CAN_END and nxt < end and text[nxt] in _OPENING


def sentence_ends(text: str, start: int, end: int) -> tuple[int, ...]:
    """Offsets (within [start, end)) just after each sentence-final punctuation run."""
    out = []
    for m in _SENT_END.finditer(text, start, end):
        first = m.start()
        dot_only = m.group()[0] == "." and len(m.group()) == 1
        if dot_only and _is_abbreviation(text, first) and not _ends_before_quote(text, first, end):
            continue
        out.append(m.end())
    return tuple(out)


class Sentences:
    """Sentence ends per paragraph of one text, found once: the quote and reported-speech rules both ask."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._ends: dict[tuple[int, int], tuple[int, ...]] = {}

    def __call__(self, start: int, end: int) -> tuple[int, ...]:
        key = (start, end)
        if key not in self._ends:
            self._ends[key] = sentence_ends(self.text, start, end)
        return self._ends[key]
