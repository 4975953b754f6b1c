"""OPML: export then import gives the same feeds; folders become tags; hostile XML is refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from vznews.config import load_config
from vznews.opml import OPMLError, parse_opml

FEEDS = """\
[[feeds]]
name = "Caracas Chronicles"
url = "https://www.caracaschronicles.com/feed/"
tags = ["venezuelan", "english"]
lang = "en"

[[feeds]]
name = "Crónica Uno & <friends>"
url = "https://cronica.uno/feed/?a=1&b=2"
tags = ["venezuelan"]
lang = "es"

[[feeds]]
name = "BBC \\"Latin\\" America"
url = "https://feeds.bbci.co.uk/news/world/latin_america/rss.xml"
tags = ["international"]
include = ["Venezuela"]

[[feeds]]
name = "Untagged"
url = "https://untagged.example/rss"

[[feeds]]
name = "Archive"
url = "archive/july.xml"
tags = ["archive", "offline"]
"""

SUBSCRIPTIONS = b"""<?xml version="1.0" encoding="UTF-8"?>
<opml version="1.0">
  <head><title>Exported from another reader</title></head>
  <body>
    <outline text="News">
      <outline text="Venezuela" title="Venezuela">
        <outline type="rss" text="Efecto Cocuyo" xmlUrl="https://efectococuyo.com/feed/" language="es"/>
        <outline type="rss" title="Tal Cual" text="TC" xmlUrl="https://talcualdigital.com/feed/" category="/Politics,/News/Independent"/>
      </outline>
      <outline type="rss" text="WOLA" xmlUrl="https://www.wola.org/feed/" language="English"/>
    </outline>
    <outline type="rss" text="No folder" xmlUrl="https://nofolder.example/rss"/>
    <outline type="rss" text="Already there" xmlUrl="HTTPS://www.CaracasChronicles.com/feed/"/>
    <outline type="rss" text="Twice" xmlUrl="https://nofolder.example/rss"/>
    <outline type="rss" text="Gopher" xmlUrl="gopher://old.example/feed"/>
    <outline text="Just a link, no feed" htmlUrl="https://example.org/"/>
  </body>
</opml>
"""


def feed_tuples(path: Path) -> set[tuple]:
    return {(f.url, f.name, f.tags, f.lang) for f in load_config(path).feeds}


def test_export_then_import_round_trips(run, tmp_path: Path) -> None:
    source = tmp_path / "feeds.toml"
    source.write_text(FEEDS, encoding="utf-8")
    exported = run("opml", "export", "--feeds", str(source))
    assert exported.exit_code == 0
    assert exported.stdout.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<opml version="2.0">')
    (tmp_path / "elsewhere").mkdir()
    opml_file = tmp_path / "elsewhere" / "feeds.opml"
    opml_file.write_text(exported.stdout, encoding="utf-8")
    target = tmp_path / "imported.toml"
    imported = run("opml", "import", str(opml_file), "--feeds", str(target))
    assert imported.exit_code == 0, imported.output
    assert imported.stdout == f"added 5 feeds to {target}\n"
    assert feed_tuples(target) == feed_tuples(source)


def test_export_to_a_file(run, tmp_path: Path) -> None:
    source = tmp_path / "feeds.toml"
    source.write_text(FEEDS, encoding="utf-8")
    out = tmp_path / "out.opml"
    result = run("opml", "export", "-o", str(out), "--feeds", str(source))
    assert result.exit_code == 0 and result.stdout == ""
    assert result.stderr == f"wrote 5 feeds to {out}\n"
    assert len(parse_opml(out.read_bytes())) == 5


def test_import_folders_become_tags_duplicates_and_bad_addresses_reported(run, tmp_path: Path) -> None:
    target = tmp_path / "feeds.toml"
    target.write_text(FEEDS, encoding="utf-8")
    before = target.read_text()
    source = tmp_path / "subs.opml"
    source.write_bytes(SUBSCRIPTIONS)
    result = run("opml", "import", str(source), "--feeds", str(target))
    assert result.exit_code == 1  # one entry could not be used; the rest were added
    assert result.stdout == f"added 4 feeds to {target}; 2 already there; 1 skipped (unusable address)\n"
    assert result.stderr == ("skipped 'Gopher': url 'gopher://old.example/feed' has unsupported scheme 'gopher' "
                             "(use http, https, file or a path)\n")
    assert target.read_text().startswith(before)
    added = {f.url: f for f in load_config(target).feeds[5:]}
    assert added["https://efectococuyo.com/feed/"].tags == ("News", "Venezuela")
    assert added["https://efectococuyo.com/feed/"].lang == "es"
    assert added["https://talcualdigital.com/feed/"].name == "Tal Cual"  # title wins over text
    assert added["https://talcualdigital.com/feed/"].tags == ("News", "Venezuela", "Politics", "Independent")
    assert added["https://www.wola.org/feed/"].lang is None  # "English" is not a code: dropped, feed kept
    assert added["https://nofolder.example/rss"].tags == ()


def test_import_without_a_user_file_starts_from_the_bundled_list(run) -> None:
    from vznews import locations

    result = run("opml", "import", "-", input=SUBSCRIPTIONS)
    assert result.stdout.splitlines()[0] == f"created {locations.user_feeds_path()} from the bundled feed list"
    assert "https://efectococuyo.com/feed/" not in result.stdout
    assert len(load_config(locations.user_feeds_path()).feeds) > len(load_config(locations.BUNDLED_FEEDS).feeds)


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
<opml version="2.0"><body><outline text="&lol2;" xmlUrl="https://x.example/"/></body></opml>"""
EXTERNAL = b"""<?xml version="1.0"?>
<!DOCTYPE opml SYSTEM "file:///etc/passwd">
<opml version="2.0"><body><outline text="x" xmlUrl="https://x.example/"/></body></opml>"""


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (BILLION_LAUGHS, "refusing a document type declaration (DOCTYPE) in OPML"),
        (EXTERNAL, "refusing a document type declaration (DOCTYPE) in OPML"),
        (b"<opml><body><outline text='x'></body></opml>", "line 1, column 33: mismatched tag"),
        (b"<rss><channel/></rss>", "not OPML (no <opml> element)"),
        (b"", "line 1, column 1: no element found"),
    ],
)
def test_import_refuses_unsafe_or_broken_files(run, tmp_path: Path, data: bytes, message: str) -> None:
    source = tmp_path / "in.opml"
    source.write_bytes(data)
    target = tmp_path / "feeds.toml"
    result = run("opml", "import", str(source), "--feeds", str(target))
    assert result.exit_code == 2
    assert result.stderr == f"vznews: error: {source}: {message}\n"
    assert not target.exists()


def test_parse_opml_directly() -> None:
    with pytest.raises(OPMLError, match="DOCTYPE"):
        parse_opml(BILLION_LAUGHS)
    outlines = parse_opml(SUBSCRIPTIONS)
    assert [o.url for o in outlines][:2] == ["https://efectococuyo.com/feed/", "https://talcualdigital.com/feed/"]
    assert len(outlines) == 7  # the htmlUrl-only outline is not a feed


def test_import_a_missing_file(run, tmp_path: Path) -> None:
    result = run("opml", "import", str(tmp_path / "nope.opml"))
    assert result.exit_code == 2
    assert result.stderr == f"vznews: error: {tmp_path / 'nope.opml'}: cannot read (No such file or directory)\n"
