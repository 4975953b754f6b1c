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


def _speakers(text: str, lang: str) -> list[tuple[str | None, str | None]]:
    return [(q.speaker, q.speaker_as_written) for q in extract_quotes(text, lang)]


def test_a_role_noun_resolves_to_the_person_introduced_with_it_across_a_complement_and_an_honorific() -> None:
    text = (
        "Las partes aceptaron la mediación del obispo de Lomar, monseñor Tadeo Quiroga, y de la ONU.\n\n"
        "«Nadie sobra en esta mesa», dijo monseñor Quiroga en la catedral.\n\n"
        "Según el obispo, la primera condición es la liberación de los detenidos."
    )
    assert _speakers(text, "es") == [("Tadeo Quiroga", "Quiroga"), ("Tadeo Quiroga", "el obispo")]


def test_a_role_written_after_the_name_or_tight_before_it_is_that_persons_role() -> None:
    after = (
        "Tadeo Quiroga, the archbishop of Lomar, opened the talks on Monday.\n\n"
        "“Nobody is surplus at this table,” the archbishop said."
    )
    assert _speakers(after, "en") == [("Tadeo Quiroga", "the archbishop")]
    spanish_after = (
        "Tadeo Quiroga, arzobispo de Lomar, abrió el diálogo el lunes.\n\n"
        "«Nadie sobra en esta mesa», afirmó el arzobispo."
    )
    assert _speakers(spanish_after, "es") == [("Tadeo Quiroga", "el arzobispo")]
    tight = (
        "El diálogo lo abrió el arzobispo Tadeo Quiroga, que llegó de madrugada.\n\n"
        "«Nadie sobra en esta mesa», afirmó el arzobispo."
    )
    assert _speakers(tight, "es") == [("Tadeo Quiroga", "el arzobispo")]


def test_a_role_two_people_in_view_hold_stays_unresolved() -> None:
    text = (
        "Interior Minister Ada Rook and Finance Minister Paul Venn met the unions on Friday.\n\n"
        "“Nothing is decided yet,” the minister said."
    )
    assert _speakers(text, "en") == [("the minister", "the minister")]


def test_a_spanish_article_tells_the_gender_of_a_role_noun_that_does_not() -> None:
    text = (
        "El fiscal Tomás Ugarte pidió la detención; la fiscal Elena Brito se opuso, y también lo hizo Ugarte más tarde.\n\n"
        "«No hay pruebas suficientes», declaró la fiscal."
    )
    assert _speakers(text, "es") == [("Elena Brito", "la fiscal")]


def test_a_former_office_written_after_the_name_is_not_the_role() -> None:
    text = (
        "Ana Pike, the former minister, joined Governor Lou Brandt at the rally.\n\n"
        "“We are ready,” the minister said."
    )
    assert _speakers(text, "en") == [("the minister", "the minister")]


def test_a_role_after_a_comma_that_titles_the_next_name_is_not_the_previous_names() -> None:
    text = (
        "Desde la Escuela Naval, el gobernador Anselmo Ríos Paz prometió resistir; la gobernadora Inés Lara calló.\n\n"
        "—No pienso renunciar —advirtió el gobernador ante los cadetes."
    )
    assert _speakers(text, "es") == [("Anselmo Ríos Paz", "el gobernador ante los cadetes")]


def test_a_gendered_role_noun_right_after_the_name_is_a_predicate_role() -> None:
    text = (
        "El tribunal proclamó ayer a Celia Montaño Rey alcaldesa electa de Ribera, y a Bruno Gil concejal.\n\n"
        "“Ribera ya decidió”, escribió la alcaldesa electa en sus redes."
    )
    assert _speakers(text, "es") == [("Celia Montaño Rey", "la alcaldesa electa")]


def test_a_rank_abbreviated_before_the_name_goes_with_the_name_not_after_the_office() -> None:
    def roles(text: str) -> list[tuple[str | None, str | None]]:
        return [(q.speaker, q.role) for q in extract_quotes(text, "en")]

    assert roles('Defence Minister Gen. Rui Calvo said the army would "stay in its barracks".') == [
        ("Rui Calvo", "Defence Minister")]
    assert roles('"We will count every vote," said Electoral Council president Dr. Ines Faro.') == [
        ("Ines Faro", "Electoral Council president")]
    assert roles('"We will count every vote," said Gen. Rui Calvo.') == [("Rui Calvo", "Gen.")]


def _direct(text: str, lang: str) -> list[tuple[str | None, str | None]]:
    return [(q.speaker, q.speaker_as_written) for q in extract_quotes(text, lang) if q.kind == "direct"]


def test_a_modifier_picks_the_holder_when_two_ministers_are_in_view() -> None:
    text = (
        "Labour Minister Carla Benítez met unions on Tuesday. Héctor Gil, the finance minister, stayed away.\n\n"
        "“The strike must end,” the labour minister said.\n\n"
        "“We will pay,” the finance minister said."
    )
    assert _direct(text, "en") == [
        ("Carla Benítez", "the labour minister"), ("Héctor Gil", "the finance minister")
    ]
    plain = text.replace("the labour minister said", "the minister said")
    assert _direct(plain, "en")[0] == ("the minister", "the minister")  # either minister: unresolved


def test_a_candidate_phrase_and_a_possessive_role_resolve() -> None:
    text = (
        "Opposition candidate Lucía Prado toured the port. Solicitor General Ramón Tejada filed charges.\n\n"
        "“We are winning,” the opposition candidate told reporters.\n\n"
        "“Nobody is exempt,” the republic’s solicitor general said."
    )
    assert _direct(text, "en") == [
        ("Lucía Prado", "the opposition candidate"), ("Ramón Tejada", "the republic’s solicitor general")
    ]
    es = "La candidata opositora Lucía Prado recorrió el puerto.\n\n«Vamos a ganar», dijo la candidata opositora."
    assert _direct(es, "es") == [("Lucía Prado", "la candidata opositora")]


def test_a_holder_with_another_modifier_is_not_the_one_named() -> None:
    text = (
        "Health Minister Nora Vidal opened a clinic.\n\n"
        "“The troops are loyal,” the defence minister said."
    )
    assert _direct(text, "en") == [("the defence minister", "the defence minister")]
