"""Who speaks when a relative clause has its own subject, or a Spanish verb that is also a noun comes inverted."""

from __future__ import annotations

from vznews.extract.quotes import extract_quotes


def _all(text: str, lang: str = "en") -> list[tuple[str | None, str, str]]:
    return [(q.speaker, q.text, q.kind) for q in extract_quotes(text, lang)]


def test_a_relative_clause_with_its_own_subject_reports_for_that_subject() -> None:
    text = ("Mayor Lionel Acuña said he would appeal to the tribunal, which he said had "
            "\u201cno authority over a city that elects its own council\u201d.")
    assert ("Lionel Acuña", "no authority over a city that elects its own council", "mixed") in _all(text)


def test_a_named_subject_inside_a_relative_clause_speaks() -> None:
    text = 'The board rejected the plan, which Nadia Ferro said was "a gift to the developers".'
    assert _all(text) == [("Nadia Ferro", "a gift to the developers", "mixed")]


def test_a_document_in_which_someone_spoke_keeps_the_main_subject() -> None:
    text = 'Governor Iris Lamb issued a statement in which she promised "a full inquiry into the fire".'
    assert [s for s, _, _ in _all(text)] == ["Iris Lamb"]


def test_an_inverted_subject_after_conto_speaks() -> None:
    text = ("Los observadores denunciaron que los centros abrieron tarde.\n\n"
            "\u201cNos hicieron esperar cuatro horas\u201d, contó Herminia Salas, votante de Villa Roja.")
    assert ("Herminia Salas", "Nos hicieron esperar cuatro horas", "direct") in _all(text, "es")


def test_cuenta_as_a_noun_takes_no_inverted_subject() -> None:
    text = "\u00abNo hay fondos\u00bb, dijo Lidia Paz. La cuenta Fondo Rural quedó vacía."
    assert [s for s, _, _ in _all(text, "es")] == ["Lidia Paz"]
