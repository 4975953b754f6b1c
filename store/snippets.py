"""Matched-text markers from FTS5 highlight()/snippet(), turned into plain text plus spans."""

from __future__ import annotations

import re
from dataclasses import dataclass

from vznews.textsafe import clean_terminal_text

# Control characters cannot come out of the store's text (ingest strips them), so they
# delimit matches unambiguously; clean_terminal_text would remove any stray one.
OPEN = "\x02"
CLOSE = "\x03"
ELLIPSIS = "…"
_MARKERS = re.compile(f"([{OPEN}{CLOSE}])")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Marked:
    """One line of plain text and the (start, end) character spans of the matched words in it."""

    text: str
    spans: tuple[tuple[int, int], ...] = ()

    def matched(self) -> list[str]:
        """The matched pieces of text, in order."""
        return [self.text[start:end] for start, end in self.spans]


def unmark(marked: str | None) -> Marked:
    """Strip the markers from FTS5 output: one clean line (whitespace folded) with match spans.

    Terminal escapes and control characters are removed; adjacent or empty spans are merged away.
    """
    out: list[str] = []
    length = 0
    spans: list[tuple[int, int]] = []
    start: int | None = None
    for piece in _MARKERS.split(marked or ""):
        if piece == OPEN:
            start = length
            continue
        if piece == CLOSE:
            if start is not None and length > start:
                if spans and spans[-1][1] == start:
                    spans[-1] = (spans[-1][0], length)
                else:
                    spans.append((start, length))
            start = None
            continue
        text = _SPACES.sub(" ", clean_terminal_text(piece))
        if text.startswith(" ") and (not out or out[-1].endswith(" ")):
            text = text[1:]  # no double space, no leading space
        out.append(text)
        length += len(text)
    joined = "".join(out)
    stripped = joined.rstrip()
    spans = [(s, min(e, len(stripped))) for s, e in spans if s < len(stripped)]
    return Marked(stripped, tuple(spans))
