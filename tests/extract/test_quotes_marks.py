"""Pairing quotation marks: every mark style, nesting, apostrophes, markup, multi-paragraph quotes."""

from __future__ import annotations

import pytest

from vznews.extract.marks import find_spans
from vznews.extract.paragraphs import sentence_ends, split_paragraphs
from vznews.extract.spanish import raya_spans


def spans(text: str) -> list[str]:
    return [text[s.start : s.end] for s in find_spans(text, split_paragraphs(text))]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ('He said "yes" and "no".', ["yes", "no"]),
        ("She said “we won” today.", ["we won"]),
        ("Dijo «ganamos» ayer.", ["ganamos"]),
        ("Er sagte „wir gewinnen“ heute.", ["wir gewinnen"]),
        ("He said ''we won'' today.", ["we won"]),
        ("He said ``we won'' today.", ["we won"]),
        ("«Dijo “basta” y se fue», contó.", ["Dijo “basta” y se fue"]),
        ('"They called it \'the deal\' at first," he said.', ["They called it 'the deal' at first,"]),
    ],
)
def test_mark_styles(text, want):
    assert spans(text) == want


def test_apostrophes_are_not_quotes_and_single_quotes_only_without_double_ones():
    assert spans("Guevara's voters don't care about the voters' list.") == []
    assert spans("Guevara declares 'victory' on Tuesday.") == ["victory"]
    assert spans("It's the \"people's\" vote.") == ["people's"]


def test_markup_attributes_are_not_quotation_marks():
    text = '<tweet id="771" author="@x">We won</tweet> and "this is a quote" here.'
    assert spans(text) == ["this is a quote"]


def test_an_open_quote_runs_into_the_next_paragraph_that_opens_with_a_mark():
    text = 'She said: "We counted every vote.\n\n"And we will publish every sheet," she said.'
    found = find_spans(text, split_paragraphs(text))
    assert [text[s.start : s.end] for s in found] == ["We counted every vote.", "And we will publish every sheet,"]
    assert found[0].continues and found[0].close_at is None
    assert found[1].continued and not found[1].continues


def test_an_open_quote_without_a_continuation_is_dropped_not_the_rest():
    text = 'He called it "a fraud. Then he left and "we will fight" was heard.\n\n"Second," he said.'
    assert spans(text) == ["we will fight", "Second,"]


def test_spanish_continuation_mark():
    text = "«Primero contamos.\n\n»Después publicamos», dijo."
    assert spans(text) == ["Primero contamos.", "Después publicamos"]


def test_rayas_at_paragraph_start_and_after_a_sentence():
    text = "—Vamos a ganar —dijo el portavoz—. Y pronto.\n\nOrtiz habló después. —No temo nada —afirmó."
    found = raya_spans(text, split_paragraphs(text))
    assert [text[s.start : s.end] for s in found] == ["Vamos a ganar", "Y pronto.", "No temo nada"]
    assert all(s.dash for s in found)


def test_paragraphs_are_lines_and_sentences_skip_abbreviations():
    text = "  First line.  \n\nSecond line\nThird"
    assert [text[a:b] for a, b in split_paragraphs(text)] == ["First line.", "Second line", "Third"]
    t = "Mr. Smith met Sen. Jones in the U.S. Capitol. Then he left."
    assert [t[:e] for e in sentence_ends(t, 0, len(t))] == ["Mr. Smith met Sen. Jones in the U.S. Capitol."]
