"""Sync from the explorer (r): the thread worker, the progress line, and reloading the
views as new articles arrive (at most once a second), keeping their selection."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import work

from vznews.tui.messages import SyncFailed, SyncUpdate
from vznews.tui.sync_progress import SyncProgress


class SyncControl:
    """The app's sync behaviour (mixed into the App: uses its reactives and timers)."""

    progress: SyncProgress | None
    sync_status: Any
    data_version: int
    store_status: str

    def action_sync(self) -> None:
        """Run a sync in a thread worker; progress shows in the sync line."""
        if self.store_status != "ready":
            return
        if self.progress is not None and self.progress.finished is None:
            self.notify("A sync is already running", markup=False, timeout=2)
            return
        self.progress = SyncProgress()
        self.sync_status = Text("⟳ Syncing: reading " + str(self.feeds_path))
        self.sync_worker()

    @work(thread=True, group="sync", exit_on_error=False)
    def sync_worker(self) -> None:
        from vznews.tui.sync_runner import run

        run(self, self.feeds_path, self.db_path)

    def on_sync_update(self, message: SyncUpdate) -> None:
        from vznews.models import FeedSynced, SyncFinished

        progress = self.progress
        if progress is None:
            return
        progress.feed(message.event)
        self.sync_status = progress.line()
        event = message.event
        if isinstance(event, FeedSynced) and event.outcome == "failed":
            self.notify(progress.failed[-1], title="Feed failed", severity="error", markup=False, timeout=6)
        if isinstance(event, FeedSynced) and (event.new or event.updated):
            self._schedule_reload()
        if isinstance(event, SyncFinished):
            self.data_version += 1
            self.set_timer(8, self._clear_sync_line)

    def on_sync_failed(self, message: SyncFailed) -> None:
        """The sync could not run at all (bad config, broken store): say so on one line."""
        error = message.error
        self.progress = None
        self.sync_status = Text.assemble(("✗ Sync failed: ", "bold red"), error)
        self.notify(error, title="Sync failed", severity="error", markup=False, timeout=8)
        self.set_timer(12, self._clear_sync_line)

    def _schedule_reload(self) -> None:
        # New articles show up while the sync runs, at most once a second.
        if not getattr(self, "_reload_pending", False):
            self._reload_pending = True
            self.set_timer(1.0, self._reload_now)

    def _reload_now(self) -> None:
        self._reload_pending = False
        self.data_version += 1

    def _clear_sync_line(self) -> None:
        if self.progress is None or self.progress.finished is not None:
            self.progress = None
            self.sync_status = None
