"""The user's aliases file: merge, rename, hide entities, and force their kind.

`aliases.toml` in the config dir (`vznews.locations.aliases_path()`):

    hide = ["Associated Press"]                       # never listed

    [merge]                                           # one entity, shown under the first name
    "National Electoral Council" = ["CNE", "Consejo Nacional Electoral"]

    [rename]                                          # name as found = name to show
    "Nicolas Maduro" = "Nicolás Maduro"

    [kind]                                            # person, org, place or other
    "Chavismo" = "org"

Names are matched by their key (case, accents, titles ignored). The file is read at
every extraction and applied to the store, so its merges survive `extract --rebuild`.
The edit functions keep the file's comments (tomlkit) for the TUI's merge/rename/hide.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from vznews.extract.entity_names import entity_key
from vznews.models import EntityMention

KINDS = ("person", "org", "place", "other")
_SECTIONS = ("hide", "merge", "rename", "kind")


class AliasesError(Exception):
    """The aliases file cannot be used; the message is one line `FILE:LINE: what is wrong`."""


@dataclass(frozen=True)
class Aliases:
    """Resolved alias rules, all by key."""

    canonical: dict[str, str] = field(default_factory=dict)  # any key -> the entity's key
    names: dict[str, str] = field(default_factory=dict)  # entity key -> name to show
    hidden: frozenset[str] = frozenset()  # entity keys
    kinds: dict[str, str] = field(default_factory=dict)  # entity key -> kind
    path: Path | None = None

    def resolve(self, key: str) -> str:
        """The key of the entity `key` belongs to (itself when no rule names it)."""
        for _ in range(10):  # follow rename -> merge chains, never loop forever
            nxt = self.canonical.get(key)
            if nxt is None or nxt == key:
                return key
            key = nxt
        return key

    def apply(self, mentions: list[EntityMention]) -> list[EntityMention]:
        """`mentions` with merged ones joined (counts summed), names and kinds as the file says."""
        if not (self.canonical or self.names or self.kinds):
            return mentions
        joined: dict[str, EntityMention] = {}
        for m in mentions:
            key = self.resolve(m.key)
            name = self.names.get(key, m.name)
            kind = self.kinds.get(key, m.kind)
            prev = joined.get(key)
            if prev is None:
                joined[key] = EntityMention(name, kind, m.count, key, m.forms, m.spans)  # type: ignore[arg-type]
            else:
                kind = prev.kind if prev.kind == "person" or key in self.kinds else kind
                joined[key] = EntityMention(
                    name, kind, prev.count + m.count, key,  # type: ignore[arg-type]
                    tuple(sorted(set(prev.forms) | set(m.forms))), tuple(sorted(prev.spans + m.spans)),
                )
        return list(joined.values())


def _line_of(raw: str, needle: str) -> int:
    for number, line in enumerate(raw.splitlines(), 1):
        if needle in line:
            return number
    return 1


def load_aliases(path: Path) -> Aliases:
    """The rules in `path`; an empty set when the file does not exist. Raises AliasesError."""
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Aliases(path=path)
    except (OSError, UnicodeDecodeError) as exc:
        raise AliasesError(f"{path}: cannot read the aliases file ({getattr(exc, 'strerror', None) or exc})") from exc
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        found = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
        where = f"{found.group(1)}:{found.group(2)}" if found else str(max(1, len(raw.splitlines())))
        message = re.sub(r"\s*\(at (?:line \d+, column \d+|end of document)\)", "", str(exc)) or "invalid TOML"
        message += "" if found else " (at the end of the file)"
        raise AliasesError(f"{path}:{where}: {message}") from None

    def bad(needle: str, message: str) -> AliasesError:
        return AliasesError(f"{path}:{_line_of(raw, needle)}: {message}")

    for section in data:
        if section not in _SECTIONS:
            raise bad(section, f"unknown entry '{section}'; expected hide, [merge], [rename] or [kind]")
    canonical: dict[str, str] = {}
    names: dict[str, str] = {}
    hide = data.get("hide", [])
    if not isinstance(hide, list) or not all(isinstance(h, str) for h in hide):
        raise bad("hide", "hide must be a list of names, e.g. hide = [\"Associated Press\"]")
    for label in ("merge", "rename"):
        table = data.get(label, {})
        if not isinstance(table, dict):
            raise bad(label, f"{label} must be a table: [{label}]")
        for target, sources in table.items():
            if label == "rename":
                if not isinstance(sources, str):
                    raise bad(target, f'[rename] "{target}": expected the new name as a string')
                target, sources = sources, [target]
            elif not isinstance(sources, list) or not all(isinstance(s, str) for s in sources):
                raise bad(target, f'[merge] "{target}": expected a list of names, e.g. ["CNE"]')
            key = entity_key(target)
            if not key:
                raise bad(target, f'[{label}] "{target}": not a name')
            names[key] = target.strip()
            for source in sources:
                if entity_key(source) and entity_key(source) != key:
                    canonical[entity_key(source)] = key
    kinds_table = data.get("kind", {})
    if not isinstance(kinds_table, dict):
        raise bad("kind", "kind must be a table: [kind]")
    kinds: dict[str, str] = {}
    for name, kind in kinds_table.items():
        if kind not in KINDS:
            raise bad(name, f'[kind] "{name}": {kind!r} is not one of {", ".join(KINDS)}')
        kinds[entity_key(name)] = kind
    rules = Aliases(canonical, names, frozenset(), {}, path)
    return Aliases(
        canonical,
        names,
        frozenset(rules.resolve(entity_key(h)) for h in hide if entity_key(h)),
        {rules.resolve(k): v for k, v in kinds.items()},
        path,
    )


def _edit(path: Path, change: Any) -> None:
    import tomlkit

    doc = tomlkit.parse(path.read_text(encoding="utf-8")) if path.exists() else tomlkit.document()
    change(doc)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(tomlkit.dumps(doc), encoding="utf-8")
    tmp.replace(path)


def add_merge(path: Path, name: str, others: list[str]) -> None:
    """Record that `others` are the entity `name` (written to the aliases file)."""
    import tomlkit

    def change(doc: Any) -> None:
        table = doc.setdefault("merge", tomlkit.table())
        current = [str(x) for x in table.get(name, [])]
        table[name] = current + [o for o in others if o not in current]

    _edit(path, change)


def add_rename(path: Path, old: str, new: str) -> None:
    """Record that the entity found as `old` is shown as `new`."""
    import tomlkit

    _edit(path, lambda doc: doc.setdefault("rename", tomlkit.table()).__setitem__(old, new))


def add_hide(path: Path, name: str, hidden: bool = True) -> None:
    """Hide (or show again) the entity `name`."""

    def change(doc: Any) -> None:
        current = [str(x) for x in doc.get("hide", [])]
        keep = [h for h in current if entity_key(h) != entity_key(name)]
        doc["hide"] = keep + [name] if hidden else keep  # tomlkit puts it before the tables

    _edit(path, change)
