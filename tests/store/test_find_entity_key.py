"""find_entity looks names up by the same key extraction stores (vznews.extract.entity_names.entity_key)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.storeseed import add_entity, make_store
from vznews.extract.entity_names import entity_key
from vznews.store import queries as q


def _store(tmp_path: Path):  # type: ignore[no-untyped-def]
    db = make_store(tmp_path / "s.db")
    for name, kind, articles in (("Nicolás Maduro", "person", 9), ("Delcy Rodríguez", "person", 4),
                                 ("Jorge Rodríguez", "person", 7), ("Rodríguez Street", "place", 20),
                                 ("National Electoral Council", "org", 5)):
        add_entity(db, name, kind, articles=articles, key=entity_key(name))
    return db


def test_titles_accents_and_possessives_find_the_stored_entity(tmp_path: Path) -> None:
    db = _store(tmp_path)
    for asked in ("President Maduro", "President Nicolás Maduro", "Nicolas Maduro's", "maduro", "MADURO"):
        found = q.find_entity(db, asked)
        assert found is not None and found.name == "Nicolás Maduro", asked
    assert q.find_entity(db, "the National Electoral Council").name == "National Electoral Council"


def test_a_surname_picks_the_best_known_person_not_a_place(tmp_path: Path) -> None:
    db = _store(tmp_path)
    assert q.find_entity(db, "Rodriguez").name == "Jorge Rodríguez"
    assert q.find_entity(db, "Vice President Delcy Rodriguez").name == "Delcy Rodríguez"
    assert q.find_entity(db, "Nobody Atall") is None


def test_the_lookup_never_loads_spacy(tmp_path: Path) -> None:
    _store(tmp_path).close()
    code = (
        "import sys, json; from vznews.store.db import connect; from vznews.store import queries as q;"
        f"c = connect({str(tmp_path / 's.db')!r}); e = q.find_entity(c, 'President Maduro');"
        "print(json.dumps([e.name, any(m == 'spacy' or m.startswith('spacy.') for m in sys.modules)]))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert json.loads(out) == ["Nicolás Maduro", False]
