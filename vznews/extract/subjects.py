"""The subject of a speech verb: who is speaking, read from the words before the verb."""

from __future__ import annotations

from vznews.extract import lexicon
from vznews.extract.cues import AUX, verb_at
from vznews.extract.speakers import Speaker, parse_speaker
from vznews.extract.tokens import Tok
from vznews.extract.wordsets import BOUNDARY, CLAUSE_WORDS


def strip_aux(toks: list[Tok]) -> list[Tok]:
    """`toks` without the auxiliaries and adverbs that end it (`has also`, `later`, `flatly`)."""
    while toks and (toks[-1].low in AUX or (toks[-1].low.endswith("ly") and not toks[-1].cap)):
        toks = toks[:-1]
    return toks


def subject_of(text: str, toks: list[Tok], cue: str, lang: str = "en") -> Speaker | None:
    """The speaker of a verb preceded by `toks` (its clause so far).

    Participles (`, saying`) and coordinated verbs (`said … and added`) share the subject of the
    clause's earlier speech verb, or failing one, of the clause itself.
    """
    subject = strip_aux(toks)
    while subject and subject[-1].text == ",":
        subject = subject[:-1]
    if toks and toks[-1].low == "to" and subject:
        subject = _infinitive_subject(subject)  # `Mr. Hale was prompted to say`, `she wanted to add`
    coordinated = bool(subject) and subject[-1].low in ("and", "but", "y", "e", "pero")
    joined = max((i for i in range(len(subject) - 2) if subject[i].text == "," and subject[i + 1].low in ("and", "but")),
                 default=None)
    if joined is not None and not coordinated:
        # `The Ledger made the claims in March, and the Tribune responded`: the second clause's subject
        sp = parse_speaker(text, subject[joined + 2 :], before_verb=True)
        if sp is not None and sp.kind in ("person", "org"):
            return sp
        if cue.lower() == "quote" and [t.low for t in subject[joined + 2 :]] == ["i"]:
            # `Ruiz said, and I quote, "…"`: the writer's aside; the quote is the earlier verb's
            for j in range(joined - 1, 0, -1):
                hit = verb_at(toks, j, lang)
                if hit is not None:
                    return subject_of(text, toks[:j], hit[0], lang)
    if coordinated:
        own = _own_clause(text, subject[:-1])  # `When asked, Ms. Sherry smiled and said`: this clause's subject
        if own is not None:
            return own
    if cue.endswith(("ing", "ando", "iendo")) or not subject or coordinated:
        for j in range(len(toks) - 1, 0, -1):
            hit = verb_at(toks, j, lang)
            if hit is not None and hit[0] not in ("according to", "según") and not hit[0].endswith("ing"):
                return subject_of(text, toks[:j], hit[0], lang)
        return sentence_subject(text, toks)
    return parse_speaker(text, _after_object_relative(subject), before_verb=True)


_OBJECT_RELATIVES = frozenset(("which", "whom", "that", "who"))
_PREPOSITIONS = frozenset("of in at by from with for to on about among including like than as".split())


def _after_object_relative(subject: list[Tok]) -> list[Tok]:
    """The subject of a verb inside a relative clause whose pronoun is not that subject: in
    `the court, which he said had the last word`, `he` said it, not the court."""
    if len(subject) < 2:
        return subject
    for n in (1, 2, 3):
        if len(subject) > n and subject[-n - 1].low in _OBJECT_RELATIVES and not (
                len(subject) > n + 1 and subject[-n - 2].low in _PREPOSITIONS):  # `a statement in which he pledged`
            tail = subject[-n:]
            pron = n == 1 and tail[0].low in lexicon.pronouns() and tail[0].low not in ("it", "this", "that")
            if pron or all(t.cap and t.word for t in tail):
                return tail
    return subject


_RELATIVES = frozenset(("who", "which"))


_PHRASE_PREPOSITIONS = frozenset("of in at".split())  # `Republicans in Congress who …`
_OTHER_PREPOSITIONS = frozenset("by from with for to on about among including like than as".split())


