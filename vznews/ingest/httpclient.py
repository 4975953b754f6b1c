"""Import httpx without its command-line extras.

When click, rich and pygments are installed, `import httpx` also imports its CLI
module and with it rich and pygments: tens of milliseconds on every sync, and
Rich inside the headless core. Hiding `httpx._main` during the import makes httpx
use its own fallback (its `main` only prints how to install the CLI).
"""

from __future__ import annotations

import sys

if "httpx" not in sys.modules:
    sys.modules["httpx._main"] = None  # type: ignore[assignment]  # "import httpx._main" now raises ImportError
    try:
        import httpx
    finally:
        if sys.modules.get("httpx._main") is None:
            del sys.modules["httpx._main"]
else:
    import httpx

__all__ = ["httpx"]
