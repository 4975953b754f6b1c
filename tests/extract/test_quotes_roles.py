"""Role nouns as speakers agree in gender with the person they resolve to."""

from __future__ import annotations

from vznews.extract.quotes import extract_quotes


def test_a_feminine_role_never_resolves_to_a_man_titled_later() -> None:
    text = (
        "El CEN proclamó ayer a Marisol Quintero. Salvatierra no asistió.\n\n"
        "“Valdoria ya decidió. Ahora nos toca a todos respetar esa decisión”, escribió la presidenta electa.\n\n"
        "Un decreto firmado por el Presidente Héctor Salvatierra suspendió la ceremonia."
    )
    (q,) = [q for q in extract_quotes(text, "es") if q.kind == "direct"]
    assert q.speaker_as_written == "la presidenta electa"
    assert q.speaker != "Héctor Salvatierra"


def test_a_role_titled_later_still_resolves_when_the_gender_agrees() -> None:
    text = (
        "In a speech in Port Alma, Vance thanked the assembly.\n\n"
        "“I have never refused to talk,” the governor said.\n\n"
        "An order signed by Governor Miles Vance on Friday closed the port."
    )
    (q,) = [q for q in extract_quotes(text, "en") if q.kind == "direct"]
    assert q.speaker == "Miles Vance"
