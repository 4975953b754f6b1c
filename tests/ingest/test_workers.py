"""The daemon worker pool behind sync: completion order, bounded look-ahead, errors, daemon threads."""

from __future__ import annotations

import threading
import time

import pytest

from vznews.ingest.workers import DaemonPool


def test_results_come_back_as_jobs_finish() -> None:
    finished = {name: threading.Event() for name in "abc"}
    after = {"a": "c", "b": None, "c": "b"}  # b finishes first, then c, then a

    def work(name: str) -> str:
        if after[name]:
            finished[after[name]].wait(5)
        finished[name].set()
        return name

    pool: DaemonPool[str, str] = DaemonPool(work, size=3, lookahead=3)
    assert list(pool.results(["a", "b", "c"])) == ["b", "c", "a"]


def test_lookahead_bounds_the_jobs_taken_but_not_consumed() -> None:
    taken: list[int] = []
    pool: DaemonPool[int, int] = DaemonPool(lambda n: (taken.append(n), n)[1], size=4, lookahead=2)
    results = pool.results(range(10))
    first = next(results)
    time.sleep(0.1)  # give idle workers every chance to take more than they may
    assert first in (0, 1) and len(taken) <= 3  # two in flight, and one more once the first was consumed
    assert sorted([first, *results]) == list(range(10))


def test_a_job_error_is_raised_to_the_consumer() -> None:
    def work(n: int) -> int:
        if n == 2:
            raise ValueError("bad job")
        return n

    pool: DaemonPool[int, int] = DaemonPool(work, size=1, lookahead=1)
    with pytest.raises(ValueError, match="bad job"):
        list(pool.results(range(5)))


def test_threads_are_daemons_so_an_interrupted_sync_exits_at_once() -> None:
    release = threading.Event()
    pool: DaemonPool[int, int] = DaemonPool(lambda n: (release.wait(5), n)[1], size=2, lookahead=2, name="probe")
    results = pool.results(range(4))
    threads = [t for t in threading.enumerate() if t.name.startswith("probe-")]
    assert len(threads) == 2 and all(t.daemon for t in threads)
    results.close()  # the consumer gives up: queued jobs are dropped, threads end after their job
    release.set()


def test_a_second_stage_runs_on_its_own_threads_for_the_results_that_want_it() -> None:
    seen: dict[str, set[str]] = {"first": set(), "then": set()}

    def first(n: int) -> int:
        seen["first"].add(threading.current_thread().name)
        return n

    def then(n: int) -> int:
        seen["then"].add(threading.current_thread().name)
        return n * 100

    pool: DaemonPool[int, int] = DaemonPool(first, size=4, lookahead=6, name="stage", then=then, then_size=2,
                                            wants_then=lambda n: n % 2 == 0)
    assert sorted(pool.results(range(8))) == [0, 1, 3, 5, 7, 200, 400, 600]
    assert all(name.startswith("stage-then-") for name in seen["then"]) and len(seen["then"]) <= 2
    assert not any(name.startswith("stage-then-") for name in seen["first"])
