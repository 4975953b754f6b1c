"""Entity names: clean what the recognizer marked, and the key that makes variants one entity.

`entity_key("President Nicolás Maduro's")` and `entity_key("Nicolas Maduro")` are
both "nicolas maduro": lowercase, accents folded, titles, possessives and a
leading "the" removed. Keys are what the store's `entities.key` and
`entity_aliases.alias_key` hold.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

from vznews.extract import lexicon

# Words that may come between or before titles: "Foreign Minister", "former Vice President".
_MODIFIERS = frozenset(
    """former acting interim deputy vice prime foreign defense defence interior finance oil state chief senior
    first opposition house senate majority minority supreme national u.s. us venezuelan then late ex
    attorney general lt. lieutenant""".split()
)
# Words that describe a person before the name: stripped like titles when the span is a person's.
_DESCRIPTORS = frozenset(
    """billionaire millionaire businessman businesswoman tycoon mogul magnate actor actress singer rapper comedian
    host anchor activist candidate nominee frontrunner front-runner hopeful rival challenger veteran legend star
    reporter writer author filmmaker producer pastor incumbent outgoing democratic republican gop dem socialist
    liberal conservative political editor elections oscar-winner winner founder chairman ceo economist analyst
    pollster strategist donor fundraiser lawyer attorney judge justice professor coach player captain""".split()
)
# Titles that are part of a name ("Pope Francis") or start organisation names ("General Motors").
_NEVER_STRIP = frozenset("pope king queen prince princess emperor sheikh sheik emir lord lady baron baroness count countess duke duchess cardinal saint st.".split())
_AMBIGUOUS = frozenset("general justice secretary chancellor attorney director chief commander minister speaker leader officer host anchor coach chair deputy delegate major marshal treasurer auditor".split())
# Heads of organisation and place names: a span ending in one is not a titled person.
ORG_HEADS = frozenset(
    """department ministry party council court office committee assembly agency bank company corporation corp.
    inc. ltd. group university school hospital commission administration government army navy force forces
    guard police union institute foundation network news times post journal tribune herald press service
    services board bureau authority league association alliance front movement coalition organization
    organisation fund church club palace house square street avenue park airport prison station center
    centre motors airlines electric tower towers building hall hotel bridge stadium arena museum library
    cathedral theater theatre campaign institution caucus convention conference summit nations wire newswire
    media radio television magazine gazette chronicle daily channel broadcasting holdings partners report""".split()
)
# Words the recognizer sometimes takes into a name at the start of a sentence: "Según González".
LEADING_JUNK = frozenset(
    """a an the el la los las state presidents senators según segun dijo afirmó aseguró para por con and but says said told according y e
    mientras cuando como ex former late""".split()
)
_PARTY_WORDS = frozenset(("republican", "democrat", "conservative", "liberal"))
PARTICLES = frozenset("de del la las los da das do dos di van von der den du le y e al el bin ibn".split())
_POSSESSIVE = re.compile(r"(?:['’‘]s|s['’])$")
# A name ending in an abbreviation whose final period the edge strip took: "U.S", "Acme Inc".
_ABBREVIATION = re.compile(r"(?:^|[\s.])(?:[A-Z]\.)+[A-Z]$|\b(?:Inc|Corp|Ltd|Co|Jr|Sr|Bros|St)$")
_EDGE = "\"“”‘’'`()[]{}«»—–-,.;:!?*•|/"


@cache
def title_words() -> dict[str, bool]:
    """Lower-case title word (dot kept) -> True when it may be stripped before any name."""
    lex = lexicon.titles()
    out = {w: False for w in lexicon.role_nouns() if " " not in w}  # "Economist Asdrúbal Oliveros"
    out.update({w.lower(): True for w in lex.honorifics})
    for word in lex.titles:
        low = word.lower()
        if low not in _NEVER_STRIP:
            out[low] = low not in _AMBIGUOUS
    for word in _DESCRIPTORS:
        out.setdefault(word, False)
    return out


def fold(text: str) -> str:
    """Lowercase and strip accents ("Nicolás" -> "nicolas")."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def strip_title(tokens: list[str], label: str | None = None) -> list[str]:
    """`tokens` without a leading run of titles ("Foreign Minister Jorge Arreaza" -> Jorge Arreaza).

    Ambiguous titles ("General", "Justice") are stripped only from spans labelled
    PERSON or holding a known first name; nothing is stripped from a span ending in an organisation word.
    """
    if len(tokens) < 2 or tokens[-1].lower() in ORG_HEADS:
        return tokens
    titles = title_words()
    personal = label == "PERSON" or any(t in lexicon.first_names() for t in tokens[1:-1])
    cut = 0
    for i, tok in enumerate(tokens[:-1]):
        low = tok.lower()
        if low in titles and (titles[low] or personal):
            cut = i + 1
        elif low in titles or low in _MODIFIERS or low.rstrip(".") in _MODIFIERS:
            continue
        else:
            break
    rest = tokens[cut:]
    return rest if rest and rest[0][:1].isupper() else tokens


