"""One recognizer span at a time: keep it or not, fix its label, and weigh the evidence it is a person.

Small rules that are right about English (and Spanish) news, each fixing a
mistake the small spaCy model makes often:
  - credits and bylines are skipped; an all-caps dateline ("CARACAS, Venezuela —") is a place;
  - "PDVSA" is not a person (short all-caps), nor "Palacio de Miraflores" (starts with a place word),
    nor "the Fuerte Tiuna base" (people do not take "the"), nor "in Valencia" (a place);
  - "Defense" in "Defense Minister" is not an organisation;
  - a title before a name, a speech verb next to it, or a known first name are evidence of a person.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Iterable

from vznews.extract import lexicon
from vznews.extract.credits import credit_spans, inside
from vznews.extract.entity_names import ORG_HEADS, clean_name, entity_key, looks_like_person, title_words
from vznews.extract.gazetteer import gazetteer
from vznews.extract.headlines import SMALL_WORDS, headline_spans
from vznews.extract.name_articles import name_article
from vznews.extract.ner import RawEntity

KINDS = {"PERSON": "person", "ORG": "org", "GPE": "place", "LOC": "place", "FAC": "place"}
_WORD_BEFORE = re.compile(r"([\w.’'-]+)\s+$")
_TWO_BEFORE = re.compile(r"([\w’'-]+)\s+([\w’'-]+)\s+$")
_WORD_AFTER = re.compile(r"\s*(?:,[^,.;\"“”]{1,80},\s*)?([\w’'-]+)")
_DATELINE = re.compile(
    r"^[ \t]*([A-ZÁÉÍÓÚÑ][A-ZÁÉÍÓÚÑ.'’ ]{2,40}?)(?=(?:,[ \t]+[A-Z][\w .]{1,30})?\s*(?:\([^)\n]{1,30}\)\s*)?\.?[—–-])", re.M
)
# "estado" is no person: Spanish writes a place noun right before a place's name ("el estado Lara").
_PLACE_BEFORE = frozenset("in near across outside inside throughout en desde hacia estado municipio parroquia provincia".split())
_PLACE_OF = frozenset("city town state states province provinces capital region ciudad estado provincia capital región village port".split())
_LEAD_PLACE = frozenset(
    """palace palacio plaza square street avenue calle avenida fort fuerte port puerto porto mount lake river san
    santa santo são ciudad villa aeropuerto parque estadio""".split()
)
_LEAD_ORG = frozenset(
    """university universidad bank banco ministry ministerio department council consejo assembly asamblea court
    tribunal party partido college colegio instituto institute hospital fundación foundation house club committee
    association society federation league liceo escuela school unidad clínica museo museum teatro biblioteca
    defensoría fiscalía contraloría procuraduría""".split()
)
# An organisation or place word written right before a "person": the person names that thing
# ("Universidad Católica Andrés Bello", "Liceo Manuel Arvelo").
_NAMED_AFTER = re.compile(r"(?<![\w-])([A-ZÁÉÍÓÚÑ][\w-]+)[ ]$")
# An all-caps dateline the recognizer ran into the first words of the story ("CARACAS.- El dirigente").
_DATELINE_LEAD = re.compile(r"^[A-ZÁÉÍÓÚÑ][A-ZÁÉÍÓÚÑ.,'’ ]*?(?:\([^)]*\)\s*)?\.?\s*[—–-]+\s*")
# The agency credited in a dateline: "CALEDRA, Valdoria (Meridian Wire) —", "CARACAS (Reuters) -".
_DATELINE_CREDIT = re.compile(
    r"^[ \t]*[A-ZÁÉÍÓÚÑ][A-ZÁÉÍÓÚÑ.'’ ]{2,40}?(?:,[ \t]+[A-Z][\w .]{1,30})?\s*\(([^)\n]{1,30})\)\s*\.?[—–-]", re.M
)
# A name set off by what it is: "Monitor Cambiario, a website that tracks …" is no person.
_THING_AFTER = re.compile(
    r",\s+(?:a|an|the|its|un|una|el|la)\s+(?:[\w-]+\s+){0,3}?(?:website|site|portal|newspaper|daily|weekly|magazine|"
    r"outlet|broadcaster|network|channel|agency|firm|company|consultancy|group|organi[sz]ation|ngo|charity|"
    r"think[ -]tank|coalition|party|union|bank|fund|foundation|institute|observatory|platform|app|"
    r"sitio|portal|diario|periódico|semanario|revista|agencia|empresa|firma|consultora|grupo|organización|ong|"
    r"partido|sindicato|banco|fundación|instituto|observatorio|plataforma)\b", re.I
)
# An organisation described, then named after a comma: "a leader of the dockworkers' union, Sintrapuerto."
_ORG_NAMED_BEFORE = re.compile(
    r"(?<![\w-])(?:union|party|movement|coalition|agency|company|firm|group|association|federation|chamber|"
    r"network|newspaper|channel|sindicato|partido|movimiento|gremio|empresa|agencia|asociación|federación),\s+$", re.I
)
# A role set off after a name: "Amara Nwosu, a spokeswoman for …", "Dolores Aguilar, a 72-year-old retired teacher".
_ROLE_AFTER = re.compile(r",\s+(?:a|an|the|un|una|el|la)\s+(?:[\w-]+\s+){0,3}?([\w-]+)(?=\s+(?:for|of|at|in|with|de|del|en)\b|[,.;])")
# Roles a country or a party holds as well as a person: "Ostrana, a longtime ally of Salvatierra".
_SHARED_ROLES = frozenset("ally allies partner partners neighbour neighbor member members rival rivals backer backers".split())
_DETERMINER = re.compile(r"(?:^|[\s(«“\"])(?:the|el|la|los|las)\s+$", re.I)
# Words no person's name holds: "Justice Will Have" is a quoted headline.
NOT_IN_NAMES = frozenset("have has had is are was were been does did could should would shall must cannot".split())
# A capitalised word that may carry a name on: a second surname ("Rosa Icela" + "Rodríguez").
_NEXT_NAME = re.compile(r"[ ]([A-ZÁÉÍÓÚÑ][a-záéíóúñü]+(?:-[A-ZÁÉÍÓÚÑ][a-záéíóúñü]+)?)(?![\w’'-])")
_PLACE_NOUNS = frozenset(
    "base prison jail square palace barracks camp airport hospital stadium building compound centre center district "
    "neighbourhood neighborhood parish station".split()
)
_TWO_AFTER = re.compile(r"\s+([\w-]+)(?:\s+([\w-]+))?")
_WHO = re.compile(r"\s*,?\s+(?:who|whom|quien|quienes)\b|['’]s\s+(?:daughter|son|wife|husband|brother|sister|mother|father|"
                  r"family|widow|ally|allies|successor|predecessor|lawyer|lawyers|aide|aides|spokesman|spokeswoman|"
                  r"adviser|advisers|advisor|bodyguard|death|arrest|mentor|protégé|protege|campaign|presidency)\b")
# Role nouns that head a speaker but are not people: "the statement", "the campaign".
_NOT_PERSON_ROLES = frozenset(
    """statement release report campaign administration government ministry party police army military council
    committee agency group union company court office source sources comunicado crowd people""".split()
)
_NOT_ORGS = frozenset("state defense defence foreign interior finance treasury justice energy oil".split())






@dataclass
class Mention:
    """One kept span: cleaned name, key, (fixed) label, offsets and the evidence it is a person."""

    name: str
    key: str
    label: str
    start: int
    end: int
    evidence: int  # person evidence: 2 strong (a title), 1 weak (a speech verb), 0 none, -2 against
    dateline: bool = False


@cache
def _speech_verbs() -> frozenset[str]:
    return frozenset(lexicon.verbs("en").forms) | frozenset(lexicon.verbs("es").forms)


def _relabel(text: str, ent: RawEntity, name: str) -> str:
    words = name.split()
    first = words[0].lower()
    if first in _LEAD_PLACE and len(words) > 1:
        return "FAC"
    if first in _LEAD_ORG and len(words) > 1:
        return "ORG"
    key = entity_key(name)
    if key in gazetteer("places") and ent.label != "GPE":
        return "GPE"
    if key in gazetteer("orgs"):
        return "ORG"
    if ent.label != "ORG" and len(words) == 1 and _ORG_NAMED_BEFORE.search(text, max(0, ent.start - 40), ent.start) \
            and re.match(r"[.;:)]", text[ent.end : ent.end + 1]):
        return "ORG"  # "the dockworkers' union, Sintrapuerto.": the organisation just described, named
    if ent.label == "ORG" and words[0] in ("El", "La", "Los", "Las") and _DETERMINER.search(text, max(0, ent.start - 5), ent.start):
        after = _TWO_AFTER.match(text, ent.end, min(len(text), ent.end + 40))
        if after and any((w or "").lower() in _PLACE_NOUNS for w in after.groups()):
            return "FAC"  # "the La Candelaria voting centre": a named neighbourhood modifying a place noun
    if ent.label != "PERSON":
        return ent.label
    if len(words) == 1 and name.isupper() and len(name) <= 6:
        return "ORG"  # "PDVSA", "MUD"
    if words[-1].lower() in ORG_HEADS:
        return "ORG"  # "Harvard Law School"
    if len(words) > 1 and words[-1].isupper() and len(words[-1]) >= 2 and words[-1] not in ("II", "III", "IV", "JR", "SR"):
        return "ORG"  # "Indiana GOP", "Priorities USA"
    if _THING_AFTER.match(text, ent.end):
        return "ORG"
    if _DETERMINER.search(text, max(0, ent.start - 5), ent.start) or ent.text.split()[0] in ("el", "la", "los", "las"):
        # people take no article: "las Fuerzas Armadas"
        after = _WORD_AFTER.match(text, ent.end, min(len(text), ent.end + 40))
        return "FAC" if after and after.group(1).lower() in _PLACE_NOUNS else "ORG"
    return "PERSON"


def _ends_in_place(words: list[str]) -> bool:
    places = gazetteer("places")
    return any(entity_key(" ".join(words[i:])) in places for i in range(1, len(words)))


def _evidence(text: str, ent: RawEntity, name: str, label: str) -> int:
    """Person evidence of one mention (see Mention.evidence)."""
    words = name.split()
    if len(words) == 1 and name.isupper():
        return 0  # "PDVSA": an acronym is not a person, whatever comes before it
    if _THING_AFTER.match(text, ent.end):
        return -2  # "Monitor Cambiario, a website": what it is, said at once
    if name != " ".join(ent.text.split()).strip(" ,.") and ent.text.split()[0].lower() in title_words():
        return 2  # clean_name stripped a title: "President Maduro"
    two = _TWO_BEFORE.search(text, max(0, ent.start - 60), ent.start)
    word = _WORD_BEFORE.search(text, max(0, ent.start - 40), ent.start)
    before = word.group(1).lower() if word else ""
    if before.endswith(".") and before not in title_words():
        before = ""  # the end of the previous sentence says nothing about this name
    if before in title_words() or (before in lexicon.role_nouns() and before not in _NOT_PERSON_ROLES):
        return 2
    if before in _PLACE_BEFORE and not text.startswith(("'s", "’s"), ent.end):
        return -2
    if two and two.group(2).lower() == "of" and two.group(1).lower() in _PLACE_OF:
        return -2
    if before in ("and", "or", "y", "e", "o") and words[0] not in lexicon.first_names() and _PLACE_LIST.search(text, max(0, ent.start - 90), ent.start):
        return -2  # "in the states of Costa Norte and Alto Marañal": the second of two places
    if 2 <= len(words) <= 4 and words[0] in lexicon.first_names() and looks_like_person(name) and not _ends_in_place(words):
        return 2  # "Hugo Chávez", "Diosdado Cabello" (not "Ted Cruz South Carolina")
    if _WHO.match(text, ent.end) and (len(words) == 1 or looks_like_person(name)):
        return 2  # "Maduro, who took office", "Chávez's daughter"
    role = _ROLE_AFTER.match(text, ent.end, min(len(text), ent.end + 60))
    if role and role.group(1).lower() in lexicon.role_nouns() and role.group(1).lower() not in _NOT_PERSON_ROLES | _SHARED_ROLES \
            and not name.isupper() and before not in ("of", "de", "del"):
        return 2  # "Nwosu, a spokeswoman for the agency": what the name is, said at once, is a person's role
    if name.isupper() or words[-1].lower() in ORG_HEADS:
        return 0  # "CNE said", "the ministry said": organisations speak too
    after = _WORD_AFTER.match(text, ent.end, min(len(text), ent.end + 100))
    if (after and after.group(1).lower() in _speech_verbs()) or before in _speech_verbs():
        return 1
    return 0


# A list of places closing on "and": "in Caracas and", "the states of Costa Norte and", "en Lara y".
_PLACE_LIST = re.compile(
    r"(?:(?<![\w-])(?:in|near|across|throughout|en|desde|hacia)|(?:states|provinces|cities|towns|regions|estados|"
    r"provincias|ciudades|regiones) (?:of|de))\s+(?:[A-ZÁÉÍÓÚÑ][\w’'-]*\s+){1,4}(?:and|or|y|e|o)\s+$"
)
_SENTENCE_START = re.compile(r"(?:^|[.!?:;]\s+|\n)[\"“‘'(]?$")


_FIGURE = re.compile(r"\d[.,]\d|\d\s*(?:%|percent\b|per cent\b|por ciento\b)", re.I)


def _plausible(name: str, label: str) -> bool:
    if not name or not any(c.isalpha() for c in name) or len(name) > 80 or any(c in name for c in "@/\\|#<>="):
        return False
    if ".com" in name or "www." in name.lower():
        return False
    if label != "PERSON" and (re.search(r"['’]s\s", name) or any(c in name for c in "“”\"")):
        return False  # "Trump’s Islamaphobia", "Clinton’s State Department": a phrase, not a name
    words = name.split()
    if not words[0][:1].isupper() and not words[0][:1].isdigit():
        return False
    if label == "ORG" and len(words) == 1 and name.lower() in _NOT_ORGS:
        return False
    core = words[1:] if len(words) == 2 and words[0] in ("El", "La", "Los", "Las") else words
    if len(core) == 1 and core[0].lower() in title_words() and core[0].lower() not in lexicon.first_names():
        return False  # "El Comandante", "the Senator": a title alone names no one here
    if _FIGURE.search(name):
        return False  # "Quintero 52.4 percent": a name and a figure, not a name
    if label == "PERSON" and (len(words) > 5 or any(c.isdigit() for c in name) or any(w.lower() in NOT_IN_NAMES for w in words)):
        return False
    return len(words) <= 8


def _reshape(text: str, ent: RawEntity, datelines: list[tuple[int, int]]) -> RawEntity | None:
    """The span the recognizer meant: without a dateline run into it, with the organisation or place
    word written before a "person" ("Liceo" + "Manuel Arvelo"), or with a second surname it cut off."""
    if inside(datelines, ent.start, ent.end):
        lead = _DATELINE_LEAD.match(ent.text)
        if lead:
            if lead.end() >= len(ent.text):
                return None
            ent = RawEntity(ent.text[lead.end() :], ent.label, ent.start + lead.end(), ent.end)
    ent = name_article(text, ent)
    if ent.label != "PERSON":
        return ent
    word = _NAMED_AFTER.search(text, max(0, ent.start - 30), ent.start)
    if word and word.group(1).lower() in _LEAD_ORG | _LEAD_PLACE:
        label = "ORG" if word.group(1).lower() in _LEAD_ORG else "FAC"
        return RawEntity(text[word.start(1) : ent.end], label, word.start(1), ent.end)
    more = _NEXT_NAME.match(text, ent.end)
    words = ent.text.split()
    if more and 2 <= len(words) <= 3 and words[0] in lexicon.first_names() and _surname_like(more.group(1)):
        return RawEntity(text[ent.start : more.end()], ent.label, ent.start, more.end())
    return ent


def _surname_like(word: str) -> bool:
    from vznews.extract.wordsets import NON_NAMES

    low = word.lower()
    return (word not in NON_NAMES and low not in ORG_HEADS and low not in title_words() and low not in NOT_IN_NAMES
            and entity_key(word) not in gazetteer("places") and low not in SMALL_WORDS)


def mentions(text: str, raw: Iterable[RawEntity]) -> list[Mention]:
    """The recognizer's spans worth keeping, cleaned and relabelled, plus datelines it missed.

    With no spans at all (no model installed) nothing is added.
    """
    raw = list(raw)
    skip = credit_spans(text)
    headlines = headline_spans(text)
    datelines = [m.span(1) for m in _DATELINE.finditer(text) if not inside(skip, *m.span(1))]
    if "(" in text:
        skip = sorted([*skip, *(m.span(1) for m in _DATELINE_CREDIT.finditer(text))])
    out: list[Mention] = []
    for ent in raw:
        if ent.label not in KINDS or inside(skip, ent.start, ent.end) or inside(headlines, ent.start, ent.end):
            continue
        dateline = ent.text.isupper() and inside(datelines, ent.start, ent.end)
        if dateline:  # a dateline names a place, whatever the recognizer says
            ent = RawEntity(ent.text.title(), "GPE", ent.start, ent.end)
        else:
            ent = _reshape(text, ent, datelines)
            if ent is None or _FIGURE.search(ent.text):
                continue  # "Quintero 52.4 percent": a name and a figure, not a name
        name = clean_name(ent.text, ent.label)
        label = _relabel(text, ent, name) if not dateline else "GPE"
        name = clean_name(ent.text, label)
        key = entity_key(name, label)
        if label == "PERSON" and " " not in name and name.endswith(("ing", "ly", "ed")) and _SENTENCE_START.search(text, max(0, ent.start - 3), ent.start):
            continue  # "Conceding the race, ...": a sentence-initial verb, not a person
        if key and _plausible(name, label):
            evidence = -2 if dateline else _evidence(text, ent, name, label)
            if key in gazetteer("places"):
                evidence = -2  # "Texas", "Mali" ("Texas Senator Ted Cruz"): places
            out.append(Mention(name, key, label, ent.start, ent.end, evidence, dateline))
    for start, end in datelines if raw else ():
        if not inside(sorted((m.start, m.end) for m in out), start, end):
            name = clean_name(text[start:end].title(), "GPE")
            if entity_key(name) and len(name) > 2:
                out.append(Mention(name, entity_key(name), "GPE", start, end, -2, True))
    return sorted(out, key=lambda m: m.start)
