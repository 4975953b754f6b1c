"""Quotes as one span per quotation, the way annotated corpora (and ../shared/eval/score.py) count them.

vznews keeps the parts of an interrupted quotation apart (`"…," she said, "…"` gives two quotes, both
attributed); annotation schemes such as PolNeAR mark the whole quotation, narrator included, as one span.
`quotation_records` joins such parts for export and scoring.
"""

from __future__ import annotations

from vznews.models import Quote

def join_interrupted(text: str, quotes: list[Quote]) -> list[tuple[int, int, Quote]]:
    """(start, end, first part) per quotation: parts split by their attribution are joined."""
    out: list[tuple[int, int, Quote]] = []
    last: Quote | None = None
    for q in sorted(quotes, key=lambda q: q.start):
        if out and q.joined and last is not None and last.paragraph == q.paragraph and last.end <= q.start:
            out[-1] = (out[-1][0], q.end, out[-1][2])
        else:
            out.append((q.start, q.end, q))
        last = q
    return out


def quotation_records(text: str, quotes: list[Quote]) -> list[dict]:
    """score.py PRED `quotes` entries: start, end, speaker, speaker_mention, kind, cue."""
    return [
        {"start": s, "end": e, "speaker": q.speaker, "speaker_mention": q.speaker_as_written, "kind": q.kind,
         "cue": q.cue}
        for s, e, q in join_interrupted(text, quotes)
    ]
