"""Generate realistic news article pages for the full-text benchmark (deterministic, no network).

Each page has what a real article page carries around its text: a head with
inline scripts and JSON-LD, a cookie banner, a navigation bar with dozens of
links, share widgets, 8-14 body paragraphs with quotes, a heading, a block quote
and a list, ads between paragraphs, a sidebar, comments and a footer: about
45-60 KB of HTML.
"""

from __future__ import annotations

import random
from html import escape

_WORDS = (
    "the electoral council said on Tuesday that the count in the eastern provinces would be reviewed "
    "after opposition observers reported missing tally sheets from dozens of polling stations "
    "government officials in the capital dismissed the claims as a destabilisation campaign while "
    "diplomats from neighbouring countries urged both sides to publish the full results "
    "the national assembly convened an emergency session and the supreme court ordered an audit "
    "of the voting machines inflation fuel shortages and migration remained the main concerns "
    "of voters interviewed outside schools where queues formed before dawn analysts warned that "
    "the dispute could delay talks on sanctions relief"
).split()
_PEOPLE = ("Armando Quiroga", "Marisol Estévez", "Lucía Ferreira", "Tomás Ibarra", "Elena Vidal")
_SECTIONS = ("World", "Americas", "Politics", "Business", "Economy", "Opinion", "Sport", "Culture",
             "Science", "Health", "Travel", "Video", "Podcasts", "Newsletters", "Puzzles")
_SCRIPT = "window.__STATE__ = " + "{" + ", ".join(f'"k{i}": "{"x" * 40}"' for i in range(600)) + "};"


def _sentence(rng: random.Random, low: int = 12, high: int = 28) -> str:
    return " ".join(rng.choice(_WORDS) for _ in range(rng.randint(low, high))).capitalize() + "."


def _paragraph(rng: random.Random) -> str:
    parts = [_sentence(rng) for _ in range(rng.randint(2, 4))]
    if rng.random() < 0.5:
        parts.append(f"“{_sentence(rng, 8, 16)}” said {rng.choice(_PEOPLE)}.")
    return "<p>" + " ".join(parts) + "</p>"


def _ad(n: int) -> str:
    return (f'<div class="ad-slot advertisement" id="ad-{n}"><span class="ad-label">Advertisement</span>'
            f'<a href="https://ads.example.com/c?{n}"><img src="https://ads.example.com/b{n}.gif" alt="ad"></a></div>')


def article_page(n: int, seed: int = 0) -> bytes:
    """The HTML of article page number `n` (UTF-8 bytes)."""
    rng = random.Random(seed * 100_003 + n)
    title = _sentence(rng, 6, 12).rstrip(".")
    body: list[str] = []
    for i in range(rng.randint(8, 14)):
        body.append(_paragraph(rng))
        if i == 2:
            body.append(f"<h2>{escape(_sentence(rng, 4, 8).rstrip('.'))}</h2>")
        if i == 4:
            body.append(f"<blockquote><p>{_sentence(rng, 20, 30)}</p></blockquote>")
        if i == 6:
            body.append("<ul>" + "".join(f"<li>{_sentence(rng, 6, 10)}</li>" for _ in range(3)) + "</ul>")
        if i % 3 == 1:
            body.append(_ad(i))
    nav = "".join(f'<li><a href="/{s.lower()}/{k}">{s} {k}</a></li>' for s in _SECTIONS for k in range(4))
    links = "".join(f'<li><a href="/a/{rng.randint(1, 99999)}">{_sentence(rng, 5, 9)}</a></li>' for _ in range(25))
    comments = "".join(
        f'<div class="comment"><span class="comment-author">user{rng.randint(1, 9999)}</span>'
        f"<p>{_sentence(rng, 10, 25)}</p></div>" for _ in range(rng.randint(5, 15))
    )
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{escape(title)} | The Bench Gazette</title>
<script type="application/ld+json">{{"@type": "NewsArticle", "headline": "{escape(title)}"}}</script>
<script>{_SCRIPT}</script><style>{"body { margin: 0 } " * 200}</style></head>
<body>
<div id="cookie-banner" class="cookie-consent"><p>We use cookies to personalise content and ads.</p><button>Accept</button></div>
<header><a class="logo" href="/">The Bench Gazette</a><nav class="main-nav"><ul>{nav}</ul></nav></header>
<main><article><h1>{escape(title)}</h1><div class="byline">By {rng.choice(_PEOPLE)}</div>
<div class="share-tools"><a class="share-facebook" href="#">Share</a><a class="share-twitter" href="#">Post</a></div>
<div class="story-body">{"".join(body)}</div></article>
<section id="comments" class="comments"><h3>Comments</h3>{comments}</section></main>
<aside class="sidebar"><h3>Most read</h3><ol>{links}</ol></aside>
<footer class="site-footer"><p>© The Bench Gazette</p><ul>{nav}</ul></footer>
</body></html>
""".encode("utf-8")
