"""Quotes and entities of a batch of texts: the work one extraction worker does.

`analyse` is pure (texts in, records out) so it runs the same in this process or
in a worker process (`pool.py`); it never touches the store. spaCy is loaded on
first use, and only when `entities` is asked for.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from vznews.models import EntityMention, Quote


@dataclass(frozen=True)
class Extraction:
    """What one text holds: its quotes, its entities, and the entity each quote's speaker is."""

    quotes: tuple[Quote, ...] = ()
    entities: tuple[EntityMention, ...] = ()
    speakers: tuple[EntityMention | None, ...] = ()  # speakers[i] is quotes[i]'s entity, if any
    error: str | None = None  # one line, when this text could not be processed


Item = tuple[str, "str | None"]  # (text, language)


def _quotes(text: str, lang: str | None) -> tuple[list[Quote], str | None]:
    from vznews.extract.quotes import extract_quotes

    try:
        return extract_quotes(text, lang), None
    except Exception as exc:  # one bad article must not stop the others
        return [], f"quotes: {type(exc).__name__}: {exc}"


def analyse(items: Sequence[Item], *, entities: bool = True) -> list[Extraction]:
    """Quotes and (when `entities` and a model is installed) entities of each (text, lang), in order."""
    from vznews.extract.entities import resolve_entities, speaker_entity
    from vznews.extract.ner import load_ner, recognize

    found = [_quotes(text, lang) for text, lang in items]
    nlp = load_ner() if entities else None
    texts = [text for text, _ in items]
    if nlp is None:
        raws: list[list] = [[] for _ in items]
    else:
        try:
            raws = recognize(nlp, texts)
        except Exception:  # find the culprit: one text at a time
            raws = []
            for text in texts:
                try:
                    raws.append(recognize(nlp, [text])[0])
                except Exception:
                    raws.append([])
    out = []
    for text, (quotes, error), raw in zip(texts, found, raws):
        try:
            ents = resolve_entities(text, raw, quotes)
        except Exception as exc:
            ents, error = [], error or f"entities: {type(exc).__name__}: {exc}"
        speakers = tuple(speaker_entity(q.speaker, ents) for q in quotes)
        out.append(Extraction(tuple(quotes), tuple(ents), speakers, error))
    return out
