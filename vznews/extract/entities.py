"""People, organisations and places of one article, cleaned from the recognizer's raw spans.

The recognizer alone is not enough on news: it names photographers from credits,
calls "Maduro" an organisation in one sentence and a person in the next, and sees
"Maduro" and "Nicolás Maduro" as two things. `resolve_entities` therefore
  1. keeps, cleans and relabels each span (`mention_rules.py`: credits, datelines, titles),
  2. folds a surname (or any shorter part of a name) into the full name used nearby,
     and an acronym into the organisation it was spelled out for ("… Council (CNE)"),
  3. decides each entity's kind from all its mentions: label votes plus person
     evidence (a title before it, a speech verb next to it, being a quote's speaker),
  4. counts a known person's surname where the recognizer missed it, and adds quote
     speakers it missed entirely when they look like a person's name.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import Iterable, Sequence

from vznews.extract.common_words import is_common_word
from vznews.extract.credits import credit_spans, inside
from vznews.extract.entity_names import ORG_HEADS, clean_name, entity_key, looks_like_person
from vznews.extract.gazetteer import gazetteer
from vznews.extract.headlines import headline_spans
from vznews.extract.mention_rules import _LEAD_ORG, _LEAD_PLACE, KINDS, Mention, mentions
from vznews.extract.name_runs import join_pieces, missed_people
from vznews.extract.ner import RawEntity
from vznews.models import EntityKind, EntityMention, Quote

_ACRONYM = re.compile(r"\s*\(([A-Z][A-Z.&]{1,9})\)")
# "the Valdorian Chamber of Commerce, known as Cavacom": the short name the text gives an organisation.
_KNOWN_AS = re.compile(r",?\s+(?:known as|also called|conocid[oa] como)\s+[\"“']?$")


def _fold_acronyms(text: str, found: list[Mention]) -> list[Mention]:
    """"National Electoral Council (CNE)": "CNE" is that organisation in this article.

    The bracketed acronym itself is not a second mention.
    """
    alias: dict[str, str] = {}
    brackets: list[tuple[int, int]] = []
    for m in found:
        spelled = _ACRONYM.match(text, m.end)
        if spelled and m.label == "ORG" and len(m.key.split()) >= 2:
            alias[entity_key(spelled.group(1))] = m.key
            brackets.append(spelled.span(1))
    orgs = [m for m in found if m.label == "ORG" and len(m.key.split()) >= 2]
    for m in found:
        if " " not in m.key and m.key not in alias:
            named = next((o for o in orgs if o.end < m.start and _KNOWN_AS.fullmatch(text, o.end, m.start)), None)
            if named:
                alias[m.key] = named.key
    for m in found:
        if m.key in alias:
            m.key, m.label = alias[m.key], "ORG"
    return [m for m in found if (m.start, m.end) not in brackets]


def _fold_heads(found: list[Mention]) -> None:
    """A lone "Alliance", "Herald" or "Department" after "the Democratic Alliance", "the Valdoria Herald" or
    "the U.S. State Department" in the same article is that organisation, named short (the nearest before)."""
    full: dict[str, str] = {}  # last word -> key of the last organisation of several words ending in it
    for m in found:
        words = m.key.split()
        if m.label == "ORG" and len(words) >= 2:
            full[words[-1]] = m.key
        elif len(words) == 1 and m.key in full and m.key in ORG_HEADS and m.evidence <= 0:
            # only a head noun: "Valdoria" after "Universidad Central de Valdoria" is still the country
            m.key, m.label = full[m.key], "ORG"
    _fold_short_orgs(found)


def _fold_short_orgs(found: list[Mention]) -> None:
    """"Electoral Council" in an article naming the "National Electoral Council" is that council: an
    organisation named by the first or last words (two or more) of exactly one longer organisation here."""
    orgs = {m.key for m in found if m.label == "ORG" and len(m.key.split()) >= 3}
    if not orgs:
        return
    for m in found:
        words = m.key.split()
        n = len(words)
        if m.label != "ORG" or n < 2:
            continue
        longer = {k for k in orgs if len(k.split()) > n and (k.split()[:n] == words or k.split()[-n:] == words)}
        if len(longer) == 1:
            m.key = longer.pop()


def _person_score(group: list[Mention], speakers: set[str]) -> float:
    votes = sum(m.label == "PERSON" for m in group)
    # Being a quote's speaker says "person" for a name ("Freddy Guevara"), not for "Aides" or "Exit polls".
    key = group[0].key
    known = key in gazetteer("orgs") or key in gazetteer("places")
    spoke = key in speakers and not known and (looks_like_person(group[0].name) or votes > 0)
    return votes + sum(m.evidence for m in group) + (2 if spoke else 0)


def _votes(group: list[Mention]) -> tuple[int, int]:
    org = sum(m.label == "ORG" for m in group)
    place = sum(KINDS[m.label] == "place" for m in group) + 3 * sum(m.dateline for m in group)
    # "in Valencia", "the city of Cúcuta" (but "outside the National Assembly" stays an organisation)
    place += 2 * sum(m.evidence < 0 and not m.dateline and (m.label != "ORG" or " " not in m.key) for m in group)
    return org, place


def _is_person(group: list[Mention], speakers: set[str]) -> bool:
    return _person_score(group, speakers) > max(_votes(group))


def _fold_names(found: list[Mention], speakers: set[str]) -> int:
    """Point each shorter name ("Maduro") at the full name nearest before it (else after); how many moved."""
    groups: dict[str, list[Mention]] = defaultdict(list)
    for m in found:
        groups[m.key].append(m)
    full = [k for k, g in groups.items() if len(k.split()) >= 2 and _is_person(g, speakers)]
    moved = 0
    for key, group in list(groups.items()):
        words = key.split()
        targets = [f for f in full if f != key and _contains(f.split(), words)]
        if not targets:
            continue
        for m in group:
            # A lone surname the recognizer called an organisation or a place is still the person
            # ("Machado's ally", "Chávez's daughter"), unless it is used as a place ("in Miranda").
            if m.evidence < 0:
                continue
            before = [(max(x.start for x in groups[t] if x.start < m.start), t) for t in targets if any(x.start < m.start for x in groups[t])]
            m.key = max(before)[1] if before else min(targets, key=lambda t: min(x.start for x in groups[t]))
            m.label, moved = "PERSON", moved + 1
    return moved


def _contains(longer: list[str], shorter: list[str]) -> bool:
    """`shorter` is a run of words of `longer`, or its first and last word ("Hillary Clinton" in "Hillary Rodham Clinton")."""
    n = len(shorter)
    if n >= len(longer):
        return False
    if n == 2 and longer[0] == shorter[0] and longer[-1] == shorter[1]:
        return True
    return any(longer[i : i + n] == shorter for i in range(len(longer) - n + 1))


def _merge_adjacent(text: str, found: list[Mention]) -> list[Mention]:
    """One mention for "Nicolas" + "Maduro" when the recognizer split a name in two."""
    out: list[Mention] = []
    for m in sorted(found, key=lambda m: m.start):
        prev = out[-1] if out else None
        if prev and prev.key == m.key and not text[prev.end : m.start].strip():
            prev.end, prev.evidence = m.end, max(prev.evidence, m.evidence)
            prev.name = clean_name(text[prev.start : prev.end], "PERSON")
        else:
            out.append(m)
    return out


def _rescan(text: str, groups: dict[str, list[Mention]], speakers: set[str]) -> None:
    """Count the surname of each person wherever it appears unmarked (the recognizer misses some)."""
    skip = credit_spans(text)
    taken = sorted((m.start, m.end) for g in groups.values() for m in g)
    surnames: dict[str, str] = {}
    for key, group in groups.items():
        if len(key.split()) < 2 or not _is_person(group, speakers):
            continue
        last = max((m.name for m in group), key=len).split()[-1]
        if len(last) >= 3 and last[:1].isupper():
            surnames.setdefault(last, key)
    if not surnames:
        return
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, sorted(surnames, key=len, reverse=True))) + r")(?![\w-])")
    for found in pattern.finditer(text):
        s, e = found.span()
        if not inside(taken, s, e) and not inside(skip, s, e):
            key = surnames[found.group(0)]
            groups[key].append(Mention(found.group(0), key, "PERSON", s, e, 0))


_SENTENCE_START = re.compile(r"(?:^|[.!?:;]\s+|\n)[\"“‘'(]?$")
# Head nouns that open a name ("Consejo Nacional", "Avenida Bolívar", "Puerto Cabello") and name nothing alone
# ("House" and the saints' "San"/"Santa" can: "the House voted", a town called Santa).
_GENERIC_HEADS = frozenset(_LEAD_ORG | _LEAD_PLACE) - {"house", "san", "santa", "santo", "são"}


def _stray_word(text: str, group: list[Mention], speakers: set[str]) -> bool:
    """A lone capitalised word opening a sentence, named once, with nothing saying it is a person ("Subscribe here")."""
    if len(group) != 1 or " " in group[0].key or group[0].key in speakers:
        return False
    m = group[0]
    if text.startswith(("'s ", "’s "), m.end) or m.name.endswith(("'s", "’s")):
        return False  # "Maduro's government": a possessive owner is a name, not a word opening a sentence
    return m.label == "PERSON" and m.evidence <= 0 and bool(_SENTENCE_START.search(text, max(0, m.start - 3), m.start))


def _complete_surnames(text: str, groups: dict[str, list[Mention]], speakers: set[str], skip: list[tuple[int, int]]) -> None:
    """A person named only by surname gets the full name written once as "<first name> <surname>" (even in a headline)."""
    from vznews.extract import lexicon

    firsts = lexicon.first_names()
    for key in [k for k, g in groups.items() if " " not in k and _is_person(g, speakers)]:
        last = groups[key][0].name
        for found in re.finditer(r"\b([A-ZÁÉÍÓÚÑ][a-záéíóúñ]+)\s+" + re.escape(last) + r"\b", text):
            if found.group(1) in firsts and not inside(skip, found.start(), found.end()):
                full = entity_key(found.group(0), "PERSON")
                if full in groups:
                    break
                groups[full] = groups.pop(key)
                for m in groups[full]:
                    m.key = full
                groups[full].append(Mention(found.group(0), full, "PERSON", found.start(), found.end(), 2))
                break


def _kind(group: list[Mention], speakers: set[str]) -> EntityKind:
    org, place = _votes(group)
    if _person_score(group, speakers) > max(org, place):
        return "person"
    return "org" if org >= place else "place"


def _display(group: list[Mention], key: str) -> str:
    """The full form used most often; on a tie the first one written."""
    forms = Counter(m.name for m in group if entity_key(m.name, m.label) == key) or Counter(m.name for m in group)
    first = {m.name: -m.start for m in sorted(group, key=lambda m: -m.start)}
    return max(forms, key=lambda f: (not f.isupper() or len(f) <= 5, forms[f], first.get(f, 0)))


def _speaker_keys(quotes: Sequence[Quote]) -> dict[str, str]:
    out: dict[str, str] = {}
    for q in quotes:
        if q.speaker and q.speaker[:1].isupper() and not q.speaker.isupper():
            out.setdefault(entity_key(q.speaker, "PERSON"), q.speaker)
    return out


def resolve_entities(text: str, raw: Iterable[RawEntity], quotes: Sequence[Quote] = ()) -> list[EntityMention]:
    """The article's entities, one per real thing, with mention counts, in order of first mention."""
    speakers = _speaker_keys(quotes)
    raw = list(raw)
    found = _fold_acronyms(text, join_pieces(text, mentions(text, raw)))
    _fold_heads(found)
    _fold_names(found, set(speakers))
    groups: dict[str, list[Mention]] = defaultdict(list)
    for m in _merge_adjacent(text, found):
        groups[m.key].append(m)
    skip = credit_spans(text) + headline_spans(text)  # both cached per text
    for key, speaker in speakers.items():
        words = key.split()
        known = key in groups or any(_contains(k.split(), words) or _contains(words, k.split()) for k in groups)
        start = text.find(speaker)
        if not known and _speaker_name(speaker, bool(raw)) and start >= 0 and not any(s <= start < e for s, e in skip):
            groups[key].append(Mention(speaker, key, "PERSON", start, start + len(speaker), 2))
    _complete_surnames(text, groups, set(speakers), credit_spans(text))
    if raw:  # with the recognizer run, add the full names it missed ("María Fernanda Rodríguez")
        taken = sorted((m.start, m.end) for g in groups.values() for m in g)
        for s, e in missed_people(text, taken, sorted(skip)):
            key = entity_key(text[s:e], "PERSON")
            groups[key].append(Mention(text[s:e], key, "PERSON", s, e, 2))
    _rescan(text, groups, set(speakers))
    for key in [k for k, g in groups.items() if k in _GENERIC_HEADS and k not in speakers]:
        del groups[key]  # "Consejo", "Avenida", "Puerto" alone: the head of a name the text cut, naming nothing
    for key in [k for k, g in groups.items() if _stray_word(text, g, set(speakers))]:
        del groups[key]
    for key in [k for k, g in groups.items() if k not in speakers and is_common_word(
            text, g[0].name, [(m.start, m.end) for m in g], max(m.evidence for m in g))]:
        del groups[key]  # "Nadie", "el Gobierno", "Police" (also "police"): common words
    out = []
    for key, group in sorted(groups.items(), key=lambda kv: min(m.start for m in kv[1])):
        spans = tuple(sorted((m.start, m.end) for m in group))
        forms = tuple(sorted({m.name for m in group}))
        out.append(EntityMention(_display(group, key), _kind(group, set(speakers)), len(group), key=key, forms=forms, spans=spans))
    return out


def _speaker_name(speaker: str, recognized: bool) -> bool:
    """A speaker worth an entity the recognizer missed: a person's full name; or, when the recognizer
    did not run at all (no model), one capitalised word that is no role or pronoun ("Maduro", not "Aides")."""
    from vznews.extract import lexicon

    if looks_like_person(speaker):
        return True
    low = speaker.lower()
    return (not recognized and " " not in speaker and speaker[:1].isupper() and speaker[1:].islower()
            and low not in lexicon.role_nouns() and low not in lexicon.pronouns() and speaker.isalpha())


def speaker_entity(speaker: str | None, entities: Sequence[EntityMention]) -> EntityMention | None:
    """The person entity a quote's speaker names: same key, else the one person whose name contains it."""
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
