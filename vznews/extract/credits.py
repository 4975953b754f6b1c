"""Photo credits, captions, bylines and sign-offs: text whose names are not the story's.

Measured on real news, most of the recognizer's wrong people come from here:
"Mark Schiefelbein/Associated Press", "By Ana Vanessa Herrero", "(Reporting by
Corina Pons; Editing by Leslie Adler)". `credit_spans(text)` returns the
character ranges to leave out; entities inside them are dropped.
"""

from __future__ import annotations

import re

_AGENCY = (
    r"(?:AP|A\.P\.|Associated Press|Reuters|AFP|Agence France-Presse|Getty Images|Getty|EPA|EPA-EFE|EFE|"
    r"Bloomberg|Xinhua|Anadolu(?: Agency)?|Zuma(?: Press)?|Sipa(?: USA)?|Shutterstock|Pool|NurPhoto|"
    r"SOPA Images|LightRocket|Redux|Polaris|Corbis|Alamy|The New York Times|The Washington Post|NYT|"
    r"Miraflores Press Office|Prensa Presidencial|Handout)"
)
_NAME = r"[A-ZÁÉÍÓÚÑ][\w.'’-]+(?:\s+(?:de|del|la|van|von|da|dos)?\s*[A-ZÁÉÍÓÚÑ][\w.'’-]+){0,4}"

# A whole line (paragraph) that is a credit, a caption with a credit, or a byline.
_LINE_PATTERNS = [
    re.compile(rf"{_NAME}\s*/\s*{_AGENCY}"),  # Mark Schiefelbein/Associated Press
    re.compile(rf"{_AGENCY}\s*/\s*{_NAME}"),  # Reuters/Carlos Garcia Rawlins
    re.compile(rf"\b(?:via|for|by)\s+{_AGENCY}\s*\)?\s*$"),
    re.compile(r"\b(?:Photo(?:graph)?s?|PHOTOS?|Image|Picture|Credit|CREDIT|Foto(?:grafía)?|FOTO|Imagen)\s*(?:by\b|:|courtesy)"),
    re.compile(r"^\s*(?:By|Por|Written by|Words by|Story by)\s+" + _NAME + r"(?:\s*(?:,|and|y|&)\s*" + _NAME + r")*\s*(?:[,|•·—–-].{0,80})?$"),
    re.compile(r"^\s*(?:Follow|Contact|Email|E-mail|Reach)\s+" + _NAME + r".{0,120}$"),
    re.compile(r"^\s*" + _NAME + r"\s+(?:is|was)\s+an?\s+(?:[\w-]+\s+){0,6}(?:reporter|correspondent|writer|editor|columnist|contributor|journalist|producer|photographer|fellow|intern|analyst at)\b"),
    re.compile(r"^\s*[-—–(\[]*\s*" + _NAME + r"\s*,\s*" + _AGENCY + r"\s*[)\]]?\s*$"),
    re.compile(r"^\s*©"),
]
# A credit or sign-off inside a longer paragraph: only that part is left out.
_INLINE_PATTERNS = [
    re.compile(r"\((?:[^()]{0,40}(?:Photo|Foto|Image|Credit|Reporting|Editing|Writing|Additional reporting)[^()]{0,200})\)", re.I),
    re.compile(rf"\(\s*{_AGENCY}\s*(?:/|Photo|photo)[^()]{{0,100}}\)"),
    re.compile(r"(?:^|(?<=[(;.]\s)|(?<=[(;]))(?:Additional reporting|Reporting|Editing|Writing|Compiled|Edited|Translated)\s+by\s+[^\n)]{0,300}"),
    re.compile(r"(?:^|(?<=[.!?]\s))[^.!?\n]{0,160}\bcontributed(?:\s+reporting)?\s+(?:to|from)\s+(?:this|the)\s+(?:report|story|article)\.?"),
    re.compile(r"(?:^|(?<=[.!?]\s))[^.!?\n]{0,120}\b(?:reported|reporting)\s+from\s+[A-Z][^.!?\n]{0,60}\.\s*$"),
]
_CAPTION_MAX = 400  # a credited line longer than this is a paragraph, not a caption


def credit_spans(text: str) -> list[tuple[int, int]]:
    """Sorted, non-overlapping [start, end) ranges of `text` that are credits, captions or bylines."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        start, body = pos, line.rstrip("\r\n")
        pos += len(line)
        if not body.strip():
            continue
        if len(body) <= _CAPTION_MAX and any(p.search(body) for p in _LINE_PATTERNS):
            spans.append((start, start + len(body)))
            continue
        for pattern in _INLINE_PATTERNS:
            for m in pattern.finditer(body):
                spans.append((start + m.start(), start + m.end()))
    return _merge(spans)


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) overlaps one of the sorted `spans`."""
    import bisect

    i = bisect.bisect_right(spans, (start, float("inf"))) - 1
    for s, e in spans[max(0, i) : i + 2]:
        if s < end and start < e:
            return True
    return False
