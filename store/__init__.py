"""vznews.store: the SQLite store (sqlite-utils only; no network, no UI)."""

from vznews.store.db import StoreError, open_db

__all__ = ["StoreError", "open_db"]