@lru_cache(maxsize=4096)
def clean_name(text: str, label: str | None = None) -> str:
    """The name as it should be shown: no surrounding punctuation, leading "the", possessive or title.

    People also lose an owner before them ("Breitbart's Joel Pollak" -> Joel Pollak), a thing
    owned after them ("Dave Leip's Atlas" -> Dave Leip), a lower-case tail ("Jeb Bush-spent")
    and a party label ("Wisconsin Republican" -> Wisconsin).
    """
    written = " ".join(text.replace("\u00ad", "").split())
    text = _POSSESSIVE.sub("", written.strip(_EDGE + " ")).strip(_EDGE + " ")
    if _ABBREVIATION.search(text) and written.lstrip(_EDGE + " ").startswith(text + "."):
        text += "."  # "U.S.", "D.C.", "Acme Corp.": the period belongs to the abbreviation
    if label == "PERSON":
        owned = re.search(r"['’]s ", text)
        if owned:
            after = text[owned.end() :]
            text = after if looks_like_person(after) else text[: owned.start()]
        text = re.sub(r"-[a-z]{3,}$", "", text)
    tokens = text.split()
    # A name opens with a capital (or a particle: "de la Fuente"): "ellos Delsa Solórzano" is Delsa Solórzano.
    while len(tokens) > 1 and ((tokens[0].lower() in LEADING_JUNK and not _name_article(tokens) and not _state_body(tokens)) or (tokens[0].islower() and tokens[0] not in PARTICLES and not text.islower())):
        tokens = tokens[1:]
    # ... and ends with one: "Conozco el sistema", "Liceo Manuel Arvelo de la" are cut at their last capital.
    while len(tokens) > 1 and tokens[-1].islower() and tokens[0][:1].isupper():
        tokens = tokens[:-1]
    if label == "PERSON":
        while len(tokens) > 1 and tokens[-1].lower().rstrip("s") in _PARTY_WORDS:
            tokens = tokens[:-1]
    return " ".join(strip_title(tokens, label))


def _name_article(tokens: list[str]) -> bool:
    """A capitalised Spanish article before a capitalised word opens a name: "La Paz", "El Salvador", "Los Pinos"
    (mention_rules.py cuts it where it only opens a sentence)."""
    return tokens[0] in ("El", "La", "Los", "Las") and tokens[1][:1].isupper()


def _state_body(tokens: list[str]) -> bool:
    """ "State Department", "State Duma": a capitalised "State" opening an organisation's name is part of it."""
    return tokens[0] == "State" and tokens[-1].lower() in ORG_HEADS


@lru_cache(maxsize=4096)
def entity_key(name: str, label: str | None = None) -> str:
    """The normalised key of a name: lowercase, accents folded, no title, possessive or punctuation."""
    cleaned = clean_name(name, label)
    folded = fold(cleaned).replace("’", "'").replace("-", " ")
    words = [w.strip(".,'") for w in folded.split()]
    return " ".join(w for w in words if w)


def surname(name: str) -> str:
    """The last word of a name that is not a suffix ("Martin Luther King Jr." -> King)."""
    words = [w for w in name.split() if w.lower().rstrip(".") not in ("jr", "sr", "ii", "iii", "iv")]
    return words[-1] if words else name


def looks_like_person(name: str) -> bool:
    """Two to five capitalised words (particles allowed), no digits, no organisation word."""
    words = name.split()
    if not 2 <= len(words) <= 5 or any(ch.isdigit() for ch in name):
        return False
    if words[-1].lower() in ORG_HEADS:
        return False
    if any(w in PARTICLES for w in words[1:-1]) and words[0] not in lexicon.first_names():
        return False  # "Defensoría del Pueblo", "Banco de Venezuela" (but "Carlos de la Fuente")
    return all(w[:1].isupper() or w.lower() in PARTICLES for w in words) and words[0][:1].isupper()
