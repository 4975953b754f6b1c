"""Attribution forms of English news the speaker rules must read (sentences written for these tests)."""

from __future__ import annotations

import pytest

from vznews.extract.quotes import extract_quotes

LEAD = "“We lost the vote,” said Paul Drake.\n\n"


def last(text: str):
    qs = extract_quotes(LEAD + text, "en")
    return qs[-1].kind, qs[-1].speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("“There is energy in a whole host of races,” Rep. Earl Brandt (D-Ore.) said.", "Earl Brandt"),
        ("“If the mayor had listened, I would not be here,” Mr. Danner, now 81 and retired in Salem, Mass., said.",
         "Danner"),
        ("“I just don't think she has been truthful,” Celia Park, 67, a retired nurse in Allentown, Pa., said.",
         "Celia Park"),
    ],
)
def test_an_abbreviation_inside_the_speaker_phrase_does_not_end_the_attribution(text, speaker):
    assert last(text) == ("direct", speaker)


def test_a_sentence_still_ends_at_a_period_before_a_capital():
    qs = extract_quotes("“We are done,” she said. Mr. Hale left (for Salem, Ore.). Nobody followed.", "en")
    assert [q.speaker for q in qs if q.kind == "direct"] == ["she"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("When asked whom she supported, Ms. Sherry smiled and said, “I am waiting for someone else to run.”",
         "Sherry"),
        ("The debate was so calm that Mr. Hale was prompted to say, “So far, I cannot believe how civil it is.”",
         "Hale"),
        ("Ana Ortiz, who served two terms as governor, interjected to say: “They have both been inconsistent.”",
         "Ana Ortiz"),
    ],
)
def test_the_subject_of_a_verb_coordinated_with_the_cue_or_governing_it_speaks(text, speaker):
    assert last(text) == ("direct", speaker)
