"""Find the speech verb and the speaker that attribute a quotation.

After the quote: `"…," said X`, `"…," X said`, `"…," X, a role, told reporters`, `"…," according to X`,
`», dijo X`, `», según X`. Before it: `X said: "…"`, `X told reporters on Sunday, "…"`,
`According to X, "…"`, `X went on the attack, saying: "…"`.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from vznews.extract import lexicon
from vznews.extract.cues import (  # noqa: F401  (re-exported: the quote rules ask attribution for them)
    ACCORDING, ACCORDING_FIRST, AUX, PLURAL_PRONOUNS, POSSESSIVES, SUBJECT_PRONOUNS, verb_at as _verb_at,
)
from vznews.extract.speakers import Speaker, parse_speaker
from vznews.extract.subjects import sentence_subject, strip_aux as _strip_aux, subject_of  # noqa: F401
from vznews.extract.tokens import Tok, tokenize, tokenize_sentence
from vznews.extract.wordsets import NON_NAMES

STOP_AFTER = frozenset(
    """in on at during after before while when as adding noting saying because though although referring
    according to told who which that last this en durante tras mientras cuando al que quien""".split()
)
SENTENCE_STOP = frozenset(".!?;")


class Attribution(NamedTuple):
    """A speech verb (cue) and its speaker; `tight` when nothing but the cue clause touches the quote."""

    speaker: Speaker | None
    cue: str
    cue_start: int
    tight: bool


def _inverted_subject(toks: list[Tok]) -> list[Tok]:
    """Words after an inverted verb up to where the speaker phrase clearly ends."""
    out: list[Tok] = []
    for t in toks:
        if t.text == ",":
            break
        if t.low in STOP_AFTER and out:
            return out
        out.append(t)
    rest = toks[len(out) :]
    # keep one appositive: "said Daniel Ruiz, a pollster at Datanalisis, …"
    if rest and rest[0].text == ",":
        app = []
        for t in rest[1:]:
            if t.text in (",", "—") or (t.low in STOP_AFTER and t.low not in ("at", "in", "on", "who")):
                break
            app.append(t)
        return out + [rest[0]] + app
    return out


ADJUNCT_OK = frozenset(
    """as while when after before in on at during from of about with without via then again later
    earlier recently sunday monday tuesday wednesday thursday friday saturday today yesterday
    matter-of-factly""".split()
)


def _runs_on(cue: str, rest: list[Tok]) -> bool:
    """The verb has an object of its own (`cited the law as proof`): it starts a sentence, not an attribution.

    Adjuncts and subordinate clauses (`said on Sunday`, `asks as the crowd cheers`) do not run on, nor a
    object of tell or ask (`told reporters`).
    """
    if not rest or not rest[0].word or rest[0].low in ADJUNCT_OK or rest[0].low.endswith("ly"):
        return False
    if cue.lower().startswith(("told", "tell", "ask")):
        return False  # telling always has someone told: `told the Caledra Courier in an interview`
    return True


_NEVER_INVERTED = frozenset("it they them him her us we you i me".split())


def after(text: str, lang: str, lo: int, hi: int) -> Attribution | None:
    """Attribution in the words right after a closing mark, in [lo, hi)."""
    ended = text[max(0, lo - 3) : lo].rstrip("\"”’'»").endswith((".", "!", "?"))
    toks = tokenize_sentence(text, lo, hi, 40)
    new_sentence = ended and bool(toks) and toks[0].cap
    while toks and toks[0].text in (",", "—", "–", "-", "(", ")"):
        toks = toks[1:]
    for k in range(min(len(toks), 40)):
        hit = _verb_at(toks, k, lang)
        if hit is None:
            continue
        cue, n = hit
        verb = toks[k]
        if verb.cap:
            continue  # `"…," Post said`: a name, not the verb
        if k == 0 or all(t.low in AUX for t in toks[:k]):
            if cue.lower() not in lexicon.verbs(lang).invertible and cue not in ("according to", "según"):
                return None
            rest = _inverted_subject(toks[k + n :])
            sp = parse_speaker(text, rest)
            if sp is not None and sp.kind == "pronoun" and sp.text.lower() in _NEVER_INVERTED:
                return None  # `estimated it at 90,000`: the verb's object, not an inverted subject
            if sp is None and (not rest or rest[0].text == ",") and cue not in ("according to", "según"):
                return Attribution(None, cue, verb.start, True)  # `«…», explicó.`: the last speaker again
            return Attribution(sp, cue, verb.start, True) if sp else None
        if cue in ("according to", "según"):
            return None
        subject = _strip_aux(toks[:k])
        if not subject or len([t for t in subject if t.word]) > 40:
            return None
        if new_sentence and (len(subject) > 6 or _runs_on(cue, toks[k + n :])):
            return None  # `"…." Then it ended, he says, with …`: a new sentence, not an attribution
        sp = parse_speaker(text, subject, before_verb=True)
        return Attribution(sp, cue, verb.start, True) if sp else None
    return None


def before(text: str, lang: str, lo: int, hi: int, max_gap: int = 8,
           skip: list[tuple[int, int]] = ()) -> Attribution | None:
    """Attribution in the clause that ends at an opening mark: [lo, hi) is that clause.

    `skip`: ranges (other quotations) whose words are not part of the clause.
    """
    toks = tokenize(text, max(lo, hi - 240), hi)
    if skip:
        toks = [t for t in toks if not any(a <= t.start < b for a, b in skip)]
    first_word = next((i for i, t in enumerate(toks) if t.word), None)
    for k in range(len(toks) - 1, -1, -1):
        hit = _verb_at(toks, k, lang)
        if hit is None:
            continue
        cue, n = hit
        gap = toks[k + n :]
        bare = [t for t in gap if t.text not in (":", ",", "—")]
        inverted = k == first_word and cue.lower() in lexicon.verbs(lang).invertible
        if inverted and (toks[k].cap or k > 0):
            # `Said X: "…"` or, between two parts of a quotation, `, said X, a role, "…"`
            sp = parse_speaker(text, _inverted_subject(bare))
            return Attribution(sp, cue, toks[k].start, True) if sp else None
        if len([t for t in gap if t.word]) > max_gap:
            return None
        tight = not gap or gap[-1].text in (":", ",", "—") or all(t.low in ("that", "que") for t in gap if t.word)
        if cue in ("according to", "según"):
            comma = next((i for i, t in enumerate(gap) if t.text == ","), None)
            source = parse_speaker(text, gap[:comma]) if comma else None
            closed = bool(gap) and gap[-1].text == ","  # `According to Ruiz, a pollster, "…"`: an appositive, closed
            if source is not None and source.kind in ("person", "org") and not closed and any(t.word for t in gap[comma + 1 :]):
                # `Según Escalante, la presidenta del organismo «…»`: the source ends at the comma;
                # what follows is the clause's own subject
                return Attribution(source, cue, toks[k].start, True)
            sp = parse_speaker(text, bare)
            return Attribution(sp, cue, toks[k].start, True) if sp else None
        sp = subject_of(text, toks[:k], cue)
        return Attribution(sp, cue, toks[k].start, tight)
    return None


def name_colon(text: str, lo: int, hi: int) -> Attribution | None:
    """A colon after a name introduces its words.

    `Rep. Ana Torres (D-Calif.): "…"` (a transcript), `Ana Torres: '…'` and, headline style,
    `Guevara Rejects Count: 'We Will Not Accept It.'` (the clause's subject speaks).
    """
    toks = [t for t in tokenize(text, lo, hi) if t.text not in ("-", "–", "—")]
    if len(toks) < 2 or toks[-1].text != ":" or len(toks) > 30:
        return None
    sp = parse_speaker(text, toks[:-1])
    if sp is not None and sp.kind == "person":
        last_word = [t for t in _strip_paren(toks[:-1]) if t.word][-1]
        if last_word.end == sp.end:
            return Attribution(sp, ":", toks[-1].start, True)
    sp = sentence_subject(text, toks[:-1])
    if sp is not None and sp.kind == "person" and sp.start == toks[0].start and _proper(text, sp):
        return Attribution(sp, ":", toks[-1].start, True)
    # Title Case headline ("Guevara Rejects Count:"): the leading words the article also writes as a name
    line_end = text.find("\n", hi)
    here = (text.rfind("\n", 0, lo) + 1, len(text) if line_end < 0 else line_end)
    lead = []
    for t in toks[:3]:
        if not (t.cap and t.word) or not _proper_word(text, t.text, here):
            break
        lead.append(t)
    if not lead or lead[0].text in NON_NAMES:
        return None
    sp = parse_speaker(text, lead)
    return Attribution(sp, ":", toks[-1].start, True) if sp is not None and sp.kind == "person" else None


def _proper(text: str, sp: Speaker) -> bool:
    """A name, not a capitalized first word: several words, or written capitalized mid-sentence too."""
    return " " in sp.text or _proper_word(text, sp.text)


def _proper_word(text: str, word: str, skip: tuple[int, int] = (0, 0)) -> bool:
    """`word` is written capitalized inside a sentence (not after . ! ? : or a quote mark) outside
    `skip` (a Title Case headline capitalizes every word), so it is a name."""
    pattern = re.compile(rf"[^\s.!?:\"“”'‘’«»(]\s+{re.escape(word)}\b")
    return any(m.start() < skip[0] or m.start() >= skip[1] for m in pattern.finditer(text))


def _strip_paren(toks: list[Tok]) -> list[Tok]:
    out, depth = [], 0
    for t in toks:
        depth += t.text == "("
        if depth == 0:
            out.append(t)
        depth -= t.text == ")" and depth > 0
    return out
