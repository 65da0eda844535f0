"""What the main window's first frame does not show, built right after it (#11 start-up): the
find bar and the page commands, exports, «Mis notas» (its panel, its database and worker), the
search, the clicks that open a tab behind, and the start of the timeline's panel.

mainwindow.py builds the first frame and says when this comes (after_paint.BuildLater: the turn
after the first paint, or at once when a key or a mouse button is pressed before).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMainWindow, QTreeView, QWidget

from sgdesk.ui import screen_fit
from sgdesk.ui.export_actions import ExportActions
from sgdesk.ui.find_bar import FindBar
from sgdesk.ui.my_notes import MyNotesActions
from sgdesk.ui.new_tab_clicks import item_view_clicks
from sgdesk.ui.page_commands import PageCommands
from sgdesk.ui.reading_pane import ReadingPane
from sgdesk.ui.search_controller import SearchController
from sgdesk.ui.tree_model import NODE_ID_ROLE
from sgdesk.ui.window_docks import on_screen

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDockWidget

    from sgdesk.ui.as_of import PointInTime
    from sgdesk.ui.reader import Reader
    from sgdesk.ui.reader_state import StatusReporter
    from sgdesk.ui.reader_tabs import ReaderTabs
    from sgdesk.ui.state import UiSettings
    from sgdesk.ui.tree_model import NodeTreeModel
    from sgdesk.ui.window_actions import Commands, Menus


@dataclass(frozen=True)
class FirstFrame:
    """What the first frame built and the rest connects to."""

    window: QMainWindow
    settings: UiSettings
    status: StatusReporter
    tabs: ReaderTabs
    docks: dict[str, QDockWidget]
    tree_model: NodeTreeModel
    tree_view: QTreeView
    commands: Commands
    menus: Menus
    point_in_time: PointInTime


class WindowRest(QObject):
    """The controllers and panels built after the first frame, connected to it."""

    def __init__(self, first: FirstFrame) -> None:
        super().__init__(first.window)
        window, tabs, status, settings = first.window, first.tabs, first.status, first.settings
        self._tabs = tabs
        reader = tabs.current
        self.find_bar = FindBar(window)
        column = window.centralWidget()
        central = column.layout() if column is not None else None
        assert central is not None
        central.addWidget(self.find_bar)  # under the tabs, hidden until Ctrl+F
        QWidget.setTabOrder(tabs.widget, self.find_bar.field)
        self.page = PageCommands(tabs, self.find_bar, status, window)  # find, zoom, copy, links
        self.exports = ExportActions(reader.state, settings, status, window)  # Ctrl+E, Ctrl+P, Ctrl+Shift+P
        docks = first.docks
        self.my_notes = MyNotesActions(reader, settings.path.parent, status, docks["myNotesDock"], window)
        self.exports.notes_source = lambda: self.my_notes.notes  # «Incluir mis notas»
        self.searches = SearchController(reader, settings, docks["searchDock"], window)
        first.commands.connect(self.page, self.exports, first.point_in_time, self.my_notes)
        first.menus.edit.insertActions(first.menus.notes_anchor, self.my_notes.panel.view.actions())
        self.my_notes.noted_changed.connect(first.tree_model.set_noted)
        self.searches.new_tab_requested.connect(self._hit_in_new_tab)
        for tab in tabs.readers:
            self.watch(tab)
        tabs.reader_added.connect(self.watch)
        tabs.reader_closing.connect(self._forget)
        tabs.current_changed.connect(self._follow)
        tabs.enable_new_tab_clicks()  # Ctrl+click, middle click: a tab behind
        item_view_clicks(first.tree_view, NODE_ID_ROLE).requested.connect(tabs.open_in_background)
        screen_fit.install()  # every dialog kept inside its screen (the first frame watched only the window)
        first.point_in_time.start()  # the timeline: its panel (if its dock is seen) and its events
        self.my_notes.start()
        # The search panel when its dock is seen (not while in a tab behind the index: its least
        # width would widen the column the first frame showed).
        search_dock = docks["searchDock"]
        if on_screen(search_dock):
            self.searches.panel  # noqa: B018 (builds it)
        search_dock.visibilityChanged.connect(lambda visible: visible and self.searches.panel)

    def watch(self, reader: Reader) -> None:
        """A tab: its blocked links are explained, its notes painted, its pages recorded."""
        view = reader.view
        assert isinstance(view, ReadingPane)
        view.external_link_blocked.connect(self.page.external_link)
        view.note_clicked.connect(self.my_notes.edit_note)  # the ✎ in the margin
        reader.content_replaced.connect(lambda: self.page.content_changed(reader))  # the find bar's matches
        if reader is not self.my_notes.reader:
            self.my_notes.watch(reader)
        if reader.last_page is not None:  # shown before «Mis notas» was there: recorded, painted
            self.my_notes.page_shown(reader.last_page, reader)

    def _follow(self, reader: Reader) -> None:
        """Another tab in front: the commands work on it."""
        self.exports.state = reader.state
        self.my_notes.follow(reader)
        self.searches.follow(reader)
        self.page.content_changed(reader)

    def _forget(self, reader: Reader) -> None:
        self.my_notes.unwatch(reader)
        self.searches.forget(reader)

    def _hit_in_new_tab(self, node_id: str) -> None:
        """A search result in a tab behind this one, with what the search found marked."""
        reader = self._tabs.open_tab(node_id, self._tabs.current.state.day, in_front=False)
        if reader is not None:
            self._tabs.render_pending(reader)
            self.searches.mark_hit(node_id, reader)

    def close(self) -> None:
        """The window closes: the search and the notes' worker stop."""
        self.searches.stop()
        self.my_notes.close()
