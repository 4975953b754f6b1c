"""Rules for names the small recognizer cuts, misses or mislabels in news English and Spanish.

Each case gives the spans the recognizer really produced on such text (no spaCy here).
"""

from __future__ import annotations

from tests.extract.recognizer import spans
from vznews.extract.common_words import is_spanish_verb
from vznews.extract.credits import credit_spans
from vznews.extract.entities import resolve_entities



def people(text: str, raw: list[RawEntity]) -> set[str]:
    return {e.name for e in resolve_entities(text, raw) if e.kind == "person"}


def test_a_second_surname_the_recognizer_cut_off_is_part_of_the_name() -> None:
    text = "Security Minister Rosa Icela Rodríguez said troops had been sent. Rodríguez gave no figures on Monday."
    assert people(text, spans(text, ("Rosa Icela", "PERSON"))) == {"Rosa Icela Rodríguez"}


def test_a_second_surname_is_not_a_day_or_a_place() -> None:
    text = "The envoy met Juan Pérez Tuesday in Caracas, and Ana Gómez Venezuela's ambassador, later."
    found = people(text, spans(text, ("Juan Pérez", "PERSON"), ("Caracas", "GPE"), ("Ana Gómez", "PERSON")))
    assert found == {"Juan Pérez", "Ana Gómez"}


def test_a_full_name_the_recognizer_missed_is_found_from_its_known_first_name() -> None:
    text = ("Caracas was quiet on Monday.\n\nLuz Mely Reyes, the founder of a news site, was detained twice. "
            "Students at the Universidad Simón Bolívar marched, and the Rose Bowl was sold out.")
    assert people(text, spans(text, ("Caracas", "GPE"))) == {"Luz Mely Reyes"}


def test_words_before_a_name_are_not_part_of_it() -> None:
    text = "Ninguno de los candidatos opositores, entre ellos Delsa Solórzano, reconoció el resultado."
    assert people(text, spans(text, ("ellos Delsa Solórzano", "PERSON"))) == {"Delsa Solórzano"}


def test_a_possessive_owner_opening_a_sentence_is_a_name() -> None:
    text = "Flights were delayed. Maduro's government has accused the students of acting for Washington."
    assert people(text, spans(text, ("Maduro", "PERSON"), ("Washington", "GPE"))) == {"Maduro"}


def test_a_dateline_run_into_the_first_words_is_no_name() -> None:
    text = "CARACAS.- El dirigente opositor Henrique Capriles afirmó este martes que la oposición participará."
    found = {e.name: e.kind for e in resolve_entities(text, spans(text, ("CARACAS.- El dirigente", "PERSON"), ("Henrique Capriles", "ORG")))}
    assert "Henrique Capriles" in found and not any("El" in name.split() for name in found)


def test_a_person_named_institution_is_not_that_person() -> None:
    text = ("Estudiantes de la Universidad Católica Andrés Bello marcharon. «Llegué temprano», dijo Rosa Paz "
            "en el Liceo Manuel Arvelo de la parroquia.")
    raw = spans(text, ("Católica Andrés Bello", "PERSON"), ("Llegué", "ORG"), ("Rosa Paz", "PERSON"),
                ("Manuel Arvelo de la", "PERSON"))
    found = {e.name: e.kind for e in resolve_entities(text, raw)}
    assert found == {"Universidad Católica Andrés Bello": "org", "Rosa Paz": "person", "Liceo Manuel Arvelo": "org"}


def test_an_organisation_that_speaks_is_not_a_person() -> None:
    text = "Cada semana mueren líderes sociales en el país, según la Defensoría del Pueblo, que pidió protección."
    from vznews.models import Quote

    said = "mueren líderes sociales en el país"
    start = text.index(said)
    quote = Quote(said, "Defensoría del Pueblo", "Defensoría del Pueblo", None, "según", "indirect", start, start + len(said), 0)
    assert people(text, []) == set()
    assert not any(e.kind == "person" for e in resolve_entities(text, spans(text, ("Cada", "ORG")), [quote]))


def test_spanish_verbs_and_titles_opening_a_sentence_are_not_entities() -> None:
    text = ("El presidente habló en el acto.\n\n«Conozco a muchos militares», dijo. «Esta noche ganamos», añadió. "
            "Sobre las Fuerzas Armadas fue cauteloso. Sus seguidores lo llaman «El Comandante».")
    raw = spans(text, ("Conozco", "ORG"), ("Esta noche", "ORG"), ("las Fuerzas Armadas", "PERSON"), ("El Comandante", "GPE"))
    found = {e.name: e.kind for e in resolve_entities(text, raw)}
    assert found == {"Fuerzas Armadas": "org"}


def test_spanish_verb_forms_are_derived_but_names_are_not_verbs() -> None:
    for verb in ("Conozco", "Llegué", "Llegamos", "Exigimos", "Cuento", "Pido", "Busqué", "Quedan", "Sabemos"):
        assert is_spanish_verb(verb), verb
    for name in ("Mora", "Salas", "Ramos", "Sierra", "Rosa", "Castro", "Medina", "Toledo"):
        assert not is_spanish_verb(name), name


def test_a_bio_line_with_the_is_a_credit_but_a_story_sentence_is_not() -> None:
    bio = "Tom Reed is the Herald's Latin America correspondent"
    story = "John Smith is the correspondent who broke the story, and he said on Monday that more would follow. He left."
    assert credit_spans(bio + "\n") and not credit_spans("The report came out.\n\n" + story)