def relative_antecedent(text: str, toks: list[Tok], k: int) -> Speaker | None:
    """When the verb at `k` has a relative pronoun for subject (`a president who says`, `Those who
    have said`), the noun phrase the pronoun stands for, else None."""
    j = k - 1
    while j > 0 and toks[j].low in AUX:
        j -= 1
    if j <= 0 or toks[j].low not in _RELATIVES:
        return None
    aside = toks[j - 1].text == ","
    if aside:
        j -= 1  # `Priebus, who has said`
    i = _phrase_start(toks, j)
    sp = parse_speaker(text, toks[i:j], before_verb=True) if i < j else None
    if aside and (sp is None or sp.kind != "person") and i >= 2 and toks[i - 1].text == ",":
        named = parse_speaker(text, toks[_phrase_start(toks, i - 1) : i - 1], before_verb=True)
        if named is not None and named.kind == "person":
            return named  # `Ana Ruiz, a senior analyst at Jefferies, who notes`: Ruiz
    return sp


def _phrase_start(toks: list[Tok], j: int) -> int:
    """Where the noun phrase ending before `j` starts (`lawmakers in Lisbon`, `a senior analyst at X`)."""
    i = j
    while i > 0 and toks[i - 1].word and (toks[i - 1].cap or toks[i - 1].low in _PHRASE_PREPOSITIONS or not (
            _verb_like(toks[i - 1]) or toks[i - 1].low in BOUNDARY or toks[i - 1].low in _OTHER_PREPOSITIONS
            or toks[i - 1].low.endswith("ing"))):
        i -= 1
    return i


def _infinitive_subject(toks: list[Tok]) -> list[Tok]:
    """The words before `to say`, less the verbs that govern it (`was prompted`, `wanted`, `is going`),
    from the last subordinating word on (`so calm that Mr. Hale`)."""
    while toks and (_verb_like(toks[-1]) or toks[-1].low in AUX):
        toks = toks[:-1]
    cut = max((i for i, t in enumerate(toks[:-1]) if t.low in BOUNDARY and toks[i + 1].cap), default=-1)
    return toks[cut + 1 :] if cut + 1 < len(toks) else toks


def _own_clause(text: str, toks: list[Tok]) -> Speaker | None:
    """The subject of the clause after the last comma of `toks`, when that clause opens with it
    (`…, Ms. Sherry smiled and`): a non-speech verb coordinated with the cue shares its subject."""
    comma = max((i for i, t in enumerate(toks) if t.text == ","), default=-1)
    clause = toks[comma + 1 :]
    if comma < 0 or not clause or not clause[0].cap or any(verb_at(toks, i, "en") for i in range(comma + 1, len(toks))):
        return None
    sp = sentence_subject(text, clause)
    return sp if sp is not None and sp.kind == "person" else None


_IRREGULAR_PAST = frozenset(
    """went came made took gave got left met ran saw spoke stood won lost began held kept led sent brought
    thought found felt became sat paid fell rose drew threw wore""".split()
)


def _verb_like(t: Tok) -> bool:
    """A word that ends a clause's subject: a verb form, an auxiliary, a relative or clause word."""
    if t.cap or not t.word:
        return False
    low = t.low
    if low in CLAUSE_WORDS or low in AUX or low in _IRREGULAR_PAST or low in ("who", "which", "whose"):
        return True
    if low in _speech_forms() or low in lexicon.role_nouns():
        return low in _speech_forms() and low not in lexicon.role_nouns()
    return low.endswith(("ed", "ing")) and len(low) > 4


def sentence_subject(text: str, toks: list[Tok]) -> Speaker | None:
    """The subject at the head of a clause: its words up to the first verb-like word."""
    out: list[Tok] = []
    for t in toks:
        if t.text in (";", ":") or len(out) > 24:
            break
        if _verb_like(t) and any(x.word for x in out):
            break
        out.append(t)
    return parse_speaker(text, out, before_verb=True) if out else None


def _speech_forms() -> frozenset[str]:
    from vznews.extract.speakers import _all_verb_forms

    return _all_verb_forms()
