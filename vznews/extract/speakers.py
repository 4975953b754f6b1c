"""Read a speaker phrase: the name, its title or role, and what kind of speaker it is.

"opposition spokesman Freddy Guevara" -> Freddy Guevara (role "opposition spokesman");
"Daniel Ruiz, a pollster at Datanalisis" -> Daniel Ruiz (role "pollster at Datanalisis");
"a spokeswoman for the campaign" -> a descriptive speaker; "she" -> a pronoun to resolve later.
"""

from __future__ import annotations

from functools import cache
from typing import NamedTuple

from vznews.extract import lexicon
from vznews.extract.tokens import Tok
from vznews.extract.wordsets import (
    BOUNDARY,
    CLAUSE_WORDS,
    CONNECTORS,
    DETERMINERS,
    HEAD_FOLLOWERS,
    INTRO,
    NAME_LINKS,
    NON_NAMES,
    ORG_WORDS,
    PREPOSITIONS,
    RELATIVES,
    SUFFIXES,
    TITLE_COMPLEMENTS,
)

class Speaker(NamedTuple):
    """A speaker as written in the article, with its role split off."""

    text: str  # the name without titles, the descriptive phrase, or the pronoun
    role: str | None
    start: int
    end: int
    kind: str  # "person", "org", "group" (descriptive) or "pronoun"
    gender: str = ""  # "m", "f", "p" (plural) or "" when unknown


def _strip_parentheticals(toks: list[Tok]) -> list[Tok]:
    out, depth = [], 0
    for t in toks:
        if t.text in "([":
            depth += 1
        elif t.text in ")]":
            depth = max(0, depth - 1)
        elif depth == 0:
            out.append(t)
    return out


def _parts(toks: list[Tok]) -> list[list[Tok]]:
    parts: list[list[Tok]] = [[]]
    for t in toks:
        if t.text in (",", "—", "–"):
            if parts[-1]:
                parts.append([])
        else:
            parts[-1].append(t)
    return [p for p in parts if p]


def _name_word(t: Tok) -> bool:
    return t.cap and t.word and t.text not in NON_NAMES


def _runs(part: list[Tok]) -> list[tuple[int, int]]:
    """[i, j) index ranges of capitalized-word runs (names, titles, organisations)."""
    runs, i, n = [], 0, len(part)
    while i < n:
        if not _name_word(part[i]):
            i += 1
            continue
        j = i + 1
        while j < n and not _possessive(part[j - 1]):  # "Labour’s | Angela Rayner"
            t = part[j]
            if _name_word(t) or t.text in SUFFIXES or (t.text.isupper() and t.word):
                j += 1
            elif t.low in CONNECTORS and j + 1 < n and _name_word(part[j + 1]):
                j += 2
            elif t.low in NAME_LINKS and j + 2 < n and part[j + 1].low in CONNECTORS and _name_word(part[j + 2]):
                j += 3  # "Foro por la Justicia", "Centro para la Paz"
            elif t.low == "of" and j + 1 < n and part[j + 1].text in TITLE_COMPLEMENTS:
                j += 2
            else:
                break
        runs.append((i, j))
        i = j
    return runs


def _just_a_name(part: list[Tok]) -> bool:
    """The part is a name and nothing else: "Ana Torres" in "Ana Torres, the council secretary, said"."""
    h = _head(part)
    return h is not None and h == (0, len(part))


def _possessive(t: Tok) -> bool:
    return t.text.endswith(("'s", "’s", "s'", "s’"))


def _head(part: list[Tok]) -> tuple[int, int] | None:
    """The run naming who speaks: not a possessive, not inside a prepositional phrase, not a modifier."""
    for i, j in _runs(part):
        if _possessive(part[j - 1]):
            continue
        if i > 0 and part[i - 1].low in PREPOSITIONS:
            continue
        if j < len(part):
            nxt = part[j]
            if nxt.word and nxt.low not in HEAD_FOLLOWERS and not nxt.cap:
                continue  # "the Lanz campaign", "Guevara supporters"
        return i, j
    return None


def _split_title(part: list[Tok], i: int, j: int) -> int:
    """Index where the name starts inside run [i, j): after the last title or honorific."""
    tit = lexicon.titles()
    k = i
    for m in range(i, j):
        t = part[m].text
        if t in tit.titles or t in tit.honorifics or t in TITLE_COMPLEMENTS or part[m].low == "of":
            k = m + 1
    return k


