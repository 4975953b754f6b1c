"""Dialogs: help listing every key, and the store error that stops the explorer."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

KEYS: list[tuple[str, list[tuple[str, str]]]] = [
    (
        "Everywhere",
        [
            ("1 2 3", "Articles, Quotes, Entities view"),
            ("/", "search articles, quotes and entities"),
            ("tab / shift+tab", "next / previous pane"),
            ("escape", "back (close a page, leave a pane)"),
            ("u", "show unread articles only (toggle)"),
            ("r", "sync the feeds now"),
            ("ctrl+p", "command palette: go to feed, go to entity, theme…"),
            ("?", "this help"),
            ("q", "quit"),
        ],
    ),
    (
        "Lists",
        [
            ("j k ↓ ↑", "move"),
            ("g G home end", "first / last"),
            ("space pgdn pgup", "page down / up"),
            ("enter, click", "open"),
        ],
    ),
    (
        "Articles",
        [
            ("n / p", "next / previous unread article (marks it read)"),
            ("m", "mark read / unread (opening marks read)"),
            ("s", "star / unstar"),
            ("o", "open the link in the browser"),
            ("y", "copy the link (works over ssh)"),
        ],
    ),
    (
        "Quotes and entities",
        [
            ("type", "filter by speaker / text / name as you type"),
            ("enter", "open the quote's article, or the entity's page"),
            ("e", "the speaker's page (quotes view)"),
            ("i", "quotations / reported speech (quotes view)"),
            ("← →", "entity kind (entities view, on the kind tabs)"),
        ],
    ),
]


def keys_table() -> Table:
    """Every key of the explorer, grouped (the help dialog and the README show this)."""
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold", no_wrap=True)
    table.add_column()
    for group, rows in KEYS:
        table.add_row(Text(group, style="bold underline"), "")
        for key, what in rows:
            table.add_row(key, what)
        table.add_row("", "")
    return table


class HelpScreen(ModalScreen[None]):
    """Every key, grouped; any of escape, q or ? closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "dismiss", "Close"),
        Binding("j,down", "scroll(1)", "Down", show=False),
        Binding("k,up", "scroll(-1)", "Up", show=False),
        Binding("space,pagedown", "scroll(10)", "Page down", show=False),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box"):
            yield Static(keys_table(), id="help-keys")

    def on_mount(self) -> None:
        self.query_one("#help-box").border_title = "Keys"
        self.query_one("#help-box").border_subtitle = "escape closes"

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(result)

    def action_scroll(self, lines: int) -> None:
        box = self.query_one("#help-box")
        box.scroll_to(y=box.scroll_y + lines, animate=False)


class ErrorScreen(ModalScreen[None]):
    """The store cannot be opened: say what and where; q quits."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("q,escape,enter", "app.quit", "Quit")]

    def __init__(self, error: str) -> None:
        super().__init__()
        self.error = error

    def compose(self) -> ComposeResult:
        message = Text.assemble(
            ("vznews cannot open its store\n\n", "bold"),
            self.error,
            "\n\nCheck the path given with --db (or VZNEWS_DB), or move the file aside and run ",
            ("vznews sync", "bold"),
            " or ",
            ("vznews demo", "bold"),
            ".\n\nPress q to quit.",
        )
        yield Static(message, id="error-box")
