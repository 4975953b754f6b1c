"""Guess whether an article is English or Spanish from its commonest words."""

from __future__ import annotations

import re

_WORD = re.compile(r"[a-záéíóúñü]+")
_ES = frozenset("el la los las de del que y en un una por con para se su al es dijo según más como pero".split())
_EN = frozenset("the of and to in a is that for on with as was said by it his he at from".split())


def guess_language(text: str) -> str:
    """"es" when Spanish function words outnumber English ones in the first few thousand characters."""
    words = _WORD.findall(text[:4000].lower())
    es = sum(w in _ES for w in words)
    en = sum(w in _EN for w in words)
    return "es" if es > en else "en"
