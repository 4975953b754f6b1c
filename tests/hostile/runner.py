"""Run the real `vznews` command in a child process and measure what it cost.

    run = run_vznews("sync", "--feeds", str(toml), "--db", str(db), timeout=30)
    run.code, run.stdout, run.stderr, run.seconds, run.peak_mib

The peak RSS is the child's own high-water mark (VmHWM of its address space,
written at exit by a two-line boot that then calls the console script's
`vznews.cli:main`). getrusage/wait4 cannot give it: a child's ru_maxrss starts at
the RSS of the pytest process it was forked from. A child that outlives
`timeout` is killed and the test fails: that is the time bound every hostile
case states.
"""

from __future__ import annotations

import ctypes
import os
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

VZNEWS = Path(sys.executable).parent / "vznews"
# `vznews ARGS`, through the console script's entry point, reporting VmHWM to the file in $PEAK_FILE at exit.
_BOOT = (
    "import atexit, os, sys\n"
    "def _peak():\n"
    "    with open('/proc/self/status') as status, open(os.environ['PEAK_FILE'], 'w') as out:\n"
    "        out.write(next(l.split()[1] for l in status if l.startswith('VmHWM:')))\n"
    "atexit.register(_peak)\n"
    "sys.argv[0] = 'vznews'\n"
    "from vznews.cli import main\n"
    "main()\n"
)
_PR_CAPBSET_DROP = 24
_CAP_DAC_OVERRIDE, _CAP_DAC_READ_SEARCH = 1, 2


@dataclass(frozen=True)
class Run:
    """What one `vznews` child process did."""

    args: tuple[str, ...]
    code: int
    stdout: str
    stderr: str
    seconds: float
    peak_mib: float

    @property
    def output(self) -> str:
        return self.stdout + self.stderr

    def __str__(self) -> str:  # shown by pytest when an assertion about a run fails
        return (f"vznews {' '.join(self.args)} -> exit {self.code} in {self.seconds:.1f} s, "
                f"{self.peak_mib:.0f} MiB\n--- stdout\n{self.stdout}\n--- stderr\n{self.stderr}")


def start_vznews(*args: str, env: dict[str, str] | None = None, cwd: Path | None = None,
                 unprivileged: bool = False, stdout: int | None = None) -> subprocess.Popen:
    """Start `vznews ARGS` without waiting (for kill -9 and concurrency tests)."""
    return subprocess.Popen([str(VZNEWS), *args], env=_env(env), cwd=cwd, stdin=subprocess.DEVNULL,
                            stdout=stdout if stdout is not None else subprocess.DEVNULL,
                            stderr=subprocess.STDOUT if stdout is not None else subprocess.DEVNULL,
                            preexec_fn=drop_file_privileges if unprivileged else None, start_new_session=True)


