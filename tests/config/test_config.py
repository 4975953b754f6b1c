"""feeds.toml loading: defaults, local feeds, and one clear line for each mistake."""

from __future__ import annotations

from pathlib import Path

import pytest

from vznews.config import ConfigError, load_config
from vznews.feedurl import local_path
from vznews.models import Settings


def write(tmp_path: Path, text: str, name: str = "feeds.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def error_of(path: Path) -> str:
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    message = str(caught.value)
    assert "\n" not in message
    return message


def test_defaults(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, '[[feeds]]\nurl = "https://www.example.org/feed/"\n'))
    assert config.settings == Settings()
    (feed,) = config.feeds
    assert feed.url == "https://www.example.org/feed/"
    assert feed.name == "example.org"  # the host, without www.
    assert (feed.tags, feed.lang, feed.include, feed.exclude, feed.fulltext) == ((), None, (), (), None)
    assert config.path == tmp_path / "feeds.toml"


def test_an_empty_file_is_a_config_without_feeds(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, "# nothing yet\n"))
    assert config.feeds == () and config.settings == Settings()


def test_every_field(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, """
[settings]
workers = 4
per_host = 1
timeout = 5
deadline = 30.5
max_body_bytes = "2 MiB"
max_redirects = 0
user_agent = "test-agent/1"
fulltext = true
fulltext_delay = 0

[[feeds]]
name = " Efecto Cocuyo "
url = "https://efectococuyo.com/feed/"
tags = ["venezuelan", "independent", "venezuelan"]
lang = "es_VE"
include = ["Maduro", "CNE"]
exclude = ["béisbol"]
fulltext = false
"""))
    assert config.settings == Settings(workers=4, per_host=1, timeout=5.0, deadline=30.5, max_body_bytes=2 * 1024 * 1024,
                                       max_redirects=0, user_agent="test-agent/1", fulltext=True, fulltext_delay=0.0)
    (feed,) = config.feeds
    assert feed.name == "Efecto Cocuyo"
    assert feed.tags == ("venezuelan", "independent")
    assert feed.lang == "es-ve"
    assert (feed.include, feed.exclude, feed.fulltext) == (("Maduro", "CNE"), ("béisbol",), False)


def test_local_feeds_become_absolute_file_urls(tmp_path: Path) -> None:
    (tmp_path / "archive").mkdir()
    path = write(tmp_path, """
[[feeds]]
url = "archive/old feed.xml"
[[feeds]]
url = "file:archive/other.xml"
[[feeds]]
url = "file:///srv/feeds/x.xml"
[[feeds]]
url = "../sibling.rss"
[[feeds]]
url = "file://localhost/srv/feeds/y.xml"
""")
    urls = [feed.url for feed in load_config(path).feeds]
    assert all(url.startswith("file:///") for url in urls)
    assert [local_path(url) for url in urls] == [
        tmp_path / "archive" / "old feed.xml",
        tmp_path / "archive" / "other.xml",
        Path("/srv/feeds/x.xml"),
        tmp_path.parent / "sibling.rss",
        Path("/srv/feeds/y.xml"),
    ]
    assert urls[0].endswith("/archive/old%20feed.xml")  # percent-encoded, as Path.as_uri() writes it
    assert [feed.name for feed in load_config(path).feeds][:2] == ["old feed", "other"]


def test_relative_paths_resolve_against_the_feeds_file_not_the_cwd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    conf = tmp_path / "conf"
    conf.mkdir()
    path = write(conf, '[[feeds]]\nurl = "feed.xml"\n')
    monkeypatch.chdir(tmp_path)
    assert local_path(load_config(Path("conf/feeds.toml")).feeds[0].url) == conf / "feed.xml"
    assert load_config(path).feeds[0].url == (conf / "feed.xml").as_uri()


