"""Capitalised common words the recognizer takes for names: "Nada", "Gobierno", "Police".

A word capitalised only because it opens a sentence (or a quotation), or because Spanish writes
institutions with a capital after an article ("la Iglesia", "el Gobierno"), is not a name when
the same article also writes it in lower case, or when it is a function word of the article's
language ("Nadie", "Sobre", "Estamos"). A word capitalised anywhere else, or with any evidence
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
    if lang == "es" and all(after_det) and not name.isupper():
        return True  # "el Gobierno", "la Iglesia": Spanish names of one word take no article ("la ONU" does)
    return re.search(rf"(?<![\w-]){re.escape(low)}(?![\w-])", text) is not None