def _gender(part: list[Tok], i: int, name_at: int, j: int) -> str:
    tit = lexicon.titles()
    for m in range(i, name_at):
        g = tit.honorifics.get(part[m].text) or tit.titles.get(part[m].text)
        if g:
            return g
    if name_at < j and j - name_at >= 2:
        g = lexicon.first_name_gender(part[name_at].text)
        if g:
            return g
    return _role_gender(part[:i])


def _role_gender(toks: list[Tok]) -> str:
    nouns = lexicon.role_nouns()
    for t in reversed(toks):
        if nouns.get(t.low):
            return nouns[t.low]
    return ""


def _span_text(text: str, toks: list[Tok]) -> str:
    return text[toks[0].start : toks[-1].end] if toks else ""


def _strip_det(toks: list[Tok]) -> list[Tok]:
    hon = lexicon.titles().honorifics
    while toks and (toks[0].low in DETERMINERS or (toks[0].text in hon and not (len(toks) > 1 and _possessive(toks[1])))):
        toks = toks[1:]
    return toks


def _role_like(part: list[Tok]) -> bool:
    first = part[0]
    if first.low in ("who", "whose", "which", "quien", "que", "where", "when") or first.low in INTRO \
            or first.low in BOUNDARY:
        return False
    nouns = lexicon.role_nouns()
    return (first.low in DETERMINERS or not first.cap or first.text in lexicon.titles().titles
            or any(t.low in nouns for t in part))


def _role_text(text: str, toks: list[Tok]) -> str | None:
    toks = _strip_det([t for t in toks if t.word or t.text in ("’", "'", "-", "&")])
    return _span_text(text, toks[:14]) or None


@cache
def _all_verb_forms() -> frozenset[str]:
    return frozenset(lexicon.verbs("en").forms) | frozenset(lexicon.verbs("es").forms)


def _last_clause(part: list[Tok]) -> list[Tok]:
    """The words after the last clause boundary: "Lanz spoke as the heckler" -> "the heckler"."""
    if len(part) <= 3:
        return part
    forms = _all_verb_forms()
    for i in range(len(part) - 2, -1, -1):
        t = part[i]
        prev = part[i - 1].low if i > 0 else ""
        if t.low in BOUNDARY or (t.low in forms and not t.cap and prev not in DETERMINERS and prev not in RELATIVES):
            return part[i + 1 :]
    return part


def parse_speaker(text: str, toks: list[Tok], before_verb: bool = False) -> Speaker | None:
    """Read the speaker named by `toks` (the words around a speech verb), or None if they name none.

    `before_verb`: the words end right before the verb, so a pronoun just before it is the subject
    ("Then it ended, he says").
    """
    toks = _strip_parentheticals([t for t in toks if t.text not in ('"', "“", "”", "'")])
    dash = next((i for i, t in enumerate(toks) if t.text in ("—", "–")), None)
    if dash is not None and toks[0].text.isupper() and len(toks[0].text) > 2:
        toks = toks[dash + 1 :]  # a dateline: "CALEDRA, Valdoria (Meridian Wire) — …"
    colon = max((i for i, t in enumerate(toks[:-1]) if t.text == ":"), default=None)
    if colon is not None and before_verb:
        toks = toks[colon + 1 :]  # a label before the clause: "Q: The government says …"
    parts = _parts(toks)
    pron = lexicon.pronouns()
    parts = [p for p in parts if not all(t.text.isdigit() for t in p)]  # ages: "Rosa Lind, 70,"
    if before_verb and len(parts) > 1:
        last = parts[-1]
        if len(last) == 1 and last[0].low in pron:
            t = last[0]
            return Speaker(t.text, None, t.start, t.end, "pronoun", pron[t.low])
        h = _head(last)
        if h is not None and h[1] == len(last) and last[0].low not in INTRO and (h[0] == 0 or _role_like(last[: h[0]])):
            sp = _named(text, last, h, [])  # "Late that night, after the count, Varela said"
            if sp is not None:
                prev = parts[-2]
                role = sp.role or (_role_text(text, prev) if _role_like(prev) else None)
                return Speaker(sp.text, role, sp.start, sp.end, sp.kind, sp.gender or _role_gender(prev))
        if h is None and last[0].low in ("the", "el", "la", "los", "las") and not _just_a_name(parts[-2]):
            return _descriptive(text, last)  # "In Tres Ríos, Alto Marañal, the Lanz supporter retorted"
    while len(parts) > 1 and (parts[0][0].low in INTRO or parts[0][0].low.endswith("ing")):
        if parts[0][0].low in ("and", "but", "so", "yet", "or", "as") and _head(parts[0]) is not None:
            break  # "And Lanz, …", "as Ana Torres, a former minister, put it"
        parts = parts[1:]
    if not parts:
        return None
    main = _last_clause(parts[0])
    while main and main[0].low in ("and", "but", "so", "then", "y", "pero", "also", "both"):
        main = main[1:]
    if not main:
        return None
    if len(main) == 1 and main[0].low in pron:
        t = main[0]
        return Speaker(t.text, None, t.start, t.end, "pronoun", pron[t.low])
    head = _head(main)
    if head is not None:
        return _named(text, main, head, parts[1:])
    if len(parts) > 1 and _role_like(main):
        nxt = parts[1]
        h = _head(nxt)
        if h is not None and h[0] == 0 and h[1] >= len(nxt) - 1:
            sp = _named(text, nxt, h, [])
            if sp is not None and sp.kind == "person":
                return Speaker(sp.text, _role_text(text, main), sp.start, sp.end, sp.kind, sp.gender or _role_gender(main))
    return _descriptive(text, main)


