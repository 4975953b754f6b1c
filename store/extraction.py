"""Writing what extraction found: one article's quotes and mentions, and the entities they name.

`write_article` replaces an article's previous extraction; the caller holds the
transaction (one per batch). Entities are found by key or alias through an
`EntityIndex` that lives for one extraction run, and created on first sight.
`refresh_entities` then recomputes the counts and kinds of the entities a batch touched.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from typing import Iterable, Sequence

from vznews.extract import lexicon
from vznews.extract.aliases import Aliases
from vznews.extract.entity_names import fold
from vznews.models import EntityMention, Quote

KIND_ORDER = ("person", "org", "place", "other")  # ties go to the earlier kind
SURNAME_DOMINANCE = 2  # a lone surname joins the full name with at least twice the articles of the next


class EntityIndex:
    """Key -> entity id for one run: entities by key, the user's aliases, people by surname."""

    def __init__(self, conn: sqlite3.Connection, aliases: Aliases) -> None:
        self.conn = conn
        self.aliases = aliases
        self.by_key: dict[str, int] = dict(conn.execute("SELECT key, id FROM entities"))
        self.by_key.update(conn.execute("SELECT alias_key, entity_id FROM entity_aliases"))
        # Every proper ending of a person's key -> [(articles, id)]: "maduro", "belen ortiz".
        self.surnames: dict[str, list[tuple[int, int]]] = defaultdict(list)
        self.people: set[int] = set()
        for key, id_, count in conn.execute("SELECT key, id, article_count FROM entities WHERE kind = 'person'"):
            self.people.add(id_)
            for ending in name_endings(key):
                self.surnames[ending].append((count, id_))

    def _by_surname(self, key: str) -> int | None:
        people = sorted(self.surnames.get(key, ()), reverse=True)
        if not people or (len(people) > 1 and people[0][0] < SURNAME_DOMINANCE * max(1, people[1][0])):
            return None
        return people[0][1]

    def resolve(self, mention: EntityMention) -> tuple[int, str]:
        """The id of the entity `mention` names (created if new) and the kind this mention gives it.

        A lone surname ("Maduro", which the recognizer often calls an organisation) or
        the end of a longer name ("Belén Ortiz") is the person clearly known by it in the store.
        """
        key = self.aliases.resolve(mention.key)
        found = self.by_key.get(key)
        if found is None and (mention.kind == "person" or (mention.kind == "org" and " " not in key)) and key not in self.aliases.names:
            found = self._by_surname(key)
            words = key.split()
            if found is None and mention.kind == "person" and len(words) >= 3:
                short = self.by_key.get(f"{words[0]} {words[-1]}")  # "Donald J. Trump" is "Donald Trump"
                found = short if short in self.people else None
            if found is not None:
                return found, "person"
        if found is not None:
            if key == mention.key and key not in self.aliases.names and not mention.name.isascii():
                # Prefer the accented spelling: "Nicolas Maduro" becomes "Nicolás Maduro".
                self.conn.execute("UPDATE entities SET name = ? WHERE id = ? AND name = ?", (mention.name, found, _ascii(mention.name)))
            return found, mention.kind
        name = self.aliases.names.get(key, mention.name)
        kind = self.aliases.kinds.get(key, mention.kind)
        cur = self.conn.execute(
            "INSERT INTO entities (name, kind, key, hidden) VALUES (?, ?, ?, ?)",
            (name, kind, key, int(key in self.aliases.hidden)),
        )
        new_id = int(cur.lastrowid)
        self.by_key[key] = new_id
        if kind == "person":
            self.people.add(new_id)
            for ending in name_endings(key):
                self.surnames[ending].append((0, new_id))
        return new_id, mention.kind


def name_endings(key: str) -> list[str]:
    """The shorter forms a person's key stands for: its proper endings, and first + last word.

    "ana belen ortiz" -> ["belen ortiz", "ortiz", "ana ortiz"]; "donald j trump" -> [..., "donald trump"].
    A name closing on a second surname also stands for itself without it: "rafael dominguez lobo" ->
    [..., "dominguez", "rafael dominguez"] (not "tomas andres ocampo" -> "tomas andres": "Andrés" is a first name).
    """
    words = key.split()
    endings = [" ".join(words[i:]) for i in range(1, len(words))]
    if len(words) < 3:
        return endings
    endings.append(f"{words[0]} {words[-1]}")
    if len(words[-2]) > 2 and words[-2].title() not in lexicon.first_names():
        # ... and it ends with its first surname: "salvatierra" for "hector salvatierra mena"
        endings += [" ".join(words[i:-1]) for i in range(1, len(words) - 1)] + [" ".join(words[:-1])]
    return endings


