"""The people an article names in full, with the titles written before them.

"Interior Minister Gen. Rafael Domínguez Lobo" gives the name "Rafael Domínguez Lobo" (found again
as "Domínguez" or "Lobo"), its gender when the first name tells it, and the role words
{interior, minister, general}, so that "the minister" or "the general" can be resolved to him.
"""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from vznews.extract import lexicon
from vznews.extract.wordsets import NON_NAMES, ORG_WORDS, TITLE_COMPLEMENTS

# The capital comes first (then a look back: not inside a word) so the regex engine can skip ahead fast.
_NAME = re.compile(
    r"[A-ZÁÉÍÓÚÑ](?<![\w’'][A-ZÁÉÍÓÚÑ])"
    r"[\w’'\-]+\.?(?:[ \t]+(?:[A-Z]\.|[A-ZÁÉÍÓÚÑ][\w’'\-]+\.?|of|de la|de|del|van|von|bin|al|da|di|y)){1,6}"
)
_CONNECTORS = frozenset("of de del la van von bin al da di y".split())
ROLE_SYNONYMS = {
    "gen": "general", "sen": "senator", "rep": "representative", "gov": "governor", "lt": "lieutenant",
    "capt": "captain", "adm": "admiral", "dr": "doctor", "dra": "doctor", "prof": "professor",
    "col": "colonel", "sgt": "sergeant", "msgr": "monsignor", "monseñor": "monsignor", "rev": "reverend",
    "presidenta": "presidente", "mandatario": "presidente", "mandataria": "presidente", "ministra": "ministro",
    "gobernadora": "gobernador", "alcaldesa": "alcalde", "diputada": "diputado", "senadora": "senador",
    "secretaria": "secretario", "candidata": "candidato", "vocera": "vocero", "jueza": "juez",
    "spokeswoman": "spokesman", "spokesperson": "spokesman", "chairwoman": "chairman", "chair": "chairman",
    "congresswoman": "congressman", "premier": "prime minister", "arzobispa": "arzobispo", "obispa": "obispo",
}


class FullName(NamedTuple):
    """A person's full name as the article writes it."""

    text: str
    start: int
    gender: str  # from the first name: "m", "f" or ""
    roles: frozenset[str] = frozenset()  # role words of the titles written before it, normalised


def role_key(word: str) -> str:
    """"Gen." -> "general", "presidenta" -> "presidente", "Minister" -> "minister"."""
    w = word.lower().strip(".,")
    return ROLE_SYNONYMS.get(w, w)


def full_names(text: str) -> dict[str, list[FullName]]:
    """Multi-word person names of the article, keyed by surname (last word, and the one before it
    in names of three words or more), in order of first use; short forms of longer names folded."""
    tit = lexicon.titles()
    titleish = _titleish()
    by_surname: dict[str, list[FullName]] = {}
    seen: set[str] = set()
    raw: set[str] = set()
    for m in _NAME.finditer(text):
        found = m.group()
        if found in raw:
            continue  # the same words again: the first use is what counts
        raw.add(found)
        for words in _sentences_of(found.split(), tit) if "." in found else [found.split()]:
            if words[0] in NON_NAMES and len(words) == 2:
                continue  # "But Guevara", "The Courier"
            base = found.find(words[0])
            cut = 0
            for i in range(len(words) - 1):
                if words[i] in titleish:
                    cut = i + 1
            role_words, words = words[:cut], words[cut:]
            inner = [i for i, w in enumerate(words) if i and w in NON_NAMES]
            if inner:
                words = words[inner[-1] + 1 :]  # a headline: "Talks Stall With Marta Solís"
            while words and (words[0] in NON_NAMES or words[0] in TITLE_COMPLEMENTS or words[0] in _CONNECTORS):
                words = words[1:]
            while words and (words[-1] in NON_NAMES or words[-1].lower() in _CONNECTORS):
                words = words[:-1]
            if words and words[-1].endswith(".") and words[-1] not in ("Jr.", "Sr."):
                words[-1] = words[-1][:-1]
            if words and words[-1].endswith(("'s", "’s")):
                words[-1] = words[-1][:-2]
            if len(words) < 2 or any(w in ORG_WORDS or w in tit.titles for w in words) or "of" in words:
                continue
            name = " ".join(words)
            if name in seen:
                continue
            seen.add(name)
            start = m.start() + found.find(words[0], base)
            roles = frozenset(role_key(w) for w in role_words if w not in tit.honorifics) | _appositive_role(text, start, start + len(name))
            entry = FullName(name, start, lexicon.first_name_gender(words[0]), roles)
            keys = {words[-1]} | ({words[-2]} if len(words) >= 3 and words[-2].lower() not in _CONNECTORS else set())
            for key in keys:
                by_surname.setdefault(key, []).append(entry)
    _fold_prefixes(by_surname)
    return by_surname


