"""HTML fragments -> terminal plain text."""

from __future__ import annotations

import pytest

from vznews.ingest.htmltext import html_to_text, looks_like_html, one_line_text, plain_to_text, to_text


def test_paragraphs_breaks_and_lists_are_kept() -> None:
    html = "<p>First  paragraph\nwraps.</p>\n<p>Second<br/>line two</p><ul><li>one</li><li>two</li></ul><h2>Next</h2>tail"
    assert html_to_text(html) == "First paragraph wraps.\n\nSecond\nline two\n\n• one\n• two\n\nNext\n\ntail"


def test_scripts_styles_and_comments_are_dropped() -> None:
    html = '<p>Keep</p><script>alert("x")</script><style>p{color:red}</style><!-- hidden --><p>this</p>'
    assert html_to_text(html) == "Keep\n\nthis"


def test_entities_are_decoded_once() -> None:
    assert html_to_text("<p>AT&amp;T &ldquo;quoted&rdquo; caf&eacute; &#8212; &#x2019;s &amp;amp;</p>") == "AT&T “quoted” café — ’s &amp;"


def test_non_breaking_spaces_become_spaces() -> None:
    assert html_to_text("a&nbsp;&nbsp;b") == "a b"


def test_quoted_angle_bracket_in_attribute_does_not_end_the_tag() -> None:
    assert html_to_text('<a title="a>b" href="/x">link</a> text') == "link text"


def test_bare_less_than_survives() -> None:
    assert html_to_text("<p>x < y and 3 <4</p>") == "x < y and 3 <4"


def test_terminal_escapes_and_bidi_overrides_are_removed() -> None:
    text = html_to_text("<p>red\x1b[31m text\x07 &#x202e;reversed</p>")
    assert "\x1b" not in text and "\x07" not in text and "\u202e" not in text
    assert text == "red text reversed"


def test_markup_like_brackets_are_plain_text() -> None:
    # Rich markup in feed text is just text; display code renders it with Text().
    assert html_to_text("<p>[bold red]alarm[/]</p>") == "[bold red]alarm[/]"


@pytest.mark.parametrize("html", ["<p>unclosed <b>bold", "<div><p>nested</div>", "</p>stray close", "<<>>", "<!-- open comment"])
def test_malformed_html_never_raises(html: str) -> None:
    assert isinstance(html_to_text(html), str)


def test_empty_input() -> None:
    assert html_to_text(None) == "" and html_to_text("") == "" and html_to_text("<p> </p>") == ""


def test_plain_text_keeps_paragraphs() -> None:
    assert plain_to_text("One\nline.\n\n  Two   spaced\n") == "One line.\n\nTwo spaced"


def test_to_text_sniffs_html() -> None:
    assert looks_like_html("a <b>b</b>") and looks_like_html("AT&amp;T") and not looks_like_html("3 < 4 & 5")
    assert to_text("a <b>bold</b> word") == "a bold word"
    assert to_text("plain & simple\n\nsecond") == "plain & simple\n\nsecond"
    assert to_text("<b>x</b>", html_type=False) == "<b>x</b>"


def test_one_line_text() -> None:
    assert one_line_text("Title with <em>markup</em>\n and  spaces") == "Title with markup and spaces"
    assert one_line_text("Plain & fine") == "Plain & fine"
