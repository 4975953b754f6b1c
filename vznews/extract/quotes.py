"""Find quotations in an article and who said them: `extract_quotes(text) -> list[Quote]`.

Pure Python and fast (no spaCy). Direct quotes come from paired quotation marks (and Spanish
rayas); each is attributed by the speech verb around it, or, when it stands alone, takes the speaker
of what came just before (the multi-paragraph and quote-only-paragraph conventions). Quoted fragments
inside reported speech are kept as "mixed"; scare quotes, titles of works and nicknames are dropped.
Reported speech without marks (`X said that …`, `according to X, …`) is kept as "indirect".
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import NamedTuple

from vznews.extract import attribution, classify, indirect
from vznews.extract.language import guess_language
from vznews.extract.marks import Span, find_spans
from vznews.extract.paragraphs import Sentences, sentence_ends, split_paragraphs
from vznews.extract.resolve import resolve_speakers
from vznews.extract.spanish import raya_spans
from vznews.extract.speakers import Speaker, parse_speaker
from vznews.extract.tokens import tokenize
from vznews.models import Quote


class Found(NamedTuple):
    """A quotation before its speaker is resolved."""

    start: int
    end: int
    paragraph: int
    kind: str
    cue: str | None
    speaker: Speaker | None
    anchor: int  # where the attribution is (for "the last speaker before here")
    joined: bool = False  # carries on the previous quote past its attribution


class _Where(NamedTuple):
    """Where a span sits: its sentence and clause starts, the next mark, its paragraph."""

    sentence_lo: int
    clause_lo: int
    next_open: int
    para: tuple[int, int]
    next_para: tuple[int, int] | None
    quoted: list[tuple[int, int]]  # the paragraph's other quotations


def extract_quotes(text: str, lang: str | None = None) -> list[Quote]:
    """Direct, mixed and indirect quotations of `text`, in reading order, with resolved speakers.

    Offsets index `text` and exclude the quotation marks (and a trailing comma inside them).
    `lang` is "en" or "es" (guessed from the text when None; anything else reads as English).
    """
    if not text or not text.strip():
        return []
    lang = (lang or guess_language(text))[:2].lower()
    lang = lang if lang in ("en", "es") else "en"
    paragraphs = split_paragraphs(text)
    spans = find_spans(text, paragraphs)
    if lang == "es":
        spans = sorted(spans + raya_spans(text, paragraphs), key=lambda s: s.start)
    sentences = Sentences(text)
    reported = [Found(r.start, r.end, r.paragraph, r.kind, r.cue, r.speaker, r.anchor)
                for r in indirect.find_indirect(text, lang, paragraphs, spans, sentences)]
    events = [r for r in reported if r.kind == "event"]
    reported = [r for r in reported if r.kind != "event"]
    found = _direct(text, lang, paragraphs, spans, reported + events, sentences)
    return resolve_speakers(text, sorted(found + reported, key=lambda f: f.start), events)


def _direct(text: str, lang: str, paragraphs, spans: list[Span], reported: list[Found],
            sentences: Sentences) -> list[Found]:
    out: list[Found] = []
    links: list[tuple[Span, Found]] = []
    by_para: dict[int, list[Span]] = {}
    for s in spans:
        by_para.setdefault(s.paragraph, []).append(s)
    history = sorted((r for r in reported if r.speaker is not None), key=lambda r: r.anchor)
    for p, (lo, hi) in enumerate(paragraphs):
        para_spans = by_para.get(p, [])
        if not para_spans:
            continue
        starts = [s.start for s in para_spans]
        ends = [e for e in sentences(lo, hi) if not _within(e, starts, para_spans)]
        quoted = [(s.open_at, s.close_at or s.end) for s in para_spans]
        next_para = paragraphs[p + 1] if p + 1 < len(paragraphs) else None
        for n, span in enumerate(para_spans):
            nxt = para_spans[n + 1].open_at if n + 1 < len(para_spans) else hi
            prev_close = para_spans[n - 1].close_at if n > 0 else None
            i = bisect_right(ends, span.open_at)
            sentence_lo = max(lo, ends[i - 1]) if i else lo
            where = _Where(sentence_lo, max(sentence_lo, prev_close or lo), nxt, (lo, hi), next_para, quoted)
            f = _one(text, lang, span, where, out, history)
            if f is not None:
                out.append(f)
                links.append((span, f))
    return _fill_chains(out, links)


def _within(pos: int, starts: list[int], spans: list[Span]) -> bool:
    """`pos` ends a sentence inside a quotation of the paragraph (spans sorted by start)."""
    i = bisect_left(starts, pos) - 1
    return i >= 0 and spans[i].start < pos <= spans[i].end


def _fill_chains(out: list[Found], links: list[tuple[Span, Found]]) -> list[Found]:
    """Give every part of a multi-paragraph quotation the speaker named in any of its parts."""
    fixed: dict[int, Found] = {}
    chain: list[Found] = []
    for span, f in links:
        if not span.continued:
            chain = []
        chain.append(f)
        if not span.continues:
            named = next((c for c in chain if c.speaker is not None), None)
            if named is not None and len(chain) > 1:
                for c in chain:
                    if c.speaker is None:
                        fixed[id(c)] = Found(c.start, c.end, c.paragraph, c.kind, named.cue, named.speaker,
                                             named.anchor, c.joined)
            chain = []
    return [fixed.get(id(f), f) for f in out]


def _last_speaker(before: int, out: list[Found], history: list[Found]) -> Found | None:
    """The latest attributed quote or reported clause whose attribution comes before `before`."""
    best = next((f for f in reversed(out) if f.speaker is not None and f.anchor <= before), None)
    rep = next((r for r in reversed(history) if r.anchor <= before), None)
    if rep is not None and (best is None or rep.anchor > best.anchor):
        return rep
    return best


def _one(text: str, lang: str, span: Span, at: _Where, out: list[Found], history: list[Found]) -> Found | None:
    content = text[span.start : span.end]
    prev = out[-1] if out and out[-1].paragraph == span.paragraph else None
    after = attribution.after(text, lang, span.close_at, at.next_open) if span.close_at is not None else None
    if span.continued and out:
        last = out[-1]
        if after is not None and after.speaker is not None:
            return Found(span.start, span.end, span.paragraph, "direct", after.cue, after.speaker, after.cue_start)
        same = last.paragraph == span.paragraph  # a raya's speech after the narrator's words
        return Found(span.start, span.end, span.paragraph, "direct", last.cue, last.speaker, last.anchor, same)
    dialogue_start = span.dash and not span.continued  # a raya opening speech: what precedes is narration
    bare_start = not text[at.clause_lo : span.open_at].strip()  # nothing before it in its clause
    before = None if dialogue_start or bare_start else attribution.before(text, lang, at.clause_lo, span.open_at)
    if before is None and not dialogue_start and text[at.clause_lo : span.open_at].rstrip().endswith(":"):
        before = attribution.name_colon(text, at.clause_lo, span.open_at)
    if before is not None and before.speaker is None:
        before = _clause_subject(text, before, at)
    pre = text[at.clause_lo : span.open_at]
    opens = span.dash or classify.opens_clause(pre, before)
    firm = opens and not pre.rstrip().endswith(",")  # after a comma it may be an appositive title
    if classify.title_like(content, firm) or classify.work_or_dated(text, span, at.next_open):
        return None
    if after is None and content.rstrip().endswith(",") and classify.title_like(content, False):
        return None  # `"Tales of the Old Coast," a radio drama, …`: a title the sentence goes on about
    if pre.rstrip().endswith(":") and classify.single_term(content) and content.lstrip()[:1].islower() and after is None \
            and not _verb_right_before(text, before, span):
        return None  # `a new title for his resume: "folk archivist."`: a term, not something said
    if classify.nickname(text, span):
        return None
    if classify.excerpt_of_work(pre, at.clause_lo > at.sentence_lo and text[at.clause_lo - 1] in "\"”'"):
        return None
    if not firm and not span.dash and classify.single_term(content) and not (
            _verb_right_before(text, before, span) and classify.ends_clause(content)):
        return None  # `called him a "dictator"`: a term, not a quotation (but `shouted "Liar!"` is one)
    if span.single and classify.whole_paragraph(text, span, at.para) and after is None:
        return None  # a subheading quoting the story: 'A change warrior.'

    def found(kind: str, att, joined: bool = False) -> Found:
        return Found(span.start, span.end, span.paragraph, kind, att.cue, att.speaker, att.anchor if isinstance(att, Found) else att.cue_start, joined)

    if after is not None and before is not None and before.speaker is not None and before.tight \
            and content.rstrip().endswith("."):
        after = None  # `He added, "…." The court agreed.`: the quote's sentence ended; the next is not its cue
    if after is not None and after.speaker is not None and (opens or classify.ends_clause(content)):
        return found("direct" if opens else "mixed", after)
    if before is not None and before.speaker is not None:
        joined = prev is not None and prev.anchor == before.cue_start  # `"…," she said, "…"`
        return found("direct" if opens and before.tight else "mixed", before, joined)
    if lang == "es" and before is not None and opens and before.tight and pre.rstrip().endswith(":"):
        # `En una conferencia, afirmó: «…»`: a verb without a subject: whoever was named or heard last
        return Found(span.start, span.end, span.paragraph, "direct", before.cue, None, before.cue_start)
    if span.single and prev is None:
        return None  # single marks without an attribution: a headline's quoted words, an aside
    if opens and (classify.sentence_like(content, span) or after is not None):
        byline = _dash_byline(text, span, at) or (_introduced(text, lang, at.para[0]) if bare_start else None)
        if byline is not None:
            return found("direct", byline)
        last = _last_speaker(span.open_at, out, history)
        if last is None:
            return Found(span.start, span.end, span.paragraph, "direct", after and after.cue, None, span.start)
        joined = prev is not None and last is prev and prev.end <= prev.anchor < span.start and after is None
        if after is not None:  # `«…», explicó.`: a cue without a subject: resolved to who was named last
            return Found(span.start, span.end, span.paragraph, "direct", after.cue, None, after.cue_start)
        return found("direct", last, joined)
    others = [q for q in at.quoted if q[0] != span.open_at]
    loose = attribution.before(text, lang, at.sentence_lo, span.open_at, max_gap=40, skip=others)
    if loose is not None and loose.speaker is not None and not classify.scare_quote(content) \
            and not classify.short_name(content):
        return found("mixed", loose)
    return None


def _verb_right_before(text: str, before, span: Span) -> bool:
    """The speech verb directly introduces the quote: `yelled "Enough!"`, `declares 'victory,'`."""
    if before is None or before.speaker is None:
        return False
    between = text[before.cue_start : span.open_at].split()
    return len(between) <= len(before.cue.split())


def _clause_subject(text: str, before, at: _Where):
    """`«…» y añadió: «…»`: a verb whose subject came before an earlier quote of the sentence."""
    toks = [t for t in tokenize(text, at.sentence_lo, before.cue_start)
            if not any(a <= t.start < b for a, b in at.quoted)]
    sp = attribution.sentence_subject(text, toks)
    return attribution.Attribution(sp, before.cue, before.cue_start, before.tight) if sp else before


def _introduced(text: str, lang: str, para_lo: int):
    """The speaker of a paragraph ending in a colon just before this one: `X released this statement:`,
    `The Tribune responded:` introduce the quotation set off below them."""
    colon = len(text[:para_lo].rstrip()) - 1
    if colon < 0 or text[colon] != ":" or "\n" not in text[colon:para_lo]:
        return None
    lo = text.rfind("\n", 0, colon) + 1
    ends = [e for e in sentence_ends(text, lo, colon) if e < colon]
    lo = ends[-1] if ends else lo
    att = attribution.before(text, lang, lo, colon + 1)
    if att is not None and att.speaker is not None and att.speaker.kind in ("person", "org"):
        return att
    named = attribution.name_colon(text, lo, colon + 1)
    if named is not None:
        return named
    # `When the senator died, Governor Ortiz released this statement:`: the subject of the last clause
    sp = attribution.sentence_subject(text, tokenize(text, text.rfind(",", lo, colon) + 1 or lo, colon))
    if sp is None or sp.kind != "person" or " " not in sp.text:
        return None
    return attribution.Attribution(sp, ":", colon, True)


def _dash_byline(text: str, span: Span, at: _Where):
    """A quote paragraph signed on the next line: `"…"` then `- Guevara.` or `— Freddy Guevara`."""
    if at.next_para is None or not classify.whole_paragraph(text, span, at.para):
        return None
    lo, hi = at.next_para
    if text[lo] not in "-–—" or hi - lo > 60:
        return None
    toks = [t for t in tokenize(text, lo + 1, hi) if t.text != "."]
    sp = parse_speaker(text, toks)
    if sp is None or sp.kind not in ("person", "org"):
        return None
    return attribution.Attribution(sp, "—", lo, True)


__all__ = ["extract_quotes", "Quote"]
