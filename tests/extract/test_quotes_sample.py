"""Quotes over the bundled sample (vznews/sample: Valdoria's disputed election, English and Spanish).

The sample's source files list the quotes planted in each article; these tests check the direct
ones are found with their speakers, that its traps stay out, and a few planted patterns exactly.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

import pytest

from vznews.extract.quotes import extract_quotes
from vznews.sample.generate import SAMPLE_DIR, SOURCES, parse_source

DIRECT_PATTERNS = ("after attribution", "inverted", "colon", "interruption", "multi-paragraph", "only a quote",
                   "raya", "`told`", "continuation")


def _articles() -> dict[str, tuple[str, str, list[str]]]:
    out = {}
    for name in SOURCES:
        feed = parse_source((SAMPLE_DIR / "src" / name).read_text("utf-8"))
        for a in feed.articles:
            body = "\n\n".join(p.removeprefix("caption: ").removeprefix("## ") for p in a.paragraphs)
            out[a.head["id"]] = (body, feed.head.get("lang", "en"), a.checklist)
    return out


ARTICLES = _articles()


@cache
def _extract(aid: str):
    body, lang, _ = ARTICLES[aid]
    return extract_quotes(body, lang)


def _plain(s: str) -> str:
    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode().lower()


def _planted_direct():
    for aid, (body, lang, checklist) in ARTICLES.items():
        for row in checklist:
            speaker, pattern, quote = (x.strip() for x in row.split("|", 2))
            if speaker.startswith("(") or "org" in speaker or "unnamed" in speaker:
                continue
            if any(p in pattern.lower() for p in DIRECT_PATTERNS):
                first = re.split(r" / | ¶ ", quote)[0].replace("...", "").strip()[:25]
                yield aid, speaker.split("(")[0].strip(), first


def test_planted_direct_quotes_are_found_with_their_speakers():
    planted = list(_planted_direct())
    assert len(planted) >= 100
    found = named = 0
    for aid, speaker, first in planted:
        hits = [q for q in _extract(aid) if q.kind == "direct" and first in q.text]
        found += bool(hits)
        named += any(_plain(speaker.split()[-1]) in _plain(q.speaker or "") for q in hits)
    assert found / len(planted) >= 0.98, (found, len(planted))  # 118 of 120
    assert named / len(planted) >= 0.97, (named, len(planted))  # 117 of 120


def test_traps_are_not_quotations():
    traps = {"puppets", "La Maestra", "El Comandante", "interference", "show", "Amanecer", "The Long Night of the Republic"}
    for aid in ARTICLES:
        for q in _extract(aid):
            assert q.text.strip(".,") not in traps, q


def _quotes(aid: str):
    return [(q.text, q.speaker) for q in _extract(aid) if q.kind == "direct"]


@pytest.mark.parametrize(
    ("aid", "text_start", "speaker"),
    [
        ("vh-2026-0306-rallies", "There is no level playing field", "Gabriel Ruano"),  # inverted, appositive
        ("vh-2026-0307-observers", "and every audit has been signed", "Ana Belén Ortiz"),  # interruption, "she"
        ("vh-2026-0307-observers", "We will not be rushed", "Katarina Lindqvist"),  # quote-only paragraph
        ("vh-2026-0309-bulletin", "The council calls on all Valdorians", "Ana Belén Ortiz"),  # multi-paragraph
        ("vh-2026-0315-march", "The real people are here", "Héctor Salvatierra"),  # "he" after another man
        ("https://hemisphere-report.example/?p=20247", "They have the lists", "Daniel"),  # name closing an appositive
    ],
)
def test_planted_patterns(aid, text_start, speaker):
    assert any(t.startswith(text_start) and s == speaker for t, s in _quotes(aid)), _quotes(aid)


@pytest.mark.parametrize(
    ("aid", "text_start", "speaker"),
    [
        ("https://diariodecaledra.example/?p=88455", "la primera condición", "Felipe Arriaga"),  # "el arzobispo"
        ("https://diariodecaledra.example/?p=88240", "No vamos a entregar", "Héctor Salvatierra"),  # "el mandatario"
        ("https://diariodecaledra.example/?p=88420", "Valdoria ya decidió", "Marisol Quintero Arce"),  # "la presidenta electa"
    ],
)
def test_planted_role_noun_speakers_resolve_to_the_person_introduced_with_the_role(aid, text_start, speaker):
    found = [(q.text, q.speaker) for q in _extract(aid)]
    assert any(t.startswith(text_start) and s == speaker for t, s in found), found


def test_the_analysis_has_no_reported_clause_without_a_speaker_and_reads_its_roles_naturally():
    quotes = _extract("vh-2026-0321-analysis")
    assert all(q.speaker for q in quotes), [q for q in quotes if not q.speaker]
    assert ("Óscar Villalba", "Defence Minister") in [(q.speaker, q.role) for q in quotes]
