"""Paragraphs and sentences of an article body, as character offsets into it.

Feed text and extracted full text put one paragraph per line (often with blank lines between),
so every non-blank line is a paragraph; plain text hard-wrapped at a fixed width has its paragraphs
between blank lines instead. Sentences are found with a small abbreviation-aware rule,
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
    """Return (start, end) of every paragraph, without its outer whitespace: each non-blank line, or,
    in hard-wrapped plain text (lines broken at a fixed width, paragraphs apart by blank lines), each
    block of lines between blank lines."""
    lines = []
    for m in _LINE.finditer(text):
        s, e = m.span()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            lines.append((s, e))
    blocks = _blocks(text, lines)
    return [(b[0][0], b[-1][1]) for b in blocks] if _hard_wrapped(text, blocks) else lines


def _blocks(text: str, lines: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """Runs of lines with no blank line between them."""
    out: list[list[tuple[int, int]]] = []
    for s, e in lines:
        if out and text.count("\n", out[-1][-1][1], s) == 1:
            out[-1].append((s, e))
        else:
            out.append([(s, e)])
    return out


def _hard_wrapped(text: str, blocks: list[list[tuple[int, int]]]) -> bool:
    """Most line breaks inside blocks fall where a fixed width ran out: the line is long, and the
    next line's first word would not have fitted on it (a list or a verse breaks earlier)."""
    inner = [(b[i], b[i + 1]) for b in blocks for i in range(len(b) - 1)]
    if len(blocks) < 2 or len(inner) < 2:
        return False
    width = max(e - s for b in blocks for s, e in b)
    if width > 100 or width < 40:
        return False  # one paragraph per long line; or short lines: a list, a verse, an address
    full = 0
    for (s, e), (ns, ne) in inner:
        first = text[ns:ne].split(None, 1)[0]
        full += (e - s) + 1 + len(first) > width - 2 and (e - s) >= 0.6 * width
    return full >= 0.8 * len(inner)


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
