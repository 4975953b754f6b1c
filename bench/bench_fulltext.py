"""Benchmark the full-text phase: 200 article pages served locally, fetched and extracted.

The pages (about 50 KB of realistic HTML each, see pagegen.py) are spread over
--hosts sites, each its own loopback address (127.0.0.1, 127.0.0.2, ...), served
by a separate process so the measured process only runs vznews. Prints pages/s,
wall time and peak memory (the phase's own process, ru_maxrss) with the
concurrency settings used: once with the shipped politeness defaults and once
with no delay between pages (the extraction-bound ceiling). Medians of --runs.

    .venv/bin/python bench/bench_fulltext.py [--pages 200] [--hosts 20] [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import statistics
import subprocess
import sys
import tempfile
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from pagegen import article_page  # noqa: E402

FEED_URL = "https://bench.example.org/feed.xml"

# Runs the phase alone in a fresh interpreter; prints its figures as JSON.
_CHILD = """
import json, resource, sys, time
from dataclasses import replace
from pathlib import Path
from vznews.ingest.fulltext import run_fulltext
from vznews.models import Config, FeedConfig, Settings
db, feed_url, overrides = Path(sys.argv[1]), sys.argv[2], json.loads(sys.argv[3])
config = Config(None, (FeedConfig(url=feed_url, name="bench", fulltext=True),), replace(Settings(), **overrides))
start = time.perf_counter()
last = None
for last in run_fulltext(db, config):
    pass
wall = time.perf_counter() - start
print(json.dumps({"wall": wall, "rss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                  "counts": last.counts if last else {}}))
"""


def _serve(hosts: int, pages: int, ready: "multiprocessing.Queue[list[str]]") -> None:
    """Serve page n at http://127.0.0.(n % hosts + 1):PORT/story/n until killed."""
    bodies = {n: article_page(n) for n in range(pages)}

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            try:
                body = bodies[int(self.path.rsplit("/", 1)[-1])]
            except (KeyError, ValueError):
                self.send_error(404)
                return
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    bases = []
    for h in range(hosts):
        try:
            httpd = ThreadingHTTPServer((f"127.0.0.{h + 1}", 0), Handler)
        except OSError:  # only 127.0.0.1 exists here (macOS): fewer hosts
            break
        httpd.daemon_threads = True
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        bases.append(f"http://127.0.0.{h + 1}:{httpd.server_address[1]}")
    ready.put(bases)
    threading.Event().wait()


def _make_store(path: Path, links: list[str]) -> None:
    from vznews.store.db import open_db

    db = open_db(path)
    with db.conn:
        db.conn.execute("INSERT INTO feeds (url, name) VALUES (?, 'bench')", (FEED_URL,))
        db.conn.executemany(
            "INSERT INTO articles (feed_id, guid, url, title, published, summary, content_hash, first_seen)"
            " VALUES (1, ?, ?, 'Bench story', '2024-08-01T00:00:00Z', 'A short summary of the story.', ?, '2024-08-01T00:00:00Z')",
            [(f"g{n}", link, f"h{n}") for n, link in enumerate(links)],
        )
    db.conn.close()


def _measure(work: Path, links: list[str], overrides: dict[str, object], run: int) -> dict[str, object]:
    db = work / f"bench-{len(overrides)}-{run}.db"
    _make_store(db, links)
    done = subprocess.run([sys.executable, "-c", _CHILD, str(db), FEED_URL, json.dumps(overrides)],
                          capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"bench child failed: {done.stderr.strip().splitlines()[-1:]}")
    return json.loads(done.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--hosts", type=int, default=20)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    from vznews.models import Settings

    ready: multiprocessing.Queue[list[str]] = multiprocessing.Queue()
    server = multiprocessing.Process(target=_serve, args=(args.hosts, args.pages, ready), daemon=True)
    server.start()
    try:
        bases = ready.get(timeout=60)
        if len(bases) < args.hosts:
            print(f"note: only {len(bases)} loopback address(es) can be bound here; pages spread over those")
            args.hosts = len(bases)
        links = [f"{bases[n % args.hosts]}/story/{n}" for n in range(args.pages)]
        size = sum(len(article_page(n)) for n in range(args.pages))
        print(f"corpus: {args.pages} article pages on {args.hosts} hosts, {size / 1e6:.1f} MB "
              f"({size / args.pages / 1024:.0f} KiB/page); median of {args.runs} runs")
        defaults = Settings()
        for label, overrides in (("defaults", {}), ("no delay", {"fulltext_delay": 0.0})):
            settings = {"workers": defaults.workers, "per_host": defaults.per_host,
                        "fulltext_delay": defaults.fulltext_delay, **overrides}
            with tempfile.TemporaryDirectory() as tmp:
                runs = [_measure(Path(tmp), links, overrides, n) for n in range(args.runs)]
            wall = statistics.median(float(r["wall"]) for r in runs)  # type: ignore[arg-type]
            rss = statistics.median(int(r["rss_kib"]) for r in runs) / 1024  # type: ignore[arg-type]
            counts = runs[-1]["counts"]
            print(f"{label:9} workers={settings['workers']} per_host={settings['per_host']} "
                  f"fulltext_delay={settings['fulltext_delay']}s: {wall:6.2f} s  {args.pages / wall:6.1f} pages/s  "
                  f"peak {rss:6.1f} MiB  {counts}")
    finally:
        server.kill()


if __name__ == "__main__":
    main()
