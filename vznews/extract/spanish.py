"""Spanish dialogue dashes (rayas): `—Vamos a ganar —dijo el portavoz—. Y lo haremos pronto.`

A paragraph that opens with a raya is speech; a raya before a lower-case word opens the narrator's
interjection, and the next raya closes it. The speech parts become quoted spans whose "closing mark"
is the raya that opens the interjection, so the ordinary after-quote attribution reads `dijo X`.
"""

from __future__ import annotations

import re

from vznews.extract.marks import Span

_RAYA = "—–"
_MID_START = re.compile(r"[.!?…]\s+[—–](?=[¿¡A-ZÁÉÍÓÚÑ])")
_NARRATOR = re.compile(r"\s?[—–](?=\s?[a-záéíóúñ¿¡])")


def raya_spans(text: str, paragraphs: list[tuple[int, int]]) -> list[Span]:
    """Speech parts of raya-dialogue paragraphs."""
    out: list[Span] = []
    for p, (lo, hi) in enumerate(paragraphs):
        if text[lo] in _RAYA and lo + 1 < hi and text[lo + 1] not in "\"“«'":
            opened = lo
        else:
            m = _MID_START.search(text, lo, hi)  # `Ortiz respondió después. —No tengo nada que ocultar —afirmó—.`
            if m is None:
                continue
            opened = m.end() - 1
        pos = first = opened
        pos += 1
        while pos < hi:
            m = _NARRATOR.search(text, pos, hi)
            end = m.start() if m else hi
            s, e = _trim(text, pos, end)
            if e > s:
                out.append(Span(s, e, opened, m.start() if m else None, p, continued=opened != first, dash=True))
            if m is None:
                break
            close = text.find("—", m.end(), hi)
            if close < 0:
                close = text.find("–", m.end(), hi)
            if close < 0:
                break
            opened, pos = close, close + 1
    return out


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and (text[s].isspace() or text[s] in ".,;"):
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e
