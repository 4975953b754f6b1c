"""Small text helpers for the explorer: safe one-line text, dates, padding.

Everything here returns plain strings or `rich.text.Text`; untrusted strings are
cleaned of terminal escapes and never parsed as markup.
"""

from __future__ import annotations

from datetime import datetime, timezone, tzinfo

from rich.style import Style
from rich.text import Text

from vznews.textsafe import one_line


KIND_NOTES = {"indirect": "reported: ", "mixed": "partly quoted: "}  # said of quotes that are not wholly direct


def quote_text(text: str, kind: str, limit: int) -> str:
    """A quote's words as shown: in quotation marks, except reported speech, which is no quotation."""
    words = safe(text, limit)
    return words if kind == "indirect" else "“" + words + "”"


def safe(text: str | None, limit: int = 300) -> str:
    """Untrusted text as one clean line (escapes and controls removed)."""
    return one_line(text, limit)


def parse_when(published: str) -> datetime | None:
    """A stored UTC ISO timestamp as an aware datetime (None if unreadable)."""
    try:
        when = datetime.fromisoformat(published)
    except (TypeError, ValueError):
        return None
    return when if when.tzinfo else when.replace(tzinfo=timezone.utc)


def short_when(published: str, now: datetime, tz: tzinfo | None = None) -> str:
    """Six columns: `HH:MM` today, `Mon DD` within a year, else the year."""
    when = parse_when(published)
    if when is None:
        return "     ?"
    local, today = when.astimezone(tz), now.astimezone(tz)
    if local.date() == today.date():
        return local.strftime("%H:%M").rjust(6)
    if abs((today - local).days) < 330:
        return local.strftime("%b %d").rjust(6)
    return local.strftime("%Y").rjust(6)


def long_when(published: str, tz: tzinfo | None = None) -> str:
    """A full local date and time, e.g. `Mon 3 Mar 2025 00:30`."""
    when = parse_when(published)
    if when is None:
        return published
    local = when.astimezone(tz)
    return local.strftime("%a ") + str(local.day) + local.strftime(" %b %Y %H:%M")


def fit(text: str, width: int) -> str:
    """`text` cut with an ellipsis or padded with spaces to exactly `width` cells (narrow text)."""
    if width <= 0:
        return ""
    piece = Text(text)
    piece.truncate(width, overflow="ellipsis", pad=True)
    return piece.plain


def fg(style: Style) -> Style:
    """Only the foreground parts of a style (so a row's highlight background shows through)."""
    return Style(color=style.color, bold=style.bold, dim=style.dim, italic=style.italic, underline=style.underline)
