"""Seeded stores for the TUI tests: fixed feeds, articles, quotes, entities and mentions.

Rows are inserted directly with sqlite-utils (no ingest, no extraction), with fixed
dates in March 2025 so nothing depends on today's date.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path

from vznews.store import open_db

FEEDS = [
    {"id": 1, "url": "http://127.0.0.1:9/chronicle.xml", "name": "Caracas Chronicle", "tags": json.dumps(["venezuela", "politics"]), "lang": "en", "error": None, "error_count": 0},
    {"id": 2, "url": "http://127.0.0.1:9/andes.xml", "name": "Andes Wire", "tags": json.dumps(["economy"]), "lang": "en", "error": None, "error_count": 0},
    {
        "id": 3,
        "url": "http://127.0.0.1:9/prensa.xml",
        "name": "Prensa Libre",
        "tags": json.dumps(["venezuela"]),
        "lang": "es",
        "error": "HTTP 503 from 127.0.0.1",
        "error_count": 2,
    },
]

ENTITIES = [
    # id, name, kind, key, aliases
    (1, "Nicolás Maduro", "person", "nicolas maduro", ["maduro", "president maduro"]),
    (2, "María Corina Machado", "person", "maria corina machado", ["machado"]),
    (3, "National Electoral Council", "org", "national electoral council", ["cne", "electoral council"]),
    (4, "Caracas", "place", "caracas", []),
    (5, "Edmundo González", "person", "edmundo gonzalez", ["gonzalez"]),
    (6, "PDVSA", "org", "pdvsa", []),
    (7, "Maracaibo", "place", "maracaibo", []),
]

TOPICS = [
    # title, speaker entity id, place entity id, topic word
    ("Electoral council sets date for regional vote", 5, 4, "vote"),
    ("Opposition leader rallies supporters in Caracas", 2, 4, "rally"),
    ("Oil output rises at PDVSA fields", 1, 7, "oil"),
    ("Assembly head calls for dialogue", 1, 4, "dialogue"),
    ("Inflation slows for third month", 2, 7, "prices"),
    ("González meets diplomats abroad", 5, 4, "diplomacy"),
]


@dataclass
class Seeded:
    """What a seeded store holds, for assertions."""

    path: Path
    article_ids: list[int] = field(default_factory=list)
    quote_ids: list[int] = field(default_factory=list)


def _published(n: int, total: int) -> str:
    # Newest first: article 0 is the newest; fixed dates from 1 March 2025 on.
    step = 97 if total <= 300 else 1
    when = datetime(2025, 3, 1, tzinfo=timezone.utc) + timedelta(minutes=(total - n) * step)
    return when.strftime("%Y-%m-%dT%H:%M:%SZ")


def article_text(n: int, topic: tuple[str, int, int, str]) -> tuple[str, list[tuple[str, int, str, str | None]]]:
    """The body of article `n` and its quotes as (text, speaker entity id, as written, role)."""
    title, speaker_id, place_id, word = topic
    speaker = ENTITIES[speaker_id - 1][1]
    place = ENTITIES[place_id - 1][1]
    q1 = f"We will not accept delays on the {word} question"
    q2 = f"The people of {place} deserve answers"
    body = (
        f"{speaker} spoke in {place} on day {n}. \"{q1},\" said {speaker}, adding that talks would continue.\n\n"
        f"Observers from the National Electoral Council watched closely. The {word} issue dominates the week.\n\n"
        f"\"{q2},\" Maduro said later in a televised address about {word}."
    )
    quotes = [(q1, speaker_id, speaker, "opposition leader" if speaker_id == 2 else None), (q2, 1, "Maduro", "president")]
    return body, quotes


def seed_store(path: Path, articles: int = 30, read_every: int = 3, star: tuple[int, ...] = (1, 4)) -> Seeded:
    """Create a store at `path` with three feeds, `articles` articles, quotes, entities and mentions.

    Article index 0 is the newest; every `read_every`-th article is read; `star` indexes are starred.
    """
    db = open_db(path)
    db["feeds"].insert_all(FEEDS)
    seeded = Seeded(path)
    rows, quotes, mentions = [], [], []
    entity_articles: dict[int, set[int]] = {}
    for n in range(articles):
        topic = TOPICS[n % len(TOPICS)]
        body, found = article_text(n, topic)
        article_id = n + 1
        rows.append(
            {
                "id": article_id,
                "feed_id": 1 + n % 3,
                "guid": f"guid-{n}",
                "url": f"https://news.example/{n}",
                "title": f"{topic[0]} ({n})",
                "author": "Ana Pérez" if n % 2 == 0 else None,
                "published": _published(n, articles),
                "summary": body.split("\n\n")[0],
                "content": body,
                "content_hash": hashlib.sha1(body.encode()).hexdigest(),
                "is_read": int(read_every > 0 and n % read_every == 0),
                "is_starred": int(n in star),
                "first_seen": "2025-03-28T00:00:00Z",
            }
        )
        for position, (text, speaker_id, as_written, role) in enumerate(found):
            start = body.index(text)
            quotes.append(
                {
                    "article_id": article_id,
                    "text": text,
                    "speaker": ENTITIES[speaker_id - 1][1],
                    "speaker_as_written": as_written,
                    "role": role,
                    "entity_id": speaker_id,
                    "cue": "said",
                    "kind": "direct",
                    "start": start,
                    "end": start + len(text),
                    "paragraph": body[:start].count("\n\n"),
                    "position": position,
                }
            )
        named = {1: 1, 3: 1}
        named[topic[2]] = named.get(topic[2], 0) + 1
        named[topic[1]] = named.get(topic[1], 0) + 2
        if topic[3] == "oil":
            named[6] = 1
        for entity_id, count in named.items():
            mentions.append({"article_id": article_id, "entity_id": entity_id, "count": count})
            entity_articles.setdefault(entity_id, set()).add(article_id)
    db["articles"].insert_all(rows, batch_size=500)
    for entity_id, name, kind, key, aliases in ENTITIES:
        ids = entity_articles.get(entity_id, set())
        db["entities"].insert(
            {"id": entity_id, "name": name, "kind": kind, "key": key, "article_count": len(ids), "mention_count": 2 * len(ids)}
        )
        for alias in aliases:
            db["entity_aliases"].insert({"alias_key": alias, "entity_id": entity_id})
    db["quotes"].insert_all(quotes, batch_size=500)
    db["mentions"].insert_all(mentions, batch_size=500)
    seeded.article_ids = [r["id"] for r in rows]
    seeded.quote_ids = [r[0] for r in db.execute("SELECT id FROM quotes ORDER BY id")]
    db.conn.close()
    return seeded


def seed_empty(path: Path) -> Path:
    """An empty, migrated store (no feeds, no articles)."""
    open_db(path).conn.close()
    return path


HOSTILE_TITLE = "[bold red]Boom[/] [@click=app.quit]quit[/] [link=file:///etc/passwd]pw[/link] \x1b[31mred\x1b]0;pwned\x07"
HOSTILE_BODY = (
    "Body with [bold]markup[/bold] and [@click=app.quit]click me[/] and \x1b[2Jclear "
    "and [link=file:///etc/passwd]passwd[/link].\n\n\"[blink]Shout[/blink] now,\" said [red]Evil[/red]."
)
HOSTILE_QUOTE = "[blink]Shout[/blink] now"
HOSTILE_ENTITY = "[red]Evil[/red] \x1b[5mCorp"


def seed_hostile(path: Path) -> Seeded:
    """A store whose feed name, title, body, quote, speaker and entity carry markup and escapes."""
    db = open_db(path)
    db["feeds"].insert({"id": 1, "url": "http://127.0.0.1:9/evil.xml", "name": "[reverse]Evil Feed[/] \x1b[7m", "tags": json.dumps(["[b]tag[/b]"])})
    db["articles"].insert(
        {
            "id": 1,
            "feed_id": 1,
            "guid": "evil",
            "url": "https://evil.example/[bold]x",
            "title": HOSTILE_TITLE,
            "author": "[i]Mallory[/i]",
            "published": "2025-03-02T10:00:00Z",
            "summary": HOSTILE_BODY,
            "content": HOSTILE_BODY,
            "content_hash": "h",
            "first_seen": "2025-03-02T10:00:00Z",
        }
    )
    start = HOSTILE_BODY.index(HOSTILE_QUOTE)
    db["entities"].insert({"id": 1, "name": HOSTILE_ENTITY, "kind": "org", "key": "evil corp", "article_count": 1, "mention_count": 1})
    db["mentions"].insert({"article_id": 1, "entity_id": 1, "count": 1})
    db["quotes"].insert(
        {
            "article_id": 1,
            "text": HOSTILE_QUOTE,
            "speaker": "[red]Evil[/red]",
            "speaker_as_written": "[red]Evil[/red]",
            "role": "[b]boss[/b]",
            "entity_id": 1,
            "cue": "said",
            "kind": "direct",
            "start": start,
            "end": start + len(HOSTILE_QUOTE),
            "paragraph": 1,
            "position": 0,
        }
    )
    db.conn.close()
    return Seeded(path, [1], [1])
