"""A thread-safe job queue that is polite to each host.

`take()` hands a job out only when its host has fewer than `per_host` requests in
flight and the last request to that host started at least `delay` seconds ago, so
any number of worker threads can share it. Hosts are served round-robin, so one
site with many articles does not starve the others.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from typing import Callable, Generic, Iterable, TypeVar

T = TypeVar("T")


class HostQueue(Generic[T]):
    """Jobs grouped by host, released under a per-host concurrency limit and start spacing."""

    def __init__(self, jobs: Iterable[tuple[str, T]], *, per_host: int, delay: float,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._queues: dict[str, deque[T]] = {}
        for host, job in jobs:
            self._queues.setdefault(host, deque()).append(job)
        self._per_host = max(1, per_host)
        self._delay = max(0.0, delay)
        self._clock = clock
        self._in_flight = {host: 0 for host in self._queues}
        self._next_start = {host: 0.0 for host in self._queues}
        self._order = list(self._queues)
        self._turn = 0
        self._closed = False
        self._cond = threading.Condition()

    def __len__(self) -> int:
        with self._cond:
            return sum(len(queue) for queue in self._queues.values())

    def take(self) -> tuple[str, T] | None:
        """Block until a job may start and return (host, job); None when none are left or closed.

        The caller must call `done(host)` when the request has finished.
        """
        with self._cond:
            while not self._closed:
                waiting = [h for h in self._order if self._queues[h]]
                if not waiting:
                    return None
                now = self._clock()
                soonest: float | None = None
                for offset in range(len(self._order)):
                    host = self._order[(self._turn + offset) % len(self._order)]
                    if not self._queues[host] or self._in_flight[host] >= self._per_host:
                        continue
                    if self._next_start[host] <= now:
                        self._turn = (self._order.index(host) + 1) % len(self._order)
                        self._in_flight[host] += 1
                        self._next_start[host] = now + self._delay
                        return host, self._queues[host].popleft()
                    wait = self._next_start[host] - now
                    soonest = wait if soonest is None else min(soonest, wait)
                self._cond.wait(timeout=soonest)  # None: until a request to a busy host finishes
            return None

    def done(self, host: str) -> None:
        """A request to `host` has finished: its slot is free again."""
        with self._cond:
            self._in_flight[host] -= 1
            self._cond.notify_all()

    def close(self) -> None:
        """Hand out nothing more; threads blocked in `take()` return None."""
        with self._cond:
            self._closed = True
            self._cond.notify_all()
