"""The headless core imports neither Textual nor Rich; `vznews --help` loads neither, nor spaCy.

Modules are discovered from the source folders (no list to keep up to date) and imported
in a fresh interpreter, so what this process already imported cannot hide a leak.
"""

from __future__ import annotations

import json
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

from vznews.cli import COMMANDS

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = {"vznews": ROOT / "vznews", "vznews.store": ROOT / "store", "vznews.tui": ROOT / "tui"}

_PROBE = """
import importlib, json, sys
for name in sys.argv[1:]:
    importlib.import_module(name)
loaded = {top: any(m == top or m.startswith(top + ".") for m in sys.modules) for top in ("textual", "rich", "spacy")}
print(json.dumps(loaded))
"""


def discover(package: str, folder: Path) -> list[str]:
    """Every module under `folder` as `package.sub.module`, without importing anything."""
    names = [package]
    for info in pkgutil.iter_modules([str(folder)]):
        name = f"{package}.{info.name}"
        if info.ispkg:
            if name not in PACKAGES:  # vznews.store lives in store/, not vznews/store/
                names += discover(name, folder / info.name)
        else:
            names.append(name)
    return names


def all_modules() -> list[str]:
    return [name for package, folder in PACKAGES.items() for name in discover(package, folder)]


def loaded_after_import(*modules: str) -> dict[str, bool]:
    out = subprocess.run([sys.executable, "-c", _PROBE, *modules], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert out.returncode == 0, f"importing {modules} failed:\n{out.stderr[-2000:]}"
    return json.loads(out.stdout.strip().splitlines()[-1])


def culprits(modules: list[str], library: str) -> list[str]:
    """The modules that, imported alone, load `library` (only run when a check fails)."""
    return [name for name in modules if loaded_after_import(name)[library]]


def test_discovery_finds_the_three_rooms() -> None:
    names = all_modules()
    assert {"vznews.models", "vznews.config", "vznews.locations", "vznews.store.db", "vznews.cli"} <= set(names)
    assert "vznews.commands.search" in names and "vznews.store.search" in names


def test_headless_core_imports_neither_textual_nor_rich() -> None:
    headless = [n for n in all_modules() if not n.startswith(("vznews.tui", "vznews.commands"))]
    loaded = loaded_after_import(*headless)
    for library in ("textual", "rich"):
        assert not loaded[library], f"{library} imported by: {culprits(headless, library)}"


def test_commands_may_render_with_rich_but_never_import_textual() -> None:
    commands = [n for n in all_modules() if n.startswith("vznews.commands") and n != "vznews.commands.tui"]
    assert not loaded_after_import(*commands)["textual"], f"textual imported by: {culprits(commands, 'textual')}"


def _help_probe(*args: str) -> str:
    return (
        "import json, sys\nfrom vznews.cli import main\n"
        f"sys.argv = ['vznews', *{list(args)!r}, '--help']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(json.dumps({top: any(m == top or m.startswith(top + '.') for m in sys.modules)"
        " for top in ('textual', 'rich', 'spacy')}))\n"
    )


def _run_help(*args: str) -> dict[str, bool]:
    out = subprocess.run([sys.executable, "-c", _help_probe(*args)], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    assert "Usage: vznews" in out.stdout
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_root_help_is_light() -> None:
    assert _run_help() == {"textual": False, "rich": False, "spacy": False}


@pytest.mark.parametrize("command", [name for name in COMMANDS if name != "tui"])
def test_subcommand_help_loads_neither_textual_nor_spacy(command: str) -> None:
    module = COMMANDS[command][0].split(":")[0]
    if not (ROOT / (module.replace(".", "/") + ".py")).exists():
        pytest.skip(f"{module} is not written yet")
    loaded = _run_help(command)
    assert not loaded["textual"] and not loaded["spacy"], f"`vznews {command} --help` loaded {loaded}"


_STORE_PROBE = """
import json, sys
from vznews.store.db import open_db
before = "numpy" in sys.modules
db = open_db(sys.argv[1], create=True)
db["probe"].insert({"n": 1})
import numpy  # still importable for whoever needs it (spaCy)
print(json.dumps({"numpy_before": before, "rows": db["probe"].count, "numpy_after": "numpy" in sys.modules}))
"""


def test_opening_the_store_does_not_import_numpy(tmp_path: Path) -> None:
    out = subprocess.run([sys.executable, "-c", _STORE_PROBE, str(tmp_path / "s.db")],
                         capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    assert json.loads(out.stdout) == {"numpy_before": False, "rows": 1, "numpy_after": True}
