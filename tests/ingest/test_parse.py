"""Parsing fixture feeds (RSS 0.91/1.0/2.0, Atom, JSON Feed, encodings, broken ones) into ParsedFeed."""

from __future__ import annotations

from pathlib import Path

import pytest

from vznews.ingest.parse import NotAFeed, ParseError, parse_feed, read_document

DATA = Path(__file__).parent / "data"
NOW = "2030-01-01T00:00:00Z"
URL = "https://host.example/feeds/feed.xml"


def parse(name: str, **kwargs: object):  # type: ignore[no-untyped-def]
    return parse_feed((DATA / name).read_bytes(), url=URL, now=NOW, **kwargs)  # type: ignore[arg-type]


def test_rss20_fields_and_identity() -> None:
    feed = parse("rss20.xml")
    assert (feed.title, feed.site_url, feed.lang) == ("Caribbean Wire: Venezuela", "https://wire.example.org/venezuela/", "en-us")
    first, second, third = feed.entries  # the fourth repeats the first guid: kept once
    assert first.guid == "wire-1001" and first.author == "Ana Rivas"
    assert first.title == "Electoral council delays final tally in Zulia"  # markup in titles -> text
    assert first.published == "2024-07-30T18:05:00Z" and first.dated  # -0400 -> UTC
    assert first.summary == "The National Electoral Council said the count & audit would take “several days”."
    assert first.summary_html.startswith("<p>The National Electoral Council")
    assert first.content.startswith("The National Electoral Council (CNE) said on Tuesday")
    assert "alert" not in first.content and "color: red" not in first.content
    assert "\n\n“We will publish every tally sheet,” said Elvis Amoroso" in first.content
    assert first.content.endswith("• Zulia: 62% counted\n• Lara: 80% counted")
    assert "<script>" in first.content_html  # the original HTML is kept as it came
    # no guid: identity is the link, resolved against the feed's URL
    assert second.guid == second.url == "https://host.example/venezuela/2024/07/31/tally-sheets"
    # neither guid nor link: a content hash; no date: the first-seen time
    assert third.guid.startswith("sha1:") and third.url is None
    assert third.published == NOW and not third.dated


def test_rss091() -> None:
    feed = parse("rss091.xml")
    assert feed.lang == "es" and [e.title for e in feed.entries] == ["Colas en Barinas antes del amanecer", "Cortes de luz en Apure"]
    assert feed.entries[0].guid == "http://radio.example.net/noticias/colas-barinas"
    assert feed.entries[0].summary == "Votantes hicieron fila desde las 4 de la mañana."


def test_rss10_rdf() -> None:
    feed = parse("rss10.rdf")
    first, second = feed.entries
    assert first.title == "Brazil and Colombia call for full results" and first.author == "Luis Peña"
    assert first.published == "2024-07-31T16:30:00Z" and second.published == "2024-08-01T00:00:00Z"


def test_atom() -> None:
    feed = parse("atom.xml")
    assert feed.lang == "es" and feed.site_url == "https://observador.example.com/"
    first, second = feed.entries
    assert first.title == "Machado: “Tenemos las actas”"
    assert (first.published, first.updated) == ("2024-08-02T02:15:00Z", "2024-08-02T12:00:00Z")
    assert first.summary == 'La líder opositora dijo que tienen "el 80% de las actas".'
    assert first.content == "“Tenemos las actas y las vamos a mostrar”, afirmó María Corina Machado.\n\nEl CNE no respondió."
    # only <updated>: it is the publication date; text content stays text
    assert second.published == "2024-08-02T09:30:00Z" and second.updated is None
    assert second.summary == "Texto plano & sin formato." and second.url == "https://host.example/2024/08/sin-fecha"


def test_json_feed() -> None:
    feed = parse("feed.json")
    assert (feed.title, feed.lang) == ("Llano Abierto", "es")
    first, second = feed.entries
    assert first.guid == "llano-77" and first.url == "https://host.example/2024/08/03/protesta"
    assert first.author == "Pedro Salas" and first.published == "2024-08-03T20:00:00Z"
    assert first.summary == "Cientos de personas frente al CNE."
    assert first.content == "Cientos de personas se reunieron frente a la sede del CNE.\n\n«Queremos ver las actas», dijo una manifestante."
    assert second.summary == "Los comercios reabrieron.\n\nLa policía se retiró." and second.summary_html is None
    assert read_document((DATA / "feed.json").read_bytes()).parser == "jsonfeed"


