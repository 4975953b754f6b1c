"""Snapshots of the main views at 120x40 and 80x24, on fixed data with a fixed clock.

Update after a deliberate change with `pytest tests/tui/test_snapshots.py --snapshot-update`,
then look at the SVGs in tests/tui/__snapshots__/ before committing them.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input

from tests.tui.conftest import AppFactory
from tests.tui.helpers import settle
from tests.tui.seed import Seeded, seed_empty

SIZES = [pytest.param((120, 40), id="120x40"), pytest.param((80, 24), id="80x24")]
VIEWS = {
    "articles": ("j",),
    "quotes": ("2",),
    "entities": ("3",),
    "entity_page": ("3", "enter"),
    "search": ("slash", "c", "a", "r", "a", "c", "a", "s"),
    "help": ("question_mark",),
}


def _driver(keys: tuple[str, ...]):  # type: ignore[no-untyped-def]
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await settle(pilot)
        for key in keys:
            await pilot.press(key)
            await settle(pilot)
        for box in pilot.app.screen.query(Input):
            box.cursor_blink = False  # a blinking cursor would make the picture depend on timing
        await pilot.pause(0.1)
        await settle(pilot)

    return run_before


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("view", list(VIEWS))
def test_view(view: str, size: tuple[int, int], seeded: Seeded, make_app: AppFactory, snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(make_app(seeded), terminal_size=size, run_before=_driver(VIEWS[view]))


@pytest.mark.parametrize("size", SIZES)
def test_first_run(size: tuple[int, int], tmp_path: Path, make_app: AppFactory, snap_compare, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)  # relative paths: the welcome text is the same on every machine
    seed_empty(tmp_path / "empty.db")
    app = make_app(Path("empty.db"), feeds_path=Path("feeds.toml"))
    assert snap_compare(app, terminal_size=size, run_before=_driver(()))
