"""Spanish names the English recognizer cuts into pieces are one entity (vznews.extract.name_runs),
on hand-written recognizer output: no spaCy needed."""

from __future__ import annotations

from tests.extract.test_entities_resolve import by_key, spans


def test_pieces_of_a_spanish_name_become_the_whole_name() -> None:
    text = (
        "SANTA LUZ.— Los testigos de la Unión Cívica Serrana denunciaron ayer que no pudieron entrar a los centros.\n\n"
        "Según Red por la Verdad, 120 personas siguen detenidas en el Puerto Lindo, dijo la abogada Marta Ríos de León."
    )
    raw = spans(text, ("Unión", "PERSON"), ("Cívica", "GPE"), ("Serrana denunciaron", "PERSON"),
                ("Según Red", "ORG"), ("Verdad", "PERSON"), ("Puerto", "GPE"), ("Marta Ríos de León", "PERSON"))
    found = by_key(text, raw)
    assert found["union civica serrana"].kind == "org" and found["union civica serrana"].count == 1
    assert found["red por la verdad"].kind == "org"
    assert found["puerto lindo"].kind == "place"
    assert found["marta rios de leon"].kind == "person"
    assert not {"union", "civica", "serrana", "red", "verdad", "puerto"} & set(found)


def test_english_articles_are_left_alone() -> None:
    text = "Witnesses for the Civic Union said on Monday that Ana Lind of the Truth Network was detained in Port Alma."
    raw = spans(text, ("Civic Union", "ORG"), ("Ana Lind", "PERSON"), ("Truth Network", "ORG"), ("Port Alma", "GPE"))
    assert set(by_key(text, raw)) == {"civic union", "ana lind", "truth network", "port alma"}
