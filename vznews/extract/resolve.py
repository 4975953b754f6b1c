"""Resolve speakers to the people they name.

- A pronoun takes the most recent named person who was the subject of a speech verb before it,
  skipping people whose gender (from a first name, honorific or title) disagrees; failing one, the
  last person named whose first name agrees.
- A surname, or an honorific and a surname ("Mr. Lanz"), takes the full name the article used for
  that person ("Pedro Lanz"), agreeing in gender ("Mrs. Hale" is not "Bill Hale").
- A role with a definite article ("the president", "the general", "el mandatario") takes the last
  person written with that title or role ("President Héctor Salvatierra").
- A cue without a subject (Spanish `—…—dice—`) takes the last person named.
"""

from __future__ import annotations

from collections import Counter
from typing import NamedTuple

from vznews.extract import lexicon
from vznews.extract.names import MODIFIER_STOPS, FullName, full_names, role_key
from vznews.extract.speakers import Speaker
from vznews.models import Quote

_DEFINITE = frozenset("the el la".split())
# Documents that "say" what their issuer said: "the statement said", "el comunicado señala".
_DOCUMENTS = frozenset(
    ("the statement", "the letter", "the report", "the communique", "the communiqué", "the ruling", "the decree",
     "the filing", "el comunicado", "la carta", "el informe", "la resolución", "el decreto", "la nota")
)
_IN_VIEW = 1500  # characters: how far back a role's holder must have been named
_PERSON_ROLES = frozenset(
    """president minister general senator governor mayor secretary ambassador judge justice spokesman
    chairman director commissioner attorney prosecutor admiral colonel captain archbishop monsignor bishop
    cardinal pope king queen prince chancellor congressman representative candidate leader speaker
    presidente ministro senador gobernador alcalde secretario embajador juez fiscal vocero portavoz canciller
    diputado candidato arzobispo obispo cardenal magistrado rector comandante""".split()
)


def _role_gender(role: str | None) -> str:
    """The gender a role tells ("a spokeswoman for the agency" -> "f"), else ""."""
    nouns = lexicon.role_nouns()
    return next((nouns[w] for w in reversed((role or "").lower().split()) if nouns.get(w) in ("m", "f")), "")


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


class Said(NamedTuple):
    """A named person who was the subject of a speech verb at `at`."""

    at: int
    name: str
    gender: str
    roles: frozenset[str] = frozenset()


def resolve_pronoun(sp: Speaker, history: list[Said]) -> Said | None:
    """The person a pronoun speaker refers to: the last agreeing speaker before it."""
    if sp.gender not in ("m", "f"):
        return None
    for said in reversed(history):
        if said.at < sp.start and _agrees(said.gender, sp.gender):
            return said
    return None


def _last_named(before: int, gender: str, names: dict[str, list[FullName]], text: str = "") -> Said | None:
    """The last person named before `before` whose first name tells a gender (`gender`, when given).

    With `text`, a person counts as named where the article last wrote their surname ("La doctora Castillo").
    """
    best: Said | None = None
    for key, group in names.items():
        for n in group:
            if n.start < before and n.gender and (not gender or n.gender == gender):
                at = n.start
                if text and len(group) == 1 and key == n.text.split()[-1]:
                    at = max(at, _word_before(text, key, before))
                if best is None or at > best.at:
                    best = Said(at, n.text, n.gender)
    return best


def _word_before(text: str, word: str, before: int) -> int:
    """The start of the last whole `word` in text[:before], or -1."""
    at = text.rfind(word, 0, before)
    while at >= 0:
        end = at + len(word)
        if (at == 0 or not text[at - 1].isalnum()) and (end >= len(text) or not text[end].isalnum()):
            return at
        at = text.rfind(word, 0, at)
    return -1


_PAST = frozenset("former ex ex- onetime one-time then-former late retired expresidente exministro exministra".split())


def _current_roles(role: str | None) -> frozenset[str]:
    """The role words a later `the governor` may refer to: none of a former office (`the former governor`)."""
    words = (role or "").lower().replace("ex-", "ex ").split()
    if any(w in _PAST for w in words):
        return frozenset()
    return frozenset(role_key(w) for w in words)


# Spanish prepositions that open a circumstance after a role noun (not "de": "el presidente de la Asamblea")
_CIRCUMSTANCE = frozenset("ante en desde durante con tras sobre frente a al por".split())


class RolePhrase(NamedTuple):
    """A definite role phrase: its role noun and the words that say which holder ("interior")."""

    key: str
    modifiers: tuple[str, ...] = ()