def _ascii(name: str) -> str:
    """`name` with its accents removed, case kept."""
    return "".join(c if c.isascii() else (fold(c)[:1].upper() if c.isupper() else fold(c)[:1]) for c in name)


def write_article(
    conn: sqlite3.Connection,
    index: EntityIndex,
    article_id: int,
    quotes: Sequence[Quote],
    mentions: Sequence[EntityMention],
    speakers: Sequence[EntityMention | None],
    version: int,
) -> set[int]:
    """Replace the article's quotes and mentions, mark it extracted at `version`; the touched entity ids.

    `speakers[i]` is the entity (one of `mentions`) that `quotes[i]` is linked to.
    """
    touched = {row[0] for row in conn.execute("SELECT entity_id FROM mentions WHERE article_id = ?", (article_id,))}
    conn.execute("DELETE FROM quotes WHERE article_id = ?", (article_id,))
    conn.execute("DELETE FROM mentions WHERE article_id = ?", (article_id,))
    ids: dict[str, int] = {}
    for m in mentions:
        entity, kind = index.resolve(m)
        ids[m.key] = entity
        touched.add(entity)
        conn.execute(
            "INSERT INTO mentions (article_id, entity_id, count, kind) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (article_id, entity_id) DO UPDATE SET count = count + excluded.count",
            (article_id, entity, m.count, kind),
        )
    conn.executemany(
        'INSERT INTO quotes (article_id, text, speaker, speaker_as_written, role, entity_id, cue, kind, start, "end",'
        " paragraph, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (article_id, q.text, q.speaker, q.speaker_as_written, q.role, ids.get(s.key) if s else None,
             q.cue, q.kind, q.start, q.end, q.paragraph, position)
            for position, (q, s) in enumerate(zip(quotes, speakers))
        ],
    )
    conn.execute("UPDATE articles SET extracted_version = ? WHERE id = ?", (version, article_id))
    return touched


def _chunks(ids: Iterable[int], size: int = 500) -> Iterable[list[int]]:
    items = list(ids)
    for i in range(0, len(items), size):
        yield items[i : i + size]


def refresh_entities(conn: sqlite3.Connection, entity_ids: Iterable[int], aliases: Aliases) -> None:
    """Recompute counts and kinds of `entity_ids`; drop those no article names any more.

    An entity's kind is the one most of its articles gave it (person first on a
    tie), unless the aliases file sets it.
    """
    for chunk in _chunks(entity_ids):
        marks = ",".join("?" * len(chunk))
        conn.execute(
            f"UPDATE entities SET article_count = (SELECT count(*) FROM mentions m WHERE m.entity_id = entities.id),"
            f" mention_count = (SELECT coalesce(sum(count), 0) FROM mentions m WHERE m.entity_id = entities.id)"
            f" WHERE id IN ({marks})",
            chunk,
        )
        votes: dict[int, dict[str, int]] = defaultdict(dict)
        for entity, kind, n in conn.execute(
            f"SELECT entity_id, kind, count(*) FROM mentions WHERE entity_id IN ({marks}) AND kind IS NOT NULL"
            " GROUP BY entity_id, kind", chunk,
        ):
            votes[entity][kind] = n
        forced = {k for k in aliases.kinds}
        for entity, counts in votes.items():
            kind = max(KIND_ORDER, key=lambda k: (counts.get(k, 0), -KIND_ORDER.index(k)))
            conn.execute(
                "UPDATE entities SET kind = ? WHERE id = ? AND kind != ? AND key NOT IN (SELECT value FROM json_each(?))",
                (kind, entity, kind, _json(forced)),
            )
        conn.execute(
            f"DELETE FROM entities WHERE id IN ({marks}) AND article_count = 0"
            " AND id NOT IN (SELECT entity_id FROM entity_aliases) AND id NOT IN (SELECT entity_id FROM quotes"
            " WHERE entity_id IS NOT NULL)",
            chunk,
        )


def _json(items: Iterable[str]) -> str:
    import json

    return json.dumps(sorted(items))
