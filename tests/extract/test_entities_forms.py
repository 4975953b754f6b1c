"""How a name is written and what it names: abbreviations, Spanish articles in place names,
organisations told by their context, a short form of an organisation named earlier, wire credits.

Each case gives the spans the recognizer really produced on such text (no spaCy here).
"""

from __future__ import annotations

from tests.extract.recognizer import spans
from vznews.extract.entities import resolve_entities
from vznews.extract.entity_names import clean_name, entity_key



def kinds(text: str, *found: tuple[str, str]) -> dict[str, str]:
    return {e.name: e.kind for e in resolve_entities(text, spans(text, *found))}


def test_an_abbreviation_keeps_its_final_period_but_a_sentence_end_does_not() -> None:
    assert clean_name("U.S.") == "U.S." and clean_name("the U.S.") == "U.S."
    assert clean_name("Washington, D.C.") == "Washington, D.C." and clean_name("Acme Inc.") == "Acme Inc."
    assert clean_name("Maduro.") == "Maduro" and clean_name("Acme Co") == "Acme Co"
    assert entity_key("U.S.") == entity_key("U.S") == "u.s"  # one entity however it was cut
    text = "The peso traded at 412 to the U.S. dollar on Tuesday in Caracas."
    assert kinds(text, ("U.S.", "GPE"), ("Caracas", "GPE")) == {"U.S.": "place", "Caracas": "place"}


def test_a_capitalised_spanish_article_inside_a_sentence_is_part_of_a_place_name() -> None:
    text = "Troops were sent to the Los Pinos district of La Paz, to El Salvador and to Las Tunas on Monday."
    found = kinds(text, ("Los Pinos", "GPE"), ("Paz", "GPE"), ("El Salvador", "GPE"), ("Las Tunas", "GPE"))
    assert found == {"Los Pinos": "place", "La Paz": "place", "El Salvador": "place", "Las Tunas": "place"}


def test_an_article_opening_a_sentence_stays_only_if_the_name_is_written_with_it_elsewhere() -> None:
    text = "La Guardia Nacional abrió fuego. La Candelaria votó temprano, y en La Candelaria no hubo colas."
    found = kinds(text, ("La Guardia Nacional", "ORG"), ("La Candelaria", "GPE"), ("La Candelaria", "GPE"))
    assert found == {"Guardia Nacional": "org", "La Candelaria": "place"}
    assert clean_name("la Iglesia") == "Iglesia" and clean_name("el presidente Maduro", "PERSON") == "Maduro"


def test_a_name_set_off_as_a_website_or_group_is_an_organisation_even_as_a_source() -> None:
    from vznews.models import Quote

    text = ("The peso fell again on Tuesday.\n\nIt traded at 412 to the dollar, according to Monitor Cambiario, "
            "a website that tracks street rates. Ana Pérez, a trader, said she had stopped selling.")
    said = "It traded at 412 to the dollar"
    quote = Quote(said, "Monitor Cambiario", "Monitor Cambiario", None, "according to", "indirect", text.index(said),
                  text.index(said) + len(said), 1)
    raw = spans(text, ("Monitor Cambiario", "PERSON"), ("Ana Pérez", "PERSON"))
    found = {e.name: e.kind for e in resolve_entities(text, raw, [quote])}
    assert found == {"Monitor Cambiario": "org", "Ana Pérez": "person"}


def test_a_lone_head_word_after_the_full_organisation_is_that_organisation() -> None:
    text = ("The Democratic Alliance said it had won.\n\nLater the Alliance published its tallies, and the Valdoria "
            "Herald printed them. The Herald said it had checked them; the State Department said the Department was concerned.")
    raw = spans(text, ("The Democratic Alliance", "ORG"), ("Alliance", "ORG"), ("the Valdoria Herald", "ORG"),
                ("Herald", "PERSON"), ("State Department", "ORG"), ("Department", "ORG"))
    found = {e.name: (e.kind, e.count) for e in resolve_entities(text, raw)}
    assert found == {"Democratic Alliance": ("org", 2), "Valdoria Herald": ("org", 2), "State Department": ("org", 2)}
    alone = "Later the Alliance published its tallies.\n\nIt was a long night for the Alliance and its allies."
    assert {e.name for e in resolve_entities(alone, spans(alone, ("Alliance", "ORG"), ("Alliance", "ORG")))} == {"Alliance"}


def test_the_agency_in_a_dateline_is_a_credit_but_a_later_mention_counts() -> None:
    text = ("CALEDRA, Valdoria (Meridian Wire) — Voters queued for hours on Sunday in the capital.\n\n"
            "Marisol Quintero told Meridian Wire that she would win.")
    raw = spans(text, ("Valdoria", "GPE"), ("Meridian Wire", "ORG"), ("Marisol Quintero", "PERSON"), ("Meridian Wire", "ORG"))
    found = {e.name: (e.kind, e.count) for e in resolve_entities(text, raw)}
    assert found["Meridian Wire"] == ("org", 1) and found["Marisol Quintero"] == ("person", 1)


def test_the_second_of_two_places_after_a_place_preposition_is_a_place() -> None:
    text = ("The government sent troops on Friday.\n\nA decree declared a state of commotion in the states of Costa Norte "
            "and Alto Marañal for 30 days. Witnesses in Costa Norte said Tomás Irigoyen and Ana Gómez had left.")
    raw = spans(text, ("Costa Norte", "GPE"), ("Alto Marañal", "PERSON"), ("Costa Norte", "GPE"),
                ("Tomás Irigoyen", "PERSON"), ("Ana Gómez", "PERSON"))
    assert kinds(text, *[(r.text, r.label) for r in raw]) == {
        "Costa Norte": "place", "Alto Marañal": "place", "Tomás Irigoyen": "person", "Ana Gómez": "person"}


def test_a_place_closing_an_organisation_name_is_not_folded_into_it() -> None:
    text = "The protests went on.\n\nStudents of the Universidad Central de Valdoria marched on Monday, and police in Valdoria said they had made no arrests."
    raw = spans(text, ("Universidad Central de Valdoria", "ORG"), ("Valdoria", "GPE"))
    assert kinds(text, *[(r.text, r.label) for r in raw]) == {"Universidad Central de Valdoria": "org", "Valdoria": "place"}
