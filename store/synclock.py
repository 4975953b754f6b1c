"""One sync at a time per store: an exclusive lock on a file next to the database.

    with sync_lock(db_path):        # raises SyncBusy if another sync holds it
        ...fetch and write...

The lock is `fcntl.flock` on `<db>.sync-lock`, so the operating system releases it
whenever its holder ends, even by `kill -9`: a crashed sync never leaves a stale
lock behind. The file itself stays (removing it would race with the next sync)
and holds the holder's process id, for the message. SQLite alone keeps the store
sound under two writers; the lock keeps two syncs from doing the same work twice
and from racing to create the same feed rows.
"""

from __future__ import annotations

import os
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

try:
    import fcntl
except ImportError:  # Windows: no flock; SQLite's own locking still keeps the store sound
    fcntl = None  # type: ignore[assignment]


class SyncBusy(Exception):
    """Another sync is running on this store; the message is one line saying so."""


def lock_path(db_path: Path | str) -> Path:
    """Where the sync lock of the store at `db_path` lives."""
    return Path(f"{db_path}.sync-lock")


@contextmanager
def sync_lock(db_path: Path | str, *, wait: float = 0.0) -> Iterator[None]:
    """Hold the store's sync lock while the block runs.

    Waits up to `wait` seconds for another sync to finish, then raises SyncBusy
    naming its process. Where no lock file can be made (a read-only directory,
    no flock), the block runs unlocked: the store itself stays sound.
    """
    path = lock_path(db_path)
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644) if fcntl is not None else -1
    except OSError:
        fd = -1
    if fd < 0:
        yield
        return
    try:
        give_up = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= give_up:
                    holder = _holder(fd)
                    raise SyncBusy(f"another vznews sync{holder} is already running on {db_path}; "
                                   "wait for it to finish") from None
                time.sleep(0.1)
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode(), 0)
        try:
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def _holder(fd: int) -> str:
    try:
        pid = os.pread(fd, 32, 0).decode("ascii").strip()
    except (OSError, UnicodeDecodeError):
        return ""
    return f" (process {pid})" if pid.isdigit() else ""


def running_sync(db_path: Path | str) -> str | None:
    """"process N" (or "a process") when a sync holds the store's lock right now, else None.
    Only looks: never creates the lock file, never blocks."""
    if fcntl is None:
        return None
    try:
        fd = os.open(lock_path(db_path), os.O_RDONLY)
    except OSError:
        return None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            return _holder(fd).strip(" ()") or "a process"
        fcntl.flock(fd, fcntl.LOCK_UN)
        return None
    finally:
        os.close(fd)
