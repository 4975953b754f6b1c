"""Store access for workers: one SQLite connection per thread, opened on first use.

Textual runs thread workers on a shared thread pool, so each pool thread keeps its
own connection for the life of the app. A connection is only ever closed by the
thread that uses it (or once that thread has ended): closing it from another
thread while a query runs on it crashes the interpreter inside sqlite3.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any


class StoreAccess:
    """Hands each worker thread its own connection to the store at `path`."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._local = threading.local()
        self._lock = threading.Lock()
        self._opened: list[tuple[threading.Thread, Any]] = []  # (owner thread, connection)
        self._closed = False

    def open(self) -> None:
        """Create or migrate the store (first worker only); raises StoreError with a one-line message."""
        from vznews.store.db import open_db

        db = open_db(self.path, create=True, create_parent=True)
        with self._lock:
            self._opened.append((threading.current_thread(), db))
        self._local.db = db

    def db(self) -> Any:
        """This thread's connection (a sqlite_utils Database); never share it with another thread."""
        db = getattr(self._local, "db", None)
        if db is None:
            from vznews.store.db import connect

            db = connect(self.path)
            with self._lock:
                if self._closed:
                    raise RuntimeError("the store is closed")
                self._opened.append((threading.current_thread(), db))
            self._local.db = db
        return db

    def close(self) -> None:
        """Close, at app exit, every connection no other live thread may still be using.

        A worker thread still running keeps its connection until its query ends and the
        thread goes: its thread-local reference is then the last one, and dropping it
        closes the connection in no other thread's way. No new connection is handed out.
        """
        current = threading.current_thread()
        with self._lock:
            self._closed = True
            opened, self._opened = self._opened, []
        for owner, db in opened:
            if owner is not current and owner.is_alive():
                continue
            try:
                db.conn.close()
            except Exception:  # noqa: BLE001 - closing at exit; nothing useful to report
                pass
