"""Reported clauses and their bounds: `According to X, clause.`, `Clause, according to X.`

`reported` and `clause` bound the words a speech verb reports (shared with the `X said that …` rules);
`according` reads the sentence around an `according to` / `según`.
"""

from __future__ import annotations

import re

from vznews.extract import attribution
from vznews.extract.speakers import Speaker, parse_speaker

_BREAK = re.compile(
    r",\s+(?:but|and|which|who|whom|whose|as|while|although|though|whereas|even|according|said|says|adding"
    r"|saying|has|have|had|is|are|was|were|pero|y|que|quien|mientras|aunque|según|dijo)\b|,\s+\w+ing\b"
    r"|,\s+(?:a|an)\s+[\w\-]+(?:\s+[\w\-]+)?\s+(?:who|whom|whose|which)\b"  # `he won, a rival whom …`: a new item
    r"|;|\s[—–]\s|\s--\s",
)
# A parenthetical right after `that` (`reported that, according to the audit, …`): the clause follows it.
_ASIDE = re.compile(r"\s*,\s+(?:according\s+to|in\s+fact|however|for\s+example|según)\b[^,.;]{1,80},")
# After `Subject, according to X,` the sentence goes on with its verb: `… are 12 involving …`.
FINITE = frozenset(
    """is are was were has have had will would could can should may might must does did do remains remain
    remained include includes included es son fue era ha han había será""".split()
)


# A word that cannot end a clause: `He left after, according to him, the network censored …`
_OPEN_ENDED = frozenset(
    "after before because since when while although though if as until unless whether and but or of to".split()
)


def reported(text: str, a: int, b: int) -> tuple[int, int] | None:
    """The reported clause from `a`, up to where the sentence moves on (`, but …`, `, which …`)."""
    aside = _ASIDE.match(text, a, b)
    if aside is not None:
        a = aside.end()
    m = _BREAK.search(text, a, b)
    return clause(text, a, m.start() if m else b)


def clause(text: str, a: int, b: int) -> tuple[int, int] | None:
    """[a, b) without edge punctuation, when it holds at least three words."""
    while a < b and text[a] in " ,;:—–-":
        a += 1
    while b > a and text[b - 1] in ".,;:!? ":
        b -= 1
    return (a, b) if len(text[a:b].split()) >= 3 else None


def according(text: str, lang: str, s: int, e: int, m: re.Match, has_quote: bool,
              sentence) -> tuple[int, int, str, Speaker] | None:
    """(start, end, cue, source) of the clause an `according to` at `m` reports, in the sentence [s, e)."""
    toks = sentence.toks
    k = next((i for i, t in enumerate(toks) if t.start == m.start()), None)
    hit = attribution._verb_at(toks, k, lang) if k is not None else None
    if hit is None or hit[0] not in ("according to", "según"):
        return None
    n = hit[1]
    lo = _after_paren(text, s, m.start())
    if k == 0:
        comma = next((i for i in range(n, len(toks)) if toks[i].text == ","), None)
        if comma is None or comma + 1 >= len(toks) or has_quote:
            return None
        sp = parse_speaker(text, toks[n:comma])
        span = reported(text, toks[comma + 1].start, toks[-1].end)
    elif toks[k - 1].text == "," and k >= 2:
        if toks[k - 2].low in ("that", "que"):
            return None  # `reported that, according to X, …`: the reporting verb's clause
        comma = next((i for i in range(k + n, len(toks)) if toks[i].text == ","), None)
        rest = [t for t in toks[comma:] if t.word] if comma is not None else []
        if comma is not None and len([t for t in toks[:k] if t.word]) <= 3 and len(rest) >= 4:
            # `In addition, according to the department, nearly nine million …`: the words after it
            sp = parse_speaker(text, toks[k + n : comma])
            span = reported(text, toks[comma + 1].start, toks[-1].end)
        elif comma is not None and len(rest) >= 2 and (rest[0].low in FINITE or toks[k - 2].low in _OPEN_ENDED):
            # `Among the rulings at risk, according to X, are twelve …`: the subject before, its verb after
            sp = parse_speaker(text, toks[k + n : comma])
            span = clause(text, max(lo, toks[0].start), toks[-1].end)
        else:
            sp = parse_speaker(text, [t for t in toks[k + n :] if t.text not in ".;)"])
            span = clause(text, max(lo, toks[0].start), toks[k - 2].end)
        if has_quote:
            return None
    else:
        return None
    if span is None or sp is None:
        return None
    return span[0], span[1], hit[0], sp


def _after_paren(text: str, s: int, at: int) -> int:
    """Just after a bracket still open before `at` in the sentence (the aside's own start), else `s`."""
    opened = text.rfind("(", s, at)
    return opened + 1 if opened >= 0 and text.find(")", opened, at) < 0 else s
