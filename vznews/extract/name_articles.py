"""Spanish articles that belong to a name: "La Paz", "El Salvador", "the Los Pinos district".

A capitalised El/La/Los/Las inside a sentence is part of the name that follows it; opening a
sentence it may only be the sentence's capital ("La Fiscalía informó").
"""

from __future__ import annotations

import re

from vznews.extract.entity_names import entity_key
from vznews.extract.gazetteer import gazetteer
from vznews.extract.ner import RawEntity

_ARTICLE = re.compile(r"(?:El|La|Los|Las)[ ](?=[A-ZÁÉÍÓÚÑ])")
_ARTICLE_BEFORE = re.compile(r"(?<![\w-])(?:El|La|Los|Las)[ ]$")
# Where a sentence, a quotation or a story after its dateline opens ("CALEDRA.— El Consejo", "«El Estado").
_OPENING = re.compile(r"(?:^|[.!?:;—–]\s*|\n|\s-\s*)[\"“‘'(«¿¡]*\s*$")


def _opens(text: str, start: int) -> bool:
    return bool(_OPENING.search(text, max(0, start - 6), start))


def name_article(text: str, ent: RawEntity) -> RawEntity:
    """A capitalised Spanish article inside a sentence is part of the name ("in La Paz", "the Los Pinos
    district"): taken in when the recognizer left it out. Opening a sentence it may be only the sentence's
    capital ("La Fiscalía informó"), so it stays only when the text writes the same name with it elsewhere
    inside a sentence, or the name is a known one ("Los Angeles")."""
    if _ARTICLE.match(ent.text):
        if not _opens(text, ent.start):
            return ent
        cut = ent.text.index(" ") + 1
        if entity_key(ent.text) in gazetteer("places") | gazetteer("orgs") or _written_inside(text, ent.text, ent.end):
            return ent
        return RawEntity(ent.text[cut:], ent.label, ent.start + cut, ent.end)
    article = _ARTICLE_BEFORE.search(text, max(0, ent.start - 4), ent.start)
    if article and ent.text[:1].isupper() and not _opens(text, article.start()):
        return RawEntity(text[article.start() : ent.end], ent.label, article.start(), ent.end)
    return ent


def _written_inside(text: str, phrase: str, after: int) -> bool:
    """`phrase` appears again, not opening a sentence."""
    at = text.find(phrase, after)
    while at >= 0:
        if not _opens(text, at):
            return True
        at = text.find(phrase, at + len(phrase))
    return False
