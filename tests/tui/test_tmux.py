"""End to end in a real terminal: `vznews` in a detached tmux session of fixed size,
keys sent with send-keys, the screen read back with capture-pane."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path
from typing import Callable, Iterator

import pytest

from tests.tui.seed import seed_store

pytestmark = [pytest.mark.tmux, pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")]
VZNEWS = Path(sys.executable).with_name("vznews")


class Terminal:
    """One tmux session running a command; `screen()` is what a user would see."""

    def __init__(self, command: list[str], env: dict[str, str], size: tuple[int, int]) -> None:
        self.name = f"vznews-test-{uuid.uuid4().hex[:8]}"
        self.socket = ["-L", self.name]  # a private tmux server: nothing shared with the user's
        shell = " ".join(_quote(part) for part in command)
        exports = " ".join(f"{key}={_quote(value)}" for key, value in env.items())
        subprocess.run(
            ["tmux", *self.socket, "-f", "/dev/null", "new-session", "-d", "-s", self.name, "-x", str(size[0]), "-y", str(size[1]),
             f"env -u COLUMNS -u LINES {exports} {shell}; sleep 30"],
            check=True,
        )
        # A detached session may start at tmux's default size: set the one asked for.
        subprocess.run(["tmux", *self.socket, "resize-window", "-t", self.name, "-x", str(size[0]), "-y", str(size[1])], check=True)

    def screen(self) -> str:
        result = subprocess.run(["tmux", *self.socket, "capture-pane", "-p", "-t", self.name], capture_output=True, text=True)
        return result.stdout

    def keys(self, *keys: str) -> None:
        for key in keys:
            subprocess.run(["tmux", *self.socket, "send-keys", "-t", self.name, key], check=True)
            time.sleep(0.15)

    def wait_for(self, predicate: Callable[[str], bool], timeout: float = 20.0) -> str:
        deadline = time.monotonic() + timeout
        while True:
            screen = self.screen()
            if predicate(screen):
                return screen
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out; the screen was:\n{screen}")
            time.sleep(0.1)

    def close(self) -> None:
        subprocess.run(["tmux", *self.socket, "kill-server"], capture_output=True)


def _quote(text: str) -> str:
    return "'" + text.replace("'", "'\\''") + "'"


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Callable[..., Terminal]]:
    opened: list[Terminal] = []
    home = tmp_path / "home"
    env = {
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"),
        "TERM": "xterm-256color",
        "PATH": os.environ.get("PATH", ""),
        "TZ": "UTC",
    }

    def start(*args: str, size: tuple[int, int] = (120, 40)) -> Terminal:
        term = Terminal([str(VZNEWS), *args], env, size)
        opened.append(term)
        return term

    yield start
    for term in opened:
        term.close()


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled sample synced by `vznews demo --no-open` (offline), once for this module."""
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    result = subprocess.run([str(VZNEWS), "demo", "--no-open", "--db", str(path)], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    return path


def test_demo_store_browse_read_quotes_entities_search_quit(terminal, demo_db: Path) -> None:  # type: ignore[no-untyped-def]
    term = terminal("--db", str(demo_db))
    screen = term.wait_for(lambda s: "Articles: All (40)" in s and "Quotes in this article" in s)
    assert "Sources" in screen and "Unread" in screen and "Reader" in screen
    term.keys("j", "Enter")
    screen = term.wait_for(lambda s: "Unread" in s and " 39" in s)  # opening marked it read
    term.keys("2")
    screen = term.wait_for(lambda s: "Quotes (" in s and "Speaker" in s)
    term.keys("3")
    screen = term.wait_for(lambda s: "by articles" in s)
    term.keys("Enter")
    screen = term.wait_for(lambda s: "Appears with" in s and "mentions per day" in s)
    term.keys("Escape", "/")
    term.wait_for(lambda s: "Search articles, quotes and entities" in s)
    term.keys("V", "a", "l", "d", "o", "r", "i", "a")
    screen = term.wait_for(lambda s: "Articles (" in s and "Entities (" in s)
    term.keys("Escape", "?")
    term.wait_for(lambda s: "Everywhere" in s and "ctrl+p" in s)
    term.keys("Escape", "q")
    term.wait_for(lambda s: "Articles:" not in s, timeout=10)


def test_seeded_store_keys_in_a_small_terminal(terminal, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    seeded = seed_store(tmp_path / "seeded.db")
    term = terminal("--db", str(seeded.path), size=(80, 24))
    term.wait_for(lambda s: "Articles: All (30)" in s)
    term.keys("u")
    term.wait_for(lambda s: "Articles: All (20) · unread only" in s)
    term.keys("n")
    screen = term.wait_for(lambda s: re.search(r"Unread +19 ", s) is not None)  # next unread opened and marked read
    term.keys("s", "Enter")
    screen = term.wait_for(lambda s: "Quotes in this article (2)" in s and "esc Back" in s)  # narrow: the article's page
    assert "read, starred" in screen
    term.keys("Escape", "q")
    term.wait_for(lambda s: "Articles:" not in s, timeout=10)


def test_broken_store_gives_one_clear_line(terminal, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    broken = tmp_path / "broken.db"
    broken.write_text("not a database")
    term = terminal("--db", str(broken))
    screen = term.wait_for(lambda s: "vznews: error:" in s)
    assert f"{broken}: not a vznews database" in screen.replace("\n", "")
