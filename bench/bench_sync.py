"""Benchmark `vznews sync` against newsboat on 200 feeds x 50 items served from 127.0.0.1.

Prints, for each tool: the first sync into an empty store (wall time, peak memory,
items/s) and a re-sync where every feed answers 304 Not Modified; then the ratios.
Medians over --runs runs. newsboat is optional (Debian package `newsboat`).

    .venv/bin/python bench/bench_sync.py [--feeds 200] [--items 50] [--runs 3]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import zlib
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from feedgen import feed_xml  # noqa: E402

LAST_MODIFIED = "Mon, 29 Jul 2024 12:00:00 GMT"

# Runs one command and reports its wall time and peak RSS (its own child's ru_maxrss).
_MEASURE = """
import resource, subprocess, sys, time
t = time.perf_counter()
rc = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE).returncode
wall = time.perf_counter() - t
print(rc, wall, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


class FeedServer:
    """A small threaded HTTP/1.1 server holding the feeds in memory; answers 304 when it can."""

    def __init__(self, bodies: dict[str, bytes]) -> None:
        self.counts = {"200": 0, "304": 0}
        tags = {path: f'"{zlib.crc32(body):08x}"' for path, body in bodies.items()}
        outer = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                body = bodies.get(self.path)
                if body is None:
                    self.send_error(404)
                    return
                etag = tags[self.path]
                fresh = self.headers.get("If-None-Match") == etag or (
                    "If-None-Match" not in self.headers and self.headers.get("If-Modified-Since") == LAST_MODIFIED
                )
                self.send_response(304 if fresh else 200)
                outer.counts["304" if fresh else "200"] += 1
                self.send_header("ETag", etag)
                self.send_header("Last-Modified", LAST_MODIFIED)
                if fresh:
                    self.end_headers()
                    return
                self.send_header("Content-Type", "application/rss+xml; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}{path}"


@dataclass
class Run:
    wall: float
    rss_mib: float
    rc: int
    stderr: str = ""


def measure(argv: list[str]) -> Run:
    """Run `argv` under a tiny wrapper process that reads its child's peak RSS."""
    done = subprocess.run([sys.executable, "-c", _MEASURE, *argv], capture_output=True, text=True)
    rc, wall, rss = done.stdout.split()
    return Run(float(wall), int(rss) / 1024, int(rc), done.stderr)


def vznews_runs(work: Path, urls: list[str], runs: int) -> tuple[list[Run], list[Run]]:
    feeds = work / "feeds.toml"
    feeds.write_text("".join(f'[[feeds]]\nname = "bench {i}"\nurl = "{u}"\n\n' for i, u in enumerate(urls)))
    exe = shutil.which("vznews", path=str(Path(sys.executable).parent)) or "vznews"
    first, again = [], []
    for n in range(runs):
        db = work / f"vznews-{n}.db"
        argv = [exe, "sync", "--feeds", str(feeds), "--db", str(db), "--no-fulltext", "--no-extract"]
        first.append(measure(argv))
        again.append(measure(argv))
    return first, again


def newsboat_runs(work: Path, urls: list[str], runs: int, threads: int | None) -> tuple[list[Run], list[Run]]:
    (work / "urls").write_text("\n".join(urls) + "\n")
    (work / "newsboat.conf").write_text(f"reload-threads {threads}\n" if threads else "")
    first, again = [], []
    for n in range(runs):
        cache = work / f"newsboat-{n}.db"
        argv = ["newsboat", "-u", str(work / "urls"), "-c", str(cache), "-C", str(work / "newsboat.conf"), "-x", "reload"]
        first.append(measure(argv))
        again.append(measure(argv))
    return first, again


def median(runs: list[Run], attr: str) -> float:
    return statistics.median(getattr(r, attr) for r in runs)


def report(name: str, first: list[Run], again: list[Run], items: int) -> None:
    failed = [r for r in first + again if r.rc not in (0,)]
    wall1, wall2 = median(first, "wall"), median(again, "wall")
    print(f"{name:9} first sync {wall1:6.2f} s  peak {median(first, 'rss_mib'):6.1f} MiB  "
          f"{items / wall1:8.0f} items/s   |  all-304 re-sync {wall2:5.2f} s  peak {median(again, 'rss_mib'):6.1f} MiB")
    for r in failed[:1]:
        print(f"{name:9} exit status {r.rc}: {r.stderr.strip().splitlines()[-1:] or ''}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", type=int, default=200)
    parser.add_argument("--items", type=int, default=50)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--newsboat-threads", type=int, default=None, help="reload-threads (default: newsboat's own, 1)")
    args = parser.parse_args()

    bodies = {f"/feed{n:03d}.xml": feed_xml(n, args.items) for n in range(args.feeds)}
    size = sum(map(len, bodies.values()))
    server = FeedServer(bodies)
    urls = [server.url(path) for path in bodies]
    items = args.feeds * args.items
    print(f"corpus: {args.feeds} feeds x {args.items} items, {size / 1e6:.1f} MB "
          f"({size / items / 1024:.1f} KiB/item); median of {args.runs} runs")

    with tempfile.TemporaryDirectory(prefix="vznews-bench-") as tmp:
        work = Path(tmp)
        ours = vznews_runs(work, urls, args.runs)
        report("vznews", *ours, items)
        if shutil.which("newsboat") is None:
            print("newsboat is not installed (apt-get install newsboat): no comparison")
            return
        theirs = newsboat_runs(work, urls, args.runs, args.newsboat_threads)
        report("newsboat", *theirs, items)
    first_ratio = median(ours[0], "wall") / median(theirs[0], "wall")
    again_ratio = median(ours[1], "wall") / median(theirs[1], "wall")
    print(f"ratio vznews/newsboat: first sync {first_ratio:.2f}x (budget <= 1.0), "
          f"all-304 re-sync {again_ratio:.2f}x (budget <= 0.7)")
    print(f"server answered: {server.counts['200']} x 200, {server.counts['304']} x 304")


if __name__ == "__main__":
    main()
