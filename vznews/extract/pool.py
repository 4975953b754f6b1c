"""Running `pipeline.analyse` on every core: a small process pool with bounded read-ahead.

Worker processes are started with "spawn" (never fork: the caller may be a
threaded TUI) and each loads the model once. Results come back in the order the
chunks went in; at most a few chunks are in flight, so a 100,000-article rebuild
never holds every text in memory. With one worker, everything runs in this process,
and if the pool breaks (a worker killed, or a script without a `__main__` guard) the
remaining chunks run here too.
"""

from __future__ import annotations

import os
import time
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from multiprocessing import get_context
from typing import Iterable, Iterator, Sequence

from vznews.extract.pipeline import Extraction, Item, analyse

POOL_MIN_ITEMS = 100  # fewer than this: starting workers (about 2 s each) costs more than it saves


def default_workers(items: int) -> int:
    """How many worker processes suit `items` texts on this machine (1: none, work here)."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return 1 if items < POOL_MIN_ITEMS else max(1, min(cores, 4))


def _init_worker(entities: bool) -> None:
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    if entities:
        from vznews.extract.ner import load_ner

        load_ner()


def _work(chunk: Sequence[Item], entities: bool) -> tuple[float, list[Extraction]]:
    started = time.process_time()
    results = analyse(chunk, entities=entities)
    return time.process_time() - started, results


def _pid(pause: float) -> int:
    time.sleep(pause)  # keep this worker busy so the next probe reaches another one
    return os.getpid()


class Analyser:
    """Analyse chunks of (text, lang) items in worker processes (or here, with `workers` <= 1)."""

    def __init__(self, workers: int = 1, *, entities: bool = True) -> None:
        self.workers = workers
        self.entities = entities
        self.cpu_seconds = 0.0  # CPU time spent analysing, in whichever process (for benchmarks)
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> "Analyser":
        if self.workers > 1:
            self._pool = ProcessPoolExecutor(
                self.workers, mp_context=get_context("spawn"), initializer=_init_worker, initargs=(self.entities,)
            )
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def wait_ready(self, timeout: float = 60.0) -> None:
        """Block until every worker process has started and loaded the model (for timing runs)."""
        if self._pool is None:
            analyse([("Warm up.", None)], entities=self.entities)
            return
        seen: set[int] = set()
        deadline = time.monotonic() + timeout
        while len(seen) < self.workers and time.monotonic() < deadline:
            probes = [self._pool.submit(_pid, 0.2) for _ in range(self.workers)]
            seen |= {p.result() for p in probes}

    def map(self, chunks: Iterable[Sequence[Item]]) -> Iterator[list[Extraction]]:
        """The extractions of each chunk, in order."""
        if self._pool is None:
            for chunk in chunks:
                yield self._here(chunk)
            return
        ahead: deque[tuple[Sequence[Item], Future[tuple[float, list[Extraction]]]]] = deque()
        source = iter(chunks)
        for chunk in source:
            ahead.append((chunk, self._pool.submit(_work, chunk, self.entities)))
            if len(ahead) >= 2 * self.workers:
                yield self._result(*ahead.popleft())
            if self._pool is None:  # the pool broke: finish here
                break
        for chunk, future in ahead:
            yield self._result(chunk, future)
        for chunk in source:
            yield self._here(chunk)

    def _here(self, chunk: Sequence[Item]) -> list[Extraction]:
        cpu, results = _work(chunk, self.entities)
        self.cpu_seconds += cpu
        return results

    def _result(self, chunk: Sequence[Item], future: "Future[tuple[float, list[Extraction]]]") -> list[Extraction]:
        """The future's result; if a worker died (or could not start), the chunk is done here instead."""
        try:
            cpu, results = future.result()
        except BrokenProcessPool:
            if self._pool is not None:
                self._pool.shutdown(wait=False, cancel_futures=True)
                self._pool = None
            return self._here(chunk)
        self.cpu_seconds += cpu
        return results
