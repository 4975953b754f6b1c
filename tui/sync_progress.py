"""Turning sync events into the one-line progress the explorer shows."""

from __future__ import annotations

from dataclasses import dataclass, field

from rich.text import Text

from vznews.models import FeedSynced, PhaseProgress, SyncEvent, SyncFinished, SyncStarted
from vznews.tui.textfmt import safe

PHASE_LABELS = {"fulltext": "Full text", "extract": "Extracting quotes and entities"}


@dataclass
class SyncProgress:
    """Running totals of one sync, fed event by event."""

    total: int = 0
    done: int = 0
    new: int = 0
    failed: list[str] = field(default_factory=list)
    phase: PhaseProgress | None = None
    finished: SyncFinished | None = None

    def feed(self, event: SyncEvent) -> None:
        """Account for one event."""
        if isinstance(event, SyncStarted):
            self.total = event.total
        elif isinstance(event, FeedSynced):
            self.done += 1
            self.new += event.new
            if event.outcome == "failed":
                self.failed.append(f"{safe(event.name, 60)}: {safe(event.error or 'failed', 200)}")
        elif isinstance(event, PhaseProgress):
            self.phase = event
            if event.message:
                self.failed.append(safe(event.message, 200))
        elif isinstance(event, SyncFinished):
            self.finished = event

    def line(self) -> Text:
        """The progress line: feeds done, new articles, the phase, the last failure."""
        if self.finished is not None:
            done = self.finished
            mark = "✗ Sync done: " if done.feeds_failed else "✓ Sync done: "
            text = Text.assemble(
                (mark, "bold"),
                f"{done.feeds_ok + done.feeds_unchanged + done.feeds_failed} feeds, {done.new:,} new articles",
            )
            if done.feeds_failed:
                text.append(f", {done.feeds_failed} failed", "bold red")
        else:
            text = Text.assemble(("⟳ Syncing: ", "bold"), f"{self.done}/{self.total} feeds, {self.new:,} new articles")
            if self.phase is not None:
                label = PHASE_LABELS.get(self.phase.phase, safe(self.phase.phase, 40))
                text.append(f" · {label} {self.phase.done}/{self.phase.total}")
        if self.failed:
            text.append("  ✗ " + self.failed[-1], "red")
        return text
