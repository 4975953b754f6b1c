"""Hostile text through the real CLI: inert in plain output and on a terminal.

A feed whose titles, authors and bodies carry markup and escape sequences is
synced by `vznews sync`; raw hostile rows (as an older or buggy ingest might have
stored them: a feed name, an error line, a quote, a speaker, an entity) are added
beside it. Every command that prints stored text is run piped (no escape byte may
appear) and on a pseudo-terminal (rich styling allowed, none of the feed's
sequences), and the markup must show literally.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.hostile import hostile_text as H
from tests.hostile.runner import integrity, run_in_terminal, run_many, run_vznews
from tests.hostile.sandbox import write_feeds
from tests.localserver import LocalServer, Response


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> dict:
    tmp = tmp_path_factory.mktemp("terminal")
    server = LocalServer().start()
    try:
        url = server.route("/hostile.xml", lambda request: Response(body=H.hostile_feed_xml(),
                                                                    headers={"Content-Type": "application/rss+xml"}))
        # The location carries an escape sequence: the summary's error line must be inert too.
        bad = server.route("/moved", lambda request: Response(301, headers={"Location": "gopher://x/\x1b]52;c;aGk=\x07"}))
        feeds = write_feeds(tmp / "feeds.toml", [
            {"name": f"Hostile {H.MARKUP}", "url": url},
            {"name": "Moved \x1b[2J away", "url": bad},
        ], {"timeout": 2, "deadline": 4})
        db = tmp / "vznews.db"
        sync = run_vznews("sync", "--feeds", str(feeds), "--db", str(db), "--no-fulltext", "--no-extract", timeout=30)
    finally:
        server.stop()
    ids = H.seed_hostile_rows(db)
    # `vznews feeds` lists configured feeds: this file adds the raw feed, whose stored error is hostile.
    listed = write_feeds(tmp / "listed.toml", [
        {"name": f"Hostile {H.MARKUP}", "url": url},
        {"name": "Raw \x1b]52;c;aGk=\x07 feed \u202e", "url": "http://raw.invalid/feed"},
    ])
    return {"db": db, "feeds": feeds, "listed": listed, "sync": sync, **ids}


def test_the_hostile_feed_was_stored(store: dict) -> None:
    run = store["sync"]
    assert run.code == 1 and "Traceback" not in run.output, str(run)  # the moved feed fails
    assert integrity(store["db"]) == "ok"
    import sqlite3

    conn = sqlite3.connect(store["db"])
    titles = [row[0] for row in conn.execute("SELECT title FROM articles WHERE guid LIKE 'hostile-%'")]
    conn.close()
    assert len(titles) == 2 and all("[bold red]LOUD[/bold red]" in t for t in titles), titles


def test_sync_summary_is_inert(store: dict) -> None:
    run = store["sync"]
    H.assert_inert(run.output, expect=("Hostile [bold red]LOUD", "Moved away", "failed: "))


def test_sync_summary_on_a_terminal_is_inert(store: dict, server: LocalServer) -> None:
    code, raw = run_in_terminal("sync", "--feeds", str(store["feeds"]), "--db", str(store["db"]),
                                "--no-fulltext", "--no-extract")
    assert code == 1, raw
    H.assert_inert_on_terminal(raw, expect=("Hostile [bold red]LOUD", "Moved away"))


def commands(store: dict) -> dict[str, tuple[list[str], tuple[str, ...]]]:
    db = str(store["db"])
    return {
        "search": (["search", "--db", db, "alarm"], H.MARKUP_PARTS),
        "search json": (["search", "--db", db, "--json", "alarm"], ()),
        "feeds": (["feeds", "--db", db, "--feeds", str(store["listed"])], ("[bold red]LOUD", "HTTP 500")),
        "show synced": (["show", "--db", db, "1"], H.MARKUP_PARTS),
        "show raw": (["show", "--db", db, str(store["article"])], H.MARKUP_PARTS + ("[bold]Evil Author[/bold]",)),
        "quotes": (["quotes", "--db", db], ("[bold red]We will never[/bold red]", "[@click=app.quit]General Ruiz[/]")),
        "entities": (["entities", "--db", db], ("[link=file:///etc/passwd]Evil Corp[/link]",)),
        "entity": (["entity", "--db", db, "Evil Corp"], ("[link=file:///etc/passwd]Evil Corp[/link]",)),
    }


NAMES = ["search", "search json", "feeds", "show synced", "show raw", "quotes", "entities", "entity"]


@pytest.fixture(scope="module")
def piped(store: dict) -> dict:
    """Every command, piped, run at once."""
    runs = run_many([tuple(commands(store)[name][0]) for name in NAMES], timeout=30)
    return dict(zip(NAMES, runs))


@pytest.fixture(scope="module")
def terminal(store: dict) -> dict:
    """Every command but --json, on its own pseudo-terminal, run at once."""
    from concurrent.futures import ThreadPoolExecutor

    names = [n for n in NAMES if "json" not in n]
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda name: run_in_terminal(*commands(store)[name][0]), names))
    return dict(zip(names, results))


@pytest.mark.parametrize("name", NAMES)
def test_command_output_is_inert_when_piped(store: dict, piped: dict, name: str) -> None:
    run, expect = piped[name], commands(store)[name][1]
    assert run.code == 0 and "Traceback" not in run.output, str(run)
    H.assert_inert(run.output, expect=expect)
    if name == "search json":  # JSON escapes controls as \u001b: inert, but say it once plainly
        assert "\\u001b" not in run.stdout and "\\u009b" not in run.stdout, run.stdout


@pytest.mark.parametrize("name", [n for n in NAMES if "json" not in n])
def test_command_output_is_inert_on_a_terminal(store: dict, terminal: dict, name: str) -> None:
    (code, raw), expect = terminal[name], commands(store)[name][1]
    assert code == 0 and b"Traceback" not in raw, raw.decode(errors="replace")
    H.assert_inert_on_terminal(raw, expect=expect)
