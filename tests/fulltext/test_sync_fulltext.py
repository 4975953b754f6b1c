"""`vznews sync` with the full-text phase: --no-fulltext, --fulltext-only, the summary counts."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from tests.fulltext.storehelp import article
from tests.localserver import LocalServer, Response
from vznews.cli import cli

PAGES = Path(__file__).parent / "pages"


def _setup(server: LocalServer, tmp_path: Path) -> tuple[Path, Path]:
    """A feed with two items (a good page and a 404) served locally, and a feeds.toml with full text on."""
    good = server.route("/news/tally", lambda r: Response(body=(PAGES / "article.html").read_bytes(),
                                                         headers={"Content-Type": "text/html; charset=utf-8"}))
    missing = server.url("/news/missing")
    rss = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>World</title><link>{server.base}/</link><description>d</description>
<item><title>Council delays tally</title><link>{good}</link><guid>tally</guid>
<description>The council postponed the final tally.</description><pubDate>Fri, 02 Aug 2024 14:05:00 GMT</pubDate></item>
<item><title>Missing page</title><link>{missing}</link><guid>missing</guid>
<description>A story whose page is gone.</description><pubDate>Fri, 02 Aug 2024 13:00:00 GMT</pubDate></item>
</channel></rss>""".encode()
    feed = server.route("/feed.xml", lambda r: Response(body=rss, headers={"Content-Type": "application/rss+xml"}))
    feeds = tmp_path / "feeds.toml"
    feeds.write_text(f'[settings]\nfulltext = true\nfulltext_delay = 0\n\n[[feeds]]\nname = "World"\nurl = "{feed}"\n')
    return feeds, tmp_path / "v.db"


def _sync(feeds: Path, db: Path, *flags: str) -> tuple[int, str]:
    """Exit code and stdout (stderr may carry the test server's noise about closed connections)."""
    result = CliRunner().invoke(cli, ["sync", "--feeds", str(feeds), "--db", str(db), "--no-extract", *flags])
    return result.exit_code, result.stdout if result.exit_code != 2 else result.stderr


def _page_requests(server: LocalServer) -> list[str]:
    return [r.path for r in server.log if r.path.startswith("/news/")]


def test_sync_fetches_pages_after_the_feeds_and_counts_them(server: LocalServer, tmp_path: Path) -> None:
    feeds, db = _setup(server, tmp_path)
    code, out = _sync(feeds, db)
    assert code == 0, out  # a page that fails is not a failed sync
    assert "full text: 1 page fetched, 1 extracted, 1 failed" in out.splitlines()[-1]
    assert "/news/missing: HTTP 404 Not Found" in out  # the failure is visible
    assert server.log[0].path == "/feed.xml" and sorted(_page_requests(server)) == ["/news/missing", "/news/tally"]
    assert "Armando Quiroga" in str(article(db, 1)["fulltext"] or article(db, 2)["fulltext"])


def test_no_fulltext_skips_the_phase_and_fulltext_only_catches_up(server: LocalServer, tmp_path: Path) -> None:
    feeds, db = _setup(server, tmp_path)
    code, out = _sync(feeds, db, "--no-fulltext")
    assert code == 0 and _page_requests(server) == []
    assert "full text" not in out
    feed_requests = len(server.requests_to("/feed.xml"))
    code, out = _sync(feeds, db, "--fulltext-only")
    assert code == 0, out
    assert len(server.requests_to("/feed.xml")) == feed_requests  # no feed was fetched
    assert sorted(_page_requests(server)) == ["/news/missing", "/news/tally"]
    assert out.splitlines()[-1] == "Totals: full text: 1 page fetched, 1 extracted, 1 failed", out
    code, out = _sync(feeds, db, "--fulltext-only")  # the good page is done; the 404 gets its second try
    assert sorted(_page_requests(server)) == ["/news/missing", "/news/missing", "/news/tally"]


def test_fulltext_only_with_nothing_to_do(server: LocalServer, tmp_path: Path) -> None:
    feeds, db = _setup(server, tmp_path)
    _sync(feeds, db, "--no-fulltext")
    feeds.write_text(feeds.read_text().replace("fulltext = true", "fulltext = false"))
    code, out = _sync(feeds, db, "--fulltext-only")
    assert code == 0 and out.splitlines()[-1] == "Totals: no page needed fetching"
    assert _page_requests(server) == []


def test_fulltext_only_and_no_fulltext_conflict(server: LocalServer, tmp_path: Path) -> None:
    feeds, db = _setup(server, tmp_path)
    code, out = _sync(feeds, db, "--fulltext-only", "--no-fulltext")
    assert code == 2
    assert out == "vznews: error: --fulltext-only and --no-fulltext cannot be used together\n"
