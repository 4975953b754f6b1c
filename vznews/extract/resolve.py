"""Resolve speakers to the people they name: pronouns to the last named speaker, surnames to full names.

A pronoun takes the most recent named person who was the subject of a speech verb before it, skipping
people whose gender (from a first name, honorific or title) disagrees. A surname, or an honorific and a
surname ("Mr. Trump"), takes the full name the article used for that person ("Donald Trump").
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from vznews.extract import lexicon
from vznews.extract.speakers import NON_NAMES, ORG_WORDS, Speaker
from vznews.models import Quote

_NAME = re.compile(
    r"\b[A-ZÁÉÍÓÚÑ][\w’'\-]+\.?(?:[ \t]+(?:[A-Z]\.|[A-ZÁÉÍÓÚÑ][\w’'\-]+\.?|de la|de|del|van|von|bin|al|da|di|y)){1,4}"
)


@dataclass(frozen=True)
class FullName:
    """A person's full name as the article writes it, with the gender its first name tells."""

    text: str
    start: int
    gender: str


def full_names(text: str) -> dict[str, list[FullName]]:
    """Multi-word names of the article, keyed by surname, in order of first use."""
    tit = lexicon.titles()
    by_surname: dict[str, list[FullName]] = {}
    seen: set[str] = set()
    for m in _NAME.finditer(text):
        words = _cut_at_period(m.group().split(), tit)
        offset = m.start()
        while words and (words[0] in tit.honorifics or words[0] in tit.titles or words[0] in NON_NAMES):
            offset = text.index(words[1], offset + len(words[0])) if len(words) > 1 else offset
            words = words[1:]
        while words and (words[-1] in NON_NAMES or words[-1].lower() in ("de", "del", "la", "y")):
            words = words[:-1]
        if words and words[-1].endswith(".") and words[-1] not in ("Jr.", "Sr."):
            words[-1] = words[-1][:-1]
        if len(words) < 2:
            continue
        last = words[-1]
        if last.endswith(("'s", "’s")):
            last = last[:-2]
            words[-1] = last
        if any(w in ORG_WORDS for w in words) or any(w in tit.titles for w in words[1:]):
            continue
        name = " ".join(words)
        if name in seen:
            continue
        seen.add(name)
        gender = lexicon.first_name_gender(words[0])
        by_surname.setdefault(last, []).append(FullName(name, offset, gender))
    _fold_prefixes(by_surname)
    return by_surname


def _fold_prefixes(by_surname: dict[str, list[FullName]]) -> None:
    """"Ana Belén" is "Ana Belén Ortiz" when the article uses both: keep the longer name only."""
    prefixes = set()
    for group in by_surname.values():
        for n in group:
            words = n.text.split()
            prefixes.update(" ".join(words[:k]) for k in range(2, len(words)))
    for key in list(by_surname):
        kept = [n for n in by_surname[key] if n.text not in prefixes]
        if kept:
            by_surname[key] = kept
        else:
            del by_surname[key]


def _cut_at_period(words: list[str], tit: lexicon.Titles) -> list[str]:
    """Stop a name at a word ending a sentence ("… Guevara. Guevara added")."""
    for i, w in enumerate(words[:-1]):
        if w.endswith(".") and len(w) > 2 and w not in tit.honorifics and w not in tit.titles and "." not in w[:-1]:
            return words[: i + 1]
    return words


def _agrees(gender: str, want: str) -> bool:
    return not want or not gender or gender == want


def expand_surname(sp: Speaker, names: dict[str, list[FullName]], counts: Counter[str]) -> str:
    """The full name for a one-word person speaker, else the speaker as written."""
    words = sp.text.split()
    if sp.kind != "person" or len(words) != 1:
        return sp.text
    cands = [n for n in names.get(words[0], []) if _agrees(n.gender, sp.gender)]
    if not cands:
        return sp.text
    earlier = [n for n in cands if n.start < sp.start] or cands
    return max(earlier, key=lambda n: (counts[n.text], -n.start)).text


@dataclass(frozen=True)
class Said:
    """A named person who was the subject of a speech verb at `at`."""

    at: int
    name: str
    gender: str


def resolve_pronoun(sp: Speaker, history: list[Said]) -> Said | None:
    """The person a pronoun speaker refers to: the last agreeing speaker before it."""
    if sp.gender not in ("m", "f"):
        return None
    for said in reversed(history):
        if said.at < sp.start and _agrees(said.gender, sp.gender):
            return said
    return None


def _last_named(before: int, gender: str, names: dict[str, list[FullName]]) -> Said | None:
    """Failing a speaker, the last person named before `before` (whose first name tells `gender`, if given)."""
    best = None
    for group in names.values():
        for n in group:
            if n.start < before and (not gender or n.gender == gender) and (best is None or n.start > best.start):
                best = n
    return Said(best.start, best.text, best.gender) if best else None


def resolve_speakers(text: str, found: list, events: list = ()) -> list[Quote]:
    """Quote records for `found` (quotes.Found) with pronouns and surnames resolved to full names.

    `events`: speakers that said something without a quotation; they count as the last speaker.
    """
    names = full_names(text)
    counts: Counter[str] = Counter(
        expand_surname(f.speaker, names, Counter()) for f in found if f.speaker is not None and f.speaker.kind == "person"
    )
    history: list[Said] = []
    by_start: dict[int, str] = {}  # a speaker mention (by offset) resolves once
    out = []
    for f in sorted([*found, *events], key=lambda f: f.anchor):
        sp = f.speaker
        name = role = written = None
        if sp is None and f.cue and f.kind != "indirect":
            said = _last_named(f.anchor, "", names)  # `—…—dice, sin levantar la voz—`: the person named last
            name = said.name if said else None
        elif sp is not None:
            written, role = sp.text, sp.role
            if sp.start in by_start:
                name = by_start[sp.start]
            elif sp.kind == "pronoun":
                said = resolve_pronoun(sp, history) or _last_named(sp.start, sp.gender, names)
                name = said.name if said else sp.text
            elif sp.kind == "person":
                name = expand_surname(sp, names, counts)
                first = name.split()[0]
                gender = sp.gender or lexicon.first_name_gender(first)
                history.append(Said(sp.start, name, gender))
            else:
                name = sp.text
            by_start[sp.start] = name
        if f.kind == "event":
            continue
        start, end = _trim(text, f.start, f.end)
        out.append(Quote(text[start:end], name, written, role, f.cue, f.kind, start, end, f.paragraph, f.joined))
    return sorted(out, key=lambda q: (q.start, q.end))


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop outer spaces and the comma American style puts inside the marks (`"…," she said`)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return start, end
