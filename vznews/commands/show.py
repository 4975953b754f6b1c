"""`vznews show ID`: one stored article as readable terminal text."""

from __future__ import annotations

import sqlite3
import textwrap
from dataclasses import dataclass
from datetime import datetime

import click
from rich.console import Console
from rich.text import Text

from vznews import locations
from vznews.commands.options import db_option, fail, inherit_parent
from vznews.store.db import StoreError, open_db
from vznews.store.queries import article_body
from vznews.textsafe import clean_terminal_text, one_line

READABLE_WIDTH = 100  # long lines are hard to read even on a wide terminal


@dataclass(frozen=True)
class ShownArticle:
    """What `show` prints: the header fields, the body and where the body came from."""

    id: int
    title: str
    source: str
    author: str | None
    published: str
    url: str | None
    body: str
    origin: str  # "fulltext", "content" or "summary" (as store.queries.article_body says)
    fulltext_status: str | None
    fulltext_error: str | None
    fulltext_attempts: int


def load_article(conn: sqlite3.Connection, article_id: int) -> ShownArticle | None:
    """The article with `article_id`, its body as the reader and extraction see it
    (page text, else feed content, else summary), and its full-text outcome."""
    row = conn.execute(
        """SELECT a.id, a.title, f.name, a.author, a.published, a.url, a.fulltext, a.content, a.summary,
                  a.fulltext_status, a.fulltext_error, a.fulltext_attempts
           FROM articles a JOIN feeds f ON f.id = a.feed_id WHERE a.id = ?""",
        (article_id,),
    ).fetchone()
    if row is None:
        return None
    body, origin = article_body({"fulltext": row[6], "content": row[7], "summary": row[8]})
    return ShownArticle(row[0], row[1], row[2], row[3], row[4], row[5], body, origin, row[9], row[10], row[11])


def origin_marker(article: ShownArticle) -> str:
    """One line saying whether the body is the extracted page or the feed's own text, and why."""
    if article.origin == "fulltext":
        return "full text, extracted from the article's page"
    label = "the feed's summary" if article.origin == "summary" else "the feed's text"
    if article.fulltext_status == "failed":
        tries = "try" if article.fulltext_attempts == 1 else "tries"
        return f"{label}; the page was not usable ({one_line(article.fulltext_error, 120)}; {article.fulltext_attempts} {tries})"
    if article.fulltext_status == "skipped":
        return f"{label}; the page was skipped"
    return f"{label}; the page was not fetched"


def _when(published: str) -> str:
    try:
        moment = datetime.fromisoformat(published.replace("Z", "+00:00"))
    except ValueError:
        return one_line(published)
    return moment.strftime("%Y-%m-%d %H:%M UTC")


def wrap_body(body: str, width: int) -> list[str]:
    """The body as wrapped paragraphs: list items and block quotes keep their marks on continuation lines."""
    paragraphs = []
    for paragraph in clean_terminal_text(body).split("\n\n"):
        lines = []
        for line in paragraph.strip().splitlines():
            line = line.strip()
            if not line:
                continue
            lead = "> " if line.startswith("> ") else "  " if line.startswith("• ") else ""
            lines.append(textwrap.fill(line, width, subsequent_indent=lead, break_long_words=False, break_on_hyphens=False))
        if lines:
            paragraphs.append("\n".join(lines))
    return paragraphs


def render(console: Console, article: ShownArticle) -> None:
    """Print the article: header lines, a marker rule, then the wrapped body (never as markup)."""
    console.print(Text(one_line(article.title, 500) or "(untitled)", style="bold"), soft_wrap=True)
    fields = [("Source", one_line(article.source)), ("Author", one_line(article.author)), ("Date", _when(article.published)),
              ("Link", one_line(article.url, 2000))]
    for label, value in fields:
        if value:  # soft wrap: a long link stays one line, copyable
            console.print(Text.assemble((f"{label}: ", "dim"), value), soft_wrap=True)
    console.rule(Text(origin_marker(article), style="italic"), style="dim")
    paragraphs = wrap_body(article.body, console.width)
    if not paragraphs:
        console.print(Text("(no text)", style="dim"))
    for index, paragraph in enumerate(paragraphs):
        if index:
            console.print()
        console.print(Text(paragraph), soft_wrap=True)


@click.command()
@click.argument("article_id", metavar="ID", type=int)
@db_option
@click.pass_context
def show(ctx: click.Context, article_id: int, db: str | None) -> None:
    """Print one stored article: title, source, author, date, link, then its text.

    The text is the article's page as extracted by the full-text phase when there
    is one, else the feed's own text; a line above it says which. IDs are shown
    by `vznews search --json` and in the explorer.

    \b
    Example:
      vznews show 42
    """
    path = locations.db_path(inherit_parent(ctx, "db", db))
    try:
        store = open_db(path, create=False)
    except StoreError as exc:
        fail(str(exc), 1)
    try:
        article = load_article(store.conn, article_id)
    finally:
        store.conn.close()
    if article is None:
        fail(f"{path}: no article with ID {article_id}", 1)
    console = Console(highlight=False, emoji=False)
    if console.width > READABLE_WIDTH:
        console.width = READABLE_WIDTH
    render(console, article)
