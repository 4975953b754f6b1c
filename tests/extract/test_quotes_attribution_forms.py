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


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("When the old senator died in 1998, Governor Lena Ortiz released the following statement:\n\n"
         "“Our state has lost a stubborn and honest voice.”", "Lena Ortiz"),
        ("The Daily Ledger made the same claims in March, and the Harbor Tribune responded:\n\n"
         "“If there are people in this city who are at risk, we must act.”", "Harbor Tribune"),
    ],
)
def test_a_paragraph_ending_in_a_colon_introduces_the_quotation_below_it(text, speaker):
    assert last(text) == ("direct", speaker)


def test_a_quotation_below_a_paragraph_without_a_colon_takes_the_last_speaker():
    assert last("Governor Lena Ortiz released a statement on Monday.\n\n“Our state has lost a voice.”") == (
        "direct", "Paul Drake")


def test_and_i_quote_is_not_a_new_speaker():
    assert last("No wonder Ana Ruiz said, and I quote, “We love the quiet voters.”") == ("direct", "Ana Ruiz")


def test_a_name_closing_an_appositive_subject_is_whom_a_later_he_means():
    text = ("“I voted for change,” said Rosa Imbert, 27.\n\n"
            "An engineer from the coast, who asked to be named only by his first name, Tomas, said police had "
            "come to his house twice.\n\n“They have the lists,” he said.")
    assert [q.speaker for q in extract_quotes(text, "en") if q.kind == "direct"] == ["Rosa Imbert", "Tomas"]


def test_a_former_office_is_not_what_a_later_the_governor_means():
    text = ("Governor Sam Ortega spoke first.\n\n"
            "Ana Whitby, the former governor and party chair, told reporters she would not vote for him.\n\n"
            "“I have known him for fourteen years,” the governor said.")
    assert extract_quotes(text, "en")[-1].speaker == "Sam Ortega"
