"""The body of the sync worker: start the sync process, relay its events to the app.

The worker thread only reads a pipe; the sync runs in a child process
(`python -m vznews.tui.sync_child`). `IN_PROCESS` runs it in this thread instead
(tests use it to fake the sync with monkeypatch, which a child would not see).
"""

from __future__ import annotations

import json
import os
import pickle
import select
import subprocess
import sys
from pathlib import Path
from typing import Any, Iterator

from textual.worker import get_current_worker

from vznews.tui.messages import SyncFailed, SyncUpdate
from vznews.tui.sync_child import HEADER, Item, sync_events

# Extra keyword arguments for run_sync (tests turn the slow phases off here).
OPTIONS: dict[str, Any] = {}
IN_PROCESS = False


def _deliver(app: Any, item: Item) -> bool:
    """Post one item to the app; True when the sync is over."""
    kind, payload = item
    if kind == "event":
        app.post_message(SyncUpdate(payload))
        return False
    if kind == "failed":
        app.post_message(SyncFailed(payload))
    return True


def _items(fd: int, cancelled: Any) -> Iterator[Item]:
    """Framed items from the child's pipe until it closes (checking `cancelled` between reads)."""
    buffer = b""
    while not cancelled():
        ready, _, _ = select.select([fd], [], [], 0.2)
        if not ready:
            continue
        chunk = os.read(fd, 1 << 16)
        if not chunk:
            return
        buffer += chunk
        while len(buffer) >= HEADER.size:
            (size,) = HEADER.unpack_from(buffer)
            if len(buffer) < HEADER.size + size:
                break
            yield pickle.loads(buffer[HEADER.size : HEADER.size + size])  # our own child's output
            buffer = buffer[HEADER.size + size :]


def run(app: Any, feeds_path: Path, db_path: Path) -> None:
    """Run one sync, posting each event to `app`; stops (and ends the child) if cancelled."""
    worker = get_current_worker()
    if IN_PROCESS:
        for item in sync_events(feeds_path, db_path, OPTIONS):
            if _deliver(app, item) or worker.is_cancelled:
                return
        return
    command = [sys.executable, "-m", "vznews.tui.sync_child", str(feeds_path), str(db_path), json.dumps(OPTIONS)]
    # Its own session: the terminal's signals and the screen belong to the explorer.
    child = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, start_new_session=True)
    assert child.stdout is not None
    try:
        for item in _items(child.stdout.fileno(), lambda: worker.is_cancelled):
            if _deliver(app, item):
                return
        if not worker.is_cancelled:
            code = child.wait(timeout=5)
            app.post_message(SyncFailed(f"the sync stopped unexpectedly (exit code {code})"))
    finally:
        if child.poll() is None:
            child.terminate()
        try:
            child.wait(timeout=5)
        except subprocess.TimeoutExpired:
            child.kill()
        child.stdout.close()
