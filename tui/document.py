"""The reader's document: an article as one `rich.text.Text`, quotes highlighted with
their speakers shown and entity names marked.

Pure functions (no Textual) so they can be tested on their own. Untrusted text is
cleaned of terminal escapes piece by piece, so quote offsets (which index the raw
body) still land on the right characters, and is never parsed as markup.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import tzinfo

from rich.style import Style
from rich.text import Text

from vznews.store.queries_extract import fold
from vznews.store.records import Article, ArticleEntity, QuoteItem
from vznews.textsafe import clean_terminal_text
from vznews.tui.textfmt import long_when, safe

_CLOSERS = ",.;:!?\"'”’»"


@dataclass(frozen=True)
class ReaderStyles:
    """The styles a document uses (taken from the reader widget's component classes)."""

    title: Style = Style(bold=True)
    meta: Style = Style(dim=True)
    link: Style = Style(underline=True)
    quote: Style = Style(italic=True)
    speaker: Style = Style(bold=True)
    entity: Style = Style(underline=True)


@dataclass
class Document:
    """The rendered article and where each quote starts in it (character offsets)."""

    text: Text
    quote_offsets: dict[int, int] = field(default_factory=dict)
    body_start: int = 0


def _clean(piece: str) -> str:
    return clean_terminal_text(piece).replace("\t", "    ")


def header(article: Article, styles: ReaderStyles, tz: tzinfo | None) -> Text:
    """Title, then source · author · date, then the link; each one clean line."""
    meta = [safe(article.feed_name, 120)]
    if article.author:
        meta.append(safe(article.author, 120))
    meta.append(long_when(article.published, tz))
    if article.body_source == "summary":
        meta.append("summary only")
    return Text.assemble(
        (safe(article.title, 1000) or "(untitled)", styles.title),
        "\n",
        (" · ".join(meta), styles.meta),
        "\n",
        (safe(article.url, 2000) if article.url else "(no link)", styles.link),
        "\n\n",
    )


def _valid_quotes(body: str, quotes: list[QuoteItem]) -> list[QuoteItem]:
    chosen, last_end = [], 0
    for quote in sorted(quotes, key=lambda item: (item.start, item.end)):
        if 0 <= quote.start < quote.end <= len(body) and quote.start >= last_end:
            chosen.append(quote)
            last_end = quote.end
    return chosen


def _tag_position(body: str, end: int) -> int:
    stop = end
    while stop < len(body) and stop - end < 3 and body[stop] in _CLOSERS:
        stop += 1
    return stop


def speaker_label(quote: QuoteItem) -> str:
    """` ⟨Speaker, role⟩` for a quote, or an empty string when nobody is known."""
    speaker = safe(quote.speaker or quote.speaker_as_written, 120)
    if not speaker:
        return ""
    role = safe(quote.role, 80)
    # A short role reads well inline; a long one ("political scientist at the ...") is in the quotes pane.
    return f" ⟨{speaker}{', ' + role if role and len(role) <= 30 else ''}⟩"


def build_document(
    article: Article,
    quotes: list[QuoteItem],
    entities: list[ArticleEntity],
    styles: ReaderStyles = ReaderStyles(),
    tz: tzinfo | None = None,
) -> Document:
    """The whole article as text: header, then the body with quotes and entities styled."""
    text = header(article, styles, tz)
    doc = Document(text, body_start=len(text.plain))
    body, position = article.body, 0
    for quote in _valid_quotes(body, quotes):
        text.append(_clean(body[position : quote.start]))
        doc.quote_offsets[quote.id] = len(text.plain)
        text.append(_clean(body[quote.start : quote.end]), styles.quote)
        tag_at = _tag_position(body, quote.end)
        text.append(_clean(body[quote.end : tag_at]))
        text.append(speaker_label(quote), styles.speaker)
        position = tag_at
    text.append(_clean(body[position:]))
    text.rstrip()
    mark_entities(text, doc.body_start, entities, quotes, styles.entity)
    return doc


def entity_pattern(names: list[str]) -> re.Pattern[str] | None:
    """A regex over folded text matching any of `names` as whole words, longest first."""
    keys = sorted({" ".join(fold(name).split()) for name in names if name and name.strip()}, key=len, reverse=True)
    keys = [key for key in keys if len(key) > 1]
    if not keys:
        return None
    alternatives = "|".join(r"\s+".join(re.escape(part) for part in key.split(" ")) for key in keys)
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


def mark_entities(text: Text, start: int, entities: list[ArticleEntity], quotes: list[QuoteItem], style: Style) -> None:
    """Style every occurrence of an entity's name, alias or quoted speaker name after `start`."""
    names: list[str] = []
    known = {entity.id for entity in entities}
    for entity in entities:
        names.append(entity.name)
        names.extend(entity.alias_keys)
    names.extend(quote.speaker_as_written or "" for quote in quotes if quote.entity_id in known)
    pattern = entity_pattern(names)
    if pattern is None:
        return
    folded = fold(text.plain[start:])
    for match in pattern.finditer(folded):
        text.stylize(style, start + match.start(), start + match.end())
