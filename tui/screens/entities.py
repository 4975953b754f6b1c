"""View 3, Entities: people, organisations and places ranked by how many articles
mention them; filter by kind (tabs) and by name as you type; enter opens the page."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import Input, Tab, Tabs

from vznews.tui.messages import OpenEntity
from vznews.tui.screens.base import BaseScreen
from vznews.tui.widgets.filter_input import FilterInput
from vznews.tui.widgets.lists import EntityList, EntityQuery
from vznews.tui.widgets.paged_list import PagedList

KINDS = (("all", "All"), ("person", "People"), ("org", "Organisations"), ("place", "Places"), ("other", "Other"))


class EntitiesScreen(BaseScreen):
    """Kind tabs and a name filter over a virtual, ranked list of entities."""

    VIEW = "entities"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", show=False),
    ]

    def compose_body(self) -> ComposeResult:
        with Horizontal(id="entity-filters", classes="filters"):
            yield Tabs(*(Tab(label, id=f"kind-{kind}") for kind, label in KINDS), id="entity-kinds")
            yield FilterInput(placeholder="name…", id="name-filter")
        yield EntityList(id="entity-list")

    def on_mount(self) -> None:
        super().on_mount()
        self.entities.border_title = "Entities"
        self.query_one("#name-filter", Input).border_title = "Name"
        self.entities.focus()

    @property
    def entities(self) -> EntityList:
        return self.query_one("#entity-list", EntityList)

    def store_ready(self) -> None:
        self.entities.reload()

    def _apply(self) -> None:
        tabs = self.query_one(Tabs)
        kind = tabs.active.removeprefix("kind-") if tabs.active else "all"
        name = self.query_one("#name-filter", Input).value.strip() or None
        query = EntityQuery(kind=None if kind == "all" else kind, name=name)
        if query != self.entities.filters:
            self.entities.filters = query
            if self.app.store_status == "ready":
                self.entities.reload(keep=False)

    def on_input_changed(self, event: Input.Changed) -> None:
        self._apply()

    def on_tabs_tab_activated(self, event: Tabs.TabActivated) -> None:
        event.stop()
        self._apply()

    def on_paged_list_loaded(self, event: PagedList.Loaded) -> None:
        filters = self.entities.filters
        label = dict(KINDS).get(filters.kind or "all", "All")
        name = f" · name “{filters.name}”" if filters.name else ""
        # Text, not a str: a typed filter like "[b" is not markup
        self.entities.border_title = Text(f"Entities: {label} ({event.total:,}) by articles{name}")
        if event.total == 0 and self.entities.error is None:
            self.entities.border_subtitle = "no entity matches" if filters.name or filters.kind else "no entities yet: sync, then extraction finds them"
        else:
            self.entities.border_subtitle = ""

    def on_paged_list_selected(self, event: PagedList.Selected) -> None:
        self.post_message(OpenEntity(entity_id=event.row.id))

    def action_back(self) -> None:
        if not self.entities.has_focus:
            self.entities.focus()

    def action_focus_results(self) -> None:
        self.entities.focus()
