"""Reported speech without quotation marks: `X said (that) …`, `according to X, …`, `…, X said.`

Each reported clause becomes an "indirect" quote spanning the clause, attributed like a direct one.
Clauses that contain quotation marks are left to the direct-quote rules (they become "mixed").
Driven by the speech-cue words a fast regular expression finds, so sentences without one cost nothing.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import NamedTuple

from vznews.extract import attribution, lexicon
from vznews.extract.according import FINITE, according, clause, reported
from vznews.extract.marks import Span
from vznews.extract.paragraphs import Sentences
from vznews.extract.speakers import Speaker, parse_speaker
from vznews.extract.subjects import relative_antecedent
from vznews.extract.tokens import Tok, tokenize
from vznews.extract.wordsets import BOUNDARY, CLAUSE_WORDS, NON_NAMES, ORG_WORDS

THAT = frozenset(("that", "que"))
CLAUSE_START = frozenset("he she they it we i there the his her their its this these those él ella ellos ellas".split())
BARE_OK = frozenset("said says told tells dijo dice".split())
ADJUNCT_START = frozenset(
    """in on at during after before via this last yesterday today earlier later recently monday tuesday
    wednesday thursday friday saturday sunday en el este ayer hoy durante tras""".split()
)
WHEN_WORDS = frozenset("in on during last this yesterday today earlier later recently publicly privately".split())
_RELATIVE = re.compile(
    r"\s+(?:have|has|had|is|are|was|were|will|would|could|can|should|may|might|must|do|does|did|held|hold"
    r"|track|show|shows|showed)\b"
)
_AFTER_VERB = re.compile(r"(?:\s+[\w’'.\-]+){0,4}?\s+(?:that|que)\b")


class Reported(NamedTuple):
    """One clause of reported speech."""

    start: int
    end: int
    paragraph: int
    cue: str
    speaker: Speaker | None
    anchor: int
    kind: str = "indirect"


def find_indirect(text: str, lang: str, paragraphs: list[tuple[int, int]], spans: list[Span],
                  sentences: Sentences | None = None) -> list[Reported]:
    """Every reported clause outside quotation marks, in reading order (at most one per sentence).

    Also "event" records (no clause, empty span): a named person was the subject of a speech verb there.
    """
    out: list[Reported] = []
    by_para: dict[int, list[tuple[int, int]]] = {}
    for s in spans:
        by_para.setdefault(s.paragraph, []).append((s.open_at, s.close_at if s.close_at is not None else s.end))
    sentences = sentences or Sentences(text)
    by_hits: dict[int, list[re.Match[str]]] = {}
    para_starts = [lo for lo, _ in paragraphs]
    for m in lexicon.cue_pattern(lang).finditer(text):
        by_hits.setdefault(bisect_right(para_starts, m.start()) - 1, []).append(m)
    for p, hits in sorted(by_hits.items()):
        if p < 0:
            continue
        lo, hi = paragraphs[p]
        hits = [m for m in hits if m.end() <= hi]  # not in the blank space between paragraphs
        if not hits:
            continue
        quoted = sorted(by_para.get(p, []))
        bounds = [lo] + [e for e in sentences(lo, hi) if not _inside(e - 1, quoted)] + [hi]
        done: set[int] = set()
        sentence_toks: dict[int, _Toks] = {}
        for m in hits:
            if quoted and _inside(m.start(), quoted):
                continue
            i = bisect_right(bounds, m.start()) - 1
            if i in done or i + 1 >= len(bounds):
                continue
            s, e = bounds[i], bounds[i + 1]
            if i not in sentence_toks:
                sentence_toks[i] = _Toks(text, s, e)
            r = _at(text, lang, p, s, e, m, quoted, sentence_toks[i])
            if r is not None:
                out.append(r)
                if r.kind != "event":
                    done.add(i)
    return out


class _Toks:
    """A sentence's tokens, tokenized the first time they are needed, sliced by character range."""

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text, self.start, self.end = text, start, end
        self._toks: list[Tok] | None = None
        self.starts: list[int] = []

    @property
    def toks(self) -> list[Tok]:
        if self._toks is None:
            self._toks = tokenize(self.text, self.start, self.end)
            self.starts = [t.start for t in self._toks]
        return self._toks

    def __call__(self, a: int, b: int) -> list[Tok]:
        toks = self.toks
        i = bisect_left(self.starts, a)
        j = bisect_left(self.starts, b, i)
        while j > i and toks[j - 1].end > b:
            j -= 1
        return toks[i:j]


def _inside(pos: int, quoted: list[tuple[int, int]]) -> bool:
    """`pos` falls in one of the (sorted, disjoint) quoted ranges."""
    i = bisect_right(quoted, (pos, float("inf"))) - 1
    return i >= 0 and quoted[i][0] <= pos < quoted[i][1]


