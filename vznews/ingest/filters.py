"""Per-feed keyword filters: keep a general feed's items about the story, drop the rest.

`include` keeps an entry when any keyword appears in its title or text;
`exclude` drops it when any does (exclude wins). Matching ignores case and
accents ("Nicolas" finds "Nicolás", "CARACAS" finds "Caracas") and is anchored
at the start of a word, so "venezuela" also finds "Venezuelan" but "PSUV" does
not match inside another word. A keyword may be a phrase ("electoral council").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Iterable

from vznews.models import FeedConfig, ParsedEntry

_MARKS = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+")


def fold(text: str) -> str:
    """Lowercase `text` and strip its accents, for matching (not for display)."""
    if text.isascii():
        return text.lower()
    return _MARKS.sub("", unicodedata.normalize("NFKD", text)).casefold()


def _pattern(keywords: Iterable[str]) -> re.Pattern[str] | None:
    words = [" ".join(fold(k).split()) for k in keywords if k and k.strip()]
    if not words:
        return None
    alternatives = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})")


@dataclass(frozen=True)
class KeywordFilter:
    """Compiled include/exclude keyword lists of one feed."""

    include: re.Pattern[str] | None
    exclude: re.Pattern[str] | None

    @classmethod
    def for_feed(cls, feed: FeedConfig) -> "KeywordFilter | None":
        """The feed's filter, or None when it has no keywords (keep everything)."""
        include, exclude = _pattern(feed.include), _pattern(feed.exclude)
        return cls(include, exclude) if include or exclude else None

    def keeps(self, entry: ParsedEntry) -> bool:
        """True when `entry` passes: it matches an include keyword (if any are set) and no exclude keyword."""
        text = fold("\n".join((entry.title, entry.summary, entry.content)))
        if self.exclude is not None and self.exclude.search(text):
            return False
        return self.include is None or self.include.search(text) is not None


def apply_filter(feed: FeedConfig, entries: Iterable[ParsedEntry]) -> tuple[list[ParsedEntry], int]:
    """The entries `feed`'s keyword filter keeps, and how many it dropped."""
    entries = list(entries)
    keyword_filter = KeywordFilter.for_feed(feed)
    if keyword_filter is None:
        return entries, 0
    kept = [e for e in entries if keyword_filter.keeps(e)]
    return kept, len(entries) - len(kept)
