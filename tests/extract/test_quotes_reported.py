"""Reported speech and quoted terms: the English usages that look like a report or a quotation but are not.

Every sentence is written for these tests (invented names and events).
"""

from __future__ import annotations

from vznews.extract.quotes import extract_quotes


def found(text: str) -> list[tuple[str, str, str | None]]:
    return [(q.kind, text[q.start : q.end], q.speaker) for q in extract_quotes(text, "en")]


def test_a_time_after_said_is_not_what_was_said():
    text = "The mayor backs the new levy, her husband, former Governor Paul Brent, said this week at a fair in Dayton."
    assert not any(q[1].startswith("this week") for q in found(text))
    assert found("Brent said this week is the hardest of his term.")[0][1] == "this week is the hardest of his term"


def test_the_words_after_told_are_its_object_not_a_clause():
    text = "This is not about me, Governor Ellis told his closest advisers as he worked over the draft."
    assert not any(q[1].startswith("his closest advisers") for q in found(text))
    assert found("Ellis told reporters that the draft was finished.") == [
        ("indirect", "the draft was finished", "Ellis")]


def test_an_aside_after_that_does_not_hide_the_reported_clause():
    text = "The agency reported that, according to an audit of the ledgers, 85 of the 154 payments went to donors."
    assert [q[1] for q in found(text)] == ["85 of the 154 payments went to donors"]


def test_an_inverted_closing_attribution_is_not_a_clause():
    text = ("In nearby Milton, the old paper mill is hanging on, but it is under pressure from imports, "
            "said the company's chief executive, Laura B. Chen.")
    assert not any("Laura B. Chen" in q[1] for q in found(text))
    kept = "Paul Grant, the mayor, said the bridge would reopen in May."
    assert found(kept) == [("indirect", "the bridge would reopen in May", "Paul Grant")]


def test_according_to_between_a_subject_and_its_verb_reports_the_whole_sentence():
    text = "Among the rulings now at risk, according to Ms. Okafor, are 12 involving labor unions or tax policy."
    (q,) = found(text)
    assert q[1] == text[:-1] and q[2] == "Okafor"
    before = "The bridge will reopen in May, according to Nadia Petrov, who leads the works."
    assert found(before)[0][1] == "The bridge will reopen in May"


def test_according_to_inside_brackets_reports_only_the_bracketed_words():
    text = "Marsh lives modestly (most of his wealth is in a farm he inherited, according to the county clerk)."
    assert [q[1] for q in found(text)] == ["most of his wealth is in a farm he inherited"]


def test_a_lower_case_term_after_a_colon_is_not_a_quotation():
    assert found("Thanks to his album, Tom Reyes can add a title to his resume: “folk archivist.”") == []
    kept = found("Asked about the deal, Reyes replied: “Never.”")
    assert [(k, w) for k, w, _ in kept] == [("direct", "Never.")]
    sign = found("The marchers carried one message for the senator: “Stay Home.” They left at noon.")
    assert [w for _, w, _ in sign] == ["Stay Home."]


def test_a_title_followed_by_a_comma_and_no_attribution_is_a_work():
    assert found("“Stories From the Attic,” a radio drama that first aired in 1979, will return in May.") == []
    said = found("“Stories From the Attic,” she said, “was my grandfather's favourite.”")
    assert said and all(s == "she" or s is None or s for _, _, s in said)
    assert found("“Stories From the Attic,” Lena Ortiz said.")[0][:2] == ("direct", "Stories From the Attic")


def test_the_text_quoted_after_a_cited_headline_and_its_byline_is_not_speech():
    review = ("CLOSING—\"The Blue Room to shut in May,\" by the Ledger's Ben Sato: \"The Blue Room, a small club "
              "that launched many singers, will close in May, its owners announced on Tuesday.\"")
    assert [q for q in found(review) if q[0] == "direct"] == []
    said = "Asked about the closure, the owner, Ben Sato, said: \"We gave it eighteen good years.\""
    assert found(said) == [("direct", "We gave it eighteen good years.", "Ben Sato")]


def test_states_after_a_direction_or_a_number_is_the_noun():
    assert found("The race now moves to western states this week that Lopez is counting on winning.") == []
    assert found("The report states that the bridge is safe.")[0][1] == "the bridge is safe"


def test_a_clause_after_and_is_not_a_closing_attribution():
    text = "A small firm was involved in each of the eight largest deals, and Brandt advised on three of those."
    assert found(text) == []
    assert found("The firm was involved in all eight deals, Brandt said.")[0][1:] == (
        "The firm was involved in all eight deals", "Brandt")


def test_according_to_after_a_word_that_cannot_end_a_clause_reports_the_sentence():
    text = "He crossed the border years ago after, according to him, the network censored his first report."
    assert [q[1] for q in found(text)] == [text[:-1]]
