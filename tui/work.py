"""Running store reads and writes off the UI thread and getting the answer back.

`DbWork.run_db(fn, ...)` calls `fn(db, ...)` in a thread worker with that thread's
own connection, then calls `done(result)` on the UI thread through a message. In a
`latest` group only the newest request's answer is delivered (older ones are stale).
"""

from __future__ import annotations

import time
from typing import Any, Callable

from textual.message import Message


class WorkDone(Message, bubble=False):
    """A store call finished in a worker; `callback(value)` runs on the UI thread."""

    def __init__(self, callback: Callable[[Any], None] | None, value: Any, group: str | None, token: int) -> None:
        super().__init__()
        self.callback, self.value, self.group, self.token = callback, value, group, token


class DbWork:
    """Mixin for widgets and screens that read or write the store in workers."""

    _latest_tokens: dict[str, int]

    def run_db(
        self,
        fn: Callable[..., Any],
        *args: Any,
        done: Callable[[Any], None] | None = None,
        failed: Callable[[Exception], None] | None = None,
        latest: str | None = None,
        delay: float = 0.0,
    ) -> None:
        """Call `fn(db, *args)` in a thread worker; then `done(result)` or `failed(error)` here.

        With `delay`, the worker first waits that long and gives up if a newer request
        in the same `latest` group came meanwhile (a debounce that costs the UI nothing).
        """
        tokens = self.__dict__.setdefault("_latest_tokens", {})
        token = tokens[latest] = tokens.get(latest, 0) + 1 if latest else 0
        app = self.app  # type: ignore[attr-defined]

        def work() -> None:
            if delay:
                time.sleep(delay)
                if latest and tokens.get(latest) != token:
                    return
            try:
                value = fn(app.store.db(), *args)
            except Exception as exc:  # noqa: BLE001 - reported to the UI as one line
                self.post_message(WorkDone(failed or _notify_error(app), exc, latest, token))
                return
            if done is not None:
                self.post_message(WorkDone(done, value, latest, token))

        self.run_worker(work, thread=True, group=latest or "db", exit_on_error=False)  # type: ignore[attr-defined]

    def on_work_done(self, message: WorkDone) -> None:
        message.stop()
        if message.group and self.__dict__.get("_latest_tokens", {}).get(message.group) != message.token:
            return
        if message.callback is not None:
            message.callback(message.value)


def _notify_error(app: Any) -> Callable[[Exception], None]:
    def report(error: Exception) -> None:
        app.notify(f"{type(error).__name__}: {error}", title="Store error", severity="error", markup=False)

    return report
