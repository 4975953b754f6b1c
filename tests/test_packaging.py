"""The wheel carries every module, the TUI stylesheet, the sample, and the real feeds.toml.

Builds offline (`pip wheel --no-build-isolation --no-index`) from a copy of the source,
then installs the wheel into a scratch folder and imports it from there.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ("pyproject.toml", "README.md", "feeds.toml", "vznews", "store", "tui")
# source folder -> where it lands in the wheel
LAYOUT = {"vznews": "vznews", "store": "vznews/store", "tui": "vznews/tui"}

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def src(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A snapshot of the sources (others may be adding files while the tests run)."""
    src = tmp_path_factory.mktemp("build") / "src"
    src.mkdir()
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info")
    for name in SOURCES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, src / name, symlinks=True, ignore=ignore)
        elif source.exists():
            shutil.copy2(source, src / name)
    return src


@pytest.fixture(scope="module")
def wheel(src: Path) -> Path:
    work = src.parent
    out = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index", "-q",
         "-w", str(work / "dist"), str(src)],
        capture_output=True, text=True, timeout=300,
    )
    assert out.returncode == 0, out.stdout[-3000:] + out.stderr[-3000:]
    (built,) = (work / "dist").glob("vznews-*.whl")
    return built


@pytest.fixture(scope="module")
def names(wheel: Path) -> set[str]:
    with zipfile.ZipFile(wheel) as archive:
        return set(archive.namelist())


def test_every_source_module_is_in_the_wheel(src: Path, names: set[str]) -> None:
    missing = []
    for folder, target in LAYOUT.items():
        for path in (src / folder).rglob("*.py"):
            wanted = f"{target}/{path.relative_to(src / folder).as_posix()}"
            if wanted not in names:
                missing.append(wanted)
    assert not missing, f"not in the wheel (add the package to pyproject.toml): {missing}"


def test_the_three_rooms_and_their_data(names: set[str]) -> None:
    assert {"vznews/cli.py", "vznews/store/db.py", "vznews/store/migrations.py", "vznews/tui/__init__.py"} <= names
    assert any(name.startswith("vznews/tui/") and name.endswith(".tcss") for name in names), "the TUI stylesheet"
    sample = [name for name in names if name.startswith("vznews/sample/") and not name.endswith(".py")]
    assert any(name.endswith(".xml") for name in sample), f"the bundled sample feeds: {sample}"
    assert "vznews/sample/feeds.toml" in names


def test_the_bundled_feeds_file_is_the_real_one(src: Path, wheel: Path, names: set[str]) -> None:
    assert "vznews/data/feeds.toml" in names
    with zipfile.ZipFile(wheel) as archive:
        shipped = archive.read("vznews/data/feeds.toml")
    assert shipped == (src / "feeds.toml").read_bytes() and b"[[feeds]]" in shipped  # not a dangling link


def test_console_script(wheel: Path, names: set[str]) -> None:
    (entry_points,) = [name for name in names if name.endswith(".dist-info/entry_points.txt")]
    with zipfile.ZipFile(wheel) as archive:
        assert "vznews = vznews.cli:main" in archive.read(entry_points).decode()


def test_the_installed_wheel_imports_and_reads_its_feeds(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    install = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--no-index", "-q", "--target", str(target), str(wheel)],
        capture_output=True, text=True, timeout=300,
    )
    assert install.returncode == 0, install.stderr[-3000:]
    probe = (
        "import vznews, vznews.store.db, vznews.config\n"
        "from vznews.locations import BUNDLED_FEEDS\n"
        "assert vznews.__file__.startswith(sys.argv[1]), vznews.__file__\n"
        "assert vznews.store.db.__file__.startswith(sys.argv[1]), vznews.store.db.__file__\n"
        "print(len(vznews.config.load_config(BUNDLED_FEEDS).feeds))\n"
    )
    out = subprocess.run([sys.executable, "-c", "import sys\n" + probe, str(target)], capture_output=True, text=True,
                         cwd=tmp_path, env={"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"}, timeout=120)
    assert out.returncode == 0, out.stderr[-3000:]
    assert int(out.stdout.strip()) >= 15
