"""Notice another process changing the store (a `vznews sync` in a terminal, a cron job)
and reload the views, so new articles appear without a key press.

Every couple of seconds a thread worker reads a cheap signature of the store (the
newest article, quote and entity ids and the finished syncs: indexed lookups, no
table scan); when it differs from the last one the app reloads its views the way
its own sync does. User-state changes (read, starred) leave it alone.
"""

from __future__ import annotations

from typing import Any

WATCH_INTERVAL = 2.0  # seconds

_SIGNATURE = (
    "SELECT (SELECT max(id) FROM articles), (SELECT max(id) FROM quotes), (SELECT max(id) FROM entities),"
    " (SELECT max(id) FROM sync_runs WHERE finished IS NOT NULL)"
)


def store_signature(db: Any) -> tuple[Any, ...]:
    """What changes when a sync or an extraction anywhere has stored something."""
    return tuple(db.execute(_SIGNATURE).fetchone())


def watch_store(app: Any, interval: float = WATCH_INTERVAL) -> None:
    """Start watching `app.store` (an app with `store`, `store_status` and `_schedule_reload`)."""
    last: list[tuple[Any, ...] | None] = [None]

    def seen(signature: tuple[Any, ...]) -> None:
        if last[0] is not None and signature != last[0]:
            app._schedule_reload()
        last[0] = signature

    def read() -> None:
        try:
            signature = store_signature(app.store.db())
        except Exception:  # noqa: BLE001 - a closing app or a busy store: try again next time
            return
        app.call_from_thread(seen, signature)

    def tick() -> None:
        if app.store_status == "ready":
            app.run_worker(read, thread=True, group="store-watch", exclusive=True, exit_on_error=False)

    def status(value: str) -> None:
        if value == "ready":  # the baseline, read as the views first load (not a tick later)
            tick()

    app.watch(app, "store_status", status, init=True)
    app.set_interval(interval, tick)
