"""Generate realistic RSS 2.0 feeds for the sync benchmark (deterministic, no network).

Each item carries a title, link, guid, date, author, categories, an HTML
description and a longer content:encoded body with paragraphs, quotes and links,
about 6 KB of XML per item: the shape of a real news feed.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from html import escape
from pathlib import Path

_WORDS = (
    "the electoral council said on Tuesday that the count in Zulia and Lara would be reviewed "
    "after opposition observers reported missing tally sheets from dozens of polling stations "
    "government officials in Caracas dismissed the claims as a destabilisation campaign while "
    "diplomats from Brazil Colombia and Mexico urged both sides to publish the full results "
    "the national assembly convened an emergency session and the supreme court ordered an audit "
    "of the voting machines inflation fuel shortages and migration remained the main concerns "
    "of voters interviewed outside schools in Maracaibo Valencia and Barquisimeto where queues "
    "formed before dawn analysts warned that the dispute could delay talks on sanctions relief"
).split()
_PEOPLE = ("Nicolás Maduro", "María Corina Machado", "Edmundo González", "Delcy Rodríguez",
           "Jorge Rodríguez", "Freddy Guevara", "Elvis Amoroso", "Diosdado Cabello")
_ROLES = ("opposition spokesman", "electoral council president", "interior minister",
          "vice-president", "an analyst at a Caracas university", "a poll worker")
_TAGS = ("Venezuela", "Elections", "Americas", "Politics", "Economy", "Migration")


def _sentence(rng: random.Random, low: int = 12, high: int = 28) -> str:
    words = [rng.choice(_WORDS) for _ in range(rng.randint(low, high))]
    return " ".join(words).capitalize() + "."


def _paragraph(rng: random.Random) -> str:
    parts = [_sentence(rng) for _ in range(rng.randint(2, 4))]
    if rng.random() < 0.5:
        who, role = rng.choice(_PEOPLE), rng.choice(_ROLES)
        parts.append(f"“{_sentence(rng, 8, 16)}” said {who}, {role}.")
    if rng.random() < 0.3:
        parts.insert(1, f'<a href="/news/{rng.randint(1000, 9999)}">{_sentence(rng, 3, 6)}</a>')
    return "<p>" + " ".join(parts) + "</p>"


def item_xml(rng: random.Random, feed: int, index: int, when: datetime) -> str:
    """One <item> of about 6 KB."""
    title = _sentence(rng, 6, 12).rstrip(".")
    link = f"https://news{feed % 40}.example.org/world/{when:%Y/%m/%d}/story-{feed}-{index}"
    description = f"<p>{_sentence(rng, 25, 40)}</p>"
    body = "\n".join(_paragraph(rng) for _ in range(rng.randint(9, 13)))
    categories = "".join(f"<category>{tag}</category>" for tag in rng.sample(_TAGS, 2))
    return (
        f"<item><title>{escape(title)}</title><link>{link}</link>"
        f'<guid isPermaLink="false">feed{feed}-item{index}</guid>'
        f"<pubDate>{format_datetime(when)}</pubDate><dc:creator>{rng.choice(_PEOPLE)}</dc:creator>"
        f"{categories}<description>{escape(description)}</description>"
        f"<content:encoded><![CDATA[{body}]]></content:encoded></item>\n"
    )


def feed_xml(feed: int, items: int, seed: int = 0) -> bytes:
    """A whole RSS 2.0 document for feed number `feed` with `items` items."""
    rng = random.Random(seed * 100_003 + feed)
    start = datetime(2024, 7, 29, 12, 0, tzinfo=timezone.utc)
    body = "".join(item_xml(rng, feed, i, start - timedelta(minutes=37 * i)) for i in range(items))
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/">\n<channel>'
        f"<title>Bench feed {feed}</title><link>https://news{feed % 40}.example.org/</link>"
        f"<description>World news, feed {feed}</description><language>en</language>\n"
        f"{body}</channel></rss>\n"
    ).encode("utf-8")


def write_corpus(directory: Path, feeds: int = 200, items: int = 50) -> list[Path]:
    """Write `feeds` feed files into `directory`; returns their paths."""
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(feeds):
        path = directory / f"feed{n:03d}.xml"
        path.write_bytes(feed_xml(n, items))
        paths.append(path)
    return paths