@pytest.mark.parametrize("name", [
    "latin1.xml", "cp1252.xml", "bom.xml", "utf16.xml", "declared_utf8_is_cp1252.xml",
    "declared_latin1_is_utf8.xml", "no_decl_latin1.xml",
])
def test_encodings_decode_to_the_same_text(name: str) -> None:
    feed = parse(name)
    assert [e.title for e in feed.entries] == ["Señal débil en Mérida", "Año nuevo, ¿país nuevo?"]
    assert all("\ufffd" not in e.summary and "Ã" not in e.summary for e in feed.entries)


def test_curly_quotes_and_euro_in_windows1252() -> None:
    assert [e.summary for e in parse("cp1252.xml").entries] == [
        "El alcalde dijo: “no hay luz” — según él, por tercera vez.", "Precio: 5 € el kilo"]


def test_http_charset_header_is_honoured() -> None:
    body = (DATA / "no_decl_latin1.xml").read_bytes()
    feed = parse_feed(body, url=URL, now=NOW, content_type="application/rss+xml; charset=ISO-8859-1")
    assert feed.entries[1].summary == "Niños y pingüinos en Táchira."


def test_malformed_feed_is_read_by_the_lenient_parser() -> None:
    raw = read_document((DATA / "malformed.xml").read_bytes())
    assert raw.parser == "feedparser"
    feed = parse("malformed.xml")
    assert [e.title for e in feed.entries] == ["Barrels & bolívars: oil exports slump", "Second story survives"]
    assert feed.entries[0].url == "https://broken.example.net/oil?id=1&src=rss"
    assert feed.entries[1].summary == "Still readable text."


def test_garbage_is_one_clear_error() -> None:
    with pytest.raises(ParseError) as caught:
        parse("not_a_feed.txt")
    message = str(caught.value)
    assert message.startswith("not a valid feed") and "\n" not in message


@pytest.mark.parametrize("body", [b"", b"   \n", b"{not json", b'{"version": "1"}'])
def test_empty_and_bad_json_bodies(body: bytes) -> None:
    with pytest.raises(ParseError):
        parse_feed(body, url=URL, now=NOW)


def test_html_page_is_not_a_feed() -> None:
    with pytest.raises(NotAFeed) as caught:
        parse("page_one_feed.html")
    assert "rel=\"alternate\"" in caught.value.text
    with pytest.raises(NotAFeed):  # served as text/html without a doctype
        parse_feed(b"<p>hello</p>", url=URL, now=NOW, content_type="text/html")


def test_rss_served_as_text_html_is_still_a_feed() -> None:
    feed = parse_feed((DATA / "rss091.xml").read_bytes(), url=URL, now=NOW, content_type="text/html; charset=utf-8")
    assert len(feed.entries) == 2


def test_configured_language_wins() -> None:
    assert {e.lang for e in parse("rss20.xml", lang="es").entries} == {"es"}


def test_content_hash_is_stable_and_sees_changes() -> None:
    body = (DATA / "rss20.xml").read_bytes()
    again = parse_feed(body, url=URL, now="2031-05-05T00:00:00Z")
    assert [e.content_hash for e in parse("rss20.xml").entries] == [e.content_hash for e in again.entries]
    edited = parse_feed(body.replace(b"would be delayed", b"was delayed"), url=URL, now=NOW)
    assert edited.entries[0].content_hash != again.entries[0].content_hash
    assert edited.entries[1].content_hash == again.entries[1].content_hash


def test_unsafe_links_are_dropped() -> None:
    body = b'<rss version="2.0"><channel><title>t</title><item><title>x</title><link>javascript:alert(1)</link><guid>g</guid></item></channel></rss>'
    assert parse_feed(body, url=URL, now=NOW).entries[0].url is None
