"""Capitalised common words the recognizer takes for names: "Nada", "Gobierno", "Police".

A word capitalised only because it opens a sentence (or a quotation), or because Spanish writes
institutions with a capital after an article ("la Iglesia", "el Gobierno"), is not a name when
the same article also writes it in lower case, or when it is a function word of the article's
language ("Nadie", "Sobre", "Estamos") or, in Spanish, a form of a common verb ("Conozco", "Llegué":
the English recognizer takes them for names). A word capitalised anywhere else, or with any evidence
of a person, is kept.
"""

from __future__ import annotations

import re
from functools import cache

from vznews.extract.language import guess_language

# Before a word: the start of a sentence, a paragraph or a quotation, or a determiner.
_OPENED = re.compile(r"(?:^|[.!?:;]\s+|\n|[\"“‘'«—(]\s*)$")
_DETERMINER = re.compile(r"(?:^|[\s«“\"'(—])(?:the|a|an|el|la|los|las|un|una|del|al)\s+$", re.I)


@cache
def stop_words(lang: str) -> frozenset[str]:
    """spaCy's stop word list for `lang` ("en" or "es"): no model needed."""
    if lang == "es":
        from spacy.lang.es.stop_words import STOP_WORDS
    else:
        from spacy.lang.en.stop_words import STOP_WORDS
    return frozenset(STOP_WORDS)


def is_common_word(text: str, name: str, spans: list[tuple[int, int]], evidence: int) -> bool:
    """True when the one-word `name`, written in `spans` of `text`, is a common word, not a name."""
    if " " in name or evidence > 0:
        return False
    # A span may hold more than the name ("El Gobierno" cleaned to "Gobierno"): look at the word itself.
    starts = [max(s, text.find(name, s, e)) for s, e in spans]
    after_det = [bool(_DETERMINER.search(text, max(0, s - 6), s)) for s in starts]
    if not all(d or _OPENED.search(text, max(0, s - 4), s) for d, s in zip(after_det, starts)):
        return False  # capitalised where nothing else asks for a capital: a name
    low = name.lower()
    lang = guess_language(text)
    if low in stop_words(lang):
        return True
    if lang == "es" and is_spanish_verb(name) and not _first_name(name):
        return True  # "Conozco a muchos militares", "«Llegué a las tres»": a verb opening a sentence
    if lang == "es" and all(after_det) and not name.isupper():
        return True  # "el Gobierno", "la Iglesia": Spanish names of one word take no article ("la ONU" does)
    return re.search(rf"(?<![\w-]){re.escape(low)}(?![\w-])", text) is not None


_AR = "o as a amos áis an é aste ó asteis aron aba abas ábamos abais aban e es emos éis en ando ado ada ados adas ara aras áramos aran ase".split()
_ER = "o es e emos éis en í iste ió imos isteis ieron ía ías íamos íais ían a as amos áis an iendo ido ida idos idas iera ieras iéramos ieran iese".split()
_IR = [e for e in _ER if e not in ("emos", "éis")] + ["imos", "ís"]
_FUTURE = "é ás á emos éis án ía ías íamos íais ían".split()
_STRESSED = frozenset("o as a an e es en".split())  # present forms whose stem changes: cuento, cuentas, cuente
_SOFT = {"c": "qu", "g": "gu", "z": "c"}  # busqué, llegué, empecé (before e)


@cache
def spanish_verb_forms() -> frozenset[str]:
    """Conjugated forms of common Spanish verbs (data/es_verbs.txt), lower case with accents:
    regular forms, stem changes (cuento, pienso, pido) and spelling changes (llegué, conozco, escojo)."""
    from importlib import resources

    raw = resources.files("vznews.extract.data").joinpath("es_verbs.txt").read_text(encoding="utf-8")
    forms: set[str] = set()
    for entry in (w for ln in raw.splitlines() if not ln.startswith("#") for w in ln.split()):
        word, _, change = entry.rstrip("!").partition("/")
        if not word.endswith(("ar", "er", "ir", "ír")) or len(word) < 4:
            forms.add(word)  # an irregular form, listed as it is
            continue
        stem, kind = word[:-2], word[-2:]
        endings = _AR if kind == "ar" else _ER if kind == "er" else _IR
        if entry.endswith("!"):  # salgo, tenga: listed, not derived
            endings = [e for e in endings if kind == "ar" or e[:1] not in "oa"]
        changed = _stem_change(stem, change) if change else stem
        for e in endings:
            s = changed if e in _STRESSED else stem
            forms.add(s + e)
            if kind == "ar" and s[-1:] in _SOFT and e[:1] in "eé":
                forms.add(s[:-1] + _SOFT[s[-1]] + e)
            elif kind != "ar" and e[:1] in "oa" and s[-1:] in "cg":
                forms.add(s[:-1] + ("zc" if s[-1] == "c" else "j") + e)  # conozco, escojo
        forms.update(word + e for e in _FUTURE)
    return frozenset(forms)


def _stem_change(stem: str, change: str) -> str:
    """The stem with its last e or o changed: "cont" + "ue" -> "cuent", "ped" + "i" -> "pid"."""
    vowel = "o" if change == "ue" else "e"
    at = stem.rfind(vowel)
    return stem[:at] + change + stem[at + 1 :] if at >= 0 else stem


def _first_name(word: str) -> bool:
    from vznews.extract.lexicon import first_names

    return word in first_names()


def is_spanish_verb(word: str) -> bool:
    """True when `word` (any case) is a conjugated form of a common Spanish verb ("Conozco", "Llegué")."""
    return word.lower() in spanish_verb_forms()
