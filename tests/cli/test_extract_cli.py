"""`vznews extract` (store and JSONL modes), `vznews quotes`, `vznews entities`, `vznews entity`."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Callable

import pytest
from click.testing import Result

from vznews import locations
from vznews.extract import ner
from vznews.extract.aliases import Aliases
from vznews.models import EntityMention, Quote
from vznews.store.db import open_db
from vznews.store.extraction import EntityIndex, refresh_entities, write_article

needs_model = pytest.mark.skipif(ner.model_name() is None, reason="no spaCy English model installed")

TEXT = (
    "CARACAS, Venezuela — President Nicolás Maduro spoke on Monday.\n\n"
    '"We will win," Maduro said. "The opposition is finished," said Diosdado Cabello.\n\n'
    "Mark Schiefelbein/Associated Press"
)


def seeded_store(tmp_path: Path) -> Path:
    """A store with two articles whose extraction is written directly (no spaCy needed)."""
    path = tmp_path / "store.db"
    db = open_db(path)
    conn = db.conn
    conn.execute("INSERT INTO feeds (url, name) VALUES ('https://example.test/f', 'Wire')")
    for i, published in enumerate(("2026-03-01T10:00:00Z", "2026-03-02T10:00:00Z"), 1):
        conn.execute(
            "INSERT INTO articles (feed_id, guid, title, published, content, content_hash, first_seen)"
            " VALUES (1, ?, ?, ?, ?, ?, ?)", (f"g{i}", f"Story {i}", published, TEXT, f"h{i}", published),
        )
    maduro = EntityMention("Nicolás Maduro", "person", 2, "nicolas maduro", ("Maduro", "Nicolás Maduro"))
    cabello = EntityMention("Diosdado Cabello", "person", 1, "diosdado cabello")
    caracas = EntityMention("Caracas", "place", 1, "caracas")
    index = EntityIndex(conn, Aliases())
    touched: set[int] = set()
    with conn:
        for article in (1, 2):
            start = TEXT.index("We will win")
            quotes = [Quote("We will win,", "Nicolás Maduro", "Maduro", None, "said", "direct", start, start + 12, 1),
                      Quote("The opposition is finished,", "Diosdado Cabello", "Diosdado Cabello", None, "said",
                            "direct", TEXT.index("The opp"), TEXT.index("The opp") + 27, 1)]
            mentions = [caracas, maduro, cabello] if article == 1 else [maduro, cabello]
            touched |= write_article(conn, index, article, quotes, mentions, [maduro, cabello], 1)
        refresh_entities(conn, touched, Aliases())
    conn.close()
    return path


def test_quotes_lists_filters_and_prints_json(run: Callable[..., Result], tmp_path: Path) -> None:
    db = str(seeded_store(tmp_path))
    result = run("--db", db, "quotes", "--speaker", "cabello")
    assert result.exit_code == 0
    assert "The opposition is finished" in result.stdout and "We will win" not in result.stdout
    data = json.loads(run("--db", db, "quotes", "--json", "--search", "win").stdout)
    assert [(q["speaker"], q["article_id"]) for q in data] == [("Nicolás Maduro", 2), ("Nicolás Maduro", 1)]
    assert data[0]["text"] == TEXT[data[0]["start"] : data[0]["end"]]
    empty = run("--db", db, "quotes", "--speaker", "nobody")
    assert empty.exit_code == 0 and "no quotes match" in empty.stderr


def test_entities_and_one_entity_page(run: Callable[..., Result], tmp_path: Path) -> None:
    db = str(seeded_store(tmp_path))
    people = json.loads(run("--db", db, "entities", "--kind", "person", "--json").stdout)
    assert [(e["name"], e["articles"], e["mentions"]) for e in people] == [("Nicolás Maduro", 2, 4), ("Diosdado Cabello", 2, 2)]
    table = run("--db", db, "entities").stdout
    assert "Caracas" in table and "Nicolás Maduro" in table
    for name in (["President", "Nicolas", "Maduro"], ["maduro"], ["NICOLÁS MADURO"]):
        page = run("--db", db, "entity", *name)
        assert page.exit_code == 0, page.stderr
        assert page.stdout.startswith("Nicolás Maduro") and "We will win" in page.stdout
        assert "Story 2" in page.stdout and "Diosdado Cabello" in page.stdout.split("Appears with")[1]
    data = json.loads(run("--db", db, "entity", "Cabello", "--json").stdout)
    assert data["name"] == "Diosdado Cabello" and len(data["quotes"]) == 2
    assert {c["name"]: c["together"] for c in data["appears_with"]} == {"Nicolás Maduro": 2, "Caracas": 1}
    missing = run("--db", db, "entity", "Nobody")
    assert missing.exit_code == 1 and missing.stderr.startswith("vznews: error: no entity called 'Nobody'")


def test_no_store_is_a_clear_error(run: Callable[..., Result], tmp_path: Path) -> None:
    for args in (["quotes"], ["entities"], ["entity", "x"], ["extract"]):
        result = run("--db", str(tmp_path / "none.db"), *args)
        assert result.exit_code == 2, args
        assert result.stderr.startswith("vznews: error: ") and "none.db" in result.stderr


@needs_model
def test_extract_jsonl_writes_the_scorer_format(run: Callable[..., Result], tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    lines = [{"id": "a1", "text": TEXT}, {"id": 7, "text": "Nothing quoted here.", "lang": "en"}]
    source.write_text("\n".join(json.dumps(x) for x in lines) + "\n\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = run("extract", "--input", str(source), "--output", str(out))
    assert result.exit_code == 0, result.stderr
    preds = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [p["id"] for p in preds] == ["a1", "7"]
    first = preds[0]
    direct = [q for q in first["quotes"] if q["kind"] == "direct"]
    assert [TEXT[q["start"] : q["end"]] for q in direct] == ["We will win,", "The opposition is finished,"] or \
        [TEXT[q["start"] : q["end"]].rstrip(",") for q in direct] == ["We will win", "The opposition is finished"]
    assert [q["speaker"] for q in direct] == ["Nicolás Maduro", "Diosdado Cabello"]
    labels = {(e["text"], e["label"]) for e in first["entities"]}
    assert {("Nicolás Maduro", "PERSON"), ("Diosdado Cabello", "PERSON"), ("Caracas", "PLACE")} <= labels
    assert not any("Schiefelbein" in e["text"] for e in first["entities"])
    assert preds[1] == {"id": "7", "quotes": [], "entities": []}


def test_extract_jsonl_errors(run: Callable[..., Result], tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text('{"id": 1, "text": "ok"}\n{"id": 2}\nnot json\n', encoding="utf-8")
    result = run("extract", "--input", str(source))
    assert result.exit_code == 2 and result.stderr == f"vznews: error: {source}:2: missing 'text'\n"
    assert run("extract", "--output", str(tmp_path / "x")).exit_code == 2
    assert run("extract", "--input", str(source), "--rebuild").exit_code == 2
    missing = run("extract", "--input", str(tmp_path / "nope.jsonl"))
    assert missing.exit_code == 2 and "nope.jsonl" in missing.stderr


@needs_model
def test_extract_on_the_store_then_nothing_left(run: Callable[..., Result], tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    db = open_db(path)
    db.conn.execute("INSERT INTO feeds (url, name) VALUES ('https://example.test/f', 'Wire')")
    db.conn.execute("INSERT INTO articles (feed_id, guid, title, published, content, content_hash, first_seen)"
                    " VALUES (1, 'g', 'T', '2026-03-01T10:00:00Z', ?, 'h', '2026-03-01T10:00:00Z')", (TEXT,))
    db.conn.commit()
    db.conn.close()
    first = run("--db", str(path), "extract")
    assert first.exit_code == 0 and first.stdout == "extracted 1 articles\n"
    assert run("--db", str(path), "extract").stdout == "nothing to extract: every article is up to date\n"
    assert run("--db", str(path), "extract", "--rebuild").stdout == "extracted 1 articles\n"


def test_extract_refuses_a_malformed_aliases_file(run: Callable[..., Result], tmp_path: Path) -> None:
    aliases = locations.aliases_path()
    aliases.parent.mkdir(parents=True, exist_ok=True)
    aliases.write_text('hide = ["a"]\n[merge]\n"A" = "B"\n', encoding="utf-8")
    path = tmp_path / "s.db"
    open_db(path).conn.close()
    result = run("--db", str(path), "extract")
    assert result.exit_code == 2
    assert result.stderr == f'vznews: error: {aliases}:3: [merge] "A": expected a list of names, e.g. ["CNE"]\n'


def test_help_and_listing_commands_never_load_spacy(tmp_path: Path) -> None:
    code = (
        "import sys; from click.testing import CliRunner; from vznews.cli import cli\n"
        "for args in (['--help'], ['extract', '--help'], ['quotes', '--help'], ['entities', '--help']):\n"
        "    assert CliRunner().invoke(cli, args).exit_code == 0, args\n"
        "print('spacy' in sys.modules, 'vznews.extract.entities' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False False"
