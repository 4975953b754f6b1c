"""The first-run note an empty store shows instead of blank panes."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text


def welcome_text(db_path: Path, feeds_path: Path, created: bool) -> Text:
    """Where the store and the feeds file are, and what to press: r to sync, or `vznews demo`."""
    return Text.assemble(
        ("Welcome to vznews.\n\n", "bold"),
        "The store is empty: ",
        (str(db_path), "bold"),
        " (new)\n" if created else "\n",
        "Feeds file in use: ",
        (str(feeds_path), "bold"),
        "\n\n",
        ("Press r", "bold"),
        " to sync those feeds now (progress shows at the bottom).\n",
        "Or quit with ",
        ("q", "bold"),
        " and run ",
        ("vznews demo", "bold"),
        " to explore the bundled sample offline.\n\n",
        "Edit the feeds file to follow other sources; ",
        ("?", "bold"),
        " lists every key.",
    )
