"""Entity names and keys, and the credit/byline finder: pure text rules, no spaCy."""

from __future__ import annotations

import pytest

from vznews.extract.credits import credit_spans
from vznews.extract.entity_names import clean_name, entity_key, fold, looks_like_person, strip_title


@pytest.mark.parametrize(
    "variant",
    ["Nicolás Maduro", "Nicolas Maduro", "NICOLÁS MADURO", "President Nicolás Maduro", "Nicolás Maduro's",
     "Venezuelan President Nicolás Maduro", "nicolás  maduro", "Mr. Nicolas Maduro’s"],
)
def test_variants_of_a_name_share_one_key(variant: str) -> None:
    assert entity_key(variant, "PERSON") == "nicolas maduro"


@pytest.mark.parametrize(
    ("name", "label", "key"),
    [
        ("President Maduro", "ORG", "maduro"),  # spaCy's ORG for a titled name: still the title goes
        ("General Motors", "ORG", "general motors"),  # an ambiguous title starting an organisation stays
        ("Justice Department", "ORG", "justice department"),
        ("General Padrino", "PERSON", "padrino"),
        ("Foreign Minister Jorge Arreaza", "ORG", "jorge arreaza"),  # a first name says it is a person
        ("the National Electoral Council", "ORG", "national electoral council"),
        ("Pope Francis", "PERSON", "pope francis"),  # part of the name, never stripped
        ("Jean-Luc Picard", "PERSON", "jean luc picard"),
    ],
)
def test_keys_strip_titles_only_where_they_are_titles(name: str, label: str, key: str) -> None:
    assert entity_key(name, label) == key


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("Breitbart’s Joel Pollak", "Joel Pollak"),  # the owner before a person goes
        ("Dave Leip’s Atlas", "Dave Leip"),  # the thing owned after goes
        ("Jeb Bush-spent", "Jeb Bush"),
        ("Billionaire Donald Trump", "Donald Trump"),
        ("Economist Asdrúbal Oliveros", "Asdrúbal Oliveros"),
        ("Según González", "González"),
        ("Wisconsin Republican", "Wisconsin"),
        ("Al Ashry and", "Al Ashry"),
        ("Mar-a-Lago", "Mar-a-Lago"),
    ],
)
def test_clean_person_names(raw: str, clean: str) -> None:
    assert clean_name(raw, "PERSON") == clean


def test_fold_and_helpers() -> None:
    assert fold("Nicolás Peñaloza Ñ") == "nicolas penaloza n"
    assert strip_title(["Vice", "President", "Delcy", "Rodríguez"], "PERSON") == ["Delcy", "Rodríguez"]
    assert looks_like_person("María Corina Machado") and looks_like_person("Luis de la Torre")
    assert not looks_like_person("State Department") and not looks_like_person("Maduro")


def _credited(text: str) -> list[str]:
    return [text[s:e] for s, e in credit_spans(text)]


def test_credit_lines_bylines_and_signoffs_are_found() -> None:
    text = (
        "By Ana Vanessa Herrero and John Otis\n\n"
        "CARACAS, Venezuela — President Nicolás Maduro spoke on Monday.\n\n"
        "Mark Schiefelbein/Associated Press\n\n"
        "Supporters cheer in Caracas. Photo: Federico Parra/AFP via Getty Images\n\n"
        "(Reporting by Corina Pons; Editing by Leslie Adler)\n"
        "Associated Press writer Christine Armario in Bogotá contributed to this report.\n"
        "Carlos Camacho is a freelance journalist based in Caracas.\n"
        "Follow Jane Doe on Twitter @janedoe\n"
        "Scott Olson via Getty Images.\n"
    )
    found = _credited(text)
    assert "By Ana Vanessa Herrero and John Otis" in found
    assert "Mark Schiefelbein/Associated Press" in found
    assert any("Federico Parra/AFP via Getty Images" in f for f in found)
    assert any("Corina Pons" in f and "Leslie Adler" in f for f in found)
    assert any("Christine Armario" in f for f in found)
    assert "Carlos Camacho is a freelance journalist based in Caracas." in found
    assert any("Jane Doe" in f for f in found) and any("Scott Olson" in f for f in found)
    # The story's own words are kept, the caption's too (only its credit goes).
    assert not any("Maduro" in f for f in found)
    assert not any("Supporters cheer" in f for f in found)


def test_story_sentences_are_not_credits() -> None:
    text = (
        "By Tuesday evening the council had counted most votes in Caracas and Maracaibo, officials said, "
        "and the opposition called the count a fraud.\n"
        "By contrast, the government said turnout was high.\n"
        "The photo by the agency showed Nicolás Maduro at the palace.\n"
    )
    assert credit_spans(text) == ()
