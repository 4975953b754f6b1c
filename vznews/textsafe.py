"""Make untrusted text (from feeds and pages) inert for a terminal.

Feed text must never reach the terminal as escape sequences or control characters.
Markup safety is separate: display code builds `rich.text.Text` objects (never parses
markup from feed text); this module removes what would act on the terminal itself.
"""

from __future__ import annotations

import re

# CSI, OSC, DCS/SOS/PM/APC strings and two-character ESC sequences (7-bit and 8-bit forms).
_ESCAPE_SEQUENCES = re.compile(
    r"""
    (?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]                           # CSI ... final byte
  | (?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f]).*?(?:\x07|\x1b\\|\x9c|$)  # OSC/DCS/SOS/PM/APC ... terminator
  | \x1b[@-Z\\-_]                                              # other two-character ESC sequences
    """,
    re.VERBOSE | re.DOTALL,
)
# Remaining C0 and C1 controls (tab and newline are kept), DEL, and the bidi
# embedding/override/isolate controls, which can make text display reordered.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def clean_terminal_text(text: str | None) -> str:
    """Return `text` with escape sequences, control characters and bidi overrides removed.

    Newlines and tabs survive; carriage returns become newlines. Printable text,
    including markup-like brackets, is returned unchanged (display code renders it
    as plain text).
    """
    if not text:
        return ""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _ESCAPE_SEQUENCES.sub("", text)
    return _CONTROLS.sub("", text)


def one_line(text: str | None, limit: int = 300) -> str:
    """`clean_terminal_text` folded to one line and cut to `limit` characters."""
    flat = " ".join(clean_terminal_text(text).split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
