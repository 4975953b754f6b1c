"""Daemon worker threads: jobs run in one or two stages, results come back in completion order.

Unlike concurrent.futures, whose threads the interpreter joins at exit, these are
daemon threads: a sync interrupted with Ctrl-C (or a TUI closed mid-sync) exits at
once instead of waiting for in-flight fetches to time out. The consumer waits in
`results()`, which a real SIGINT interrupts.

The optional second stage runs on its own (few) threads: sync fetches on many
threads and parses on one (sync.PARSERS), so a fetch thread never waits for a parser and parsing
memory is not spread over every thread's allocator arena.
"""

from __future__ import annotations

import queue
import threading
from typing import Any, Callable, Generic, Iterable, Iterator, TypeVar

Job = TypeVar("Job")
Result = TypeVar("Result")
_STOP = object()


class DaemonPool(Generic[Job, Result]):
    """Run `work(job)` on `size` daemon threads, then, for results where `wants_then(result)`,
    `then(result)` on `then_size` threads. At most `lookahead` jobs are taken but not yet
    consumed, so finished results cannot pile up in memory."""

    def __init__(self, work: Callable[[Job], Any], size: int, lookahead: int, name: str = "vznews-worker", *,
                 then: Callable[[Any], Result] | None = None, then_size: int = 2,
                 wants_then: Callable[[Any], bool] = lambda result: True) -> None:
        self._work, self._then, self._wants_then = work, then, wants_then
        self._jobs: queue.Queue[object] = queue.Queue()
        self._second: queue.Queue[object] = queue.Queue()
        self._done: queue.Queue[tuple[bool, object]] = queue.Queue()
        self._lookahead = max(1, lookahead)
        self._first = [threading.Thread(target=self._run_first, name=f"{name}-{n}", daemon=True) for n in range(max(1, size))]
        self._seconds = [threading.Thread(target=self._run_second, name=f"{name}-then-{n}", daemon=True)
                         for n in range(max(1, then_size) if then is not None else 0)]
        for thread in self._first + self._seconds:
            thread.start()

    def _run_first(self) -> None:
        while (job := self._jobs.get()) is not _STOP:
            try:
                result = self._work(job)  # type: ignore[arg-type]
                if self._then is not None and self._wants_then(result):
                    self._second.put(result)
                else:
                    self._done.put((True, result))
            except BaseException as exc:  # handed to the consumer, which re-raises it
                self._done.put((False, exc))

    def _run_second(self) -> None:
        while (item := self._second.get()) is not _STOP:
            try:
                self._done.put((True, self._then(item)))  # type: ignore[misc]
            except BaseException as exc:
                self._done.put((False, exc))

    def results(self, jobs: Iterable[Job]) -> Iterator[Result]:
        """Submit `jobs` (lazily, keeping `lookahead` in flight) and yield results as they finish.
        A job's exception is re-raised here."""
        source = iter(jobs)
        in_flight = 0
        try:
            while True:
                while in_flight < self._lookahead and (job := next(source, _STOP)) is not _STOP:
                    self._jobs.put(job)
                    in_flight += 1
                if in_flight == 0:
                    return
                ok, value = self._done.get()
                in_flight -= 1
                if not ok:
                    raise value  # type: ignore[misc]
                yield value  # type: ignore[misc]
        finally:
            self.close()

    def close(self) -> None:
        """Drop queued jobs and let the threads end (without waiting for running ones)."""
        for waiting in (self._jobs, self._second):
            try:
                while True:
                    waiting.get_nowait()
            except queue.Empty:
                pass
        for _ in self._first:
            self._jobs.put(_STOP)
        for _ in self._seconds:
            self._second.put(_STOP)
