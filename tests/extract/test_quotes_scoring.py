"""Interrupted quotations as one span for export and scoring; language guessing; the API's promises."""

from __future__ import annotations

from vznews.extract.language import guess_language
from vznews.extract.quotes import extract_quotes
from vznews.extract.scoring import join_interrupted, quotation_records


def test_the_parts_of_an_interrupted_quote_join_into_one_quotation():
    text = 'Marta Solís spoke.\n\n"It is a lie," she said, "and everyone knows it." "Next," said Ana Ferrer.'
    quotes = extract_quotes(text, "en")
    assert [q.joined for q in quotes if q.kind == "direct"] == [False, True, False]
    joined = join_interrupted(text, quotes)
    assert [text[s:e] for s, e, _ in joined if _.kind == "direct"] == [
        'It is a lie," she said, "and everyone knows it.', "Next"]
    recs = quotation_records(text, quotes)
    assert recs[0]["speaker"] == "Marta Solís" and recs[0]["speaker_mention"] == "she"


def test_quotes_with_their_own_attribution_or_in_other_paragraphs_stay_apart():
    text = '"One," said Ana Ferrer. "Two," she said.\n\n"Three more."'
    recs = quotation_records(text, extract_quotes(text, "en"))
    assert [text[r["start"] : r["end"]] for r in recs] == ["One", "Two", "Three more."]


def test_offsets_index_the_text_and_exclude_the_marks():
    text = 'Intro.\n\n«Vamos», dijo Ana.\n\n"Done." — she said'
    for q in extract_quotes(text):
        assert text[q.start : q.end] == q.text
        assert not q.text.startswith(('"', "«", "“")) and not q.text.endswith(('"', "»", "”", ","))


def test_empty_and_quote_free_texts():
    assert extract_quotes("") == [] and extract_quotes("   \n ") == []
    assert extract_quotes("The council met on Monday. Nothing was decided.") == []


def test_language_guess():
    assert guess_language("El presidente dijo que la oposición no ganará las elecciones en el país.") == "es"
    assert guess_language("The president said that the opposition would not win the election.") == "en"