def _named(text: str, part: list[Tok], head: tuple[int, int], rest: list[list[Tok]]) -> Speaker | None:
    i, j = head
    # An organisation keeps its words ("State Department", "Justice Ministry"): no title to split off.
    name_at = i if part[j - 1].text in ORG_WORDS else _split_title(part, i, j)
    if name_at >= j:
        return _descriptive(text, part)  # only a title: "the President"
    name = part[name_at:j]
    if name[-1].text.endswith(("'s", "’s")):
        return None
    role_toks = part[:name_at]
    role = _role_text(text, role_toks) if role_toks else None
    if role is None and rest and _role_like(rest[0]):
        role = _role_text(text, rest[0])
    kind = "person"
    det_before = i > 0 and part[i - 1].low in DETERMINERS and name_at == i
    if name[-1].text in ORG_WORDS or det_before or (len(name) == 1 and name[0].text.isupper() and len(name[0].text) > 1):
        kind = "org"
    gender = _gender(part, i, name_at, j) if kind == "person" else ""
    return Speaker(_span_text(text, name), role, name[0].start, name[-1].end, kind, gender)


# Past tenses that are never nouns or adjectives: a phrase holding one is a clause, not a speaker.
_FINITE_PAST = frozenset("went came took gave began ran saw spoke stood sat fell rose drew threw wore".split())
# Words a speaker phrase never ends with: prepositions and articles.
_NEVER_LAST = frozenset("in on at of for with by from to into onto beyond about after before than a an the de en".split())

# Prepositions that open a scene ("In a lecture", "En una conferencia", "Durante la rueda de prensa").
_SCENE_PREPOSITIONS = frozenset("in on at during after before en durante tras desde ante".split())


def _descriptive(text: str, part: list[Tok]) -> Speaker | None:
    """A speaker named by description: "a White House spokesman", "the statement", "el portavoz"."""
    rel = next((i for i, t in enumerate(part) if t.low in ("who", "which", "that", "quien", "que")
                or (i > 1 and not t.cap and t.low.endswith("ed") and part[i - 1].low in lexicon.role_nouns())), None)
    part = part[:rel] if rel else part  # "a White House official who spoke", "the senator sought"
    words = [t for t in part if t.word]
    if not words or len(words) > 12:
        return None
    if any(t.low in CLAUSE_WORDS or t.low in _FINITE_PAST for t in words) or words[-1].low in _NEVER_LAST:
        return None  # a clause ("after voters went to the polls"), or a phrase cut mid-way ("a statement in")
    if words[0].low in _SCENE_PREPOSITIONS:
        return None  # where or when, not who: "En una conferencia, afirmó:" has no subject written
    nouns = lexicon.role_nouns()
    if not (words[0].low in DETERMINERS or any(t.low in nouns for t in words) or words[0].cap):
        return None
    if len(words) == 1 and (words[0].low in DETERMINERS or words[0].text in NON_NAMES):
        return None  # "This prompted …"
    gender = _role_gender(words)
    if words[-1].low.endswith("s") and words[-1].low in nouns and not gender:
        gender = "p"
    return Speaker(_span_text(text, part), None, part[0].start, part[-1].end, "group", gender)
