"""Hand-written recognizer output for entity tests (no spaCy): the spans the small model
really produces on such text, so the cleaning and labelling rules are tested exactly."""

from __future__ import annotations

from vznews.extract.ner import RawEntity


def spans(text: str, *found: tuple[str, str]) -> list[RawEntity]:
    """RawEntity for each (surface, label), located in order of appearance."""
    out, pos = [], 0
    for surface, label in found:
        start = text.index(surface, pos)
        out.append(RawEntity(surface, label, start, start + len(surface)))
        pos = start + len(surface)
    return out
