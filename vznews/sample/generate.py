"""Build the sample feeds (RSS 2.0 / Atom XML) and README.md from the plain-text sources in src/.

Developer tool: `python -m vznews.sample.generate` rewrites the files next to this module;
`--check` exits 1 when a committed file differs from what the sources produce.

Source format (one file per feed): an `@feed` block of `key: value` lines, then `@article`
blocks with header lines, a `body:` section (paragraphs separated by blank lines; a line
starting `caption: ` becomes a figure caption, `## ` a subheading) and a `quotes:` section
(`- speaker | patterns | quote` checklist lines copied into README.md).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from html import escape
from pathlib import Path

SAMPLE_DIR = Path(__file__).parent
SOURCES = ("herald.txt", "wire.txt", "hemisphere.txt", "diario.txt")
VALDORIA_TIME = timezone(timedelta(hours=-4))


@dataclass
class Article:
    """One article as written in the source file."""

    head: dict[str, str]
    paragraphs: list[str] = field(default_factory=list)
    checklist: list[str] = field(default_factory=list)

    @property
    def published(self) -> datetime:
        return datetime.strptime(self.head["date"], "%Y-%m-%d %H:%M").replace(tzinfo=VALDORIA_TIME)


@dataclass
class FeedSource:
    """One feed: its channel metadata and its articles."""

    head: dict[str, str]
    articles: list[Article]


def parse_source(text: str) -> FeedSource:
    """Parse one source file; raises ValueError naming the line on a malformed header."""
    feed_head: dict[str, str] = {}
    articles: list[Article] = []
    current: dict[str, str] = feed_head
    section = "head"
    buffer: list[str] = []

    def flush() -> None:
        if buffer and articles:
            articles[-1].paragraphs.append(" ".join(line.strip() for line in buffer))
        buffer.clear()

    for number, line in enumerate(text.splitlines(), 1):
        if line.startswith("@article"):
            flush()
            articles.append(Article(head={}))
            current, section = articles[-1].head, "head"
        elif line.startswith("@feed"):
            current, section = feed_head, "head"
        elif section == "head" and line.strip() in ("body:", "quotes:"):
            section = line.strip()[:-1]
        elif section == "head" and line.strip():
            key, sep, value = line.partition(":")
            if not sep:
                raise ValueError(f"line {number}: expected 'key: value', got {line!r}")
            current[key.strip()] = value.strip()
        elif section == "body" and line.strip() == "quotes:":
            flush()
            section = "quotes"
        elif section == "body":
            if line.strip():
                buffer.append(line)
            else:
                flush()
        elif section == "quotes" and line.startswith("- "):
            articles[-1].checklist.append(line[2:].strip())
    flush()
    return FeedSource(feed_head, articles)


def body_html(article: Article) -> str:
    """The article body as HTML paragraphs (captions as figures, `## ` as subheads)."""
    parts = []
    for para in article.paragraphs:
        if para.startswith("caption: "):
            parts.append(f"<figure><figcaption>{escape(para[9:], quote=False)}</figcaption></figure>")
        elif para.startswith("## "):
            parts.append(f"<h3>{escape(para[3:], quote=False)}</h3>")
        else:
            parts.append(f"<p>{escape(para, quote=False)}</p>")
    return "\n".join(parts)


def cdata(text: str) -> str:
    assert "]]>" not in text
    return f"<![CDATA[{text}]]>"


def render_rss(feed: FeedSource) -> str:
    """RSS 2.0 with content:encoded (mode both), or the whole HTML in description (mode description)."""
    h = feed.head
    latest = max(a.published for a in feed.articles)
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">',
        "<channel>",
        f"<title>{escape(h['title'], quote=False)}</title>",
        f"<link>{escape(h['link'], quote=False)}</link>",
        f'<atom:link href="{escape(h["self"])}" rel="self" type="application/rss+xml"/>',
        f"<description>{escape(h['description'], quote=False)}</description>",
        f"<language>{escape(h['lang'], quote=False)}</language>",
        f"<lastBuildDate>{format_datetime(latest)}</lastBuildDate>",
    ]
    for a in sorted(feed.articles, key=lambda a: a.published, reverse=True):
        mode = a.head.get("mode", "both")
        out.append("<item>")
        out.append(f"<title>{escape(a.head['title'], quote=False)}</title>")
        out.append(f"<link>{escape(h['link'] + a.head['path'], quote=False)}</link>")
        out.append(f'<guid isPermaLink="false">{escape(a.head["id"], quote=False)}</guid>')
        out.append(f"<pubDate>{format_datetime(a.published)}</pubDate>")
        if "author" in a.head:
            out.append(f"<dc:creator>{escape(a.head['author'], quote=False)}</dc:creator>")
        for tag in a.head.get("tags", "").split(","):
            if tag.strip():
                out.append(f"<category>{escape(tag.strip(), quote=False)}</category>")
        if mode == "description":
            out.append(f"<description>{escape(body_html(a), quote=False)}</description>")
        else:
            out.append(f"<description>{escape(a.head['summary'], quote=False)}</description>")
            out.append(f"<content:encoded>{cdata(body_html(a))}</content:encoded>")
        out.append("</item>")
    out += ["</channel>", "</rss>", ""]
    return "\n".join(out)


def render_atom(feed: FeedSource) -> str:
    """Atom 1.0 with a plain summary and an HTML content element per entry."""
    h = feed.head
    latest = max(a.published for a in feed.articles)
    out = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{escape(h["lang"])}">',
        f"<title>{escape(h['title'], quote=False)}</title>",
        f"<subtitle>{escape(h['description'], quote=False)}</subtitle>",
        f'<link rel="alternate" type="text/html" href="{escape(h["link"])}"/>',
        f'<link rel="self" type="application/atom+xml" href="{escape(h["self"])}"/>',
        f"<id>{escape(h['link'], quote=False)}</id>",
        f"<updated>{latest.isoformat()}</updated>",
    ]
    for a in sorted(feed.articles, key=lambda a: a.published, reverse=True):
        updated = a.head.get("updated")
        out.append("<entry>")
        out.append(f"<title>{escape(a.head['title'], quote=False)}</title>")
        out.append(f'<link rel="alternate" type="text/html" href="{escape(h["link"] + a.head["path"])}"/>')
        out.append(f"<id>{escape(a.head['id'], quote=False)}</id>")
        out.append(f"<published>{a.published.isoformat()}</published>")
        stamp = datetime.strptime(updated, "%Y-%m-%d %H:%M").replace(tzinfo=VALDORIA_TIME) if updated else a.published
        out.append(f"<updated>{stamp.isoformat()}</updated>")
        for name in a.head.get("author", "").split(" and "):
            if name.strip():
                out.append(f"<author><name>{escape(name.strip(), quote=False)}</name></author>")
        out.append(f"<summary>{escape(a.head['summary'], quote=False)}</summary>")
        out.append(f'<content type="html">{escape(body_html(a), quote=False)}</content>')
        out.append("</entry>")
    out += ["</feed>", ""]
    return "\n".join(out)


def render_readme(feeds: list[FeedSource]) -> str:
    """README.md: the hand-written introduction, then each article's planted quotes."""
    out = [(SAMPLE_DIR / "src" / "README.head.md").read_text(encoding="utf-8").rstrip(), ""]
    for feed in feeds:
        out += [f"## {feed.head['title']} (`{feed.head['file']}`, {feed.head['format']})", ""]
        for a in sorted(feed.articles, key=lambda a: a.published):
            out += [f"### {a.head['id']}: {a.head['title']}", "", "| speaker | patterns | quote |", "|---|---|---|"]
            for line in a.checklist:
                cells = [c.strip().replace("|", "\\|") for c in line.split(" | ", 2)]
                out.append("| " + " | ".join(cells + [""] * (3 - len(cells))) + " |")
            out.append("")
    return "\n".join(out)


def build() -> dict[Path, str]:
    """Every generated file's path and text, from the sources."""
    feeds = [parse_source((SAMPLE_DIR / "src" / name).read_text(encoding="utf-8")) for name in SOURCES]
    files = {}
    for feed in feeds:
        render = render_atom if feed.head["format"] == "atom" else render_rss
        files[SAMPLE_DIR / feed.head["file"]] = render(feed)
    files[SAMPLE_DIR / "README.md"] = render_readme(feeds)
    return files


def main(argv: list[str]) -> int:
    """Write the generated files, or with --check report the stale ones."""
    stale = []
    for path, text in build().items():
        if "--check" in argv:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(path.name)
        else:
            path.write_text(text, encoding="utf-8")
    if stale:
        print("stale: " + ", ".join(stale), file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
