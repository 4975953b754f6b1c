"""resolve_entities on hand-written recognizer output: the small model's real mistakes, fixed.

No spaCy here: each case gives the spans (and wrong labels) the recognizer produces on
such text, so the cleaning, folding and labelling rules are tested exactly and fast.
"""

from __future__ import annotations

from tests.extract.recognizer import spans
from vznews.extract.entities import resolve_entities, speaker_entity
from vznews.models import Quote



def by_key(text: str, raw: list[RawEntity], quotes: list[Quote] = ()):  # type: ignore[assignment]
    return {e.key: e for e in resolve_entities(text, raw, quotes)}


def quote(text: str, said: str, speaker: str, written: str | None = None) -> Quote:
    start = text.index(said)
    return Quote(said, speaker, written or speaker, None, "said", "direct", start, start + len(said), 0)


def test_maduro_in_every_spelling_is_one_person_labelled_by_all_mentions() -> None:
    text = (
        "President Nicolás Maduro spoke on Monday. Maduro said the vote would go ahead.\n\n"
        "Critics say Maduro has failed. Nicolas Maduro rejected that, and President Maduro left."
    )
    raw = spans(text, ("Nicolás Maduro", "PERSON"), ("Maduro", "ORG"), ("Maduro", "ORG"), ("Nicolas", "PERSON"),
                ("Maduro", "ORG"), ("President Maduro", "ORG"))
    found = by_key(text, raw)
    assert list(found) == ["nicolas maduro"]
    maduro = found["nicolas maduro"]
    assert maduro.kind == "person"
    assert maduro.name == "Nicolás Maduro"
    assert maduro.count == 5  # "Nicolas" + "Maduro" split by the recognizer count once
    assert set(maduro.forms) >= {"Nicolás Maduro", "Maduro", "Nicolas Maduro"}


def test_a_lone_surname_is_a_person_when_something_says_so() -> None:
    text = "Maduro, who took office in 2013, spoke again. Maduro's government denied it."
    found = by_key(text, spans(text, ("Maduro", "PERSON"), ("Maduro", "ORG")))
    assert found["maduro"].kind == "person"


def test_credits_bylines_and_signoffs_name_nobody() -> None:
    text = (
        "By Ana Vanessa Herrero\n\n"
        "Opposition leader Henrique Capriles spoke in Caracas.\n\n"
        "Mark Schiefelbein/Associated Press\n\n"
        "(Reporting by Corina Pons; Editing by Leslie Adler)"
    )
    raw = spans(text, ("Ana Vanessa Herrero", "PERSON"), ("Henrique Capriles", "PERSON"), ("Caracas", "GPE"),
                ("Mark Schiefelbein/Associated", "PERSON"), ("Corina Pons", "PERSON"), ("Leslie Adler", "PERSON"))
    people = {e.name for e in resolve_entities(text, raw) if e.kind == "person"}
    assert people == {"Henrique Capriles"}


def test_places_by_context_and_datelines() -> None:
    text = "CARACAS, Venezuela — The opposition held a rally in Valencia on Saturday, in the city of Cúcuta too."
    raw = spans(text, ("CARACAS", "ORG"), ("Venezuela", "GPE"), ("Valencia", "PERSON"), ("Cúcuta", "ORG"))
    found = by_key(text, raw)
    assert found["caracas"].kind == "place" and found["caracas"].name == "Caracas"
    assert found["valencia"].kind == "place"
    assert found["cucuta"].kind == "place"


def test_acronym_spelled_out_is_the_same_organisation() -> None:
    text = "The National Electoral Council (CNE) met. Later the CNE said the count was over."
    raw = spans(text, ("The National Electoral Council", "ORG"), ("CNE", "ORG"), ("CNE", "ORG"))
    found = by_key(text, raw)
    assert list(found) == ["national electoral council"]
    assert found["national electoral council"].count == 2  # the acronym in brackets is not counted twice
    assert found["national electoral council"].kind == "org"


