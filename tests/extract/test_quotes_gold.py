"""Gold cases (tests/extract/gold/*.jsonl): every quote pattern and trap, English and Spanish.

Each line is in ../shared/eval/score.py's GOLD format plus what vznews promises exactly: the span of
the quoted words (marks excluded), the resolved speaker, the speaker as written, role, cue and kind.
A case lists every quotation its text holds, so an extra prediction fails it too; `not_quotes` names
quoted text that must never come out as a quotation.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from vznews.extract.quotes import extract_quotes

GOLD = Path(__file__).parent / "gold"
CASES = [json.loads(line) for f in sorted(GOLD.glob("*.jsonl")) for line in f.read_text("utf-8").splitlines()
         if line.strip()]


def _got(case: dict) -> list[dict]:
    return [
        {"quote": q.text, "speaker": q.speaker, "speaker_mention": q.speaker_as_written, "role": q.role,
         "cue": q.cue, "kind": q.kind, "start": q.start, "end": q.end}
        for q in extract_quotes(case["text"], case["lang"])
    ]


def test_gold_files_are_consistent():
    assert len(CASES) >= 35
    assert {c["lang"] for c in CASES} == {"en", "es"}
    assert len({c["id"] for c in CASES}) == len(CASES)
    for c in CASES:
        for g in c["quotes"]:
            assert c["text"][g["start"] : g["end"]] == g["quote"], c["id"]
            assert g["kind"] in ("direct", "mixed", "indirect")


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_gold_case(case):
    got = _got(case)
    want = [{k: g[k] for k in ("quote", "speaker", "speaker_mention", "role", "cue", "kind", "start", "end")}
            for g in case["quotes"]]
    assert got == want, case["note"]
    texts = [g["quote"] for g in got]
    for trap in case["not_quotes"]:
        assert trap not in texts and not any(trap in t for t in texts), f"{trap!r} came out as a quote"
