"""The known places and organisations (data/entity_places.txt, entity_orgs.txt), as entity keys."""

from __future__ import annotations

from functools import cache
from importlib import resources

from vznews.extract.entity_names import entity_key


@cache
def gazetteer(name: str) -> frozenset[str]:
    """Keys of the names in data/entity_{name}.txt ("places", "orgs")."""
    raw = resources.files("vznews.extract.data").joinpath(f"entity_{name}.txt").read_text(encoding="utf-8")
    return frozenset(entity_key(ln) for ln in raw.splitlines() if ln.strip() and not ln.startswith("#"))
