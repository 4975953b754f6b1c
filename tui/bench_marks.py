"""Timing marks for bench/bench_tui.py: when $VZNEWS_BENCH_MARKS names a file, append
`name wall-clock-time peak-rss-KiB cpu-seconds` lines to it (first frame, first rows). No-op otherwise."""

from __future__ import annotations

import os


def mark(name: str) -> None:
    """Record that `name` happened now (only under the benchmark)."""
    path = os.environ.get("VZNEWS_BENCH_MARKS")
    if not path:
        return
    import resource
    import time

    usage = resource.getrusage(resource.RUSAGE_SELF)
    with open(path, "a", encoding="utf-8") as handle:
        handle.write(f"{name} {time.time():.6f} {usage.ru_maxrss} {usage.ru_utime + usage.ru_stime:.3f}\n")
