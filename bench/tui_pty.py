"""Drive `vznews` in a real pseudo-terminal for the TUI benchmark: send keys, time output."""

from __future__ import annotations

import fcntl
import os
import pty
import select
import struct
import subprocess
import termios
import time
from pathlib import Path


class PtyApp:
    """A process on a pty of a fixed size; output is read and timed, never interpreted."""

    def __init__(self, argv: list[str], env: dict[str, str], size: tuple[int, int] = (120, 40)) -> None:
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", size[1], size[0], 0, 0))
        self.started = time.time()
        self.proc = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, env=env, close_fds=True)
        os.close(slave)
        self.master = master

    def read(self, timeout: float) -> bytes:
        """Whatever output arrives within `timeout` seconds (b"" if none)."""
        ready, _, _ = select.select([self.master], [], [], timeout)
        if not ready:
            return b""
        try:
            return os.read(self.master, 1 << 16)
        except OSError:
            return b""

    def quiet(self, gap: float = 0.2, limit: float = 10.0) -> bytes:
        """Read until no output came for `gap` seconds."""
        data, deadline = b"", time.time() + limit
        while time.time() < deadline:
            chunk = self.read(gap)
            if not chunk:
                break
            data += chunk
        return data

    def key(self, keys: bytes, gap: float = 0.012, limit: float = 2.0) -> tuple[float | None, bytes]:
        """Send `keys`; return seconds until the end of the first burst of output (gap-separated)."""
        sent = time.perf_counter()
        os.write(self.master, keys)
        data, last = b"", None
        deadline = sent + limit
        while time.perf_counter() < deadline:
            chunk = self.read(gap if last is not None else limit)
            if not chunk:
                break
            data += chunk
            last = time.perf_counter()
        return (last - sent if last is not None else None), data

    def until(self, keys: bytes, needle: bytes, limit: float = 5.0) -> float | None:
        """Send `keys`; seconds until `needle` appears in the output."""
        sent = time.perf_counter()
        os.write(self.master, keys)
        data = b""
        while time.perf_counter() - sent < limit:
            chunk = self.read(0.05)
            data += chunk
            if needle in data:
                return time.perf_counter() - sent
        return None

    def peak_mib(self) -> float:
        """The process's peak resident memory so far (VmHWM)."""
        with open(f"/proc/{self.proc.pid}/status") as status:
            return next(int(line.split()[1]) / 1024 for line in status if line.startswith("VmHWM"))

    def close(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(5)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        os.close(self.master)


def marks(path: Path, started: float) -> dict[str, tuple[float, float, float]]:
    """bench marks written by the app: name -> (seconds since `started`, peak MiB then, CPU seconds then)."""
    found: dict[str, tuple[float, float, float]] = {}
    if path.exists():
        for line in path.read_text().splitlines():
            name, when, rss, cpu = line.split()
            found.setdefault(name, (float(when) - started, int(rss) / 1024, float(cpu)))
    return found
