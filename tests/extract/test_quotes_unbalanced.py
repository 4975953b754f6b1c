"""One unbalanced quotation mark never silences the rest of an article."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from vznews.extract.quotes import extract_quotes

QUOTED = [
    '"We will appeal the result," Freddy Guevara said.',
    "“The count was clean,” said council president Marta Solís.",
    'Solís told reporters: "Every tally sheet is public."',
    "«Respetaremos los resultados», afirmó el ministro Luis Prieto.",
    '"Nobody will be turned away," the mayor said.',
]
PLAIN = [
    "Turnout was high in the capital and lower in the provinces.",
    "Observers from four countries followed the count overnight.",
    "The currency fell two percent against the dollar on Monday.",
]
STRAYS = ['"', "“", "”", "«", "»", "„", "''"]


def _direct(text: str) -> list[str]:
    return [q.text for q in extract_quotes(text, "en") if q.kind == "direct"]


def test_a_stray_opening_mark_does_not_hide_the_quotes_after_it():
    text = (
        'Guevara called the result "a fraud from start to finish.\n\n'
        + "\n\n".join(QUOTED[:2] + PLAIN[:1] + QUOTED[2:3])
    )
    assert _direct(text) == ["We will appeal the result", "The count was clean", "Every tally sheet is public."]


def test_a_stray_mark_inside_a_paragraph_keeps_that_paragraphs_later_quote():
    text = 'The banner read "Freedom now and the crowd cheered. "We are not afraid," said Ana Ferrer.'
    assert _direct(text) == ["We are not afraid"]


def test_a_stray_closing_mark_is_ignored():
    text = 'Prices rose” sharply, the bank said.\n\n"We saw it coming," said Luis Prieto, an economist.'
    assert _direct(text) == ["We saw it coming"]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.sampled_from(QUOTED + PLAIN), min_size=2, max_size=7),
    st.integers(min_value=0, max_value=6),
    st.sampled_from(STRAYS),
    st.floats(min_value=0.0, max_value=1.0),
)
def test_property_a_stray_mark_only_affects_its_own_paragraph(paragraphs, which, stray, where):
    which %= len(paragraphs)
    clean = [_direct(p) for p in paragraphs]
    broken = list(paragraphs)
    cut = int(len(broken[which]) * where)
    broken[which] = broken[which][:cut] + stray + broken[which][cut:]
    got = extract_quotes("\n\n".join(broken), "en")
    for i, want in enumerate(clean):
        if i == which or (i == which + 1 and stray in ('"', "“", "«", "„", "''")):
            continue  # the damaged paragraph itself, and the one a dangling opener may run into
        assert [q.text for q in got if q.paragraph == i and q.kind == "direct"] == want, (i, broken)
