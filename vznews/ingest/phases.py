"""The phases after the feeds: full text, then extraction, each loaded only if installed.

They are written by others and plugged in by name: `vznews.ingest.fulltext.run_fulltext
(db_path, config)` and `vznews.extract.run.run_extract(db_path)`, each yielding
PhaseProgress. A module that does not exist yet is skipped silently; one that fails to
load or crashes is reported, never allowed to hide the feeds already stored.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Callable, Iterator

from vznews.models import Config, PhaseProgress
from vznews.textsafe import one_line


def _load_phase(module: str, attr: str) -> tuple[Callable[..., Iterator[PhaseProgress]] | None, str | None]:
    """The phase function, or (None, None) if its module is not built yet, or (None, why) if it cannot load."""
    try:
        return getattr(importlib.import_module(module), attr), None
    except ModuleNotFoundError as exc:
        if exc.name == module:
            return None, None
        return None, f"cannot load {module}: {exc}"
    except (ImportError, AttributeError) as exc:
        return None, f"cannot load {module}: {exc}"


def run_phases(db_path: Path, config: Config, fulltext: bool, extract: bool, extra: dict[str, int]) -> Iterator[PhaseProgress]:
    """Run the full-text then the extraction phase (as asked, and when installed), passing
    their progress through. A phase that cannot load or crashes yields one PhaseProgress
    with `failed=1` and a one-line message, and counts in `extra["phase_errors"]`; the
    last progress of each phase is summed up in `extra` ("fulltext_done", ...)."""
    phases: list[tuple[str, str, str, Callable[[Callable[..., Iterator[PhaseProgress]]], Iterator[PhaseProgress]]]] = []
    if fulltext:
        phases.append(("fulltext", "vznews.ingest.fulltext", "run_fulltext", lambda run: run(db_path, config)))
    if extract:
        phases.append(("extract", "vznews.extract.run", "run_extract", lambda run: run(db_path)))
    for name, module, attr, call in phases:
        run, problem = _load_phase(module, attr)
        last: PhaseProgress | None = None
        try:
            if run is not None:
                for last in call(run):
                    yield last
        except Exception as exc:  # a phase's crash must not hide the feeds already stored
            problem = one_line(f"{name} phase failed: {type(exc).__name__}: {exc}")
        if problem:
            extra["phase_errors"] = extra.get("phase_errors", 0) + 1
            yield PhaseProgress(name, last.done if last else 0, last.total if last else 0, failed=1, message=problem)
        if last is not None:
            extra[f"{name}_done"], extra[f"{name}_failed"] = last.done, last.failed
            extra.update({f"{name}_{key}": value for key, value in last.counts.items()})
