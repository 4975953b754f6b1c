"""Where an article's text has headlines and subheads: the recognizer takes their capitalised
words ("Salvatierra Vows To Fight On") for names, so entity finding skips these lines."""

from __future__ import annotations

import re
from functools import lru_cache

# Words a Title Case line leaves in lower case ("of", "the", "de").
SMALL_WORDS = frozenset("a an the of in on at to for and or by with from as is are was vs. vs de del la el y".split())
# A line closing as a sentence does: "… in Caledra on Monday." (a quotation mark or bracket may follow).
_SENTENCE_END = re.compile(r"[.!?…][\"”’'»)\]]*\s*$")
_HEADLINE_WORDS = 14  # headlines and subheads are short; a longer first line is a lede


@lru_cache(maxsize=16)
def headline_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Lines written as headlines or subheads: the recognizer takes their capitalised verbs for names.

    A headline is Title Case: every word but the small ones ("of", "the", "de") capitalised, in four
    words or more. The first line, when more text follows it, may also be a headline with one word in
    five in lower case ("Salvatierra says Quintero Must Go") — but only while it does not read as a
    sentence: short, and not closing with a full stop. A one-line feed summary or a short lede
    ("President Héctor Salvatierra met Marisol Quintero in Caledra on Monday.") keeps its names.
    """
    spans = []
    pos = 0
    lines = text.splitlines(keepends=True)
    for number, line in enumerate(lines):
        words = [w for w in re.findall(r"[^\W\d_][\w’'-]*", line) if w.lower() not in SMALL_WORDS]
        lower = sum(not w[:1].isupper() for w in words)
        title_case = lower == 0 and len(words) >= 4
        lead = (number == 0 and len(words) >= 3 and lower <= 0.2 * len(words) and bool(text[len(line):].strip())
                and len(line.split()) <= _HEADLINE_WORDS and not _SENTENCE_END.search(line))
        if len(line) < 250 and (title_case or lead):
            spans.append((pos, pos + len(line)))
        pos += len(line)
    return tuple(spans)
