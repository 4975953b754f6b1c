"""The sync itself, run in a child process so the explorer's process stays light and
responsive: fetching, parsing and extraction (spaCy) never compete with the UI for
the interpreter lock, and the model is never loaded into the explorer.

    python -m vznews.tui.sync_child FEEDS_FILE DB_FILE OPTIONS_JSON

writes length-prefixed pickles of ("event", SyncEvent), ("failed", one line) and
("done", None) to its standard output. Nothing here imports Textual.
"""

from __future__ import annotations

import json
import os
import pickle
import struct
import sys
from pathlib import Path
from typing import Any, BinaryIO, Iterator

from vznews.textsafe import one_line

Item = tuple[str, Any]
HEADER = struct.Struct(">I")


def sync_events(feeds_path: Path, db_path: Path, options: dict[str, Any]) -> Iterator[Item]:
    """Load the feeds file and run the sync, as ("event"|"failed"|"done", payload) items."""
    try:
        from vznews.config import ConfigError, load_config
        from vznews.ingest.sync import run_sync
    except ImportError as exc:
        yield "failed", f"sync is not available in this build ({exc})"
        return
    try:
        config = load_config(feeds_path)
    except ConfigError as exc:
        yield "failed", one_line(str(exc))
        return
    except OSError as exc:
        yield "failed", f"{feeds_path}: cannot read the feeds file ({exc.strerror or exc})"
        return
    try:
        for event in run_sync(config, db_path, **options):
            yield "event", event
    except Exception as exc:  # noqa: BLE001 - the sync's own failure (a StoreError...), one line
        yield "failed", one_line(str(exc) or type(exc).__name__)
        return
    yield "done", None


def write_item(channel: BinaryIO, item: Item) -> None:
    """One framed item on the channel."""
    data = pickle.dumps(item)
    channel.write(HEADER.pack(len(data)) + data)
    channel.flush()


def main(argv: list[str]) -> int:
    """Run the sync named by `argv`; stray output from libraries goes nowhere."""
    channel = os.fdopen(os.dup(1), "wb")
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.dup2(devnull, 2)
    feeds_path, db_path, options = Path(argv[0]), Path(argv[1]), json.loads(argv[2])
    for item in sync_events(feeds_path, db_path, options):
        write_item(channel, item)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
