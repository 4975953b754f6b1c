"""`vznews feeds` (list with store state) and `vznews feeds add` (keeps the user's file intact)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.storeseed import add_article, add_feed, make_store
from vznews import locations
from vznews.commands import feeds as feeds_command
from vznews.config import load_config

USER_FILE = """\
# My feeds -- hand-written, with comments that must survive.

[[feeds]]
name = "Caracas Chronicles"   # english
url = "https://www.caracaschronicles.com/feed/"
tags = ["venezuelan"]

# a comment between entries
[[feeds]]
url = "https://efectococuyo.com/feed/"   # no name: the host is used

[settings]
workers = 4   # my laptop is slow
# trailing comment, no newline at the end"""


@pytest.fixture
def feeds_file(tmp_path: Path) -> Path:
    path = tmp_path / "feeds.toml"
    path.write_text(USER_FILE, encoding="utf-8")
    return path


@pytest.fixture
def store(tmp_path: Path) -> Path:
    path = tmp_path / "store.db"
    db = make_store(path)
    cc = add_feed(db, "https://www.caracaschronicles.com/feed/", "Caracas Chronicles",
                  checked_at="2024-07-30T12:00:00+00:00", ok_at="2024-07-30T12:00:00+00:00", status=200)
    add_feed(db, "https://efectococuyo.com/feed/", "efectococuyo.com", checked_at="2024-07-30T12:05:00+00:00",
             ok_at="2024-07-28T09:00:00+00:00", status=500, error="HTTP 500 [red]Server Error[/red] \x1b[2J",
             error_count=3, retry_after="2024-07-30T18:00:00+00:00")
    for n in range(3):
        add_article(db, cc, f"Article {n}", is_read=int(n == 0), is_starred=int(n == 1))
    db.conn.close()
    return path


def test_list_json_joins_config_and_store(run, feeds_file: Path, store: Path) -> None:
    result = run("feeds", "--feeds", str(feeds_file), "--db", str(store), "--json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert [row["name"] for row in rows] == ["Caracas Chronicles", "efectococuyo.com"]
    cc, ec = rows
    assert (cc["articles"], cc["unread"], cc["starred"]) == (3, 2, 1)
    assert cc["last_success"] == "2024-07-30T12:00:00+00:00" and cc["last_error"] is None and cc["status"] == "ok"
    assert (ec["articles"], ec["error_count"]) == (0, 3)
    assert ec["last_error"].startswith("HTTP 500")
    assert ec["status"].startswith("failing (3 in a row): HTTP 500 [red]Server Error[/red]")
    assert "\x1b" not in ec["status"] and "next try after 2024-07-30 18:00" in ec["status"]


def test_list_plain_when_piped(run, feeds_file: Path, store: Path) -> None:
    result = run("feeds", "--feeds", str(feeds_file), "--db", str(store))
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == f"2 feeds in {feeds_file}"
    assert lines[1].split() == ["FEED", "ARTICLES", "UNREAD", "LAST", "SUCCESS", "STATUS"]
    assert lines[2].split()[:6] == ["Caracas", "Chronicles", "3", "2", "2024-07-30", "12:00"]
    assert "failing (3 in a row): HTTP 500 [red]Server Error[/red]" in lines[3]
    assert "\x1b" not in result.stdout and "─" not in result.stdout


def test_list_table_on_a_terminal_shows_untrusted_text_literally(run, feeds_file: Path, store: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(feeds_command, "stdout_is_terminal", lambda: True)
    monkeypatch.setenv("COLUMNS", "160")
    result = run("feeds", "--feeds", str(feeds_file), "--db", str(store))
    assert result.exit_code == 0
    assert "Unread" in result.stdout and "━" in result.stdout  # a rich table
    assert "[red]" in result.stdout and "[/red]" in result.stdout  # not read as markup
    assert "\x1b[2J" not in result.stdout


def test_root_options_are_inherited(run, feeds_file: Path, store: Path) -> None:
    result = run("--feeds", str(feeds_file), "--db", str(store), "feeds", "--json")
    assert json.loads(result.stdout)[0]["articles"] == 3


def test_list_without_a_store_does_not_create_one(run, feeds_file: Path, tmp_path: Path) -> None:
    result = run("feeds", "--feeds", str(feeds_file), "--db", str(tmp_path / "none.db"))
    assert result.exit_code == 0
    assert "no store yet" in result.stdout and "not synced yet" in result.stdout
    assert not (tmp_path / "none.db").exists()


def test_list_defaults_to_the_bundled_feeds(run) -> None:
    rows = json.loads(run("feeds", "--json").stdout)
    assert len(rows) == len(load_config(locations.BUNDLED_FEEDS).feeds) >= 15


def test_list_with_a_broken_config_exits_2(run, tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('[[feeds]]\nurll = "https://x.example/"\n')
    result = run("feeds", "--feeds", str(bad))
    assert result.exit_code == 2
    assert result.stderr == f"vznews: error: {bad}: feeds[1]: unknown key 'urll', did you mean 'url'?\n"


def test_add_keeps_every_byte_of_the_file(run, feeds_file: Path) -> None:
    result = run("feeds", "add", "https://talcualdigital.com/feed/", "--name", "Tal Cual", "--tag", "venezuelan",
                 "--tag", "independent", "--lang", "es", "--feeds", str(feeds_file))
    assert result.exit_code == 0, result.output
    assert result.stdout == f"added 'Tal Cual' (https://talcualdigital.com/feed/) to {feeds_file}\n"
    text = feeds_file.read_text()
    assert text.startswith(USER_FILE)
    assert text[len(USER_FILE):] == (
        '\n\n[[feeds]]\nname = "Tal Cual"\nurl = "https://talcualdigital.com/feed/"\n'
        'tags = ["venezuelan", "independent"]\nlang = "es"\n'
    )
    config = load_config(feeds_file)
    assert [f.name for f in config.feeds] == ["Caracas Chronicles", "efectococuyo.com", "Tal Cual"]
    assert config.feeds[2].tags == ("venezuelan", "independent") and config.settings.workers == 4


def test_add_refuses_a_duplicate_and_leaves_the_file_alone(run, feeds_file: Path) -> None:
    result = run("feeds", "add", "HTTPS://EfectoCocuyo.com/feed/", "--feeds", str(feeds_file))
    assert result.exit_code == 1
    assert result.stderr == (f"vznews: error: HTTPS://EfectoCocuyo.com/feed/ is already in {feeds_file} "
                             "(as 'efectococuyo.com')\n")
    assert feeds_file.read_text() == USER_FILE


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["ftp://x.example/feed"], "url 'ftp://x.example/feed' has unsupported scheme 'ftp'"),
        (["x.example.com/feed"], "has no scheme; did you mean 'https://x.example.com/feed'?"),
        (["https://ok.example/", "--lang", "english"], "'lang' must be a language code"),
    ],
)
def test_add_refuses_invalid_input_with_exit_2(run, feeds_file: Path, args: list[str], message: str) -> None:
    result = run("feeds", "add", *args, "--feeds", str(feeds_file))
    assert result.exit_code == 2
    assert message in result.stderr and result.stderr.count("\n") == 1
    assert feeds_file.read_text() == USER_FILE