def _role_of(sp: Speaker) -> RolePhrase | None:
    """The role a definite description names: "the president" -> "president", "el jefe de Estado" ->
    "presidente", "the interior minister" / "Valdoria's interior minister" -> "minister" held by an
    interior minister, "la candidata opositora" -> "candidato" held by an opposition one."""
    words = sp.text.split()
    if sp.kind != "group":
        return None
    if sp.text.lower().startswith(("el jefe de estado", "la jefa de estado")):
        return RolePhrase("presidente")
    if words[0].lower() == "the" and len(words) > 2 and _possessive(words[1]):
        words = words[2:]  # "the country's defence minister": the owner says nothing of who
    elif _possessive(words[0]) and words[0][0].isupper():
        words = words[1:]  # "Valdoria's attorney general"
    elif words[0].lower() in _DEFINITE:
        words = words[1:]
    else:
        return None
    if len(words) > 1 and words[1] in _CIRCUMSTANCE:
        words = words[:1]  # "el gobernador ante los cadetes": where he spoke, not which governor
    if not 1 <= len(words) <= 3 or any(w.lower() in _PAST or _possessive(w) for w in words):
        return None  # "the former president", "the minister of defence and …": not enough to know who
    keys = [role_key(w) for w in words]
    at = max((i for i, k in enumerate(keys) if k in _PERSON_ROLES), default=-1)
    if at < 0:
        return None
    mods = tuple(w for i, w in enumerate(words) if i != at and w.lower() not in MODIFIER_STOPS)
    if any(w[0].isupper() for w in mods):
        return None  # "the Florida senator": a place the holder's title may not have named
    return RolePhrase(keys[at], mods)


def _possessive(word: str) -> bool:
    return word.endswith(("'s", "’s"))


def _stem(word: str) -> str:
    """Enough of a modifier to match its variants: "defence"/"defense", "opositor"/"opositora"."""
    return role_key(word)[:5]


def _holds(roles: frozenset[str], phrase: RolePhrase) -> bool:
    """Whether someone written with `roles` holds the role with every modifier of `phrase`."""
    if phrase.key not in roles:
        return False
    stems = {_stem(r) for r in roles}
    return all(_stem(m) in stems for m in phrase.modifiers)


def _by_phrase(phrase: RolePhrase, before: int, names: dict[str, list[FullName]], history: list[Said],
               text: str, gender: str) -> str | None:
    """The person a role phrase names: the holder whose role carries its modifiers ("the interior
    minister" beside a defence minister); with no such holder, a lower-case modifier ("the opposition
    candidate") falls back to the only holder of the bare role in view, unless the article gave that
    holder another modifier ("Information Minister X" is not "the defence minister")."""
    if not phrase.modifiers:
        return _by_role(phrase, before, names, history, text, gender)
    found = _by_role(phrase, before, names, history, text, gender)
    if found is not None or any(m[0].isupper() for m in phrase.modifiers) or _any_holder(phrase, before, names, history):
        return found
    found = _by_role(RolePhrase(phrase.key), before, names, history, text, gender)
    roles = [n.roles for g in names.values() for n in g if n.text == found] + [s.roles for s in history if s.name == found]
    if any(r not in _PERSON_ROLES and r not in lexicon.role_nouns() and r not in MODIFIER_STOPS for rs in roles for r in rs):
        return None
    return found


def _any_holder(phrase: RolePhrase, before: int, names: dict[str, list[FullName]], history: list[Said]) -> bool:
    return any(_holds(n.roles, phrase) for g in names.values() for n in g) or any(
        _holds(s.roles, phrase) for s in history if s.at < before
    )


def _by_role(role: RolePhrase, before: int, names: dict[str, list[FullName]], history: list[Said],
             text: str = "", gender: str = "") -> str | None:
    """The person last introduced before `before` with `role` among their titles or attributed roles
    ("archbishop Felipe Arriaga", "Felipe Arriaga, arzobispo de …"), agreeing in `gender` ("la
    presidenta" is a woman), and named again (by surname) in the stretch of text just before: "the
    president" is someone in view. None when two different people in view hold the role: "the
    minister" after an interior and a finance minister could be either."""
    held: dict[str, int] = {}  # full name -> where it was last written with the role
    for group in names.values():
        for n in group:
            if _holds(n.roles, role) and n.start < before and _agrees(n.gender, gender):
                held[n.text] = max(held.get(n.text, -1), n.start)
    for said in history:
        if _holds(said.roles, role) and said.at < before and " " in said.name and _agrees(said.gender, gender):
            held[said.name] = max(held.get(said.name, -1), said.at)
    if not held:  # the title may come later ("A decree signed by President …"): the person must be in view
        later = [n for group in names.values() for n in group
                 if _holds(n.roles, role) and n.start >= before and _agrees(n.gender, gender)]
        best = min(((n.start, n.text) for n in later), default=None)
    else:
        in_view = [name for name in held if _last_word(text, name, before) >= before - _IN_VIEW]
        if any(not _same_person(a, b) for a in in_view for b in in_view):
            return None
        best = max(held.items(), key=lambda kv: kv[1])[::-1]
    if best is None or _last_word(text, best[1], before) < before - _IN_VIEW:
        return None
    return best[1]


