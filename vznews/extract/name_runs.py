"""Spanish names the English recognizer cuts into pieces: "Foro por la Justicia" came back as
"Foro" (ORG) and "Justicia" (PERSON), "Alianza Democrática Valdoriana" as three words.

In a Spanish article, a mention inside a longer run of capitalised words (joined by
"de", "del", "de la", "por la", …) stands for the whole run: the run becomes the mention. The run
is an organisation unless it opens with a place word ("Puerto", "Avenida") or a known first name.
"""

from __future__ import annotations

import re
from functools import cache

from vznews.extract import lexicon
from vznews.extract.common_words import stop_words
from vznews.extract.entity_names import entity_key
from vznews.extract.language import guess_language
from vznews.extract.mention_rules import Mention

_CAP = r"[A-ZÁÉÍÓÚÑ][\wáéíóúñü-]*"
_LINK = r"(?:de|del|de la|de las|de los|por la|por el|para la|para el)"
_RUN = re.compile(rf"{_CAP}(?:(?:[ ]{_LINK})?[ ]{_CAP})+")
_PLACE_LEAD = frozenset("puerto porto avenida calle plaza villa san santa alto bajo costa tres".split())
_LEADS = _PLACE_LEAD | frozenset("universidad liceo escuela colegio instituto fundación hospital consejo tribunal asamblea".split())


def _runs(text: str) -> list[tuple[int, int]]:
    """Runs of capitalised words, without leading words that only open a sentence ("Hoy", "La")."""
    out = []
    stop = stop_words("es")
    for m in _RUN.finditer(text):
        s, e = m.span()
        words = text[s:e].split(" ")
        while len(words) > 1 and (words[0].lower() in stop or words[0].lower() in ("según", "segun")):
            s += len(words[0]) + 1
            words = words[1:]
        lead = next((i for i, w in enumerate(words) if i and w.lower() in _LEADS), None)
        if lead is not None and re.search(r"(?:^|[.!?:;«“\"]\s*|\n)$", text[max(0, s - 3) : s]):
            # "Estudiantes de la Universidad Católica…": a sentence's first word is no part of the name
            s += sum(len(w) + 1 for w in words[:lead])
            words = words[lead:]
        if len(words) > 1:
            out.append((s, e))
    return out


def _label(name: str, label: str) -> str:
    first = name.split()[0]
    if first.lower() in _PLACE_LEAD:
        return "GPE"
    if first in lexicon.first_names() and label == "PERSON":
        return "PERSON"
    return "ORG"


def join_pieces(text: str, found: list[Mention]) -> list[Mention]:
    """`found` with each piece of a longer Spanish name replaced by that name, once per span (people
    the recognizer found whole keep their span)."""
    if not found or guess_language(text) != "es":
        return found
    runs = _runs(text)
    out: list[Mention] = []
    taken: set[tuple[int, int]] = set()
    for m in found:
        # the span may hold more than the cleaned name ("Según Foro", "Valdoriana le da"): place the name
        at = max(m.start, text.find(m.name, m.start, m.end))
        run = next(((s, e) for s, e in runs if s <= at and at + len(m.name) <= e), None)
        if run is None or run == (at, at + len(m.name)) or (" " in m.name and m.label == "PERSON"):
            out.append(m)
            continue
        if run in taken:
            continue  # the run's other pieces already stand for it
        taken.add(run)
        name = text[run[0] : run[1]]
        label = _label(name, m.label)
        out.append(Mention(name, entity_key(name, label), label, run[0], run[1], m.evidence if label == "PERSON" else -2))
    return out


_TAIL = r"(?:[ ](?:(?:de|del|de la|da|dos|van|von) )?[A-ZÁÉÍÓÚÑ](?:['’](?=[A-Z]))?[A-Za-záéíóúñü]*[a-záéíóúñü](?:-[A-ZÁÉÍÓÚÑ][a-záéíóúñü]+)?)"
# Last words of things named after people: "the Sean Hannity Show", "the Rose Bowl".
_THING_HEADS = frozenset("show shows award awards prize cup bowl file hour tour act law plan doctrine era years day".split())


@cache
def _full_names() -> re.Pattern[str]:
    firsts = {n for n in lexicon.first_names() if n[:1].isupper()}
    return re.compile(rf"(?<![\w’'-])(?:{lexicon.trie_regex(firsts)}){_TAIL}{{1,3}}(?![\w-])")


def missed_people(text: str, taken: list[tuple[int, int]], skip: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans of people the recognizer missed: a known first name and one to three capitalised words
    ("María Fernanda Rodríguez", "Luz Mely Reyes"), standing alone, not part of a longer name
    ("Liceo Manuel Arvelo", "Simón Bolívar University") and not in `taken` or `skip` (sorted spans)."""
    from vznews.extract.credits import inside
    from vznews.extract.entity_names import ORG_HEADS, title_words
    from vznews.extract.mention_rules import NOT_IN_NAMES
    from vznews.extract.wordsets import NON_NAMES

    out = []
    for m in _full_names().finditer(text):
        s, e = m.span()
        words = text[s:e].split()
        before = re.search(r"([\w.’'-]+)[ ]$", text[max(0, s - 30) : s])
        if before and before.group(1)[:1].isupper() and before.group(1) not in NON_NAMES and before.group(1).lower() not in title_words():
            continue  # the end of a longer name: "Universidad Simón Bolívar"
        if before and before.group(1).lower() in ("the", "el", "la", "los", "las"):
            continue  # "the Rose Bowl", "The Kelly File": a thing's name
        after = re.match(r"[ ]+([A-Z][\w-]*)", text[e : e + 30])
        if after or words[-1].lower() in ORG_HEADS | _THING_HEADS or any(
                w in NON_NAMES or w.lower() in title_words() or w.lower() in NOT_IN_NAMES for w in words[1:]):
            continue
        if not inside(taken, s, e) and not inside(skip, s, e):
            out.append((s, e))
    return out
