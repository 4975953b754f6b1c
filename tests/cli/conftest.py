"""Run the `vznews` command in-process and read its stdout, stderr and exit code."""

from __future__ import annotations

from typing import Callable

import pytest
from click.testing import CliRunner, Result

from vznews.cli import cli


@pytest.fixture
def run() -> Callable[..., Result]:
    """`run("feeds", "--json")` -> click Result (stdout, stderr, exit_code), never raising."""

    def invoke(*args: str, input: str | bytes | None = None) -> Result:
        return CliRunner().invoke(cli, list(args), input=input, prog_name="vznews", catch_exceptions=False)

    return invoke
