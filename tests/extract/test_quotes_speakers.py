"""Reading speaker phrases (names, titles, roles, descriptions, pronouns) and resolving them."""

from __future__ import annotations

import pytest

from vznews.extract.quotes import extract_quotes
from vznews.extract.names import full_names
from vznews.extract.speakers import parse_speaker
from vznews.extract.tokens import tokenize


def speaker(phrase: str, before_verb: bool = False):
    sp = parse_speaker(phrase, tokenize(phrase, 0, len(phrase)), before_verb=before_verb)
    return None if sp is None else (sp.text, sp.role, sp.kind, sp.gender)


@pytest.mark.parametrize(
    ("phrase", "want"),
    [
        ("opposition spokesman Freddy Guevara", ("Freddy Guevara", "opposition spokesman", "person", "m")),
        ("Daniel Ruiz, a Democratic pollster", ("Daniel Ruiz", "Democratic pollster", "person", "m")),
        ("Caledra Alderman Peter J. Mora", ("Peter J. Mora", "Caledra Alderman", "person", "m")),
        ("Secretary of State Tom Alder", ("Tom Alder", "Secretary of State", "person", "m")),
        ("Mr. Lanz's campaign chairman, Paul Okafor", ("Paul Okafor", "Mr. Lanz's campaign chairman", "person", "m")),
        ("Sen. Frank Doyle (I-Vt.)", ("Frank Doyle", "Sen.", "person", "m")),
        ("Mrs. Hale", ("Hale", None, "person", "f")),
        ("Joel Brandt of the Caledra Courier", ("Joel Brandt", None, "person", "m")),
        ("the Electoral Council", ("Electoral Council", None, "org", "")),
        ("a spokeswoman for the campaign", ("a spokeswoman for the campaign", None, "group", "f")),
        ("a council official who spoke anonymously", ("a council official", None, "group", "")),
        ("she", ("she", None, "pronoun", "f")),
        ("el portavoz de la oposición Freddy Guevara", ("Freddy Guevara", "portavoz de la oposición", "person", "m")),
        ("la ministra Yolanda Ferrer", ("Yolanda Ferrer", "ministra", "person", "f")),
        ("CALEDRA — Marisol Quintero", ("Marisol Quintero", None, "person", "f")),
        ("When asked about the count, Okonkwo", ("Okonkwo", None, "person", "")),
    ],
)
def test_parse_speaker(phrase, want):
    assert speaker(phrase) == want


def test_the_words_right_before_the_verb_are_its_subject():
    assert speaker("Then it ended, he", before_verb=True)[:3] == ("he", None, "pronoun")
    assert speaker("Late that night, after the count closed, Varela", before_verb=True)[:3] == ("Varela", None, "person")


def test_clauses_and_modifiers_are_not_names():
    assert speaker("a spokesman for the Lanz campaign")[0] == "a spokesman for the Lanz campaign"
    assert speaker("it is not clear whether the count") is None


def test_full_names_by_surname_with_titles_stripped_and_short_forms_folded():
    text = "President Nicolás Marrero met Ana Belén Ortiz. Later \"Ana Belén\" spoke. Mrs. Hale and Bill Hale."
    names = full_names(text)
    assert [n.text for n in names["Marrero"]] == ["Nicolás Marrero"]
    assert [n.text for n in names["Ortiz"]] == ["Ana Belén Ortiz"]
    assert all(n.text != "Ana Belén" for group in names.values() for n in group)
    assert names["Marrero"][0].roles == {"president"}
    assert names["Hale"][0].gender == "m"


def test_surnames_expand_to_the_full_name_that_agrees_in_gender():
    text = (
        "Bill Hale spoke first. Then Mary Hale took the stage.\n\n"
        '"We will win," Mrs. Hale said.\n\n"I am proud of her," Mr. Hale said.'
    )
    got = [(q.text, q.speaker, q.speaker_as_written) for q in extract_quotes(text, "en") if q.kind == "direct"]
    assert got == [("We will win", "Mary Hale", "Hale"), ("I am proud of her", "Bill Hale", "Hale")]


def test_pronouns_take_the_last_agreeing_speaker_then_the_last_agreeing_name():
    text = (
        "Marta Solís said the count was clean. Pedro Lanz said it was not.\n\n"
        '"We will appeal," he said.\n\n"There is nothing to appeal," she said.\n\n'
        'Governor Carla Méndez arrived later. "I am here," she said.'
    )
    got = [(q.text, q.speaker) for q in extract_quotes(text, "en") if q.kind == "direct"]
    assert got == [("We will appeal", "Pedro Lanz"), ("There is nothing to appeal", "Marta Solís"),
                   ("I am here", "Marta Solís")]


def test_an_unknown_gender_name_can_take_either_pronoun():
    text = 'Okonkwo told reporters the vote was fair. "It was fair," she said.'
    assert [q.speaker for q in extract_quotes(text, "en") if q.kind == "direct"] == ["Okonkwo"]


def test_a_definite_role_takes_the_person_written_with_that_title():
    text = (
        "Interior Minister Gen. Rafael Domínguez Lobo met President Héctor Salvatierra on Monday.\n\n"
        '"Order will be kept," the general said. "We have won," the president said. "Calm," Domínguez said.'
    )
    got = [(q.text, q.speaker) for q in extract_quotes(text, "en") if q.kind == "direct"]
    assert got == [("Order will be kept", "Rafael Domínguez Lobo"), ("We have won", "Héctor Salvatierra"),
                   ("Calm", "Rafael Domínguez Lobo")]


def test_spanish_null_subject_cue_takes_the_person_named_last():
    text = "Marisol Quintero recibe al diario en su casa.\n\n—No tenemos miedo —dice, sin levantar la voz—. Seguiremos."
    got = [(q.text, q.speaker, q.cue) for q in extract_quotes(text, "es")]
    assert got == [("No tenemos miedo", "Marisol Quintero", "dice"), ("Seguiremos.", "Marisol Quintero", "dice")]
