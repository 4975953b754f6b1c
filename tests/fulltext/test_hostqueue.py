"""HostQueue: per-host concurrency, start spacing, round-robin and closing."""

from __future__ import annotations

import threading
import time

from vznews.ingest.hostqueue import HostQueue


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_at_most_per_host_jobs_in_flight_per_host() -> None:
    queue = HostQueue([("a", 1), ("a", 2), ("a", 3), ("b", 4)], per_host=2, delay=0)
    taken = [queue.take(), queue.take(), queue.take()]
    assert sorted(job for _, job in taken if job) == [1, 2, 4]  # the third "a" job must wait
    got: list[object] = []
    waiter = threading.Thread(target=lambda: got.append(queue.take()))
    waiter.start()
    waiter.join(0.2)
    assert waiter.is_alive() and got == []  # blocked: "a" has two in flight
    queue.done("a")
    waiter.join(2)
    assert got == [("a", 3)]
    assert queue.take() is None


def test_starts_to_one_host_are_spaced_by_the_delay() -> None:
    clock = FakeClock()
    queue = HostQueue([("a", 1), ("a", 2), ("b", 3)], per_host=2, delay=0.5, clock=clock)
    assert queue.take() == ("a", 1)
    assert queue.take() == ("b", 3)  # another host need not wait
    got: list[object] = []
    waiter = threading.Thread(target=lambda: got.append(queue.take()))
    waiter.start()
    waiter.join(0.2)
    assert got == []  # "a" has a free slot but its delay has not passed (fake time stands still)
    clock.now = 0.5
    waiter.join(2)  # wakes on its own timeout and sees the new time
    assert got == [("a", 2)]


def test_hosts_are_served_round_robin() -> None:
    jobs = [("big", i) for i in range(5)] + [("small", 100)]
    queue = HostQueue(jobs, per_host=10, delay=0)
    order = [queue.take() for _ in range(3)]
    assert ("small", 100) in order[:2]


def test_close_releases_blocked_takers() -> None:
    queue = HostQueue([("a", 1), ("a", 2)], per_host=1, delay=0)
    assert queue.take() == ("a", 1)
    got: list[object] = []
    waiter = threading.Thread(target=lambda: got.append(queue.take()))
    waiter.start()
    time.sleep(0.05)
    queue.close()
    waiter.join(2)
    assert got == [None]
