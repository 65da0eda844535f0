"""The main window composes: it builds the reading tabs, the docks, the controllers and the
commands, and connects their signals. What the controllers share is each tab's ``ReaderState``
(reader_state.py); they follow the tab in front and never reach into this window.

Start-up (#11): the first frame gets what it shows (the index with its marks, the tab in front
with its page, the docks' frames where the saved layout puts them, the menus and the toolbar
with «Vigente a»); the rest (window_rest.py) is built the turn after it is painted, or at once
when a key or a button is pressed before (after_paint.BuildLater). ``when_built`` waits for it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMainWindow, QWidget

from sgdesk.errors import SgdeskError
from sgdesk.library import Library
from sgdesk.ui import window_state
from sgdesk.ui.after_paint import BuildLater
from sgdesk.ui.as_of import PointInTime
from sgdesk.ui.link_actions import LinkActions, LinkHost
from sgdesk.ui.reader import HOME_NODE, Reader
from sgdesk.ui.reader_tabs import ReaderTabs
from sgdesk.ui.reading_pane import ReadingPane
from sgdesk.ui.status_bar import StatusBarReporter, StatusLabels
from sgdesk.ui.tree_model import NODE_ID_ROLE, NodeTreeModel
from sgdesk.ui.widgets import column
from sgdesk.ui.window_actions import Commands, build_menus
from sgdesk.ui.window_docks import PaneFocus, add_docks, navigation_tree

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

    from sgdesk.ui.content_updates import ContentUpdates
    from sgdesk.ui.export_actions import ExportActions
    from sgdesk.ui.find_bar import FindBar
    from sgdesk.ui.my_notes import MyNotesActions
    from sgdesk.ui.page_commands import PageCommands
    from sgdesk.ui.search_controller import SearchController
    from sgdesk.ui.search_panel import SearchPanel
    from sgdesk.ui.state import UiSettings
    from sgdesk.ui.window_rest import WindowRest

WINDOW_TITLE = "sgdesk — Secretaría General de la Alcaldía Mayor de Bogotá D.C."
# A window never painted (started minimized) still gets the rest by then; later than the first
# paint of the slowest start measured (the frozen app under Wine: ≈ 1 s from window to paint).
REST_LATEST_MS = 3000


class MainWindow(QMainWindow):
    # Built after the first frame (window_rest.py): these do not exist before it.
    find_bar: FindBar
    page: PageCommands
    exports: ExportActions
    my_notes: MyNotesActions
    searches: SearchController

    def __init__(
        self, library: Library | None, settings: UiSettings, startup_error: str | None = None
    ) -> None:
        super().__init__()
        self.rest: WindowRest | None = None  # built after the first frame
        self._when_built: list[Callable[[], object]] = []
        self.setObjectName("MainWindow")
        self.setWindowTitle(self.tr(WINDOW_TITLE))
        self.settings = settings
        self.status = StatusBarReporter(self)
        self.tabs = ReaderTabs(library, self.status, self)
        self.setCentralWidget(column(self, self.tabs.widget))  # (the find bar joins it later)
        self.tree_model = NodeTreeModel(library, self)
        self.docks = add_docks(self)  # every dock's frame, where the saved layout puts it
        self.tree_view = navigation_tree(self.docks["navigationDock"], self.tree_model)
        reader, status = self.tabs.current, self.status
        # The «Vigente a» bar and the tree's marks for its date; its timeline panel comes later.
        self.point_in_time = PointInTime(reader, status, self)
        self.point_in_time.attach_timeline(self.docks["timelineDock"])
        self.links = LinkActions(self, LinkHost(  # «Copiar enlace» (Ctrl+L); a link given at launch
            lambda: self.reading_pane, lambda: self.reader.state, self.point_in_time.apply, self.open_node,
            lambda node, day: self.tabs.open_tab(node, day) is not None))  # fmt: skip
        self.panes = PaneFocus(self.docks, {  # what takes the focus in each dock (built when needed)
            "navigationDock": lambda: self.tree_view, "searchDock": lambda: self.search_panel,
            "timelineDock": lambda: self.point_in_time.timeline().view,
            "myNotesDock": lambda: self.my_notes.panel.view}, lambda: self.reading_pane)  # fmt: skip
        self.labels = StatusLabels(self)  # the statement of currency, the zoom
        self.content_label, self.zoom_label = self.labels.content, self.labels.zoom
        self.commands = Commands(self, self, self.tabs)
        self.menus = build_menus(self, self.commands, self.docks, self.point_in_time.bar,
                                 [self.links.copy_action])  # fmt: skip
        self.file_menu, self.content_menu_anchor = self.menus.file, self.menus.content_anchor
        self.view_menu, self.appearance_anchor = self.menus.view, self.menus.appearance_anchor
        self._connect()
        self._watch(reader)
        QWidget.setTabOrder(self.tree_view, self.tabs.widget)
        self._restore(startup_error)
        self.content_updates: ContentUpdates | None = None  # set by the composition root (app.py)
        # (The tabs, not the first pane: a link opened at start shows another tab in front.)
        self.later = BuildLater(self.tabs.widget, self._build_rest, REST_LATEST_MS)

    # -- what the tab in front shows (the controllers read the same from its ReaderState) --

    @property
    def reader(self) -> Reader:
        return self.tabs.current

    @property
    def library(self) -> Library | None:
        return self.tabs.library

    @property
    def current_node_id(self) -> str | None:
        return self.reader.state.node_id

    @property
    def reading_pane(self) -> ReadingPane:
        view = self.reader.view
        assert isinstance(view, ReadingPane)
        return view

    @property
    def search_panel(self) -> SearchPanel:
        return self.searches.panel

    # -- composition -----------------------------------------------------------

    def _connect(self) -> None:
        self.tree_view.selectionModel().currentChanged.connect(self._on_tree_current_changed)
        self.point_in_time.statuses_changed.connect(self.tree_model.set_status_lookup)
        self.point_in_time.currency_changed.connect(self.labels.show_currency)
        self.tabs.reader_added.connect(self._watch)
        self.tabs.current_changed.connect(self._on_current_reader)
        self.tabs.zoom_changed.connect(self.labels.show_zoom)

    def _watch(self, reader: Reader) -> None:
        """A new tab: its links open pages, what it shows updates the window when in front."""
        view = reader.view
        assert isinstance(view, ReadingPane)
        view.node_link_activated.connect(lambda node_id: reader.open_node(node_id))
        self.links.attach(view)  # «Copiar enlace» in its context menu
        reader.content_replaced.connect(lambda: self._on_content(reader))
        reader.state.node_changed.connect(lambda node_id: self._node_changed(reader, node_id))
        reader.org_chart_requested.connect(self.point_in_time.show_org_chart)

    def _build_rest(self) -> None:
        from sgdesk.ui.window_rest import FirstFrame, WindowRest

        self.rest = rest = WindowRest(FirstFrame(
            self, self.settings, self.status, self.tabs, self.docks, self.tree_model, self.tree_view,
            self.commands, self.menus, self.point_in_time))  # fmt: skip
        self.find_bar, self.page, self.exports = rest.find_bar, rest.page, rest.exports
        self.my_notes, self.searches = rest.my_notes, rest.searches
        work, self._when_built = self._when_built, []
        for callback in work:
            callback()

    def when_built(self, callback: Callable[[], object]) -> None:
        """Run ``callback`` once the rest of the window is built (now, if it is)."""
        if self.rest is not None:
            callback()
        else:
            self._when_built.append(callback)

    def _node_changed(self, reader: Reader, node_id: str | None) -> None:
        if reader is self.reader:
            self._select_in_tree(node_id)

    def _on_current_reader(self, reader: Reader) -> None:
        """Another tab in front: the controllers and the window follow its state."""
        self.point_in_time.follow(reader)
        if reader.state.node_id:
            self._select_in_tree(reader.state.node_id)
        self._on_content(reader)

    def _restore(self, startup_error: str | None) -> None:
        window_state.restore_layout(self, self.settings, self.docks, self.tree_view)
        self.tabs.set_zoom(self.settings.zoom)
        self.labels.show_zoom(self.reading_pane.zoom)
        self._show_library()
        if startup_error:
            from sgdesk.ui import dialogs

            self.reader.show_message(dialogs.unavailable_html(startup_error))
            message = f"{startup_error}\n\n{dialogs.OPEN_HINT}"
            self.error_dialog = dialogs.show_error(self, dialogs.CANNOT_OPEN, message)
        else:
            window_state.restore_tabs(self.settings, self.tabs, HOME_NODE)

    # -- navigation ------------------------------------------------------------

    def open_node(self, node_id: str, record: bool = True) -> bool:
        """Show ``node_id`` in the tab in front and select it in the tree."""
        return self.reader.open_node(node_id, record)

    def _select_in_tree(self, node_id: str | None) -> None:
        index = self.tree_model.index_for_id(node_id) if node_id else QModelIndex()
        if index.isValid() and self.tree_view.currentIndex() != index:
            self.tree_view.setCurrentIndex(index)
        self.tree_view.scrollTo(index)

    def _on_tree_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        node_id = current.data(NODE_ID_ROLE)
        if node_id and node_id != self.current_node_id:
            self.open_node(str(node_id))

    def go_back(self) -> None:
        self.reader.go_back()

    def go_forward(self) -> None:
        self.reader.go_forward()

    def go_home(self) -> None:
        self.open_node(HOME_NODE)

    def _on_content(self, reader: Reader) -> None:
        """What the tab in front shows changed: Back/Forward."""
        if reader is self.reader:
            self.commands.back_action.setEnabled(reader.can_go_back())
            self.commands.forward_action.setEnabled(reader.can_go_forward())

    # -- panes and focus -------------------------------------------------------

    def show_panel(self, dock_name: str) -> None:
        self.panes.show_panel(dock_name)

    def switch_focus(self, step: int = 1) -> None:
        self.panes.switch(step)

    def focus_search(self) -> None:
        self.searches.focus()

    def back_to_search(self) -> None:
        self.searches.back_to_results()

    def focus_as_of(self) -> None:
        self.point_in_time.bar.focus_for_typing()

    def reset_layout(self) -> None:
        window_state.reset_layout(self, self.docks, self.tree_view)

    # -- database, help ----------------------------------------------------------

    def import_norm(self) -> None:
        """Archivo › Importar norma…: a document's norm, previewed for the content team."""
        from sgdesk.ui.import_dialog import import_norm  # loaded on first use: faster start

        self.import_dialog = import_norm(self)

    def choose_database(self) -> None:
        from sgdesk.ui.dialogs import ask_database  # loaded on first use: faster start

        path = ask_database(self)
        if path is not None:
            self.open_database(path)

    def open_database(self, path: Path) -> bool:
        """Switch to another corpus (one tab, at its home page); on failure keep the current one."""
        return self._adopt(path, keep_pages=False)

    def switch_content(self, path: Path) -> bool:
        """Put another version of the content under the open window, without a restart: each
        tab's page is read again from it (else its home page), a search shown runs again."""
        if not self._adopt(path, keep_pages=True):
            return False
        self.searches.search_again()
        return True

    def _adopt(self, path: Path, keep_pages: bool) -> bool:
        self.later.build_now()  # (built already when a user asks; a script may be quicker)
        try:
            library = Library.open(path)
        except SgdeskError as exc:
            self.error_dialog = show_error(self, self.tr("No se pudo abrir el corpus"), exc.message)
            return False
        self.searches.stop()
        old = self.library
        self.tree_model.set_library(library)
        self.tabs.adopt(library, keep_pages)
        if old is not None:
            old.close()
        self.searches.library_changed()
        self.my_notes.refresh()  # notes re-anchor in the new content
        self._show_library()
        return True

    def _show_library(self) -> None:
        self.commands.enable_for(self.library)
        self._on_content(self.reader)
        if self.library is None:
            self.content_label.setText(self.tr("Sin corpus"))
            return
        self.point_in_time.show_currency()
        self.tree_view.expand(self.tree_model.index_for_id(self.reader.home()))

    def show_help(self) -> None:
        """F1: the help page in the reading pane (Ctrl+F searches it; Alt+← leaves it)."""
        from sgdesk.ui import help_page

        self.reader.show_help(help_page.page_for(self))
        self.reading_pane.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def show_about(self) -> None:
        from sgdesk.ui.dialogs import show_about

        library = self.library
        self.about_dialog = show_about(
            self, library.info if library else None, library.currency() if library else None
        )

    # -- lifetime --------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        self.later.cancel()  # closed before its rest was built: it never will be
        if self.rest is not None:
            self.rest.close()
        self.point_in_time.shutdown()
        super().closeEvent(event)

    def save_state(self) -> None:
        window_state.save(self, self.settings, self.tabs)


def show_error(parent: QWidget, title: str, message: str) -> QMessageBox:
    """The non-blocking error box of ``dialogs`` (QMessageBox is loaded on first use)."""
    from sgdesk.ui import dialogs

    return dialogs.show_error(parent, title, message)
