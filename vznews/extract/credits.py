"""Photo credits, bylines and sign-offs: text whose names are not the story's.

Measured on real news, most of the recognizer's wrong people come from here:
"Mark Schiefelbein/Associated Press", "By Ana Vanessa Herrero", "(Reporting by
Corina Pons; Editing by Leslie Adler)". `credit_spans(text)` returns the
character ranges to leave out; entities inside them are dropped. A caption keeps
its words (the people it shows are usually the story's); only its credit goes.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

_AGENCY = (
    r"(?:AP|A\.P\.|Associated Press|Reuters|AFP|Agence France-Presse|Getty Images|Getty|EPA|EPA-EFE|EFE|"
    r"Bloomberg|Xinhua|Anadolu(?: Agency)?|Zuma(?: Press)?|Sipa(?: USA)?|Shutterstock|Pool|NurPhoto|"
    r"SOPA Images|LightRocket|Redux|Polaris|Corbis|Alamy|The New York Times|The Washington Post|NYT|"
    r"Miraflores Press Office|Prensa Presidencial|Handout)"
)
_NAME = r"[A-ZÁÉÍÓÚÑ][\w.'’-]+(?:[ \t]+(?:de|del|la|van|von|da|dos)?[ \t]*[A-ZÁÉÍÓÚÑ][\w.'’-]+){0,4}"
_CREDIT_WORD = r"(?:Photo(?:graph)?s?|PHOTOS?|Image|Picture|Credit|CREDIT|Foto(?:grafía)?s?|FOTO|Imagen)"

# A whole line (paragraph) that is a byline, a bio, a contact line or a copyright notice.
_LINE_PATTERNS = [
    re.compile(rf"^\s*(?:By|BY|Por|POR|Written by|Words by|Story by)\s+{_NAME}(?:\s*(?:,|and|y|&)\s*{_NAME})*\s*(?:[,|•·—–-].{{0,80}})?$"),
    re.compile(rf"^\s*(?:Follow|Contact|Email|E-mail|Reach|Write to)\s+(?:{_NAME}|the author|us)\b.{{0,160}}$"),
    re.compile(rf"^\s*{_NAME}\s+(?:is|was)\s+an?\s+(?:[\w-]+\s+){{0,6}}(?:reporter|correspondent|writer|editor|columnist|contributor|journalist|producer|photographer|fellow|intern)\b"),
    # "Tom Reed is the Herald's Latin America correspondent": one sentence, alone on its line
    re.compile(rf"^\s*{_NAME}\s+(?:is|was)\s+the\s+(?:[\w'’-]+\s+){{0,6}}(?:reporter|correspondent|writer|editor|columnist|"
               r"contributor|journalist|producer|photographer|fellow|intern|bureau chief)\b[^.!?\n]{0,120}[.!?]?\s*$"),
    re.compile(rf"^\s*[-—–(\[]*\s*{_NAME}\s*,\s*{_AGENCY}\s*[)\]]?\s*$"),
    re.compile(r"^\s*(?:©|\(c\)|Copyright\b).{0,200}$|All rights reserved\.?\s*$", re.I),
]
# Credits and sign-offs inside a line: only the matched part is left out.
_INLINE_PATTERNS = [
    re.compile(rf"\b{_CREDIT_WORD}\s*(?:by\b|:|courtesy\b)[^\n()]*"),
    re.compile(rf"{_NAME}\s*(?:/|\s(?:via|for)\s)\s*{_AGENCY}(?:\s+(?:via|for)\s+{_AGENCY})?"),
    re.compile(rf"{_AGENCY}\s*/\s*{_NAME}"),
    re.compile(rf"\((?:{_AGENCY}|{_CREDIT_WORD})\b[^()\n]{{0,120}}\)"),
    re.compile(r"(?:^|(?<=[(;.]\s)|(?<=[(;]))(?:Additional reporting|Reporting|Editing|Writing|Compiled|Edited|Translated)\s+by\s+[^\n)]{0,300}"),
    re.compile(r"(?:^|(?<=[.!?]\s))[^.!?\n]{0,160}\bcontributed(?:\s+reporting)?\s+(?:to|from)\s+(?:this|the)\s+(?:report|story|article)\.?"),
    re.compile(r"(?:^|(?<=[.!?]\s))[^.!?\n]{0,120}\b(?:reported|reporting)\s+from\s+[A-Z][^.!?\n]{0,60}\.\s*$"),
]


# Cheap tests first: most lines hold none of these words, and then no pattern can match.
_LINE_HINT = re.compile(r"^\s*(?:By|BY|Por|POR|Written|Words|Story|Follow|Contact|Email|E-mail|Reach|Write|©|\(c\)|Copyright)\b|"
                        rf"\b(?:is|was) (?:an?|the)\b|,\s*{_AGENCY}|rights reserved", re.I)
_INLINE_HINT = re.compile(rf"/|\(|\b(?:via|for|by|contributed|reported|reporting|{_CREDIT_WORD})\b")


@lru_cache(maxsize=16)
def credit_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Sorted, non-overlapping [start, end) ranges of `text` that are credits, bylines or sign-offs."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        start, body = pos, line.rstrip("\r\n")
        pos += len(line)
        if not body.strip():
            continue
        if len(body) <= 400 and _LINE_HINT.search(body) and any(p.search(body) for p in _LINE_PATTERNS):
            spans.append((start, start + len(body)))
            continue
        if _INLINE_HINT.search(body):
            for pattern in _INLINE_PATTERNS:
                for m in pattern.finditer(body):
                    spans.append((start + m.start(), start + m.end()))
    return tuple(_merge(spans))


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def inside(spans: "list[tuple[int, int]] | tuple[tuple[int, int], ...]", start: int, end: int) -> bool:
    """Whether [start, end) overlaps one of the sorted, non-overlapping `spans`."""
    i = bisect.bisect_right(spans, (start, float("inf"))) - 1
    for s, e in spans[max(0, i) : i + 2]:
        if s < end and start < e:
            return True
    return False
