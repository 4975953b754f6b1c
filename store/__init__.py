"""vznews.store: the SQLite store (sqlite-utils only; no network, no UI)."""

from __future__ import annotations

from typing import Any

__all__ = ["StoreError", "open_db"]


def __getattr__(name: str) -> Any:
    # Lazy, so importing a light submodule (records, queries) does not load sqlite-utils
    # (and numpy through it): the explorer paints its first frame before that import.
    if name in __all__:
        from vznews.store import db

        return getattr(db, name)
    raise AttributeError(f"module 'vznews.store' has no attribute {name!r}")
