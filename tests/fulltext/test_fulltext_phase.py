"""The full-text phase against a local HTTP server: what is stored, what fails and why."""

from __future__ import annotations

import gzip
from pathlib import Path

from tests.fulltext.phase import FEED_TEXT, config, run, store_with
from tests.fulltext.storehelp import article
from tests.localserver import LocalServer, Response
from vznews.store.db import open_db

PAGES = Path(__file__).parent / "pages"


def _html(name: str, content_type: str = "text/html; charset=utf-8") -> Response:
    return Response(body=(PAGES / name).read_bytes(), headers={"Content-Type": content_type})


def test_article_page_body_is_stored_without_page_furniture(server: LocalServer, tmp_path: Path) -> None:
    db = tmp_path / "v.db"
    link = server.route("/2024/08/02/council-delays-tally", lambda r: _html("article.html"))
    (aid,) = store_with(db, link)
    events = run(db)
    row = article(db, aid)
    assert row["fulltext_status"] == "ok" and row["fulltext_error"] is None
    assert row["fulltext_url"] == link and row["fulltext_attempts"] == 1
    text = str(row["fulltext"])
    assert text.startswith("The national electoral council postponed the publication of the final tally")
    assert "> Transparency delayed is transparency denied." in text
    assert "• an audit of the transmission system by independent engineers;" in text
    for furniture in ("cookies", "Share on", "reader1987", "Most read", "All rights reserved", "Subscribe now"):
        assert furniture not in text, furniture
    assert row["summary"] == FEED_TEXT  # the feed's own text is kept beside it
    assert events[-1].done == events[-1].total == 1
    assert events[-1].counts == {"fetched": 1, "extracted": 1, "failed": 0}


def test_page_request_is_polite_and_gzip_is_accepted(server: LocalServer, tmp_path: Path) -> None:
    db = tmp_path / "v.db"

    def gzipped(request: object) -> Response:
        body = gzip.compress((PAGES / "ads.html").read_bytes())
        return Response(body=body, headers={"Content-Type": "text/html; charset=utf-8", "Content-Encoding": "gzip"})

    link = server.route("/energy/oil-output", gzipped)
    (aid,) = store_with(db, link)
    run(db, config(user_agent="vznews-test/1.0 (+https://example.org)"))
    (request,) = server.requests_to("/energy/oil-output")
    assert request.headers["user-agent"] == "vznews-test/1.0 (+https://example.org)"
    assert "gzip" in request.headers["accept-encoding"]
    text = str(article(db, aid)["fulltext"])
    assert "742,000 barrels a day" in text and "Advertisement" not in text and "Cheap flights" not in text


def test_extracted_text_is_searchable(server: LocalServer, tmp_path: Path) -> None:
    db = tmp_path / "v.db"
    (aid,) = store_with(db, server.route("/a", lambda r: _html("article.html")))
    run(db)
    store = open_db(db)
    hits = store.conn.execute("SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'transparency'").fetchall()
    assert hits == [(aid,)]  # the word is only in the page, not in the feed's text


def test_spanish_latin1_page_keeps_its_accents(server: LocalServer, tmp_path: Path) -> None:
    db = tmp_path / "v.db"
    declared = server.route("/es/1", lambda r: _html("spanish-latin1.html", "text/html; charset=ISO-8859-1"))
    meta_only = server.route("/es/2", lambda r: _html("spanish-latin1.html", "text/html"))
    ids = store_with(db, declared, meta_only)
    run(db)
    for aid in ids:
        text = str(article(db, aid)["fulltext"])
        assert "«No vamos a aceptar cifras que nadie puede verificar», afirmó la dirigente Marisol Estévez" in text
        assert "se reanudará el lunes" in text and "Ã" not in text and "\ufffd" not in text


