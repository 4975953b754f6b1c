"""Joining entities in the store: the user's aliases, and lone surnames into full names.

Both run at the start or end of an extraction run, inside the caller's transaction.
The aliases file is the truth: `entity_aliases` holds exactly its merges and
renames, `hidden` exactly its hide list.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict

from vznews.extract.aliases import Aliases
from vznews.store.extraction import SURNAME_DOMINANCE, name_endings, refresh_entities


def merge_into(conn: sqlite3.Connection, source: int, target: int) -> None:
    """Move everything of entity `source` (mentions, quotes, aliases) to `target` and delete `source`."""
    if source == target:
        return
    conn.execute(
        "INSERT INTO mentions (article_id, entity_id, count, kind) SELECT article_id, ?, count, kind FROM mentions"
        " WHERE entity_id = ? AND true ON CONFLICT (article_id, entity_id) DO UPDATE SET count = count + excluded.count",
        (target, source),
    )
    conn.execute("DELETE FROM mentions WHERE entity_id = ?", (source,))
    conn.execute("UPDATE quotes SET entity_id = ? WHERE entity_id = ?", (target, source))
    conn.execute("UPDATE entity_aliases SET entity_id = ? WHERE entity_id = ?", (target, source))
    conn.execute("DELETE FROM entities WHERE id = ?", (source,))


def apply_aliases(conn: sqlite3.Connection, aliases: Aliases) -> None:
    """Make the store agree with the aliases file: merges, names, hidden flags and kinds."""
    ids = dict(conn.execute("SELECT key, id FROM entities"))
    touched: set[int] = set()
    wanted: dict[str, int] = {}
    for alias_key in aliases.canonical:
        key = aliases.resolve(alias_key)
        source, target = ids.get(alias_key), ids.get(key)
        if source is not None and target is None:
            conn.execute("UPDATE entities SET key = ? WHERE id = ?", (key, source))
            ids[key], target = source, source
            del ids[alias_key]
        elif source is not None and target is not None and source != target:
            merge_into(conn, source, target)
            del ids[alias_key]
        if target is not None:
            wanted[alias_key] = target
            touched.add(target)
    conn.execute("DELETE FROM entity_aliases WHERE alias_key NOT IN (SELECT value FROM json_each(?))", (json.dumps(list(wanted)),))
    conn.executemany("INSERT OR REPLACE INTO entity_aliases (alias_key, entity_id) VALUES (?, ?)", list(wanted.items()))
    for key, name in aliases.names.items():
        conn.execute("UPDATE entities SET name = ? WHERE key = ? AND name != ?", (name, key, name))
    hidden = json.dumps(sorted(aliases.hidden))
    conn.execute("UPDATE entities SET hidden = 0 WHERE hidden = 1 AND key NOT IN (SELECT value FROM json_each(?))", (hidden,))
    conn.execute("UPDATE entities SET hidden = 1 WHERE hidden = 0 AND key IN (SELECT value FROM json_each(?))", (hidden,))
    for key, kind in aliases.kinds.items():
        conn.execute("UPDATE entities SET kind = ? WHERE key = ? AND kind != ?", (kind, key, kind))
    refresh_entities(conn, touched, aliases)


def consolidate_surnames(conn: sqlite3.Connection, aliases: Aliases) -> int:
    """Join each lone surname ("Maduro", person or organisation) and each shorter form of a person's name
    ("Belén Ortiz") to the full name it clearly stands for; how many were joined.

    Clearly: the full name with that surname has at least twice the articles of any
    other. Names the aliases file mentions are left alone. Organisations are joined only within an
    article (where "the Electoral Council" follows "the National Electoral Council"): across the
    store a short name like "Supreme Court" is as likely another country's court as the one longer
    name on file, and a merge here cannot be undone by the next sync.
    """
    people: dict[str, list[tuple[int, int]]] = defaultdict(list)
    lone: list[tuple[int, str, int]] = []
    for id_, key, kind, count in conn.execute("SELECT id, key, kind, article_count FROM entities WHERE kind IN ('person', 'org')"):
        if kind == "person" or " " not in key:
            lone.append((id_, key, count))
        if kind == "person":
            for ending in name_endings(key):
                people[ending].append((count, id_))
    protected = set(aliases.names) | set(aliases.canonical)
    joined: set[int] = set()
    merged = 0
    gone: set[int] = set()
    for id_, key, count in sorted(lone, key=lambda item: -len(item[1].split())):
        if id_ in gone:
            continue
        ranked = sorted((c, i) for c, i in people.get(key, ()) if i not in gone and i != id_)[::-1]
        if not ranked or key in protected:
            continue
        if len(ranked) > 1 and ranked[0][0] < SURNAME_DOMINANCE * max(1, ranked[1][0]):
            continue
        source, target = id_, ranked[0][1]
        if " " in key and count > ranked[0][0]:
            source, target = target, id_  # "Donald Trump" (many articles) keeps "Donald J. Trump" (few)
        conn.execute("UPDATE mentions SET kind = 'person' WHERE entity_id = ?", (source,))
        merge_into(conn, source, target)
        gone.add(source)
        joined.add(target)
        merged += 1
    refresh_entities(conn, joined, aliases)
    return merged
