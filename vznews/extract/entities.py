"""People, organisations and places of one article, cleaned from the recognizer's raw spans.

The recognizer alone is not enough on news: it names photographers from credits,
calls "Maduro" an organisation in one sentence and a person in the next, and sees
"Maduro" and "Nicolás Maduro" as two things. `resolve_entities` therefore
  1. drops spans inside credits, captions and bylines (`credits.py`),
  2. cleans each name (titles, possessives, punctuation) and keys it (`entity_names.py`),
  3. folds a surname (or any shorter part of a name) into the full name used nearby,
  4. decides each entity's kind from all its mentions: label votes plus person
     evidence (a title before it, a speech verb next to it, being a quote's speaker),
  5. adds quote speakers the recognizer missed when they look like a person's name.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Iterable, Sequence

from vznews.extract import lexicon
from vznews.extract.credits import credit_spans, inside
from vznews.extract.entity_names import ORG_HEADS, clean_name, entity_key, looks_like_person, title_words
from vznews.extract.ner import RawEntity
from vznews.models import EntityKind, EntityMention, Quote

KINDS: dict[str, EntityKind] = {"PERSON": "person", "ORG": "org", "GPE": "place", "LOC": "place", "FAC": "place"}
_WORD_BEFORE = re.compile(r"([\w.’'-]+)\s+$")
_DATELINE = re.compile(r"^[ \t]*([A-ZÁÉÍÓÚÑ][A-ZÁÉÍÓÚÑ.'’ -]{2,40}?)(?=\s*(?:,|\(|[—–-]\s))", re.M)
_ACRONYM = re.compile(r"\s*\(([A-Z][A-Z.&]{1,9})\)")
_WORD_AFTER = re.compile(r"^\s*(?:,[^,.;\"“”]{1,80},\s*)?([\w’'-]+)")


@dataclass
class _Mention:
    name: str
    key: str
    label: str
    start: int
    end: int
    evidence: int  # person evidence at this mention


def _person_evidence(text: str, ent: RawEntity, name: str) -> int:
    """2 for a title or honorific before the name, 1 for a speech verb next to it, else 0."""
    if name != " ".join(ent.text.split()).strip(" ,.") and name in ent.text and not ent.text.lower().startswith("the "):
        return 2  # clean_name stripped a title: "President Maduro"
    before = _WORD_BEFORE.search(text, max(0, ent.start - 40), ent.start)
    word = before.group(1).lower() if before else ""
    if word in title_words() or word.rstrip(".") in lexicon.role_nouns():
        return 2
    if name.isupper() or name.split()[-1].lower() in ORG_HEADS:
        return 0  # "CNE said", "the ministry said": organisations speak too
    verbs = lexicon.verbs("en").forms
    after = _WORD_AFTER.match(text, ent.end, min(len(text), ent.end + 100))
    if after and after.group(1).lower() in verbs or word in verbs:
        return 1
    return 0


def _plausible(name: str, label: str) -> bool:
    if not name or not any(c.isalpha() for c in name) or len(name) > 80 or any(c in name for c in "@/\\|#<>="):
        return False
    words = name.split()
    if not words[0][:1].isupper() and not words[0][:1].isdigit():
        return False
    if label == "PERSON":
        if len(words) > 5 or any(c.isdigit() for c in name) or (name.isupper() and len(name) > 4):
            return False
    return len(words) <= 8


def _mentions(text: str, raw: Iterable[RawEntity]) -> list[_Mention]:
    skip = credit_spans(text)
    datelines = [m.span(1) for m in _DATELINE.finditer(text)]
    out = []
    for ent in raw:
        if ent.label not in KINDS or inside(skip, ent.start, ent.end):
            continue
        if ent.text.isupper() and inside(datelines, ent.start, ent.end):
            # "CARACAS, Venezuela —": a dateline names a place, whatever the recognizer says.
            ent = RawEntity(ent.text.title(), "GPE", ent.start, ent.end)
        name = clean_name(ent.text, ent.label)
        key = entity_key(name, ent.label)
        if key and _plausible(name, ent.label):
            out.append(_Mention(name, key, ent.label, ent.start, ent.end, _person_evidence(text, ent, name)))
    return out


def _personish(group: list[_Mention], speakers: set[str]) -> bool:
    votes = Counter(m.label for m in group)
    return votes["PERSON"] > 0 or any(m.evidence for m in group) or group[0].key in speakers


def _fold_names(mentions: list[_Mention], speakers: set[str]) -> None:
    """Point each shorter name ("Maduro") at the full name nearest before it (else after)."""
    groups: dict[str, list[_Mention]] = defaultdict(list)
    for m in mentions:
        groups[m.key].append(m)
    full = [k for k, g in groups.items() if len(k.split()) >= 2 and _person_score(g, speakers, 0) > _other_score(g)]
    if not full:
        return
    for key, group in list(groups.items()):
        words = key.split()
        targets = [f for f in full if f != key and _contains(f.split(), words)]
        if not targets or not _personish(group, speakers):
            continue
        for m in group:
            before = [(max(x.start for x in groups[t] if x.start < m.start), t) for t in targets if any(x.start < m.start for x in groups[t])]
            target = max(before)[1] if before else min(targets, key=lambda t: min(x.start for x in groups[t]))
            m.key = target


def _merge_adjacent(text: str, mentions: list[_Mention]) -> list[_Mention]:
    """One mention for "Nicolas" + "Maduro" when the recognizer split a name in two."""
    out: list[_Mention] = []
    for m in sorted(mentions, key=lambda m: m.start):
        prev = out[-1] if out else None
        if prev and prev.key == m.key and not text[prev.end : m.start].strip():
            prev.end, prev.evidence = m.end, max(prev.evidence, m.evidence)
            prev.name = clean_name(text[prev.start : prev.end], "PERSON")
        else:
            out.append(m)
    return out


def _fold_acronyms(text: str, mentions: list[_Mention]) -> None:
    """"National Electoral Council (CNE)": later "CNE" mentions are that organisation here."""
    alias: dict[str, str] = {}
    for m in mentions:
        found = _ACRONYM.match(text, m.end)
        if found and m.label == "ORG" and len(m.key.split()) >= 2:
            alias[entity_key(found.group(1))] = m.key
    for m in mentions:
        if m.key in alias:
            m.key = alias[m.key]


def _rescan(text: str, groups: dict[str, list[_Mention]], skip: list[tuple[int, int]]) -> None:
    """Count the surname of each person wherever it appears unmarked (the recognizer misses some)."""
    taken = sorted((m.start, m.end) for g in groups.values() for m in g)
    for key, group in groups.items():
        if len(key.split()) < 2 or group[0].label != "PERSON":
            continue
        last = group[0].name.split()[-1]
        if len(last) < 3 or not last[:1].isupper():
            continue
        for found in re.finditer(r"(?<![\w-])" + re.escape(last) + r"(?![\w-])", text):
            s, e = found.span()
            if not inside(taken, s, e) and not inside(skip, s, e):
                group.append(_Mention(last, key, "PERSON", s, e, 0))


def _contains(longer: list[str], shorter: list[str]) -> bool:
    n = len(shorter)
    return n < len(longer) and any(longer[i : i + n] == shorter for i in range(len(longer) - n + 1))


def _person_score(group: list[_Mention], speakers: set[str], folded: int) -> float:
    votes = sum(m.label == "PERSON" for m in group)
    return votes + sum(m.evidence for m in group) + (2 if group[0].key in speakers else 0) + folded + 0.5


def _other_score(group: list[_Mention]) -> int:
    return max(sum(m.label == "ORG" for m in group), sum(KINDS[m.label] == "place" for m in group))


def _kind(group: list[_Mention], speakers: set[str], folded: int) -> EntityKind:
    person = _person_score(group, speakers, folded)
    org = sum(m.label == "ORG" for m in group)
    place = sum(KINDS[m.label] == "place" for m in group)
    if person > max(org, place) and (person > 0.5 or org == place == 0):
        return "person"
    return "org" if org >= place else "place"


def _display(group: list[_Mention], key: str) -> str:
    forms = Counter(m.name for m in group if m.key == key and entity_key(m.name, m.label) == key)
    if not forms:
        forms = Counter(m.name for m in group)
    # Most frequent; on a tie the one with accents ("Nicolás" over "Nicolas"), then the longest.
    return max(forms, key=lambda f: (not f.isupper() or len(f) <= 5, forms[f], not f.isascii(), len(f)))


def _speaker_keys(quotes: Sequence[Quote]) -> dict[str, str]:
    out: dict[str, str] = {}
    for q in quotes:
        if q.speaker and q.speaker[:1].isupper():
            out.setdefault(entity_key(q.speaker, "PERSON"), q.speaker)
    return out


def resolve_entities(text: str, raw: Iterable[RawEntity], quotes: Sequence[Quote] = ()) -> list[EntityMention]:
    """The article's entities, one per real thing, with mention counts, in order of first mention."""
    speakers = _speaker_keys(quotes)
    mentions = _mentions(text, raw)
    _fold_acronyms(text, mentions)
    original = {id(m): m.key for m in mentions}
    _fold_names(mentions, set(speakers))
    groups: dict[str, list[_Mention]] = defaultdict(list)
    for m in _merge_adjacent(text, mentions):
        groups[m.key].append(m)
    for key, speaker in speakers.items():
        if key not in groups and not any(_contains(k.split(), key.split()) for k in groups) and looks_like_person(speaker):
            start = max(text.find(speaker), 0)
            groups[key].append(_Mention(speaker, key, "PERSON", start, start + len(speaker), 2))
    _rescan(text, groups, credit_spans(text))
    out = []
    for key, group in sorted(groups.items(), key=lambda kv: min(m.start for m in kv[1])):
        folded = sum(original.get(id(m), key) != key for m in group)
        kind = _kind(group, set(speakers), folded)
        spans = tuple(sorted((m.start, m.end) for m in group))
        forms = tuple(sorted({m.name for m in group}))
        out.append(EntityMention(_display(group, key), kind, len(group), key=key, forms=forms, spans=spans))
    return out


def speaker_entity(speaker: str | None, entities: Sequence[EntityMention]) -> EntityMention | None:
    """The person entity a quote's speaker names: same key, else a person whose name contains it."""
    if not speaker:
        return None
    key = entity_key(speaker, "PERSON")
    if not key:
        return None
    for ent in entities:
        if ent.key == key or key in (entity_key(f, "PERSON") for f in ent.forms):
            return ent
    words = key.split()
    people = [e for e in entities if e.kind == "person" and _contains(e.key.split(), words)]
    return people[0] if len(people) == 1 else None
