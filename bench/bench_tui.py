"""Benchmark the explorer on a store of N articles (default 100,000) with quotes and entities.

Everything runs `vznews --db STORE` in a real pseudo-terminal (120x40) and times output:
- process start to first painted frame and to the first article rows (marks the app
  writes when $VZNEWS_BENCH_MARKS is set), with the peak RSS: median over runs;
- 200 `j` presses: key sent to the end of the repaint it causes; and to the reader
  showing the new article (it follows once the cursor rests);
- search: last keystroke of a rare and a common word to the first results on screen;
- opening the Entities view: `3` to the ranked list on screen.

    .venv/bin/python bench/bench_tui.py [--articles 100000] [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))
from tui_corpus import ensure_corpus  # noqa: E402
from tui_pty import PtyApp, marks  # noqa: E402

VZNEWS = str(HERE.parent / ".venv" / "bin" / "vznews")
BUDGETS = {"frame": 0.5, "rss": 120, "key": 0.016, "rare": 0.050, "common": 0.150}


def _env(home: Path, marks_file: Path) -> dict[str, str]:
    return {
        **os.environ,
        "VZNEWS_BENCH_MARKS": str(marks_file),
        "HOME": str(home),
        "TERM": "xterm-256color",
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
    }


def launch(store: Path, home: Path) -> tuple[PtyApp, dict[str, tuple[float, float, float]]]:
    """Start the app and wait for its first rows; returns the app and its start marks."""
    marks_file = home / "marks.txt"
    marks_file.unlink(missing_ok=True)
    app = PtyApp([VZNEWS, "--db", str(store)], _env(home, marks_file))
    deadline = time.time() + 30
    found: dict[str, tuple[float, float, float]] = {}
    while time.time() < deadline and "rows" not in found:
        app.read(0.01)
        found = marks(marks_file, app.started)
    app.quiet(0.5)
    return app, found


def start_figures(store: Path, runs: int) -> None:
    frames, rows, frame_rss, peaks, cpu = [], [], [], [], []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as home:
            app, found = launch(store, Path(home))
            peaks.append(app.peak_mib())
            app.close()
        frames.append(found["frame"][0])
        frame_rss.append(found["frame"][1])
        cpu.append(found["frame"][2])
        rows.append(found["rows"][0])
    print(f"start to first frame:  median {statistics.median(frames):.3f} s, max {max(frames):.3f} s (budget {BUDGETS['frame']} s)")
    print(f"  CPU time to first frame: median {statistics.median(cpu):.3f} s (the wall time includes waiting for the CPU when the machine is busy)")
    print(f"  peak RSS at first frame {max(frame_rss):.0f} MiB; after loading {max(peaks):.0f} MiB (budget {BUDGETS['rss']} MiB)")
    print(f"start to first rows:   median {statistics.median(rows):.3f} s")


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def key_figures(app: PtyApp, presses: int) -> None:
    frames, readers = [], []
    for _ in range(presses):
        began = time.perf_counter()
        latency, _ = app.key(b"j")
        if latency is not None:
            frames.append(latency)
        app.quiet(0.15)  # the reader follows once the cursor rests; wait it out
        readers.append(time.perf_counter() - began - 0.15)
    frames.sort()
    readers.sort()
    p95 = frames[int(len(frames) * 0.95)]
    print(f"keypress j (x{presses}):    median {ms(statistics.median(frames))}, p95 {ms(p95)}, max {ms(frames[-1])} (budget {ms(BUDGETS['key'])})")
    print(f"  j to reader updated: median {ms(statistics.median(readers))}, p95 {ms(readers[int(len(readers) * 0.95)])}")


def search_figures(app: PtyApp) -> None:
    for label, word in (("rare", "quetzalcoatl"), ("common", "government")):
        app.key(b"/")
        app.quiet(0.3)
        for char in word[:-1]:
            app.key(char.encode())
            app.quiet(0.25)
        took = app.until(word[-1].encode(), b"Articles (")
        app.quiet(0.4)
        shown = "not shown" if took is None else ms(took)
        print(f"search {label} word:    {shown} to first results ({word!r}; budget {ms(BUDGETS[label])})")
        app.key(b"\x1b")
        app.quiet(0.4)


def entities_figure(app: PtyApp) -> None:
    took = app.until(b"3", b"by articles")
    app.quiet(0.3)
    print(f"open entities view:    {'not shown' if took is None else ms(took)} (key to the ranked list on screen)")


def load() -> str:
    return "load average " + " ".join(f"{value:.2f}" for value in os.getloadavg()) + f" on {os.cpu_count()} CPUs"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--presses", type=int, default=200)
    args = parser.parse_args()
    store = ensure_corpus(args.articles)
    print(load())
    print(f"store: {store.name} ({store.stat().st_size / 2**20:.0f} MiB, {args.articles:,} articles with quotes and entities)")
    start_figures(store, args.runs)
    with tempfile.TemporaryDirectory() as home:
        app, _ = launch(store, Path(home))
        try:
            key_figures(app, args.presses)
            search_figures(app)
            entities_figure(app)
            print(f"peak RSS over the session: {app.peak_mib():.0f} MiB")
            print(load())
        finally:
            app.close()


if __name__ == "__main__":
    main()
