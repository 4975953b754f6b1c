"""Pair quotation marks into quoted spans, paragraph by paragraph.

Handles straight and curly double quotes, doubled apostrophes (''…'', ``…''), « » and „ ",
with single quotes ('…', ‘…’) only where a paragraph has no double marks (headline style).
A mark left open at the end of a paragraph continues the quote into the next paragraph when that
paragraph opens with a mark (the multi-paragraph convention); otherwise it is dropped and pairing
resumes after it, so one unbalanced mark never hides the quotes that follow.
"""

from __future__ import annotations

import re
from typing import NamedTuple

_DOUBLE = re.compile(r"''|``|[\"“”„«»]")
_SINGLE = re.compile(r"[‘’']")
_TAG = re.compile(r"<[A-Za-z/!][^<>\n]{0,800}>")
_OPEN_LEFT = set("([{—–-/:") | {"“", "‘", "«", "„", "'", '"'}
_CLOSE_RIGHT = set(".,;:!?)]}—–-…/") | {"”", "’", "»", "'", '"'}
_AMBIGUOUS = {'"', "''", "”", "“"}


class Span(NamedTuple):
    """Quoted words between two marks (offsets exclude the marks)."""

    start: int
    end: int
    open_at: int  # offset of the opening mark
    close_at: int | None  # offset just after the closing mark; None when the quote runs on
    paragraph: int
    continues: bool = False  # no closing mark: the quote goes on in the next paragraph
    continued: bool = False  # this paragraph carries on the previous paragraph's quote
    single: bool = False  # delimited by single quotes
    dash: bool = False  # a Spanish dialogue dash (raya) opens it


def _role(text: str, i: int, j: int, lo: int, hi: int) -> str:
    """'O' when the mark at [i, j) looks like an opener, 'C' a closer, 'A' ambiguous."""
    left = text[i - 1] if i > lo else ""
    right = text[j] if j < hi else ""
    opens = left == "" or left.isspace() or left in _OPEN_LEFT
    closes = right == "" or right.isspace() or right in _CLOSE_RIGHT
    if opens and not closes:
        return "O"
    if closes and not opens:
        return "C"
    return "A"


def _masked(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """Markup tags inside the paragraph, whose attribute quotes are not quotation marks."""
    return [m.span() for m in _TAG.finditer(text, lo, hi)]


def _marks(text: str, lo: int, hi: int, pattern: re.Pattern[str]) -> list[tuple[int, int, str]]:
    tags = _masked(text, lo, hi) if text.find("<", lo, hi) >= 0 else []
    out = []
    for m in pattern.finditer(text, lo, hi):
        if tags and any(a <= m.start() < b for a, b in tags):
            continue
        out.append((m.start(), m.end(), m.group()))
    return out


def _closes(opener: str, mark: str, role: str, text: str, i: int) -> bool | None:
    """Whether `mark` closes a quote opened by `opener`: True, False, or None to restart at it."""
    if opener == "«":
        return True if mark == "»" else False
    if mark in ("«", "»"):
        return False
    if mark == "”":
        return True
    if mark in ("„", "``"):
        return None
    if mark == "“":
        return True if (opener == "„" or role == "C") else None
    # straight " or '': a closer unless it clearly opens a new quote (a space before it, a word after it)
    return True if role != "O" else None


def _pair(text: str, marks: list[tuple[int, int, str]], lo: int, hi: int, next_opens: bool):
    """Yield (open_mark, close_mark | None) pairs; None means the quote runs to the paragraph end."""
    k = 0
    while k < len(marks):
        i, j, m = marks[k]
        role = _role(text, i, j, lo, hi)
        if m == "”":
            opener = role == "O"  # a closing mark misused as an opening one
        elif m == "“":
            opener = role != "C"
        else:
            opener = m in ("„", "«", "``") or (m in _AMBIGUOUS and role != "C")
        if not opener:
            k += 1
            continue
        nested = False
        closed = None
        n = k + 1
        while n < len(marks):
            mi, mj, mm = marks[n]
            r = _role(text, mi, mj, lo, hi)
            if m == "«" and mm in ("“", "”", '"', "''", "„"):
                nested = (not nested) if mm != "”" else False
                n += 1
                continue
            verdict = _closes(m, mm, r, text, mi)
            if verdict is True:
                closed = n
                break
            if verdict is None:
                break  # a new opener: the one at k was stray
            n += 1
        if closed is not None:
            yield marks[k], marks[closed]
            k = closed + 1
        elif n >= len(marks) and next_opens:
            yield marks[k], None
            return
        else:
            k += 1  # unbalanced: drop this opener, keep pairing after it


def _next_opens(text: str, paragraphs: list[tuple[int, int]], p: int) -> bool:
    """The next paragraph opens with a mark: an opening one, or Spanish » (comillas de seguir)."""
    if p + 1 >= len(paragraphs):
        return False
    s, e = paragraphs[p + 1]
    head = text[s : s + 2]
    return head[:1] in ('"', "“", "«", "„", "»") or head == "''" or head == "``"


def find_spans(text: str, paragraphs: list[tuple[int, int]]) -> list[Span]:
    """All quoted spans of the text in reading order, one or more per paragraph."""
    out: list[Span] = []
    running = False
    for p, (lo, hi) in enumerate(paragraphs):
        marks = _marks(text, lo, hi, _DOUBLE)
        if running and marks and marks[0] == (lo, lo + 1, "»"):
            marks[0] = (lo, lo + 1, "«")  # »… continues a Spanish quotation from the last paragraph
        nxt = _next_opens(text, paragraphs, p)
        first = True
        for (oi, oj, _om), close in _pair(text, marks, lo, hi, nxt):
            continued = running and first and oi == lo
            if close is None:
                end = hi
                out.append(Span(oj, end, oi, None, p, continues=True, continued=continued))
            else:
                out.append(Span(oj, close[0], oi, close[1], p, continued=continued))
            first = False
        running = bool(out) and out[-1].paragraph == p and out[-1].continues
        if not marks:
            out.extend(_single_spans(text, lo, hi, p))
    return [s for s in out if s.end > s.start and text[s.start : s.end].strip()]


def _single_spans(text: str, lo: int, hi: int, p: int) -> list[Span]:
    """'…' and ‘…’ quotes in a paragraph without double marks; apostrophes are not marks."""
    marks = _marks(text, lo, hi, _SINGLE)
    out = []
    k = 0
    while k < len(marks):
        i, j, m = marks[k]
        left = text[i - 1] if i > lo else ""
        right = text[j] if j < hi else ""
        if m == "’" or not (left == "" or left.isspace() or left in "([—–-:\"“") or not right.isalpha():
            k += 1
            continue
        for n in range(k + 1, len(marks)):
            ci, cj, cm = marks[n]
            cl, cr = text[ci - 1], text[cj] if cj < hi else ""
            if cm == "‘" or cl.isspace():
                continue
            if cr.isalnum():
                continue  # an apostrophe inside a word: don't, Guevara’s
            if cl == "s" and text[cj : cj + 2][1:].islower() and n + 1 < len(marks):
                continue  # a plural possessive: "the voters’ decision"
            if cj - i >= 4:
                out.append(Span(j, ci, i, cj, p, single=True))
            k = n
            break
        k += 1
    return out