def test_redirect_is_followed_and_the_article_link_recorded(server: LocalServer, tmp_path: Path) -> None:
    db = tmp_path / "v.db"
    server.route("/story/final", lambda r: _html("article.html"))
    link = server.route("/story/old", lambda r: Response(301, headers={"Location": "/story/final"}))
    (aid,) = store_with(db, link)
    run(db)
    row = article(db, aid)
    assert row["fulltext_status"] == "ok" and "Armando Quiroga" in str(row["fulltext"])
    assert row["fulltext_url"] == link  # the article's own link: a later change of it is noticed
    assert [r.path for r in server.log] == ["/story/old", "/story/final"]


def _failure(server: LocalServer, tmp_path: Path, response: Response, **settings: object) -> dict[str, object]:
    db = tmp_path / "v.db"
    (aid,) = store_with(db, server.route("/page", lambda r: response))
    events = run(db, config(**settings))
    row = article(db, aid)
    assert row["fulltext_status"] == "failed" and row["fulltext"] is None
    assert row["summary"] == FEED_TEXT and row["fulltext_attempts"] == 1
    assert events[-1].failed == 1 and events[-1].counts["failed"] == 1 and events[-1].counts["extracted"] == 0
    assert events[-1].message is not None and str(row["fulltext_error"]) in events[-1].message  # visible
    return row


def test_non_html_response_fails(server: LocalServer, tmp_path: Path) -> None:
    row = _failure(server, tmp_path, Response(body=b"%PDF-1.7 ...", headers={"Content-Type": "application/pdf"}))
    assert row["fulltext_error"] == "not an HTML page (application/pdf)"


def test_404_fails(server: LocalServer, tmp_path: Path) -> None:
    row = _failure(server, tmp_path, Response(404, b"<html><body>gone</body></html>", {"Content-Type": "text/html"}))
    assert row["fulltext_error"] == "HTTP 404 Not Found"


def test_slow_page_times_out(server: LocalServer, tmp_path: Path) -> None:
    slow = Response(body=(PAGES / "article.html").read_bytes(), headers={"Content-Type": "text/html"}, delay=1.5)
    row = _failure(server, tmp_path, slow, timeout=0.3, deadline=1.0)
    assert "timed out" in str(row["fulltext_error"])


def test_oversized_page_fails(server: LocalServer, tmp_path: Path) -> None:
    endless = Response(headers={"Content-Type": "text/html"}, chunks=(b"<p>" + b"x" * 8192 + b"</p>" for _ in range(1000)))
    row = _failure(server, tmp_path, endless, max_body_bytes=64 * 1024)
    assert "larger than the 64 KiB limit" in str(row["fulltext_error"])


def test_paywall_stub_fails_as_paywalled(server: LocalServer, tmp_path: Path) -> None:
    row = _failure(server, tmp_path, _html("paywall.html"))
    assert str(row["fulltext_error"]).startswith("paywalled")


def test_page_without_article_text_fails(server: LocalServer, tmp_path: Path) -> None:
    row = _failure(server, tmp_path, _html("empty.html"))
    assert row["fulltext_error"] == "no article text found on the page"


def test_page_much_shorter_than_the_feed_text_is_refused(server: LocalServer, tmp_path: Path) -> None:
    db = tmp_path / "v.db"
    long_feed_text = "The council postponed the tally and gave its reasons at length. " * 60
    (aid,) = store_with(db, server.route("/a", lambda r: _html("ads.html")), feed_text=long_feed_text)
    run(db)
    row = article(db, aid)
    assert row["fulltext_status"] == "failed" and row["fulltext"] is None
    assert str(row["fulltext_error"]).startswith("paywalled or truncated")


def test_success_queues_the_article_for_extraction_again(server: LocalServer, tmp_path: Path) -> None:
    db = tmp_path / "v.db"
    (aid,) = store_with(db, server.route("/a", lambda r: _html("article.html")))
    store = open_db(db)
    with store.conn:
        store.conn.execute("UPDATE articles SET extracted_version = 7 WHERE id = ?", (aid,))
    run(db)
    assert article(db, aid)["extracted_version"] == 0
