"""The user's search syntax, translated to a safe SQLite FTS5 MATCH expression.

    maduro "electoral council" elect* -poll      bare words and phrases: all must match
    maduro OR machado                            either (binds tighter than the implicit AND)
    -word, -"a phrase", NOT word                 leave out articles that match
    AND                                          accepted, and changes nothing

Every term reaches FTS5 as a double-quoted string (its own quotes doubled), so no user
text is ever read as FTS5 syntax: a column filter, NEAR, a bracket or a caret in the query
is just text. Accents and case are folded (the index folds them too).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

MAX_TERMS = 32
MAX_LENGTH = 1000
# A phrase (closed quotes), or a run of characters up to whitespace or a quote.
_TOKEN = re.compile(r'(?P<neg>-?)(?:"(?P<phrase>[^"]*)"|(?P<word>[^\s"]+))(?P<star>\*?)')
_WORD = re.compile(r"[^\W_]+")
_WORDLIKE = re.compile(r"[^\W_]")  # a letter or digit: what the tokenizer indexes


class SearchQueryError(ValueError):
    """The search text cannot be understood; the message says what to change, in one line."""


@dataclass(frozen=True)
class _Term:
    text: str
    prefix: bool = False

    def fts(self) -> str:
        return '"' + self.text.replace('"', '""') + '"' + ("*" if self.prefix else "")


def fold(text: str) -> str:
    """Lowercase `text` and drop its accents ("Nicolás" -> "nicolas")."""
    decomposed = unicodedata.normalize("NFD", text.lower())  # as the unicode61 tokenizer folds
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def to_fts_query(user_query: str) -> str:
    """Translate `user_query` (syntax in the module docstring) into an FTS5 MATCH expression.

    Promises an expression built only from double-quoted terms and the operators
    AND, OR, NOT and brackets. Raises SearchQueryError for an empty query, an
    unbalanced quote, a query with nothing but exclusions, a dangling OR, or one
    longer than MAX_TERMS terms / MAX_LENGTH characters.
    """
    if len(user_query) > MAX_LENGTH:
        raise SearchQueryError(f"search too long: at most {MAX_LENGTH} characters")
    if not user_query.strip():
        raise SearchQueryError('empty search: type a word, a "phrase" or a prefix*')
    if user_query.count('"') % 2:
        raise SearchQueryError('unbalanced quote: close the phrase with another "')
    groups, excluded = _parse(user_query)
    if not groups:
        if excluded:
            raise SearchQueryError("nothing to look for: a search needs a word besides the -exclusions")
        raise SearchQueryError(f"nothing to look for in {user_query.strip()!r}: use letters or digits")
    if sum(len(group) for group in groups) + len(excluded) > MAX_TERMS:
        raise SearchQueryError(f"search too long: at most {MAX_TERMS} words and phrases")
    wanted = " AND ".join(_group_fts(group) for group in groups)
    if not excluded:
        return wanted
    return f"({wanted}) NOT ({' OR '.join(term.fts() for term in excluded)})"


def highlight_terms(user_query: str) -> list[tuple[tuple[str, ...], bool]]:
    """The wanted (not excluded) words and phrases of a valid query, as folded words for
    highlighting: `'"electoral council" elect* -poll'` -> [(("electoral", "council"), False), (("elect",), True)].

    Raises SearchQueryError like to_fts_query.
    """
    to_fts_query(user_query)
    groups, _ = _parse(user_query)
    return [(tuple(_WORD.findall(term.text)), term.prefix) for group in groups for term in group]


def _group_fts(group: list[_Term]) -> str:
    return group[0].fts() if len(group) == 1 else "(" + " OR ".join(term.fts() for term in group) + ")"


def _parse(user_query: str) -> tuple[list[list[_Term]], list[_Term]]:
    """Split the query into OR-groups of wanted terms and a list of excluded terms."""
    groups: list[list[_Term]] = []
    excluded: list[_Term] = []
    join_next = negate_next = False
    for match in _TOKEN.finditer(user_query):
        word = match["word"]
        if word in ("OR", "AND", "NOT") and not match["neg"] and not match["star"]:
            if word == "OR":
                if not groups or join_next or negate_next:
                    raise SearchQueryError("OR needs a word or phrase on each side")
                join_next = True
            elif word == "NOT":
                if join_next:
                    raise SearchQueryError("OR needs a word or phrase on each side, not NOT")
                negate_next = True
            continue
        text = fold(match["phrase"] if match["phrase"] is not None else word).strip()
        if not _WORDLIKE.search(text):
            continue  # punctuation only: FTS5 would find nothing for it
        term = _Term(" ".join(text.split()), prefix=bool(match["star"]) or text.endswith("*"))
        term = _Term(term.text.rstrip("*").strip(), term.prefix)
        if match["neg"] or negate_next:
            if join_next:
                raise SearchQueryError("OR needs a word or phrase on each side, not an -exclusion")
            excluded.append(term)
        elif join_next:
            groups[-1].append(term)
        else:
            groups.append([term])
        join_next = negate_next = False
    if join_next:
        raise SearchQueryError("OR needs a word or phrase on each side")
    if negate_next:
        raise SearchQueryError("NOT needs a word or phrase after it")
    return groups, excluded
