"""Is there a speech verb (or `according to`) at a token? The test every attribution rule starts from."""

from __future__ import annotations

from vznews.extract import lexicon
from vznews.extract.tokens import Tok
from vznews.extract.wordsets import DETERMINERS

AUX = frozenset(
    """has had have having was were is would will could can might may should must did does do to also later
    then once again earlier recently previously simply just finally flatly quickly still repeatedly often
    later first ha había habría ya también luego después""".split()
)
POSSESSIVES = frozenset("his her their its our my your su sus".split())
PLURAL_PRONOUNS = frozenset("i you we they who".split())
SUBJECT_PRONOUNS = frozenset("i you we they he she it who which that él ella ellos ellas".split())
_STATES_ADJ = frozenset(
    """western eastern northern southern midwestern central coastal key swing battleground border other
    several many all both two three four five six seven eight nine ten these those early late remaining
    individual member neighboring neighbouring red blue""".split()
)
ACCORDING = {("according", "to"): "according to", ("según",): "según", ("segun",): "según"}
ACCORDING_FIRST = frozenset(k[0] for k in ACCORDING)


def verb_at(toks: list[Tok], k: int, lang: str) -> tuple[str, int] | None:
    """(cue as written, token length) when a speech verb or `according to` starts at token k."""
    v = lexicon.verbs(lang)
    t = toks[k]
    low = t.low
    if low in ACCORDING_FIRST:
        for key, cue in ACCORDING.items():
            if tuple(x.low for x in toks[k : k + len(key)]) == key:
                return cue, len(key)
    if low not in v.first_words or (t.cap and k > 0):
        return None
    if k + 1 < len(toks):
        two = f"{low} {toks[k + 1].low}"
        if two in v.forms:
            return " ".join(x.text for x in toks[k : k + 2]), 2
    if low not in v.forms:
        return None
    prev = toks[k - 1].low if k > 0 else ""
    if low == "states" and (prev in _STATES_ADJ or prev.isdigit()):
        return None  # "western states", "50 states", "both states": the noun
    if prev in DETERMINERS or prev in POSSESSIVES or prev.endswith(("'s", "’s")):
        return None  # a noun: "the report", "his tweets"
    if low in v.base_only and prev not in AUX and prev not in PLURAL_PRONOUNS:
        if not (prev.endswith("s") and k > 0 and toks[k - 1].word and low not in v.nounish):
            return None  # a bare infinitive, an imperative or a noun, not a report
    if low in v.nounish and not _subject_like(toks[k - 1] if k > 0 else None) and not _noun_before(toks, k):
        return None  # "the report", "rallies and protests"
    return t.text, 1


def _subject_like(t: Tok | None) -> bool:
    """True when `t` can end a subject: a name, a pronoun, a role noun, an auxiliary."""
    if t is None:
        return True
    return t.cap or t.low in SUBJECT_PRONOUNS or t.low in AUX or t.low in lexicon.role_nouns()


def _noun_before(toks: list[Tok], k: int) -> bool:
    """`the editorial read`, `his statement read`: a determiner and a noun before the verb."""
    if toks[k].low.endswith("s") and toks[k].low != "reads":
        return False  # "his earlier comments": a plural noun
    return k >= 2 and toks[k - 1].word and (toks[k - 2].low in DETERMINERS or toks[k - 2].low in POSSESSIVES)
