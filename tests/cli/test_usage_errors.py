"""Usage errors (a bad option value, an unknown option or command, a missing argument)
are one line on stderr naming the command and the problem, with exit code 2."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from vznews.cli import cli


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (["sync", "--feeds", "{tmp}"], "vznews: error: sync: invalid value for '--feeds': File '{tmp}' is a directory"
                                       " (see 'vznews sync --help')"),
        (["--db", "{tmp}", "sync"], "vznews: error: invalid value for '--db': File '{tmp}' is a directory"
                                    " (see 'vznews --help')"),
        (["sync", "--bogus"], "vznews: error: sync: no such option '--bogus' (see 'vznews sync --help')"),
        (["bogus"], "vznews: error: no such command 'bogus' (see 'vznews --help')"),
        (["search"], "vznews: error: search: missing argument 'QUERY...' (see 'vznews search --help')"),
        (["sync", "--workers", "0"], "vznews: error: sync: invalid value for '--workers': 0 is not in the range"
                                     " 1<=x<=64 (see 'vznews sync --help')"),
    ],
)
def test_a_usage_error_is_one_line_with_exit_2(tmp_path: Path, args: list[str], line: str) -> None:
    result = CliRunner().invoke(cli, [a.format(tmp=tmp_path) for a in args], prog_name="vznews")
    assert result.exit_code == 2
    assert result.stderr == line.format(tmp=tmp_path) + "\n"
    assert result.stdout == ""


def test_help_and_version_still_exit_0() -> None:
    runner = CliRunner()
    assert runner.invoke(cli, ["--help"], prog_name="vznews").exit_code == 0
    assert runner.invoke(cli, ["sync", "--help"], prog_name="vznews").exit_code == 0
    version = runner.invoke(cli, ["--version"], prog_name="vznews")
    assert version.exit_code == 0 and "version" in version.stdout


def test_the_installed_command_prints_the_same_line(tmp_path: Path) -> None:
    vznews = Path(sys.executable).with_name("vznews")  # the console script beside this interpreter
    done = subprocess.run([str(vznews), "sync", "--feeds", str(tmp_path)],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        f"vznews: error: sync: invalid value for '--feeds': File '{tmp_path}' is a directory (see 'vznews sync --help')"
    ]


def test_a_command_failure_keeps_its_own_exit_code(tmp_path: Path) -> None:
    broken = tmp_path / "feeds.toml"
    broken.write_text("[[feeds]\n")
    result = CliRunner().invoke(cli, ["sync", "--feeds", str(broken), "--db", str(tmp_path / "s.db")], prog_name="vznews")
    assert result.exit_code == 2 and result.stderr.startswith(f"vznews: error: {broken}:1:")