def test_home_is_expanded(tmp_path: Path, isolated_home: Path) -> None:
    url = load_config(write(tmp_path, '[[feeds]]\nurl = "~/news/feed.xml"\n')).feeds[0].url
    assert local_path(url) == isolated_home / "news" / "feed.xml"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[[feeds]]\nurl = "https://a.example/"\nname = \n', "feeds.toml:3:8: Invalid value"),
        ("[settings\nworkers = 3\n", "feeds.toml:1:10: "),
        ('[[feeds]]\nurll = "https://a.example/"\n', "feeds.toml: feeds[1]: unknown key 'urll', did you mean 'url'?"),
        ('[[feeds]]\nurl = "https://a.example/"\n[[feeds]]\nurl = "https://b.example/"\ntagz = []\n',
         "feeds.toml: feeds[2]: unknown key 'tagz', did you mean 'tags'?"),
        ('[[feeds]]\nurl = "https://a.example/"\ncolour = "red"\n',
         "feeds.toml: feeds[1]: unknown key 'colour' (known: url, name, tags, lang, include, exclude, fulltext)"),
        ('[[feeds]]\nname = "No address"\n', "feeds.toml: feeds[1]: missing 'url'"),
        ('[[feeds]]\nurl = "https://a.example/feed"\n[[feeds]]\nurl = "HTTPS://A.example:443/feed#top"\n',
         "feeds.toml: feeds[2]: duplicate url 'HTTPS://A.example:443/feed#top' (already in feeds[1])"),
        ('[[feeds]]\nurl = "ftp://a.example/feed"\n',
         "feeds.toml: feeds[1]: url 'ftp://a.example/feed' has unsupported scheme 'ftp' (use http, https, file or a path)"),
        ('[[feeds]]\nurl = "javascript:alert(1)"\n', "feeds.toml: feeds[1]: url 'javascript:alert(1)' has unsupported scheme 'javascript'"),
        ('[[feeds]]\nurl = "https://"\n', "feeds.toml: feeds[1]: url 'https://' has no host"),
        ('[[feeds]]\nurl = "https://a.example:99999/"\n', "feeds.toml: feeds[1]: url 'https://a.example:99999/' has an invalid port"),
        ('[[feeds]]\nurl = "https://a.example/my feed"\n', "feeds.toml: feeds[1]: url 'https://a.example/my feed' contains spaces"),
        ('[[feeds]]\nurl = ""\n', "feeds.toml: feeds[1]: url is empty"),
        ('[[feeds]]\nurl = "feed\\u0007.xml"\n', "feeds.toml: feeds[1]: url 'feed\\x07.xml' contains control characters"),
        ('[[feeds]]\nurl = "www.example.com/rss"\n',
         "feeds.toml: feeds[1]: url 'www.example.com/rss' has no scheme; did you mean 'https://www.example.com/rss'?"),
        ('[[feeds]]\nurl = "file://server/share/feed.xml"\n', "feeds.toml: feeds[1]: url 'file://server/share/feed.xml' names a remote host"),
        ('[[feeds]]\nurl = 42\n', "feeds.toml: feeds[1]: 'url' must be a string, not 42"),
        ('[[feeds]]\nurl = "https://a.example/"\ntags = "news"\n',
         "feeds.toml: feeds[1]: 'tags' must be a list of non-empty strings, like [\"a\", \"b\"], not 'news'"),
        ('[[feeds]]\nurl = "https://a.example/"\ninclude = ["ok", ""]\n', "feeds.toml: feeds[1]: 'include' must be a list of non-empty strings"),
        ('[[feeds]]\nurl = "https://a.example/"\nfulltext = "yes"\n', "feeds.toml: feeds[1]: 'fulltext' must be true or false, not 'yes'"),
        ('[[feeds]]\nurl = "https://a.example/"\nlang = "english please"\n', "feeds.toml: feeds[1]: 'lang' must be a language code"),
        ('[[feeds]]\nurl = "https://a.example/"\nname = ""\n', "feeds.toml: feeds[1]: 'name' must be a non-empty string, not ''"),
        ('[settings]\nworker = 3\n', "feeds.toml: settings: unknown key 'worker', did you mean 'workers'?"),
        ('[settings]\nworkers = "ten"\n', "feeds.toml: settings: 'workers' must be a whole number from 1 to 256, not 'ten'"),
        ('[settings]\nworkers = 0\n', "feeds.toml: settings: 'workers' must be a whole number from 1 to 256, not 0"),
        ('[settings]\nworkers = true\n', "feeds.toml: settings: 'workers' must be a whole number from 1 to 256, not true"),
        ('[settings]\ntimeout = 0\n', "feeds.toml: settings: 'timeout' must be a number of seconds more than 0"),
        ('[settings]\nmax_body_bytes = "lots"\n', "feeds.toml: settings: 'max_body_bytes' must be a size in bytes"),
        ('[settings]\nmax_body_bytes = 10\n', "feeds.toml: settings: 'max_body_bytes' must be a size in bytes"),
        ('[settings]\nuser_agent = ""\n', "feeds.toml: settings: 'user_agent' must be a non-empty one-line string"),
        ('settings = 3\n', "feeds.toml: 'settings' must be a table ([settings]), not 3"),
        ('feeds = ["https://a.example/"]\n', "feeds.toml: 'feeds' must be a list of [[feeds]] tables, not a list"),
        ('[setings]\n', "feeds.toml: unknown top-level key 'setings', did you mean 'settings'?"),
        ('[[feed]]\nurl = "https://a.example/"\n', "feeds.toml: unknown top-level key 'feed', did you mean 'feeds'?"),
    ],
)
def test_errors_name_file_entry_and_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str, message: str) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path, text)
    assert error_of(Path("feeds.toml")).startswith(message)


def test_unreadable_and_undecodable_files(tmp_path: Path) -> None:
    assert error_of(tmp_path / "missing.toml") == f"{tmp_path / 'missing.toml'}: cannot read the feeds file (No such file or directory)"
    assert error_of(tmp_path).startswith(f"{tmp_path}: cannot read the feeds file")
    latin1 = tmp_path / "latin1.toml"
    latin1.write_bytes('[[feeds]]\nname = "Crónica"\n'.encode("latin-1"))
    assert error_of(latin1) == f"{latin1}: not UTF-8 text (byte 0xf3 at offset 20)"


def test_a_utf8_bom_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.toml"
    path.write_bytes(b'\xef\xbb\xbf[[feeds]]\nurl = "https://a.example/"\n')
    assert len(load_config(path).feeds) == 1
