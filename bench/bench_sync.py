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

# Runs one command and reports its wall time, CPU time (user + system) and peak RSS,
# all read from its own child, so the figures are the command's alone.
_MEASURE = """
import resource, subprocess, sys, time
t = time.perf_counter()
rc = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE).returncode
wall = time.perf_counter() - t
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(rc, wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss)
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
    cpu: float
    rss_mib: float
    rc: int


def measure(argv: list[str]) -> Run:
    """Run `argv` under a tiny wrapper process that reads its child's resource usage."""
    done = subprocess.run([sys.executable, "-c", _MEASURE, *argv], capture_output=True, text=True)
    rc, wall, cpu, rss = done.stdout.split()
    return Run(float(wall), float(cpu), int(rss) / 1024, int(rc))


class Tool:
    """How to run one reader's first sync and re-sync in a work directory."""

    def __init__(self, name: str, work: Path, urls: list[str]) -> None:
        self.name, self.work = name, work
        self.first: list[Run] = []
        self.again: list[Run] = []
        if name == "vznews":
            feeds = work / "feeds.toml"
            feeds.write_text("".join(f'[[feeds]]\nname = "bench {i}"\nurl = "{u}"\n\n' for i, u in enumerate(urls)))
            exe = shutil.which("vznews", path=str(Path(sys.executable).parent)) or "vznews"
            self.argv = lambda n: [exe, "sync", "--feeds", str(feeds), "--db", str(work / f"vznews-{n}.db"),
                                   "--no-fulltext", "--no-extract"]
        else:
            (work / "urls").write_text("\n".join(urls) + "\n")
            (work / "newsboat.conf").write_text("")
            self.argv = lambda n: ["newsboat", "-u", str(work / "urls"), "-c", str(work / f"newsboat-{n}.db"),
                                   "-C", str(work / "newsboat.conf"), "-x", "reload"]

    def run_first(self, n: int) -> None:
        self.first.append(measure(self.argv(n)))

    def run_again(self, n: int) -> None:
        if self.name == "newsboat":
            # newsboat stores a feed's validators only once the feed row exists, i.e. on its second
            # reload: one unmeasured reload first, so the measured one really is all-304.
            measure(self.argv(n))
        self.again.append(measure(self.argv(n)))


def median(runs: list[Run], attr: str) -> float:
    return statistics.median(getattr(r, attr) for r in runs)


def report(tool: Tool, items: int) -> None:
    first, again = tool.first, tool.again
    wall1, wall2 = median(first, "wall"), median(again, "wall")
    print(f"{tool.name:9} first sync {wall1:6.2f} s (cpu {median(first, 'cpu'):5.2f} s, peak {median(first, 'rss_mib'):5.1f} MiB, "
          f"{items / wall1:6.0f} items/s) | all-304 re-sync {wall2:5.2f} s (cpu {median(again, 'cpu'):4.2f} s, "
          f"peak {median(again, 'rss_mib'):5.1f} MiB)")
    bad = [r.rc for r in first + again if r.rc != 0]
    if bad:
        print(f"{tool.name:9} exit statuses other than 0: {bad}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", type=int, default=200)
    parser.add_argument("--items", type=int, default=50)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    bodies = {f"/feed{n:03d}.xml": feed_xml(n, args.items) for n in range(args.feeds)}
    size = sum(map(len, bodies.values()))
    server = FeedServer(bodies)
    urls = [server.url(path) for path in bodies]
    items = args.feeds * args.items
    newsboat = shutil.which("newsboat") is not None
    print(f"corpus: {args.feeds} feeds x {args.items} items, {size / 1e6:.1f} MB ({size / items / 1024:.1f} KiB/item), "
          f"served from 127.0.0.1; median of {args.runs} runs" + (", vznews and newsboat interleaved" if newsboat else ""))
    with tempfile.TemporaryDirectory(prefix="vznews-bench-") as tmp:
        tools = [Tool("vznews", Path(tmp), urls)] + ([Tool("newsboat", Path(tmp), urls)] if newsboat else [])
        for n in range(args.runs):
            # Interleaved, so a noisy neighbour slows both tools alike.
            for tool in tools:
                tool.run_first(n)
            for tool in tools:
                tool.run_again(n)
        for tool in tools:
            report(tool, items)
    if not newsboat:
        print("newsboat is not installed (apt-get install newsboat): no comparison")
        return
    ours, theirs = tools
    print(f"ratio vznews/newsboat: first sync {median(ours.first, 'wall') / median(theirs.first, 'wall'):.2f}x (budget <= 1.0), "
          f"all-304 re-sync {median(ours.again, 'wall') / median(theirs.again, 'wall'):.2f}x (budget <= 0.7)")
    # CPU seconds move less than wall time when others share the 2 cores: a second opinion.
    print(f"cpu ratio vznews/newsboat: first sync {median(ours.first, 'cpu') / median(theirs.first, 'cpu'):.2f}x, "
          f"all-304 re-sync {median(ours.again, 'cpu') / median(theirs.again, 'cpu'):.2f}x (wall time is what the budget counts)")
    print(f"server answered {server.counts['200']} x 200 and {server.counts['304']} x 304")


if __name__ == "__main__":
    main()