def _at(text: str, lang: str, p: int, s: int, e: int, m: re.Match, quoted, toks: _Toks) -> Reported | None:
    word = m.group().lower()
    has_quote = any(s <= a < e for a, _ in quoted)
    if word in ("according", "según", "segun"):
        r = according(text, lang, s, e, m, has_quote, toks)
        return Reported(r[0], r[1], p, r[2], r[3], m.start()) if r else None
    if has_quote:
        if any(a - 40 <= m.start() <= b + 40 and len(text[a:b].split()) > 3 for a, b in quoted):
            return None  # the verb attributes a quotation next to it: the quote rules record who spoke
        return _cheap_event(text, lang, p, s, m)  # the quote rules read this sentence; keep who spoke
    r = _verb_that(text, lang, p, s, e, m, toks)
    if r is not None and r.kind != "event":
        return r
    return _trailing(text, lang, p, s, e, m) or r


def _verb_that(text, lang, p, s, e, m, sentence: _Toks) -> Reported | None:
    """`X said (that) clause`: the clause runs to the end of the sentence."""
    that = _AFTER_VERB.match(text, m.end(), e)
    if that is None and not _CLAUSE_NEXT.match(text, m.end(), e):
        ev = _cheap_event(text, lang, p, s, m)
        if ev is None and text[s : m.start()].rstrip().endswith(","):
            # `An engineer, who gave only his first name, Daniel, said police came`: the name closing an
            # appositive is who spoke, whom a later `he said` refers to
            toks = tokenize(text, _window_start(text, s, m.start()), m.end())
            k = len(toks) - 1
            hit = attribution._verb_at(toks, k, lang) if k > 0 else None
            return _event(text, p, toks, k, hit[0], m) if hit is not None else None
        return ev
    toks = tokenize(text, _window_start(text, s, m.start()), that.end() if that else min(e, m.end() + 40))
    k = next((i for i, t in enumerate(toks) if t.start == m.start()), None)
    if not k:
        return None
    hit = attribution._verb_at(toks, k, lang)
    if hit is None or toks[k - 1].low in ("be", "been", "being", "is", "was", "were", "are", "to", "so", "too",
                                          "very", "more", "most", "less"):
        return None  # not a verb here; or passive or infinitive: nobody reports anything
    cue, n = hit
    between = [t for t in toks[k + n :] if t.word][:-1]
    if that is not None and _RELATIVE.match(text, that.end(), e):
        return None  # `the river towns that have suffered`: a relative clause, not a report
    if that is not None and (not between or cue.lower() in ("told", "tells") or between[0].low in WHEN_WORDS
                             or between[0].cap):
        start = that.end()  # said that, said Sunday that, said in a statement that, told reporters that
    elif cue.lower() in BARE_OK and k + n < len(toks) and toks[k + n].low in CLAUSE_START \
            and not _object_or_time(toks, k + n, cue) and not _inverted(text, toks, k, cue):
        start = toks[k + n].start
    else:
        return _event(text, p, toks, k, cue, m)
    span = reported(text, start, e)
    if span is None:
        return _event(text, p, toks, k, cue, m)
    # `a president who says he won`: the president; `sided with Okafor, who said`: Okafor
    who = relative_antecedent(text, toks, k) or attribution.subject_of(text, toks[:k], cue)
    return Reported(span[0], span[1], p, cue, who, m.start())


def _object_or_time(toks: list[Tok], i: int, cue: str) -> bool:
    """The word after the verb starts its object (`told his advisers`) or a time (`said this week`)."""
    if cue.lower() in ("told", "tells") and toks[i].low not in SUBJECT_ONLY:
        return True
    nxt = toks[i + 1].low if i + 1 < len(toks) else ""
    then = toks[i + 2].low if i + 2 < len(toks) else ""
    return toks[i].low in ("this", "that", "last", "next") and nxt in TIME_NOUNS and then not in FINITE


def _inverted(text: str, toks: list[Tok], k: int, cue: str) -> bool:
    """`…, said the chief executive, Ana Ruiz.`: the verb follows a comma with no subject before it."""
    return toks[k - 1].text == "," and attribution.subject_of(text, toks[:k], cue) is None


SUBJECT_ONLY = frozenset("he she they we i".split())
TIME_NOUNS = frozenset(
    """week weekend month year morning afternoon evening night spring summer fall autumn winter season
    quarter time past semana mes año mañana tarde noche""".split()
)


_CLAUSE_NEXT = re.compile(r"\s+(?:" + "|".join(sorted(CLAUSE_START)) + r")\b")