def _same_person(a: str, b: str) -> bool:
    """"Rafael Domínguez" and "Rafael Domínguez Lobo" are one person."""
    x, y = set(a.split()), set(b.split())
    return x <= y or y <= x


def _last_word(text: str, name: str, before: int) -> int:
    return text.rfind(name.split()[-1], 0, before)


def _spoken_gender(written: str) -> str:
    """The gender a definite role tells: from the noun ("la presidenta"), else from a Spanish
    article ("la fiscal", "el juez"); English "the" tells none."""
    words = written.lower().split()
    told = lexicon.role_nouns().get(words[1], "")
    return told or {"el": "m", "la": "f"}.get(words[0], "")


def resolve_speakers(text: str, found: list, events: list = ()) -> list[Quote]:
    """Quote records for `found` (quotes.Found) with speakers resolved to full names where possible.

    `events`: speakers that said something without a quotation; they count as the last speaker.
    """
    names = full_names(text)
    counts: Counter[str] = Counter(
        expand_surname(f.speaker, names, Counter()) for f in found if f.speaker is not None and f.speaker.kind == "person"
    )
    history: list[Said] = []
    by_start: dict[int, str] = {}  # a speaker mention (by offset) resolves once
    issuer: tuple[int, str] | None = None  # the last person or organisation that spoke "in a statement"
    out = []
    for f in sorted([*found, *events], key=lambda f: f.anchor):
        sp = f.speaker
        name = role = written = None
        if sp is None and f.cue and f.kind != "indirect":
            # `—…—dice, sin levantar la voz—`: the person named or heard last
            named = _last_named(f.anchor, "", names, text)
            heard = next((h for h in reversed(history) if h.at < f.anchor), None)
            said = max((x for x in (named, heard) if x), key=lambda x: x.at, default=None)
            name = said.name if said else None
        elif sp is not None:
            written, role = sp.text, _tidy_role(sp.role)
            if sp.start in by_start:
                name = by_start[sp.start]
            elif sp.kind == "pronoun":
                said = resolve_pronoun(sp, history) or _last_named(sp.start, sp.gender, names)
                name = said.name if said else sp.text
            elif sp.kind == "person":
                name = expand_surname(sp, names, counts)
                gender = sp.gender or lexicon.first_name_gender(name.split()[0]) or _role_gender(sp.role)
                roles = _current_roles(sp.role)
                history.append(Said(sp.start, name, gender, roles))
            elif sp.text.lower() in _DOCUMENTS and issuer is not None and sp.start - issuer[0] < _IN_VIEW // 3:
                name = issuer[1]  # `X said in a statement … "…," the statement said`: X's statement
            else:
                wanted = _role_of(sp)
                gender = _spoken_gender(sp.text) if wanted else ""
                name = (_by_phrase(wanted, sp.start, names, history, text, gender) if wanted else None) or sp.text
            by_start[sp.start] = name
            if sp.kind in ("person", "org") and " in a " in text[sp.end : f.anchor + 40].lower():
                issuer = (sp.start, name)
        if f.kind == "event":
            continue
        start, end = _trim(text, f.start, f.end)
        out.append(Quote(text[start:end], name, written, role, f.cue, f.kind, start, end, f.paragraph, f.joined))
    return sorted(out, key=lambda q: (q.start, q.end))


def _tidy_role(role: str | None) -> str | None:
    """The role as it reads on its own: a rank or form of address abbreviated right before the name
    goes with the name, not after the office ("Defence Minister Gen. Óscar Villalba" -> "Defence
    Minister"); a role that is only that ("Gen.", "Sen.") stays as written."""
    words = (role or "").split()
    if len(words) >= 2 and words[-1].endswith(".") and words[-1] in lexicon.titles().titles:
        return " ".join(words[:-1]).rstrip(",")
    return role


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop outer spaces and the comma American style puts inside the marks (`"…," she said`)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return start, end