def test_add_without_a_user_file_starts_from_the_bundled_list(run) -> None:
    user = locations.user_feeds_path()
    assert not user.exists()
    bundled = locations.BUNDLED_FEEDS.read_text(encoding="utf-8")
    result = run("feeds", "add", "https://example.org/venezuela.rss")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == f"created {user} from the bundled feed list"
    assert user.read_text(encoding="utf-8").startswith(bundled)
    assert locations.BUNDLED_FEEDS.read_text(encoding="utf-8") == bundled  # the shipped list is never edited
    assert locations.feeds_path() == user  # from now on, the user's list is the one in use
    assert load_config(user).feeds[-1].name == "example.org"


def test_add_a_local_file_relative_to_the_current_directory(run, feeds_file: Path, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "archive").mkdir()
    monkeypatch.chdir(tmp_path / "archive")
    result = run("feeds", "add", "july.xml", "--feeds", str(feeds_file))
    assert result.exit_code == 0, result.output
    assert load_config(feeds_file).feeds[-1].url == (tmp_path / "archive" / "july.xml").as_uri()


def test_add_to_a_new_file_and_to_an_inline_feeds_array(run, tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.toml"
    assert run("feeds", "add", "https://a.example/feed", "--feeds", str(fresh)).exit_code == 0
    assert [f.url for f in load_config(fresh).feeds] == ["https://a.example/feed"]
    inline = tmp_path / "inline.toml"
    inline.write_text('# inline style\nfeeds = [{ url = "https://a.example/feed" }]  # keep me\n')
    result = run("feeds", "add", "https://b.example/feed", "--name", "B", "--feeds", str(inline))
    assert result.exit_code == 0, result.output
    assert [f.url for f in load_config(inline).feeds] == ["https://a.example/feed", "https://b.example/feed"]
    assert "# keep me" in inline.read_text() and "# inline style" in inline.read_text()


def test_add_keeps_a_symlinked_feeds_file_a_symlink(run, feeds_file: Path, tmp_path: Path) -> None:
    link = tmp_path / "link.toml"
    link.symlink_to(feeds_file)
    assert run("feeds", "add", "https://c.example/feed", "--feeds", str(link)).exit_code == 0
    assert link.is_symlink()
    assert "https://c.example/feed" in feeds_file.read_text()


def test_add_to_a_broken_file_changes_nothing(run, tmp_path: Path) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text("[[feeds]\n")
    result = run("feeds", "add", "https://c.example/feed", "--feeds", str(broken))
    assert result.exit_code == 2 and result.stderr.startswith(f"vznews: error: {broken}:1:")
    assert broken.read_text() == "[[feeds]\n"


def test_add_goes_to_the_file_named_before_the_subcommand_or_in_the_environment(
    run, feeds_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert run("--feeds", str(feeds_file), "feeds", "add", "https://d.example/feed").exit_code == 0
    assert load_config(feeds_file).feeds[-1].url == "https://d.example/feed"
    other = tmp_path / "env.toml"
    monkeypatch.setenv("VZNEWS_FEEDS", str(other))
    assert run("feeds", "add", "https://e.example/feed").exit_code == 0
    assert [f.url for f in load_config(other).feeds] == ["https://e.example/feed"]
    assert not locations.user_feeds_path().exists()