def _window_start(text: str, s: int, verb: int, reach: int = 160) -> int:
    """Where to start reading a verb's subject: the sentence start, or a word boundary `reach` back."""
    if verb - s <= reach:
        return s
    space = text.find(" ", verb - reach, verb)
    return space + 1 if space >= 0 else verb - reach


_NAME_RUN = re.compile(r"((?:[A-ZÁÉÍÓÚÑ][\w’'\-]*\.?\s+){1,4})$")


def _cheap_event(text: str, lang: str, p: int, s: int, m: re.Match) -> Reported | None:
    """An event when a name stands right before the verb (`Quintero spoke`), read by a regular expression."""
    run = _NAME_RUN.search(text, max(s, m.start() - 60), m.start())
    if run is None:
        return None
    v = lexicon.verbs(lang)
    low = m.group().lower()
    if low not in v.forms or low in v.base_only or low.endswith(("ing", "ando", "iendo")):
        return None
    tit = lexicon.titles()
    words = run.group(1).split()
    gender = ""
    while words and (words[0] in NON_NAMES or words[0] in tit.honorifics or words[0] in tit.titles):
        gender = gender or tit.honorifics.get(words[0], "") or tit.titles.get(words[0], "")
        words = words[1:]
    if not words or any(w in ORG_WORDS or w in tit.titles for w in words) or words[-1].endswith(("'s", "’s")):
        return None
    start = text.rindex(words[0], run.start(1), m.start())
    end = start + len(" ".join(words))
    if text[start:end] != " ".join(words):
        return None  # the run had more than single spaces: leave it to the full rules
    gender = gender or (lexicon.first_name_gender(words[0]) if len(words) > 1 else "")
    sp = Speaker(" ".join(words), None, start, end, "person", gender)
    return Reported(m.start(), m.start(), p, m.group(), sp, m.start(), kind="event")


def _event(text, p, toks: list[Tok], k: int, cue: str, m: re.Match) -> Reported | None:
    """A named person speaks here without a reported clause (`Quintero spoke shortly after 2 a.m.`):
    not a quotation, but the last speaker a later pronoun or bare quote may refer to."""
    if cue.endswith("ing"):
        return None
    sp = attribution.subject_of(text, toks[:k], cue)
    if sp is None or sp.kind != "person":
        return None
    return Reported(m.start(), m.start(), p, cue, sp, m.start(), kind="event")


def _trailing(text, lang, p, s, e, m) -> Reported | None:
    """`Clause, X said.` / `Clause, said X.` closing a sentence."""
    comma = text.rfind(",", s, m.start())
    if comma < 0 or comma - s < 12 or m.start() - comma > 80 or e - m.end() > 160:
        return None
    if m.start() - comma > 3 and e - m.end() > 60:
        return None  # `…, X said` closes its sentence within a few words
    att = attribution.after(text, lang, comma + 1, e)
    if att is None or att.speaker is None or att.cue_start != m.start():
        return None
    subject = [t for t in tokenize(text, comma + 1, m.start()) if t.word]
    if subject and subject[0].low in ("and", "but", "or", "so", "y", "pero"):
        return None  # `…, and Centerview advised on three of those`: a second clause, not an attribution
    if len(subject) > 10 or any(t.low in CLAUSE_WORDS or t.low in BOUNDARY for t in subject):
        return None  # `…, which he usually preaches`: not a closing attribution
    if not subject and att.speaker.kind == "group" and len(att.speaker.text.split()) > 4:
        return None  # `…, said the Lanz family deserved better`: a clause, not a speaker
    if text[e - 1 : e] not in (".", "!", "?", "”", '"') or len(text[s:comma].split()) < 6:
        return None  # `In a 1998 speech, he declared:` introduces what follows
    if text[s:comma].split()[0].lower() in TRAIL_NOT_FIRST:
        return None
    after_verb = max(att.cue_start + len(att.cue), att.speaker.end)  # `, said Guevara on Sunday.`
    rest = [t for t in tokenize(text, after_verb, e) if t.word]
    if not _adjunct(rest, att.cue):
        return None  # not a closing `X said.`: the verb has its own object
    span = clause(text, s, comma)
    return Reported(span[0], span[1], p, att.cue, att.speaker, att.cue_start) if span else None


TRAIL_NOT_FIRST = frozenset(
    "in on at when after before if though although because while then but as during since".split()
)


def _adjunct(rest: list[Tok], cue: str) -> bool:
    """Words after a closing verb that only say when or where: `said on Sunday`, `told reporters`."""
    if not rest:
        return True
    if cue.lower() in ("told", "tells") and len(rest) <= 2:
        return True
    return len(rest) <= 5 and rest[0].low in ADJUNCT_START
