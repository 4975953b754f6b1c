"""What the explorer remembers between runs: last view, unread-only toggle, theme.

A small JSON file (`locations.state_path()`); a missing or damaged file means defaults.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

VIEWS = ("articles", "quotes", "entities")


@dataclass(frozen=True)
class TuiState:
    """The remembered settings, with defaults for a first run."""

    view: str = "articles"
    unread_only: bool = False
    theme: str | None = None


def load_state(path: Path) -> TuiState:
    """Read the state file; anything missing or unreadable falls back to the default."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return TuiState()
    if not isinstance(data, dict):
        return TuiState()
    view = data.get("view")
    theme = data.get("theme")
    return TuiState(
        view=view if view in VIEWS else "articles",
        unread_only=data.get("unread_only") is True,
        theme=theme if isinstance(theme, str) and theme else None,
    )


def save_state(path: Path, state: TuiState) -> None:
    """Write the state file atomically (best effort: a read-only home just forgets)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(".tmp")
        temporary.write_text(json.dumps(asdict(state), indent=2) + "\n", encoding="utf-8")
        os.replace(temporary, path)
    except OSError:
        pass
