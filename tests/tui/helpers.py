"""Helpers for driving the explorer in Pilot tests."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from textual.pilot import Pilot


async def settle(pilot: Pilot, rounds: int = 8) -> None:
    """Wait until no worker is running and the message queues are drained (workers start workers)."""
    app = pilot.app
    for _ in range(rounds):
        await app.workers.wait_for_complete()
        await pilot.pause()
        if not any(worker.is_running for worker in app.workers):
            await pilot.pause()
            if not any(worker.is_running for worker in app.workers):
                return


async def press(pilot: Pilot, *keys: str) -> None:
    """Press keys, letting workers finish after each one."""
    for key in keys:
        await pilot.press(key)
        await settle(pilot)


def row(db: Path, sql: str, *params: Any) -> tuple:
    """One row straight from the store (independent of the read API)."""
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql, params).fetchone()
    finally:
        conn.close()


def screen_text(app: Any) -> str:
    """Everything visible on the app's current screen, as plain text lines."""
    strips = app.screen._compositor.render_strips()
    return "\n".join(strip.text for strip in strips)
