"""The explorer's per-thread store connections: closing at exit never pulls one from
under a worker that is still querying (that crashed the interpreter inside sqlite3)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest

from vznews.store.db import open_db
from vznews.tui.data import StoreAccess

# Workers query in a loop while the app closes the store at a random moment, over
# and over. Run in a child process: the failure this guards against is a segfault.
_RACE = textwrap.dedent(
    """
    import random, sys, threading, time
    from pathlib import Path
    from vznews.tui.data import StoreAccess
    from vznews.tui.store_watch import store_signature

    path = Path(sys.argv[1])
    random.seed(7)
    for _ in range(150):
        access = StoreAccess(path)
        stop = threading.Event()
        started = threading.Barrier(3)

        def worker():
            db = access.db()
            started.wait()
            while not stop.is_set():
                store_signature(db)

        threads = [threading.Thread(target=worker) for _ in range(2)]
        for thread in threads:
            thread.start()
        started.wait()
        time.sleep(random.random() * 0.005)
        access.close()
        stop.set()
        for thread in threads:
            thread.join()
    print("ok")
    """
)


def test_closing_while_workers_query_never_crashes(tmp_path: Path) -> None:
    path = tmp_path / "store.db"
    open_db(path, create=True).conn.close()
    done = subprocess.run(
        [sys.executable, "-X", "faulthandler", "-c", _RACE, str(path)],
        capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "ok"


def test_close_closes_the_callers_and_finished_threads_connections(tmp_path: Path) -> None:
    path = tmp_path / "store.db"
    open_db(path, create=True).conn.close()
    access = StoreAccess(path)
    mine = access.db()
    theirs: list = []
    finished = threading.Thread(target=lambda: theirs.append(access.db()))
    finished.start()
    finished.join()

    access.close()

    for db in (mine, theirs[0]):
        with pytest.raises(Exception, match="closed"):
            db.execute("SELECT 1")


def test_close_leaves_a_running_workers_connection_usable_and_refuses_new_ones(tmp_path: Path) -> None:
    path = tmp_path / "store.db"
    open_db(path, create=True).conn.close()
    access = StoreAccess(path)
    got_db = threading.Event()
    closed = threading.Event()
    seen: dict = {}

    def worker() -> None:
        db = access.db()
        got_db.set()
        closed.wait(10)
        seen["row"] = db.execute("SELECT 1").fetchone()[0]  # its query still runs

    thread = threading.Thread(target=worker)
    thread.start()
    got_db.wait(10)
    access.close()
    closed.set()
    thread.join(10)

    assert seen["row"] == 1
    with pytest.raises(RuntimeError, match="closed"):
        access.db()  # the main thread never had one: nothing new after close
