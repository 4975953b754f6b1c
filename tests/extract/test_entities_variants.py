"""Variants of one name joined: an organisation named short in its own article (never across the
store), and a full name without its second surname."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.extract.recognizer import spans
from vznews.extract.aliases import Aliases
from vznews.extract.entities import resolve_entities
from vznews.models import EntityMention
from vznews.store.db import open_db
from vznews.store.entity_merge import consolidate_surnames
from vznews.store.extraction import EntityIndex, name_endings, refresh_entities, write_article



def test_an_organisation_named_by_the_last_or_first_words_of_one_longer_one_is_that_organisation() -> None:
    text = ("The Federal Audit Tribunal and the Instituto Nacional de Pesca de Marinta disagreed. "
            "The Audit Tribunal said the Instituto Nacional had erred.")
    raw = spans(text, ("Federal Audit Tribunal", "ORG"), ("Instituto Nacional de Pesca de Marinta", "ORG"),
                ("Audit Tribunal", "ORG"), ("Instituto Nacional", "ORG"))
    found = {e.key: e for e in resolve_entities(text, raw)}
    assert set(found) == {"federal audit tribunal", "instituto nacional de pesca de marinta"}
    assert found["federal audit tribunal"].count == 2
    assert found["federal audit tribunal"].name == "Federal Audit Tribunal"


def test_a_short_organisation_name_two_longer_ones_share_stays_apart() -> None:
    text = "The Northern Audit Tribunal and the Southern Audit Tribunal met. The Audit Tribunal chair spoke."
    raw = spans(text, ("Northern Audit Tribunal", "ORG"), ("Southern Audit Tribunal", "ORG"), ("Audit Tribunal", "ORG"))
    assert {e.key for e in resolve_entities(text, raw)} == {"northern audit tribunal", "southern audit tribunal",
                                                           "audit tribunal"}


def test_a_full_name_stands_for_itself_without_its_second_surname() -> None:
    assert {"teodoro villar", "villar"} <= set(name_endings("teodoro villar ocampo"))
    assert "tomas andres" not in name_endings("tomas andres ocampo")  # "Andrés" is a first name
    assert "donald j" not in name_endings("donald j trump")


def test_the_store_joins_names_without_a_second_surname_but_never_organisations_of_different_articles(tmp_path: Path) -> None:
    path = tmp_path / "vznews.db"
    db = open_db(path)
    db.conn.execute("INSERT INTO feeds (url, name, lang) VALUES ('https://example.test/feed', 'F', 'en')")
    for i in range(6):
        db.conn.execute("INSERT INTO articles (feed_id, guid, title, published, content, content_hash, first_seen)"
                        " VALUES (1, ?, 't', '2026-01-01T00:00:00Z', 'x', ?, '2026-01-01T00:00:00Z')", (f"g{i}", f"h{i}"))
    db.conn.commit()
    db.conn.close()
    ent = lambda name, kind: EntityMention(name, kind, 1, name.lower())  # noqa: E731
    per_article = [
        [ent("Teodoro Villar", "person"), ent("Instituto Nacional", "org")],
        [ent("Teodoro Villar", "person"), ent("Audit Tribunal", "org")],
        [ent("Teodoro Villar Ocampo", "person"), ent("Instituto Nacional de Pesca", "org")],
        [ent("Federal Audit Tribunal", "org"), ent("Northern Fisheries Board", "org"), ent("Fisheries Board", "org")],
        [ent("Southern Fisheries Board", "org")],
        [ent("Teodoro Villar Ocampo", "person")],
    ]
    conn = sqlite3.connect(path)
    index = EntityIndex(conn, Aliases())
    with conn:
        touched: set[int] = set()
        for article, found in enumerate(per_article, 1):
            touched |= write_article(conn, index, article, [], found, [], 1)
        refresh_entities(conn, touched, Aliases())
        consolidate_surnames(conn, Aliases())
    got = {name: n for name, n in conn.execute("SELECT name, article_count FROM entities")}
    conn.close()
    assert got == {"Teodoro Villar Ocampo": 4, "Instituto Nacional": 1, "Instituto Nacional de Pesca": 1,
                   "Audit Tribunal": 1, "Federal Audit Tribunal": 1, "Northern Fisheries Board": 1,
                   "Southern Fisheries Board": 1, "Fisheries Board": 1}


def test_an_organisation_named_after_its_description_is_that_organisation() -> None:
    text = ('Luis Prado, president of the Marintan Fishing Chamber, known as Pescamar, spoke first. '
            '"The boats stay in port," said Irene Solís, a leader of the net makers\' union, Sinredes.')
    raw = spans(text, ("Luis Prado", "PERSON"), ("Marintan Fishing Chamber", "ORG"), ("Pescamar", "PERSON"),
                ("Irene Solís", "PERSON"), ("Sinredes", "GPE"))
    found = {e.key: e for e in resolve_entities(text, raw)}
    assert found["marintan fishing chamber"].count == 2 and "pescamar" not in found
    assert found["sinredes"].kind == "org"
    assert {k for k, e in found.items() if e.kind == "person"} == {"luis prado", "irene solis"}


def test_a_lone_head_noun_names_nothing() -> None:
    text = "Marchers left the Avenida Central for the Consejo Regional. The Consejo did not answer; Avenida was closed."
    raw = spans(text, ("Avenida Central", "FAC"), ("Consejo Regional", "ORG"), ("Consejo", "ORG"), ("Avenida", "GPE"))
    keys = {e.key for e in resolve_entities(text, raw)}
    assert "consejo" not in keys and "avenida" not in keys
    assert {"avenida central", "consejo regional"} <= keys


def test_a_role_set_off_after_a_name_makes_it_a_person_and_a_named_neighbourhood_is_a_place() -> None:
    text = ("Ships arrived at dawn. Oduya, a spokeswoman for the port authority, said ships waited. "
            "At the La Ribera polling station, voters queued.")
    raw = spans(text, ("Oduya", "GPE"), ("La Ribera", "ORG"))
    found = {e.key: e.kind for e in resolve_entities(text, raw)}
    assert found["oduya"] == "person"
    assert found["la ribera"] == "place"
    text = "Buses left Marinta, a city of fishermen, at dawn for the La Ribera office."
    found = {e.key: e.kind for e in resolve_entities(text, spans(text, ("Marinta", "GPE"), ("La Ribera", "ORG")))}
    assert found == {"marinta": "place", "la ribera": "org"}


def test_a_country_named_with_a_role_shared_by_countries_stays_a_place() -> None:
    text = "The foreign ministry of Marinta, a longtime ally of the president, said it recognised the vote."
    found = {e.key: e.kind for e in resolve_entities(text, spans(text, ("Marinta", "GPE")))}
    assert found == {"marinta": "place"}
