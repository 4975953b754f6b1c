"""Word lists the quote rules use, loaded once from vznews/extract/data/*.txt."""

from __future__ import annotations

from dataclasses import dataclass
import re
import unicodedata
from functools import cache
from importlib import resources


def _lines(name: str) -> list[str]:
    raw = resources.files("vznews.extract.data").joinpath(name).read_text(encoding="utf-8")
    return [ln.strip() for ln in raw.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


@dataclass(frozen=True)
class Verbs:
    """Speech verbs of one language: every form -> lemma, and forms that allow `said X`."""

    forms: dict[str, str]  # lower-case form (multiword with spaces) -> lemma
    invertible: frozenset[str]  # forms that may precede their subject: `"…," said X`
    first_words: frozenset[str]  # first word of every form, for a fast pre-check
    base_only: frozenset[str]  # bare infinitives ("say"), which report nothing without a subject
    nounish: frozenset[str]  # forms that are also common nouns ("report", "notes", "claims")


@cache
def verbs(lang: str) -> Verbs:
    """The speech verbs of `lang` ("en" or "es")."""
    forms: dict[str, str] = {}
    inv: set[str] = set()
    base: set[str] = set()
    nounish: set[str] = set()
    for line in _lines(f"speech_verbs_{lang}.txt"):
        flags = line[: len(line) - len(line.lstrip("!~"))]
        marked = line.lstrip("!~").split()
        words = [w.lstrip("!") for w in marked]
        lemma = words[0].replace("_", " ")
        low = [w.replace("_", " ").lower() for w in words]
        fixed = {w.lower() for w, m in zip(words, marked) if m.startswith("!")}  # a form that is also a noun
        if low[0] not in low[1:]:
            base.add(low[0])
        finite = low[1:3] if lang == "en" else low[1:-1]  # says/said; dice/dijo/decía/dicen/…
        for form in low:
            forms[form] = lemma
        if "!" not in flags:
            inv.update(f for f in finite if " " not in f and f not in fixed)
        if "~" in flags:
            nounish.update(f for f in low[:2])
    inv -= base
    return Verbs(forms, frozenset(inv), frozenset(f.split()[0] for f in forms), frozenset(base), frozenset(nounish))


@cache
def pronouns() -> dict[str, str]:
    """Lower-case personal pronoun -> gender: m, f, p (plural) or n (unknown)."""
    return {w: g for w, g, *_ in (ln.split() for ln in _lines("pronouns.txt"))}


@dataclass(frozen=True)
class Titles:
    """Words written before a name: honorifics (dropped) and titles (kept as the role)."""

    honorifics: dict[str, str]  # "Mr." -> "m"; gender "" when the word does not tell
    titles: dict[str, str]  # "Sen." -> ""; "Congresswoman" -> "f"


@cache
def titles() -> Titles:
    """Honorifics and titles from titles.txt."""
    hon: dict[str, str] = {}
    tit: dict[str, str] = {}
    for line in _lines("titles.txt"):
        kind, word, *g = line.split()
        (hon if kind == "honorific" else tit)[word] = g[0] if g else ""
    return Titles(hon, tit)


@cache
def role_nouns() -> dict[str, str]:
    """Lower-case nouns that head a role or a descriptive speaker -> gender ("" if untold)."""
    out = {}
    for line in _lines("role_nouns.txt"):
        word, *g = line.split()
        out[word.lower()] = g[0] if g else ""
    return out


@cache
def first_names() -> dict[str, str]:
    """First name -> "m" or "f" (also under its spelling without accents: Julián, Julian)."""
    out = {}
    for line in _lines("first_names.txt"):
        gender, _, names = line.partition(":")
        for n in names.split():
            out[n] = gender.strip()
            out.setdefault(strip_accents(n), gender.strip())
    return out


def first_name_gender(word: str) -> str:
    """"m" or "f" when `word` is a first name whose gender is clear, else ""."""
    names = first_names()
    return names.get(word) or names.get(strip_accents(word), "")


def strip_accents(word: str) -> str:
    """"Julián" -> "Julian"."""
    return unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode() if not word.isascii() else word


@cache
def cue_pattern(lang: str) -> re.Pattern[str]:
    """Matches any word that may start a speech cue of `lang` (a fast filter before tokenizing)."""
    words = set(verbs(lang).first_words) | {"according", "According", "según", "Según", "segun"}
    return re.compile(rf"\b{trie_regex(words)}\b")



def trie_regex(words: set[str]) -> str:
    """A regular expression matching exactly `words`, factored by common prefixes (much faster than a|b|c)."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        end = "" in node
        alts = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 and not end else "(?:" + "|".join(alts) + ")"
        return body + "?" if end else body

    return build(trie)