_LOW = r"[a-záéíóúñ]+"
_OF = r"(?:of|for|de|del|de la)"
_PROPER = r"[A-ZÁÉÍÓÚÑ][\w’'.\-]*(?:\s+(?:[A-ZÁÉÍÓÚÑ][\w’'.\-]*|of|the|de|del|la))*"
# "del presidente marenio, Rodrigo Azevedo", "the archbishop of Caledra, Msgr. Felipe Arriaga"
_ROLE_BEFORE = re.compile(
    rf"(?:^|[\s(])(?:the|el|la|del|al)\s+({_LOW})(?:\s+({_LOW}))?(?:\s+{_OF}\s+{_PROPER})?,\s*(?:(?:the|el|la)\s+)?(?:{_LOW}\s+)?$"
)
# "el arzobispo Felipe Arriaga", "archbishop Felipe Arriaga", "Opposition candidate Marisol Quintero"
_ROLE_TIGHT = re.compile(rf"(?:^|\s)(?:([A-ZÁÉÍÓÚÑ]?{_LOW})\s+)?({_LOW})\s+$")
# "Felipe Arriaga, the archbishop of Caledra", "Felipe Arriaga, arzobispo de Caledra"
# (not "Desde la Academia Militar, el presidente Salvatierra": a role before a name is that name's)
_ROLE_AFTER = re.compile(
    rf",\s+(?:(?:the|el|la)\s+)?({_LOW})(?:\s+({_LOW}))?(?=[\s,.;:)]|$)(?![’'])(?!\s+[A-ZÁÉÍÓÚÑ])"
)
# "proclamó a Marisol Quintero presidenta electa": a gendered role noun right after the name
_ROLE_PREDICATE = re.compile(rf"\s+({_LOW})(?=[\s,.;:)]|$)(?!\s+[A-ZÁÉÍÓÚÑ])")


def _appositive_role(text: str, start: int, end: int) -> frozenset[str]:
    """The role a lower-case noun phrase set beside the name gives it: "del presidente marenio,
    Rodrigo Azevedo", "the interior minister, Rafael Domínguez", "el arzobispo Felipe Arriaga",
    "Felipe Arriaga, arzobispo de Caledra". A former office ("the former governor") is none."""
    words: list[str] = []
    modifiers: list[str] = []  # "interior" in "the interior minister": which minister
    for m in (_ROLE_BEFORE.search(text, max(0, start - 80), start), _ROLE_TIGHT.search(text, max(0, start - 30), start),
              _ROLE_AFTER.match(text, end)):
        if m is not None:
            found = [w.lower() for w in m.groups() if w]
            if m.re is _ROLE_TIGHT and not _is_role(role_key(found[-1])):
                found = found[-1:]  # "governor of New Jersey": "of" is no role, "governor" not this name's
            words.extend(found)
            if any(_is_role(role_key(w)) for w in found):
                modifiers.extend(w for w in found if not _is_role(role_key(w)) and w not in MODIFIER_STOPS)
    m = _ROLE_PREDICATE.match(text, end)
    if m is not None and lexicon.role_nouns().get(m.group(1)) in ("m", "f"):
        words.append(m.group(1))
    if any(w in _PAST for w in words):
        return frozenset()
    keys = {role_key(w) for w in words}  # "the regional governor", "el presidente marenio"
    return frozenset(k for k in keys if _is_role(k)) | frozenset(modifiers)


def _is_role(key: str) -> bool:
    return key in lexicon.role_nouns() or key in ROLE_SYNONYMS.values()


# Words beside a role noun that say nothing about which holder it is.
MODIFIER_STOPS = frozenset(
    """the a an of for and or but said says told who which that this its his her their new top then also
    el la los las un una de del y que dijo afirmó según su sus""".split()
)


_PAST = frozenset("former ex onetime late retired then expresidente exministro exministra".split())


@cache
def _titleish() -> frozenset[str]:
    tit = lexicon.titles()
    return frozenset(tit.titles) | frozenset(tit.honorifics)


def _sentences_of(words: list[str], tit: lexicon.Titles) -> list[list[str]]:
    """Split a run of capitalised words at a word ending a sentence ("… Council. Now Ana Belén Ortiz"):
    both sides may hold a name."""
    out, begin = [], 0
    for i, w in enumerate(words[:-1]):
        if w.endswith(".") and len(w) > 2 and w not in tit.honorifics and w not in tit.titles and "." not in w[:-1]:
            out.append(words[begin : i + 1])
            begin = i + 1
    out.append(words[begin:])
    return [part for part in out if part]


def _fold_prefixes(by_surname: dict[str, list[FullName]]) -> None:
    """"Ana Belén" is "Ana Belén Ortiz" when the article uses both: keep the longer name only."""
    prefixes = set()
    for group in by_surname.values():
        for n in group:
            words = n.text.split()
            prefixes.update(" ".join(words[:k]) for k in range(2, len(words)))
    for key in list(by_surname):
        kept = [n for n in by_surname[key] if n.text not in prefixes]
        if kept:
            by_surname[key] = kept
        else:
            del by_surname[key]
