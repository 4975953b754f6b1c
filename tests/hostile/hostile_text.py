"""Text that tries to act on a terminal or a markup parser, and checks that it did not.

The fragments carry Rich/Textual markup, ANSI and OSC escape sequences (colour,
cursor moves, screen clearing, OSC 52 clipboard writes, OSC 8 links), C1
controls, bidi overrides, zero-width and combining characters. Shown safely,
the markup appears literally and no sequence reaches the terminal.
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

MARKUP = "[bold red]LOUD[/bold red] [link=file:///etc/passwd]secret[/link] [@click=app.quit]bye[/]"
MARKUP_PARTS = ("[bold red]LOUD[/bold red]", "[link=file:///etc/passwd]secret[/link]", "[@click=app.quit]bye[/]")
ESCAPES = ("\x1b[7;31;42mINVERT\x1b[0m \x1b[5;5Hmoved \x1b[2Jcleared \x1b]52;c;aGFja2Vk\x07copied "
           "\x1b]8;;http://evil.invalid/\x1b\\osc8\x1b]8;;\x1b\\ \x9b31mcsi8 \x1bPdcs\x1b\\")
BIDI = "\u202egnp.exe\u202c \u2066isolated\u2069"
INVISIBLE = "zero\u200bwidth\u200djoin e\u0301\u0301\u0301 Z\u0336\u0336"

TITLE = f"Alarm {MARKUP} {ESCAPES} {BIDI}"
AUTHOR = "[bold]Evil Author[/bold] \x1b]52;c;aGk=\x07\x1b[1;1H"
BODY = (f"First paragraph {MARKUP}.\n\nSecond paragraph {ESCAPES}.\n\nThird paragraph {BIDI} {INVISIBLE}.\n\n"
        f"\"[bold]We will never give up[/bold] \x1b[2J,\" said [link=file:///etc/passwd]General Ruiz[/link].")
QUOTE = f"[bold red]We will never[/bold red] \x1b]52;c;aGk=\x07 give up {BIDI}"
SPEAKER = "[@click=app.quit]General Ruiz[/] \x1b[31m"
ENTITY = "[link=file:///etc/passwd]Evil Corp[/link] \x1b]8;;http://evil.invalid/\x1b\\"
ENTITY_KEY = "evil corp"
WORDS = ("Alarm", "LOUD", "secret", "bye", "INVERT", "moved", "cleared", "copied", "osc8", "isolated")

# What must never come out: ESC and CSI in any form, C1 controls, bidi controls.
FORBIDDEN = re.compile("[\x1b\x9b\x90\x9d\x9e\x9f\u202a-\u202e\u2066-\u2069]")
# Sequences a hostile title carries that rich itself never writes.
HOSTILE_SEQUENCES = (b"\x1b]52", b"\x1b]8;;http://evil", b"\x1b[2J", b"\x1b[5;5H", b"\x1b[1;1H", b"\x1b[7;31;42m",
                     b"\x1bP", b"\xc2\x9b", "\u202e".encode(), "\u2066".encode())
_SGR = re.compile(r"\x1b\[[0-9;]*m")


def assert_inert(output: str, *, expect: tuple[str, ...] = MARKUP_PARTS) -> None:
    """Plain output: no control sequence at all, and the markup shown literally."""
    bad = FORBIDDEN.search(output)
    assert bad is None, f"{bad.group()!r} reached the output: {output[max(0, bad.start() - 60):bad.end() + 60]!r}"
    for text in expect:
        assert text in output, f"{text!r} not shown literally in:\n{output}"


def assert_inert_on_terminal(raw: bytes, *, expect: tuple[str, ...] = MARKUP_PARTS) -> None:
    """Terminal output (rich styling allowed): none of the feed's sequences, markup literal."""
    for sequence in HOSTILE_SEQUENCES:
        assert sequence not in raw, f"{sequence!r} reached the terminal"
    text = _SGR.sub("", raw.decode("utf-8", errors="replace"))
    for text_part in expect:
        assert text_part in text, f"{text_part!r} not shown literally in:\n{text}"


def hostile_feed_xml() -> bytes:
    """An RSS document whose every text field is hostile (raw control bytes: not well-formed XML 1.0,
    so the strict parser refuses it and the lenient one must cope)."""
    def cdata(text: str) -> str:
        return "<![CDATA[" + text.replace("\n\n", "</p><p>") + "]]>"

    items = "".join(
        f"<item><title>{cdata(TITLE + suffix)}</title><guid>hostile-{n}</guid>"
        f"<link>http://hostile.invalid/{n}</link><author>{cdata(AUTHOR)}</author>"
        f"<pubDate>Mon, 03 Mar 2025 1{n}:00:00 GMT</pubDate><description>{cdata('<p>' + BODY + '</p>')}</description></item>"
        for n, suffix in enumerate(("", " again"))
    )
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{cdata(MARKUP)}</title>'
            f"<link>http://hostile.invalid/</link>{items}</channel></rss>").encode("utf-8")


def seed_hostile_rows(db_path: Path) -> dict[str, int]:
    """Add raw hostile rows the way a buggy or older ingest might have stored them: a feed, an
    article, a quote, an entity with mentions. Returns their ids."""
    from vznews.store.db import open_db

    db = open_db(db_path)
    conn: sqlite3.Connection = db.conn
    with conn:
        feed_id = conn.execute("INSERT INTO feeds (url, name, error, error_count, checked_at, status)"
                               " VALUES (?, ?, ?, 2, '2025-03-04T10:00:00Z', 500)",
                               ("http://raw.invalid/feed", f"Raw {MARKUP}", f"HTTP 500 {ESCAPES}")).lastrowid
        article_id = conn.execute(
            "INSERT INTO articles (feed_id, guid, url, title, author, published, summary, content, content_hash,"
            " first_seen, extracted_version) VALUES (?, 'raw-1', 'http://raw.invalid/1', ?, ?,"
            " '2025-03-04T10:00:00Z', ?, ?, 'h', '2025-03-04T10:00:00Z', 99)",
            (feed_id, "Raw " + TITLE, AUTHOR, BODY, BODY)).lastrowid
        entity_id = conn.execute("INSERT INTO entities (name, kind, key, article_count, mention_count)"
                                 " VALUES (?, 'org', ?, 1, 3)", (ENTITY, ENTITY_KEY)).lastrowid
        speaker_id = conn.execute("INSERT INTO entities (name, kind, key, article_count, mention_count)"
                                  " VALUES (?, 'person', 'general ruiz', 1, 2)", (SPEAKER,)).lastrowid
        conn.execute("INSERT INTO mentions (article_id, entity_id, count, kind) VALUES (?, ?, 3, 'org')",
                     (article_id, entity_id))
        conn.execute("INSERT INTO mentions (article_id, entity_id, count, kind) VALUES (?, ?, 2, 'person')",
                     (article_id, speaker_id))
        start = BODY.index("We will never")
        quote_id = conn.execute(
            "INSERT INTO quotes (article_id, text, speaker, speaker_as_written, role, entity_id, cue, kind, start,"
            ' "end", paragraph, position) VALUES (?, ?, ?, ?, ?, ?, \'said\', \'direct\', ?, ?, 3, 0)',
            (article_id, QUOTE, SPEAKER, SPEAKER, "[italic]role[/italic] \x1b[5m", speaker_id, start,
             start + 30)).lastrowid
    conn.close()
    return {"feed": feed_id, "article": article_id, "entity": entity_id, "speaker": speaker_id, "quote": quote_id}
