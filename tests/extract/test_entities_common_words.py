"""Capitalised common words the recognizer takes for names (vznews.extract.common_words), on
hand-written recognizer output: no spaCy needed."""

from __future__ import annotations

from tests.extract.test_entities_resolve import by_key, spans


def test_spanish_function_words_and_institutions_with_an_article_are_not_entities() -> None:
    text = (
        "SANTA LUZ.— El Gobierno y la oposición firmaron ayer un acuerdo en Puerto Lindo.\n\n"
        "«Nadie quiere otra crisis. La Iglesia no tiene partido», dijo el obispo Tomás Vidal.\n\n"
        "«Sobre la mesa está todo», agregó Vidal, que viajó desde Puerto Lindo con la ONU."
    )
    raw = spans(text, ("El Gobierno", "GPE"), ("Puerto Lindo", "GPE"), ("Nadie", "GPE"), ("La Iglesia", "LOC"),
                ("Tomás Vidal", "PERSON"), ("Sobre", "ORG"), ("Vidal", "PERSON"), ("Puerto Lindo", "GPE"), ("ONU", "ORG"))
    found = by_key(text, raw)
    assert "gobierno" not in found and "iglesia" not in found  # "el Gobierno", "la Iglesia": institutions
    assert "nadie" not in found and "sobre" not in found  # sentence-initial function words
    assert found["tomas vidal"].kind == "person" and found["tomas vidal"].count == 2
    assert found["puerto lindo"].kind == "place"
    assert "onu" in found  # an acronym takes an article in Spanish and stays


def test_a_sentence_initial_word_the_article_also_writes_in_lower_case_is_not_a_name() -> None:
    text = (
        "Police closed the bridge on Monday. The march went ahead anyway, and police made no arrests.\n\n"
        "Brook, a teacher, said she marched with her sons. Lena Brook has marched every year."
    )
    raw = spans(text, ("Police", "ORG"), ("Brook", "PERSON"), ("Lena Brook", "PERSON"))
    found = by_key(text, raw)
    assert "police" not in found  # "Police" opens a sentence; the article writes "police" too
    assert "lena brook" in found  # a name that opens a sentence, never written in lower case, stays


def test_a_capital_where_nothing_asks_for_one_is_a_name_even_if_the_word_is_common() -> None:
    text = "The talks were hosted by Rose and mediated in the city of Hope. A rose was left at the hope memorial."
    raw = spans(text, ("Rose", "PERSON"), ("Hope", "GPE"))
    found = by_key(text, raw)
    assert "rose" in found and "hope" in found


def test_a_name_run_together_with_a_figure_is_not_an_entity() -> None:
    text = "The commission gave Moreau 51.2 percent of the vote and Okafor 46 percent, with Moreau ahead in 9 of 12 regions."
    raw = spans(text, ("Moreau 51.2 percent", "ORG"), ("Okafor 46 percent", "ORG"), ("Moreau", "PERSON"))
    found = by_key(text, raw)
    assert not any(any(c.isdigit() for c in key) for key in found), found
    assert "moreau" in found
