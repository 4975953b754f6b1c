"""The body of the sync worker: load the config, run the sync generator, post its events."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.worker import get_current_worker

from vznews.textsafe import one_line
from vznews.tui.messages import SyncFailed, SyncUpdate

# Extra keyword arguments for run_sync (tests turn the slow phases off here).
OPTIONS: dict[str, Any] = {}


def run(app: Any, feeds_path: Path, db_path: Path) -> None:
    """Run one sync in this (worker) thread, posting each event to `app`; stops early if cancelled."""
    worker = get_current_worker()
    try:
        from vznews.config import ConfigError, load_config
        from vznews.ingest.sync import run_sync
    except ImportError as exc:
        app.post_message(SyncFailed(f"sync is not available in this build ({exc})"))
        return
    try:
        config = load_config(feeds_path)
    except ConfigError as exc:
        app.post_message(SyncFailed(one_line(str(exc))))
        return
    except OSError as exc:
        app.post_message(SyncFailed(f"{feeds_path}: cannot read the feeds file ({exc.strerror or exc})"))
        return
    try:
        events = run_sync(config, db_path, **OPTIONS)
    except Exception as exc:  # noqa: BLE001 - e.g. the store cannot be opened: one line
        app.post_message(SyncFailed(one_line(str(exc))))
        return
    try:
        for event in events:
            app.post_message(SyncUpdate(event))
            if worker.is_cancelled:
                break
    except Exception as exc:  # noqa: BLE001 - the sync's own failure, shown on one line
        app.post_message(SyncFailed(one_line(str(exc) or type(exc).__name__)))
    finally:
        close = getattr(events, "close", None)
        if close is not None:
            close()