def test_misread_spans_become_organisations_or_nothing() -> None:
    text = (
        "The state oil company PDVSA said output fell, according to Secretary of State Mike Pompeo. "
        "He visited the Fuerte Tiuna base and Harvard Law School."
    )
    raw = spans(text, ("PDVSA", "PERSON"), ("State", "ORG"), ("Mike Pompeo", "PERSON"), ("Fuerte Tiuna", "PERSON"),
                ("Harvard Law School", "PERSON"))
    found = by_key(text, raw)
    assert found["pdvsa"].kind == "org"
    assert "state" not in found
    assert found["mike pompeo"].kind == "person"
    assert found["fuerte tiuna"].kind == "place"
    assert found["harvard law school"].kind == "org"


def test_headline_words_are_not_names_but_the_headline_completes_a_surname() -> None:
    text = "Ben Carson Defends Himself Against Claims.\n\nCarson said on Sunday that the stories were false."
    raw = spans(text, ("Ben Carson Defends", "PERSON"), ("Carson", "PERSON"))
    found = by_key(text, raw)
    assert list(found) == ["ben carson"]
    assert found["ben carson"].name == "Ben Carson"


def test_quote_speakers_link_to_their_person_and_missed_speakers_are_added() -> None:
    text = (
        '"We are going to win this fight," said Freddy Guevara, a spokesman for Popular Will.\n\n'
        '"It is over," Guevara added. Opposition leader Henrique Capriles agreed.'
    )
    quotes = [quote(text, "We are going to win this fight", "Freddy Guevara"),
              quote(text, "It is over", "Freddy Guevara", "Guevara")]
    # The recognizer missed Guevara entirely.
    raw = spans(text, ("Popular Will", "ORG"), ("Henrique Capriles", "PERSON"))
    ents = resolve_entities(text, raw, quotes)
    guevara = speaker_entity("Freddy Guevara", ents)
    assert guevara is not None and guevara.kind == "person" and guevara.key == "freddy guevara"
    assert guevara.count == 2  # the surname later is counted as the same person
    assert speaker_entity("Guevara", ents) is guevara
    assert speaker_entity("Capriles", ents).key == "henrique capriles"  # type: ignore[union-attr]
    assert speaker_entity("the ministry", ents) is None


def test_offsets_point_at_each_mention() -> None:
    text = "Delcy Rodríguez spoke. Later Rodríguez left."
    ents = resolve_entities(text, spans(text, ("Delcy Rodríguez", "PERSON"), ("Rodríguez", "ORG")))
    assert len(ents) == 1
    assert [text[s:e] for s, e in ents[0].spans] == ["Delcy Rodríguez", "Rodríguez"]


def test_organisations_that_speak_or_take_who_stay_organisations() -> None:
    text = (
        "Jason Miller said in the statement.\n\nThe National Rifle Association, which endorsed him, said nothing. "
        '"We have no comment," Yahoo News said. He spoke in the lobby of Trump Tower. Donald Trump left; Trump was tired.'
    )
    quotes = [quote(text, "We have no comment", "Yahoo News")]
    raw = spans(text, ("Jason Miller", "PERSON"), ("The National Rifle Association", "ORG"), ("Yahoo News", "PERSON"),
                ("Trump Tower", "PERSON"), ("Donald Trump", "PERSON"), ("Trump", "ORG"))
    found = by_key(text, raw, quotes)
    assert found["national rifle association"].kind == "org"
    assert found["yahoo news"].kind == "org"
    assert found["trump tower"].kind == "place" or found["trump tower"].kind == "org"
    assert found["donald trump"].count == 2  # the lone "Trump" is the person, not the tower


def test_one_word_speakers_are_added_only_without_a_recognizer() -> None:
    text = 'Similarly, "this is wrong," Similarly said. "Nothing will stop us," Maduro said.'
    quotes = [quote(text, "this is wrong", "Similarly"), quote(text, "Nothing will stop us", "Maduro")]
    assert "similarly" not in by_key(text, spans(text, ("Maduro", "PERSON")), quotes)
    assert set(by_key(text, [], quotes)) == {"similarly", "maduro"}  # no model: speakers are all there is
