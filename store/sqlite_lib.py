"""sqlite-utils, imported without numpy and pandas.

sqlite-utils imports numpy and pandas when they are installed (spaCy brings numpy)
only to map their scalar types to column types, which the store never inserts.
That import costs 60-90 ms on every command and in the explorer's first store
worker. Hiding both during the import makes sqlite-utils use its plain-Python
path; once it is loaded, numpy imports normally for whoever needs it (spaCy).
"""

from __future__ import annotations

import sys

_HIDDEN = ("numpy", "pandas")

if "sqlite_utils" not in sys.modules:
    hidden = [name for name in _HIDDEN if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]  # "import numpy" now raises ImportError
    try:
        from sqlite_utils import Database, Migrations
    finally:
        for name in hidden:
            if sys.modules.get(name) is None:
                del sys.modules[name]
else:
    from sqlite_utils import Database, Migrations

__all__ = ["Database", "Migrations"]
