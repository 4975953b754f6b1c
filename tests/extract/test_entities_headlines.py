"""What is a headline (its words are dropped) and what is a short lede or a one-line summary (its names kept)."""

from __future__ import annotations

from tests.extract.recognizer import spans
from vznews.extract.entities import resolve_entities
from vznews.extract.headlines import headline_spans



def people(text: str, raw: list[RawEntity]) -> set[str]:
    return {e.name for e in resolve_entities(text, raw) if e.kind == "person"}


def test_a_one_line_lede_that_is_a_sentence_keeps_its_names() -> None:
    text = "Governor Tomasa Ibarreche met Lucio Fernández Arrieta in Porto Lindo on Friday.\n\nThe talks ran late."
    assert headline_spans(text) == ()
    raw = spans(text, ("Tomasa Ibarreche", "PERSON"), ("Lucio Fernández Arrieta", "PERSON"), ("Porto Lindo", "GPE"))
    assert people(text, raw) == {"Tomasa Ibarreche", "Lucio Fernández Arrieta"}


def test_a_feed_summary_of_one_line_is_the_body_not_a_headline() -> None:
    text = "Senator Aurelio Banda Quispe joins Mayor Celestina Ruiz Abad at Tuesday rally"
    assert headline_spans(text) == ()
    raw = spans(text, ("Aurelio Banda Quispe", "PERSON"), ("Celestina Ruiz Abad", "PERSON"))
    assert people(text, raw) == {"Aurelio Banda Quispe", "Celestina Ruiz Abad"}


def test_a_long_first_line_is_a_lede_even_without_a_full_stop() -> None:
    text = ("Mayor Celestina Ruiz Abad, Senator Aurelio Banda Quispe and Governor Tomasa Ibarreche of Porto Lindo "
            "Province signed the accord Wednesday\n\nMore followed.")
    assert headline_spans(text) == ()


def test_a_title_case_headline_and_a_short_headline_before_the_story_are_still_dropped() -> None:
    text = "Ibarreche says Porto Lindo Will Vote\n\nGovernor Tomasa Ibarreche said the vote would go ahead."
    first = text.index("\n")
    assert headline_spans(text) == ((0, first + 1),)
    raw = spans(text, ("Ibarreche says Porto", "PERSON"), ("Tomasa Ibarreche", "PERSON"))
    assert people(text, raw) == {"Tomasa Ibarreche"}
    sub = "The story opens here.\nWhat The Governor Wants Next\nIt goes on."
    assert headline_spans(sub) == ((22, 51),)
