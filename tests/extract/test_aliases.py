"""The aliases file: merge, rename, hide and kind rules; one-line errors naming file and line; edits."""

from __future__ import annotations

from pathlib import Path

import pytest

from vznews.extract.aliases import AliasesError, add_hide, add_merge, add_rename, load_aliases
from vznews.models import EntityMention

GOOD = """\
# my entity aliases
hide = ["Associated Press"]

[merge]
"National Electoral Council" = ["CNE", "Consejo Nacional Electoral"]

[rename]
"Nicolas Maduro" = "Nicolás Maduro"

[kind]
"Chavismo" = "org"
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "aliases.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_rules_are_read_by_key(tmp_path: Path) -> None:
    rules = load_aliases(write(tmp_path, GOOD))
    assert rules.resolve("cne") == "national electoral council"
    assert rules.resolve("consejo nacional electoral") == "national electoral council"
    assert rules.resolve("nicolas maduro") == "nicolas maduro"  # a rename keeps the key, changes the name
    assert rules.names["nicolas maduro"] == "Nicolás Maduro"
    assert rules.hidden == frozenset({"associated press"})
    assert rules.kinds == {"chavismo": "org"}
    assert rules.resolve("someone else") == "someone else"


def test_missing_file_means_no_rules(tmp_path: Path) -> None:
    rules = load_aliases(tmp_path / "nope.toml")
    assert rules.resolve("cne") == "cne" and not rules.hidden


def test_apply_joins_merged_mentions_and_renames(tmp_path: Path) -> None:
    rules = load_aliases(write(tmp_path, GOOD))
    mentions = [
        EntityMention("CNE", "org", 2, "cne", ("CNE",), ((0, 3), (10, 13))),
        EntityMention("National Electoral Council", "org", 1, "national electoral council", (), ((20, 46),)),
        EntityMention("Nicolas Maduro", "person", 3, "nicolas maduro"),
        EntityMention("Chavismo", "person", 1, "chavismo"),
    ]
    out = {m.key: m for m in rules.apply(mentions)}
    assert set(out) == {"national electoral council", "nicolas maduro", "chavismo"}
    council = out["national electoral council"]
    assert (council.name, council.count, council.spans) == ("National Electoral Council", 3, ((0, 3), (10, 13), (20, 46)))
    assert out["nicolas maduro"].name == "Nicolás Maduro"
    assert out["chavismo"].kind == "org"


@pytest.mark.parametrize(
    ("text", "where", "what"),
    [
        ('[merge]\n"CNE" == ["x"]\n', ":2:8:", "Invalid value"),  # a TOML syntax error: line and column
        ('[merge]\n"CNE" = [\n', ":2:", "at the end of the file"),
        ('hide = ["x"]\n\n[merg]\n"A" = ["B"]\n', ":3:", "unknown entry 'merg'"),
        ('[merge]\n"National Electoral Council" = "CNE"\n', ":2:", "expected a list of names"),
        ('[rename]\n"Nicolas Maduro" = ["Nicolás Maduro"]\n', ":2:", "expected the new name as a string"),
        ('[kind]\n"Chavismo" = "party"\n', ":2:", "is not one of person, org, place, other"),
        ('hide = "Associated Press"\n', ":1:", "hide must be a list of names"),
    ],
)
def test_a_malformed_file_is_one_line_naming_file_and_line(tmp_path: Path, text: str, where: str, what: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(AliasesError) as caught:
        load_aliases(path)
    message = str(caught.value)
    assert message.startswith(f"{path}{where}"), message
    assert what in message and "\n" not in message


def test_edits_keep_comments_and_load_back(tmp_path: Path) -> None:
    path = write(tmp_path, "# keep me\n[merge]\n\"Popular Will\" = [\"VP\"]\n")
    add_merge(path, "Popular Will", ["Voluntad Popular", "VP"])
    add_rename(path, "Nicolas Maduro", "Nicolás Maduro")
    add_hide(path, "Getty Images")
    add_hide(path, "AFP")
    add_hide(path, "afp", hidden=False)
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# keep me")
    rules = load_aliases(path)
    assert rules.resolve("voluntad popular") == rules.resolve("vp") == "popular will"
    assert rules.names["nicolas maduro"] == "Nicolás Maduro"
    assert rules.hidden == frozenset({"getty images"})


def test_edits_create_the_file(tmp_path: Path) -> None:
    path = tmp_path / "new" / "aliases.toml"
    add_hide(path, "Reuters")
    assert load_aliases(path).hidden == frozenset({"reuters"})
