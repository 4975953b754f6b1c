"""Paragraphs of hard-wrapped plain text (lines broken at ~72 columns, blank lines between paragraphs)."""

from __future__ import annotations

import textwrap

from vznews.extract.paragraphs import split_paragraphs
from vznews.extract.quotes import extract_quotes

PARAS = [
    '"We will rebuild the bridge before winter," said Mayor Paul Grant, who spoke to reporters at the river '
    "on Monday after the flood had finally receded from the lower town.",
    '"It will not be easy. The crews are tired and the money is short, but this town has done harder things '
    "before and it will do this one too, whatever the state decides.",
    '"Nobody should leave," he added.',
]


def wrapped(paras: list[str], width: int = 72) -> str:
    return "\n\n".join(textwrap.fill(p, width) for p in paras)


def test_hard_wrapped_text_has_its_paragraphs_between_blank_lines():
    text = wrapped(PARAS)
    assert [text[s:e].replace("\n", " ") for s, e in split_paragraphs(text)] == PARAS


def test_a_multi_paragraph_quote_survives_hard_wrapping():
    text = wrapped(PARAS)
    qs = [q for q in extract_quotes(text, "en") if q.kind == "direct"]
    assert [(q.paragraph, q.speaker) for q in qs] == [(0, "Paul Grant"), (1, "Paul Grant"), (2, "Paul Grant")]
    assert text[qs[1].start : qs[1].end].startswith("It will not be easy.")
    assert text[qs[1].start : qs[1].end].rstrip().endswith("whatever the state decides.")


def test_one_paragraph_per_line_stays_one_paragraph_per_line():
    text = "\n\n".join(PARAS)
    assert len(split_paragraphs(text)) == 3
    lines = "\n".join(PARAS)
    assert len(split_paragraphs(lines)) == 3


def test_short_lines_in_a_block_are_a_list_not_a_wrapped_paragraph():
    text = "Name: Ana Ruiz\nAge: 27\nCity: Dayton\nJob: Waitress\n\nName: Tom Lee\nAge: 31\nCity: Salem\nJob: Cook"
    assert len(split_paragraphs(text)) == 8
