"""Store access for workers: one SQLite connection per thread, opened on first use.

Textual runs thread workers on a shared thread pool, so each pool thread keeps its
own connection for the life of the app; `close()` closes them all on exit.
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
        self._opened: list[Any] = []
        self._closed = False

    def open(self) -> None:
        """Create or migrate the store (first worker only); raises StoreError with a one-line message."""
        from vznews.store.db import open_db

        db = open_db(self.path, create=True, create_parent=True)
        with self._lock:
            self._opened.append(db)
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
                self._opened.append(db)
            self._local.db = db
        return db

    def close(self) -> None:
        """Close every connection handed out (at app exit)."""
        with self._lock:
            self._closed = True
            opened, self._opened = self._opened, []
        for db in opened:
            try:
                db.conn.close()
            except Exception:  # noqa: BLE001 - closing at exit; nothing useful to report
                pass
