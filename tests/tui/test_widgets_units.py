"""Unit tests for the explorer's pure parts: the page cache, text wrapping, the reader's
document (quotes, speakers, entities, escapes), as-you-type queries and the state file."""

from __future__ import annotations

import json
from pathlib import Path

from rich.text import Text

from vznews.store.records import Article, ArticleEntity, QuoteItem
from vznews.tui.document import ReaderStyles, build_document, speaker_label
from vznews.tui.screens.search import as_you_type
from vznews.tui.state import TuiState, load_state, save_state
from vznews.tui.widgets.document_view import wrap_text
from vznews.tui.widgets.page_cache import PageCache


def test_page_cache_keeps_few_pages_and_never_the_cursors() -> None:
    cache: PageCache[int] = PageCache(page_size=10, max_pages=3)
    for page in range(5):
        cache.put(page, list(range(page * 10, page * 10 + 10)), keep=0)
    assert len(cache) == 3 and 0 in cache and 4 in cache and 1 not in cache
    assert cache.get(42) == (True, 42) and cache.get(15) == (False, None)
    assert cache.replace(lambda row: row, 42, -42) == [42] and cache.get(42) == (True, -42)
    cache.pending.add(7)
    cache.clear()
    assert len(cache) == 0 and not cache.pending


def test_wrap_text_knows_where_each_line_starts() -> None:
    text = Text("Hello world this is a long line of text\n\nSecond para here ok")
    lines, starts = wrap_text(text, 10)
    assert all(len(line.plain) <= 10 for line in lines)
    for line, start in zip(lines, starts):
        assert text.plain[start : start + len(line.plain)] == line.plain


def _article(body: str) -> Article:
    return Article(1, 1, "Feed", "Title", "Ann", "2025-03-02T10:00:00Z", "https://x/1", body, "content", None, False, False)


def _quote(body: str, text: str, speaker: str | None = "Nicolás Maduro", role: str | None = None, qid: int = 1) -> QuoteItem:
    start = body.index(text)
    return QuoteItem(qid, 1, text, speaker, "Maduro", role, 1, "said", "direct", start, start + len(text), 0, "T", "Feed", "2025-03-02T10:00:00Z")


def test_document_highlights_quotes_labels_speakers_and_marks_entities() -> None:
    body = 'Maduro spoke. "We will win," said Maduro in Caracas.\n\nNicolas Maduro left.'
    quote = _quote(body, "We will win", role="president")
    entities = [ArticleEntity(1, "Nicolás Maduro", "person", 2, ("maduro",)), ArticleEntity(4, "Caracas", "place", 1)]
    styles = ReaderStyles()
    doc = build_document(_article(body), [quote], entities, styles)
    plain = doc.text.plain
    start = doc.quote_offsets[1]
    assert plain[start : start + len("We will win")] == "We will win"
    assert '"We will win," ⟨Nicolás Maduro, president⟩ said' in plain
    marked = {plain[s.start : s.end] for s in doc.text.spans if s.style == styles.entity}
    assert {"Maduro", "Caracas", "Nicolas Maduro"} <= marked  # alias, name, accent-insensitive


def test_document_offsets_survive_escape_sequences_before_a_quote() -> None:
    body = "\x1b[31mRed\x1b[0m intro \x1b]0;title\x07. \"Quoted words,\" he said."
    quote = _quote(body, "Quoted words")
    doc = build_document(_article(body), [quote], [])
    start = doc.quote_offsets[1]
    assert doc.text.plain[start : start + len("Quoted words")] == "Quoted words"
    assert "\x1b" not in doc.text.plain and "title" not in doc.text.plain


def test_bad_quote_offsets_are_skipped_not_fatal() -> None:
    body = "Short body."
    broken = QuoteItem(9, 1, "x", "S", None, None, None, None, "direct", 5, 500, 0, "T", "F", "2025-03-02T10:00:00Z")
    doc = build_document(_article(body), [broken], [])
    assert doc.quote_offsets == {} and doc.text.plain.endswith("Short body.")


def test_speaker_label_keeps_short_roles_only() -> None:
    body = '"Hi," said X.'
    assert speaker_label(_quote(body, "Hi", role="president")) == " ⟨Nicolás Maduro, president⟩"
    long_role = "political scientist at the Centre for Political Studies"
    assert speaker_label(_quote(body, "Hi", role=long_role)) == " ⟨Nicolás Maduro⟩"
    assert speaker_label(_quote(body, "Hi", speaker=None).__class__(**{**_quote(body, "Hi").__dict__, "speaker": None, "speaker_as_written": None})) == ""


def test_as_you_type_closes_phrases_and_prefixes_the_last_word() -> None:
    assert as_you_type("cara") == "cara*"
    assert as_you_type('"electoral cou') == '"electoral cou"*'
    assert as_you_type('"oil output" -dial') == '"oil output" -dial'
    assert as_you_type("maduro OR") == "maduro OR"
    assert as_you_type("caracas ") == "caracas "


def test_state_file_round_trip_and_damage(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "state.json"
    assert load_state(path) == TuiState()
    save_state(path, TuiState("entities", True, "nord"))
    assert load_state(path) == TuiState("entities", True, "nord")
    path.write_text("{not json")
    assert load_state(path) == TuiState()
    path.write_text(json.dumps({"view": "../../etc", "unread_only": "yes", "theme": 3}))
    assert load_state(path) == TuiState()
