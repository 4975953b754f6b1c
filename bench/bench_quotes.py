"""Quote extraction quality and speed.

Runs extract_quotes over every article of the project's own gold cases (tests/extract/gold/*.jsonl)
and, when ../shared/eval/polnear-train.jsonl exists, of that corpus; writes the predictions in
score.py's PRED format to a temporary file and runs ../shared/eval/score.py on it (a small built-in
exact-span count stands in when score.py is absent). Prints direct-quote P/R/F1, speaker accuracy and
reported-speech recall, then quotes-only throughput in articles/s (median of 3 runs, one process).

    .venv/bin/python bench/bench_quotes.py [--eval DIR] [--keep PRED.jsonl]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from vznews.extract.quotes import extract_quotes  # noqa: E402
from vznews.extract.scoring import quotation_records  # noqa: E402

GOLD_DIR = ROOT / "tests" / "extract" / "gold"
DEFAULT_EVAL = ROOT.parent / "shared" / "eval"


def predict(rows: list[dict], joined: bool = True) -> list[dict]:
    """score.py PRED lines for `rows` (each with id and text).

    `joined`: one span per quotation, the parts of an interrupted quote joined (the annotated
    corpora's convention); otherwise one record per part, as vznews stores them (the own gold's).
    """
    out = []
    for r in rows:
        qs = extract_quotes(r["text"], r.get("lang"))
        if joined:
            recs = quotation_records(r["text"], qs)
        else:
            recs = [{"start": q.start, "end": q.end, "speaker": q.speaker, "speaker_mention": q.speaker_as_written,
                     "kind": q.kind, "cue": q.cue} for q in qs]
        out.append({"id": r["id"], "quotes": recs})
    return out


def load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def write(path: Path, rows: list[dict]) -> None:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


def run_scorer(score_py: Path, gold: Path, pred: Path) -> dict:
    """score.py's figures for the two files (its --json output)."""
    done = subprocess.run([sys.executable, str(score_py), str(gold), str(pred), "--json"],
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def builtin_score(rows: list[dict], preds: list[dict]) -> dict:
    """Exact-span counts when score.py is not available (direct quotes, speakers by a shared word)."""
    tp = fp = fn = ok = n = 0
    by_id = {p["id"]: p for p in preds}
    for r in rows:
        gold = {(q["start"], q["end"]): q for q in r["quotes"] if q["kind"] == "direct"}
        pred = {(q["start"], q["end"]): q for q in by_id[r["id"]]["quotes"] if q["kind"] == "direct"}
        tp += len(gold.keys() & pred.keys())
        fp += len(pred.keys() - gold.keys())
        fn += len(gold.keys() - pred.keys())
        for k in gold.keys() & pred.keys():
            if gold[k].get("speaker"):
                n += 1
                ok += bool(set(gold[k]["speaker"].lower().split()) & set((pred[k]["speaker"] or "").lower().split()))
    p, rc = tp / max(1, tp + fp), tp / max(1, tp + fn)
    return {"direct_quotes": {"P": p, "R": rc, "F1": 2 * p * rc / max(1e-9, p + rc), "tp": tp, "fp": fp, "fn": fn},
            "speaker_accuracy": ok / max(1, n), "speakers_scored": n, "reported_speech_recall": None}


def report(name: str, rows: list[dict], score_py: Path, tmp: Path, keep: Path | None, joined: bool) -> None:
    preds = predict(rows, joined)
    gold_file, pred_file = tmp / f"{name}.gold.jsonl", keep or tmp / f"{name}.pred.jsonl"
    write(gold_file, rows)
    write(pred_file, preds)
    res = run_scorer(score_py, gold_file, pred_file) if score_py.exists() else builtin_score(rows, preds)
    dq = res["direct_quotes"]
    print(f"{name}: {len(rows)} articles" + ("" if score_py.exists() else " (built-in exact-span count)"))
    print(f"  direct quotes  P {dq['P']:.3f}  R {dq['R']:.3f}  F1 {dq['F1']:.3f}  (tp {dq['tp']} fp {dq['fp']} fn {dq['fn']})")
    print(f"  speaker accuracy {res['speaker_accuracy']:.3f} over {res['speakers_scored']} quotes")
    if res.get("reported_speech_recall") is not None:
        print(f"  reported speech (mixed + indirect) recall {res['reported_speech_recall']:.3f}")


def throughput(texts: list[str], repeats: int = 3) -> tuple[float, float]:
    """Median articles per second of extract_quotes over `texts`: by the wall clock, and by this
    process's CPU time (the same figure on an idle machine; the honest one when other work shares it)."""
    wall, cpu = [], []
    for _ in range(repeats):
        t0, c0 = time.perf_counter(), time.process_time()
        for t in texts:
            extract_quotes(t)
        wall.append(len(texts) / (time.perf_counter() - t0))
        cpu.append(len(texts) / (time.process_time() - c0))
    return statistics.median(wall), statistics.median(cpu)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--eval", type=Path, default=DEFAULT_EVAL, help="directory with score.py and polnear-train.jsonl")
    ap.add_argument("--keep", type=Path, help="also keep the corpus predictions in this file")
    a = ap.parse_args()
    score_py = a.eval / "score.py"
    gold = [row for f in sorted(GOLD_DIR.glob("*.jsonl")) for row in load(f)]
    texts = [r["text"] for r in gold]
    corpus = a.eval / "polnear-train.jsonl"
    with tempfile.TemporaryDirectory() as tmp:
        if gold:
            print("(own gold: the parts of an interrupted quote are separate quotes, as vznews stores them)")
            report("own-gold", gold, score_py, Path(tmp), None, joined=False)
        if corpus.exists():
            rows = load(corpus)
            report(corpus.stem, rows, score_py, Path(tmp), a.keep, joined=True)
            texts = [r["text"] for r in rows]
    if texts:
        avg = sum(map(len, texts)) / len(texts)
        wall, cpu = throughput(texts)
        print(f"throughput (quotes only, one core): {wall:.0f} articles/s wall clock, {cpu:.0f} articles/s of CPU time,"
              f" over {len(texts)} articles of {avg:.0f} chars")
    return 0


if __name__ == "__main__":
    sys.exit(main())
