"""The page -> text extractor on real-looking pages: what is kept, what is dropped, charsets."""

from __future__ import annotations

from pathlib import Path

import pytest

from vznews.ingest.pagetext import PageText, decode_html, failure_reason, page_text

PAGES = Path(__file__).parent / "pages"


def _page(name: str, content_type: str = "text/html") -> PageText:
    return page_text((PAGES / name).read_bytes(), content_type)


def test_article_body_is_kept_and_page_furniture_dropped() -> None:
    text = _page("article.html", "text/html; charset=utf-8").text
    paragraphs = text.split("\n\n")
    assert paragraphs[0].startswith("The national electoral council postponed the publication")
    assert '"We will not publish a single number that we cannot stand behind," the council\'s president' in text
    assert "Marisol Estévez" in text
    assert "\n\nObservers demand access to the records\n\n" in text  # a heading, its own paragraph
    assert "> Transparency delayed is transparency denied." in text  # block quote
    assert "• publication of every polling-station record, one by one;\n• an audit" in text  # list
    assert paragraphs[-1].startswith("Markets reacted nervously")
    for furniture in (
        "cookies",  # cookie banner
        "Accept all",
        "Subscribe now",  # navigation
        "Americas",  # breadcrumbs / nav
        "Share on",  # share widgets
        "reader1987",  # comments
        "exactly what happened last time",
        "Write your comment",
        "Most read",  # sidebar
        "perfect arepa",
        "daily briefing",
        "All rights reserved",  # footer
        "Electoral council delays final tally",  # the headline: stored as the title
    ):
        assert furniture not in text, furniture


def test_text_split_by_ads_is_joined_without_the_ads() -> None:
    text = _page("ads.html").text
    assert "742,000 barrels a day" in text
    assert "\n\nThe state oil company blamed the decline on sabotage." in text
    assert text.rstrip().endswith("depends on progress towards a free election.")
    for ad in ("Advertisement", "Cheap flights", "guaranteed investment", "credit cards", "Refinery fire", "Log in"):
        assert ad not in text, ad


@pytest.mark.parametrize(
    "content_type", ["text/html; charset=ISO-8859-1", "text/html", "text/html; charset=latin1"]
)
def test_latin1_page_decodes_accents(content_type: str) -> None:
    page = _page("spanish-latin1.html", content_type)
    assert page.charset == "cp1252"
    assert "La coalición opositora denunció este jueves" in page.text
    assert "«No vamos a aceptar cifras que nadie puede verificar», afirmó la dirigente Marisol Estévez" in page.text
    assert "Según Quiroga, «cada acta será pública»." in page.text
    assert "\ufffd" not in page.text and "Ã" not in page.text


def test_declared_utf8_that_is_not_utf8_falls_back() -> None:
    body = (PAGES / "spanish-latin1.html").read_bytes().replace(b"iso-8859-1", b"utf-8")
    text, charset = decode_html(body, "text/html; charset=utf-8")
    assert charset == "cp1252"
    assert "denunció" in text


def test_bom_wins_over_declarations() -> None:
    body = "\ufeff<html><head><meta charset='iso-8859-1'></head><body><p>Mérida</p></body></html>".encode("utf-8")
    text, charset = decode_html(body, "text/html; charset=iso-8859-1")
    assert charset == "utf-8"
    assert "Mérida" in text


def test_unknown_charset_label_is_ignored() -> None:
    text, charset = decode_html("<p>año</p>".encode(), "text/html; charset=x-no-such-thing")
    assert (text, charset) == ("<p>año</p>", "utf-8")


def test_paywall_stub_is_marked_and_refused() -> None:
    page = _page("paywall.html")
    assert page.paywall_marker
    reason = failure_reason(page, "Envoys from three neighbouring governments have spent the past week.")
    assert reason is not None and reason.startswith("paywalled")


def test_extraction_much_shorter_than_the_feed_text_is_refused() -> None:
    page = _page("ads.html")
    assert failure_reason(page, "") is None
    long_feed_text = "word " * (len(page.text) // 2)  # the feed carries over twice the page's text
    reason = failure_reason(page, long_feed_text * 2)
    assert reason is not None and "paywalled or truncated" in reason


def test_page_without_article_text_extracts_to_nothing() -> None:
    page = _page("empty.html")
    assert failure_reason(page, "") == "no article text found on the page"


def test_terminal_escapes_in_pages_are_removed() -> None:
    # C1 CSI (U+009B) and a bidi override survive HTML parsing; only the cleaner removes them.
    paragraph = "The council \u009b2J\u202esaid the count would resume on Monday. " * 5
    body = f"<html><body><article><p>{paragraph}</p><p>{paragraph}</p></article></body></html>".encode()
    text = page_text(body, "text/html").text
    assert "\u009b" not in text and "\u202e" not in text
    assert "The council said the count would resume on Monday." in text


def test_garbage_bytes_give_empty_text_not_an_error() -> None:
    assert page_text(b"\x00\x01\x02 not html at all \xff\xfe", "text/html").text == ""
    assert page_text(b"", "text/html").text == ""


def test_utf8_bytes_under_a_latin1_header_stay_utf8() -> None:
    body = "<html><head><meta charset='iso-8859-1'></head><body><p>Según Mérida</p></body></html>".encode()
    text, charset = decode_html(body, "text/html; charset=ISO-8859-1")
    assert charset == "utf-8"
    assert "Según Mérida" in text


def test_meta_charset_is_used_when_the_header_has_none() -> None:
    body = "<html><head><meta charset='windows-1252'></head><body><p>“Sí” – dijo</p></body></html>".encode("cp1252")
    text, charset = decode_html(body, "text/html")
    assert charset == "cp1252"
    assert "“Sí” – dijo" in text
