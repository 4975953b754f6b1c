"""Reported speech whose verb has a relative pronoun for subject (`X, who said …`, `a mayor who says …`)."""

from __future__ import annotations

from vznews.extract.quotes import extract_quotes


def _reported(text: str) -> list[tuple[str | None, str]]:
    return [(q.speaker, q.text) for q in extract_quotes(text, "en") if q.kind == "indirect"]


def test_a_non_restrictive_who_reports_for_the_person_before_the_comma() -> None:
    text = "The mayor sided with Okafor, who has said he does not want to reopen the budget."
    assert _reported(text) == [("Okafor", "he does not want to reopen the budget")]


def test_a_restrictive_who_reports_for_its_noun_phrase() -> None:
    text = "The bill drew fire from lawmakers in Lisbon who agree that such transfers are a problem."
    assert _reported(text) == [("lawmakers in Lisbon", "such transfers are a problem")]


def test_a_new_list_item_with_its_own_relative_clause_ends_the_reported_clause() -> None:
    text = ("The town now has a mayor who says she won the count, a rival whom the board says won, "
            "and a court that has not ruled.")
    assert _reported(text) == [("a mayor", "she won the count")]


def test_a_person_before_a_descriptive_appositive_is_who_the_relative_means() -> None:
    text = "The deal worries Ivo Marsh, a senior analyst at Brightwater, who notes that the firm has vowed to cut costs."
    assert _reported(text) == [("Ivo Marsh", "the firm has vowed to cut costs")]
