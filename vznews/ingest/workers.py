"""A small pool of daemon threads that runs jobs and hands back their results in completion order.

Unlike concurrent.futures, whose threads the interpreter joins at exit, these are
daemon threads: a sync interrupted with Ctrl-C (or a TUI closed mid-sync) exits at
once instead of waiting for in-flight fetches to time out. The consumer waits in
`results()`, which a real SIGINT interrupts.
"""

from __future__ import annotations

import queue
import threading
from typing import Callable, Generic, Iterable, Iterator, TypeVar

Job = TypeVar("Job")
Result = TypeVar("Result")
_STOP = object()


class DaemonPool(Generic[Job, Result]):
    """Run `work(job)` on `size` daemon threads, at most `lookahead` jobs queued or finished
    but not yet consumed (so finished results cannot pile up in memory)."""

    def __init__(self, work: Callable[[Job], Result], size: int, lookahead: int, name: str = "vznews-worker") -> None:
        self._work = work
        self._jobs: queue.Queue[object] = queue.Queue()
        self._done: queue.Queue[tuple[bool, object]] = queue.Queue()
        self._lookahead = max(1, lookahead)
        self._threads = [threading.Thread(target=self._run, name=f"{name}-{n}", daemon=True) for n in range(max(1, size))]
        for thread in self._threads:
            thread.start()

    def _run(self) -> None:
        while True:
            job = self._jobs.get()
            if job is _STOP:
                return
            try:
                self._done.put((True, self._work(job)))  # type: ignore[arg-type]
            except BaseException as exc:  # handed to the consumer, which re-raises it
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
        try:
            while True:
                self._jobs.get_nowait()
        except queue.Empty:
            pass
        for _ in self._threads:
            self._jobs.put(_STOP)
