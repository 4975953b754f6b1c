"""The bundled offline sample: four feeds about a fictional disputed election.

`vznews demo` syncs them into a separate demo store; the extraction and TUI tests
use them as realistic text. The XML files are generated from `src/*.txt` by
`python -m vznews.sample.generate` (see README.md for the planted quotes).
"""

from __future__ import annotations

from pathlib import Path

SAMPLE_DIR = Path(__file__).parent
FEEDS_FILE = SAMPLE_DIR / "feeds.toml"
FEED_FILES = ("herald.xml", "wire.xml", "hemisphere.xml", "diario.xml")


def feeds_toml_path() -> Path:
    """The sample's feeds.toml, whose relative feed paths resolve against this directory."""
    return FEEDS_FILE