def run_vznews(*args: str, timeout: float = 60, env: dict[str, str] | None = None, cwd: Path | None = None,
               unprivileged: bool = False) -> Run:
    """Run `vznews ARGS` to completion; fail the test if it takes longer than `timeout` s."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, \
            tempfile.NamedTemporaryFile("r", suffix=".peak") as peak:
        started = time.monotonic()
        measured = Path("/proc/self/status").exists()
        command = [sys.executable, "-c", _BOOT, *args] if measured else [str(VZNEWS), *args]
        proc = subprocess.Popen(command, env={**_env(env), "PEAK_FILE": peak.name}, cwd=cwd,
                                stdin=subprocess.DEVNULL, stdout=out, stderr=err, start_new_session=True,
                                preexec_fn=drop_file_privileges if unprivileged else None)
        status, usage = _wait(proc, started + timeout)
        seconds = time.monotonic() - started
        if status is None:
            os.killpg(proc.pid, signal.SIGKILL)
            _, status, usage = os.wait4(proc.pid, 0)
            proc.returncode = os.waitstatus_to_exitcode(status)
            out.seek(0)
            pytest.fail(f"vznews {' '.join(args)} still running after {timeout:g} s; output so far:\n"
                        + out.read().decode(errors="replace")[-2000:])
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        reported = peak.read().strip() if measured else ""
        peak_kib = int(reported) if reported.isdigit() else usage.ru_maxrss
        return Run(tuple(args), proc.returncode, out.read().decode("utf-8", errors="replace"),
                   err.read().decode("utf-8", errors="replace"), seconds, peak_kib / 1024)


def _wait(proc: subprocess.Popen, deadline: float) -> tuple[int | None, "os.struct_rusage | None"]:  # type: ignore[name-defined]
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            return status, usage
        if time.monotonic() > deadline:
            return None, None
        time.sleep(0.01)


def _env(extra: dict[str, str] | None) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("COLUMNS", None)
    env.update({"PYTHONUNBUFFERED": "1", "NO_COLOR": "", "TERM": "dumb"})
    if extra:
        env.update(extra)
    return env


def drop_file_privileges() -> None:
    """In the child, before exec: a root process loses the right to ignore file permissions,
    so a read-only directory or an unreadable file behaves for it as for any user."""
    if os.getuid() != 0:
        return
    libc = ctypes.CDLL(None, use_errno=True)
    for cap in (_CAP_DAC_OVERRIDE, _CAP_DAC_READ_SEARCH):
        if libc.prctl(_PR_CAPBSET_DROP, cap, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "cannot drop file privileges")


def permissions_apply() -> bool:
    """Whether an unprivileged child honours file permissions here (false in odd containers)."""
    with tempfile.TemporaryDirectory() as tmp:
        locked = Path(tmp) / "locked"
        locked.mkdir(mode=0o500)
        try:
            code = subprocess.run(["sh", "-c", f"touch '{locked}/x' 2>/dev/null"],
                                  preexec_fn=drop_file_privileges).returncode
        except (OSError, subprocess.SubprocessError):
            return False
        finally:
            locked.chmod(0o700)
        return code != 0


def integrity(db: Path) -> str:
    """PRAGMA integrity_check of the store at `db` ("ok" when sound)."""
    import sqlite3

    conn = sqlite3.connect(db)
    try:
        return "; ".join(row[0] for row in conn.execute("PRAGMA integrity_check"))
    finally:
        conn.close()



def run_in_terminal(*args: str, columns: int = 200, rows: int = 50, timeout: float = 30,
                    env: dict[str, str] | None = None) -> tuple[int, bytes]:
    """Run `vznews ARGS` with a pseudo-terminal as stdout and stderr (so it renders with rich,
    colours and all); returns its exit code and every byte it wrote."""
    import fcntl
    import pty
    import select
    import struct
    import termios

    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
    terminal_env = {"TERM": "xterm-256color", "COLUMNS": str(columns), "LINES": str(rows), "NO_COLOR": "",
                    "FORCE_COLOR": "1", **(env or {})}
    full_env = _env(terminal_env)
    full_env.pop("NO_COLOR", None)
    proc = subprocess.Popen([str(VZNEWS), *args], env=full_env, stdin=slave, stdout=slave, stderr=slave,
                            start_new_session=True)
    os.close(slave)
    chunks: list[bytes] = []
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([master], [], [], 0.1)
            if ready:
                try:
                    data = os.read(master, 65536)
                except OSError:  # EIO: the child closed the terminal
                    break
                if not data:
                    break
                chunks.append(data)
            elif proc.poll() is not None:
                break
        else:
            os.killpg(proc.pid, signal.SIGKILL)
            pytest.fail(f"vznews {' '.join(args)} still running after {timeout:g} s on a terminal")
        return proc.wait(timeout=10), b"".join(chunks)
    finally:
        os.close(master)


def run_many(commands: list[tuple[str, ...]], *, parallel: int = 4, **kwargs: object) -> list[Run]:
    """Run several `vznews` commands at once (their startup dominates; this keeps the suite fast)."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=parallel) as pool:
        return list(pool.map(lambda args: run_vznews(*args, **kwargs), commands))  # type: ignore[arg-type]
