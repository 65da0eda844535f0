"""The main window composes: it builds the reading tabs, the docks, the controllers and the
commands, and connects their signals. What the controllers share is each tab's ``ReaderState``
(reader_state.py); they follow the tab in front and never reach into this window.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtWidgets import QDialog, QLabel, QMainWindow, QTreeView, QVBoxLayout, QWidget

from sgdesk.errors import SgdeskError
from sgdesk.library import Library
from sgdesk.ui import window_state
from sgdesk.ui.as_of import PointInTime
from sgdesk.ui.export_actions import ExportActions
from sgdesk.ui.find_bar import FindBar
from sgdesk.ui.link_actions import LinkActions, LinkHost
from sgdesk.ui.links_dialog import PageLinksDialog
from sgdesk.ui.my_notes import MyNotesActions
from sgdesk.ui.reader import HOME_NODE, Reader
from sgdesk.ui.reader_tabs import ReaderTabs
from sgdesk.ui.reading_pane import DEFAULT_ZOOM, ReadingPane
from sgdesk.ui.safe_text import StatusBarReporter, set_plain_text
from sgdesk.ui.search_controller import SearchController
from sgdesk.ui.tree_model import NODE_ID_ROLE, NodeTreeModel
from sgdesk.ui.window_actions import Commands, build_menus
from sgdesk.ui.window_docks import PaneFocus, add_docks, focus_pane

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QMessageBox

    from sgdesk.ui.content_updates import ContentUpdates
    from sgdesk.ui.history import History
    from sgdesk.ui.search_panel import SearchPanel
    from sgdesk.ui.search_service import SearchService
    from sgdesk.ui.state import UiSettings

WINDOW_TITLE = "sgdesk — Secretaría General de la Alcaldía Mayor de Bogotá D.C."


class _AfterFirstPaint(QObject):
    """Calls ``callback`` once, just after ``widget`` first paints."""

    def __init__(self, widget: QWidget, callback: Callable[[], object]) -> None:
        super().__init__(widget)
        self._callback = callback
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._callback)
        return False


class MainWindow(QMainWindow):
    def __init__(
        self, library: Library | None, settings: UiSettings, startup_error: str | None = None
    ) -> None:
        super().__init__()
        self.setObjectName("MainWindow")
        self.setWindowTitle(self.tr(WINDOW_TITLE))
        self.settings = settings
        self.status = StatusBarReporter(self)
        self.tabs = ReaderTabs(library, self.status, self)
        self.find_bar = FindBar(self)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.tabs.widget)
        layout.addWidget(self.find_bar)
        self.setCentralWidget(central)

        self.tree_model = NodeTreeModel(library, self)
        self.tree_view = QTreeView(self)
        self.tree_view.setObjectName("navigationTree")
        self.tree_view.setAccessibleName(self.tr("Índice de secciones y normas"))
        self.tree_view.setHeaderHidden(True)
        self.tree_view.setUniformRowHeights(True)
        self.tree_view.setModel(self.tree_model)
        self.docks = add_docks(self)
        self.docks["navigationDock"].setWidget(self.tree_view)
        reader, status = self.tabs.current, self.status
        self.point_in_time = PointInTime(reader, status, self)  # the «Vigente a» bar, timeline, dialogs
        self.exports = ExportActions(reader.state, settings, status, self)  # Ctrl+E, Ctrl+P, Ctrl+Shift+P
        self.my_notes = MyNotesActions(reader, settings.path.parent, status, self.docks["myNotesDock"], self)
        self.exports.notes_source = lambda: self.my_notes.notes  # «Incluir mis notas»
        self.searches = SearchController(reader, settings, self.docks["searchDock"], self)
        self.point_in_time.attach_timeline(self.docks["timelineDock"])
        self.links = LinkActions(self, LinkHost(  # «Copiar enlace» (Ctrl+L), sgdesk:// links
            lambda: self.reading_pane, lambda: self.library,
            lambda: None if self.showing_help else self.current_node_id,
            lambda: self.reader.state.day, self.point_in_time.apply, self.open_node))  # fmt: skip
        self.panes = PaneFocus(self.docks, self._pane_of, lambda: self.reading_pane, self._focus_pane)
        # The search panel and the notes are not needed for the first frame: built after it.
        self._first_paint = _AfterFirstPaint(self.reading_pane.viewport(), self._after_first_paint)

        self.content_label = QLabel(self)
        self.content_label.setObjectName("contentLabel")
        self.content_label.setTextFormat(Qt.TextFormat.PlainText)  # it shows data from the database
        self.zoom_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.content_label)
        self.statusBar().addPermanentWidget(self.zoom_label)

        self.commands = Commands(self, self, self.exports, self.point_in_time, self.my_notes)
        menus = build_menus(
            self,
            self.commands,
            self.docks,
            self.my_notes.panel.view.actions(),
            self.point_in_time.bar,
            [self.links.copy_action],
        )
        self.file_menu, self.content_menu_anchor = menus.file, menus.content_anchor
        self.view_menu, self.appearance_anchor = menus.view, menus.appearance_anchor
        self._connect()
        self._watch(reader)
        QWidget.setTabOrder(self.tree_view, self.tabs.widget)
        QWidget.setTabOrder(self.tabs.widget, self.find_bar.field)
        self._restore(startup_error)
        self.content_updates: ContentUpdates | None = None  # set by the composition root (app.py)

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
    def history(self) -> History:
        return self.reader.state.history

    @property
    def showing_help(self) -> bool:
        return self.reader.state.showing_help

    @property
    def search_panel(self) -> SearchPanel:
        return self.searches.panel

    @property
    def search_service(self) -> SearchService | None:
        return self.searches.service

    # -- composition -----------------------------------------------------------

    def _connect(self) -> None:
        self.tree_view.selectionModel().currentChanged.connect(self._on_tree_current_changed)
        self.find_bar.query_changed.connect(self._on_find_query)
        self.find_bar.next_requested.connect(self.find_next)
        self.find_bar.previous_requested.connect(self.find_previous)
        self.find_bar.closed.connect(self._on_find_closed)
        self.point_in_time.statuses_changed.connect(self.tree_model.set_status_lookup)
        self.point_in_time.currency_changed.connect(self._show_currency)
        self.my_notes.noted_changed.connect(self.tree_model.set_noted)
        self.tabs.reader_added.connect(self._watch)
        self.tabs.reader_closing.connect(self._forget)
        self.tabs.current_changed.connect(self._on_current_reader)
        self.tabs.zoom_changed.connect(self._show_zoom)

    def _watch(self, reader: Reader) -> None:
        """A new tab: its links open pages, what it shows updates the window when in front."""
        view = reader.view
        assert isinstance(view, ReadingPane)
        view.node_link_activated.connect(lambda node_id: reader.open_node(node_id))
        view.external_link_blocked.connect(self._on_external_link)
        view.note_clicked.connect(self.my_notes.edit_note)  # the ✎ in the margin
        self.links.attach(view)  # «Copiar enlace» in its context menu
        reader.content_replaced.connect(lambda: self._on_content(reader))
        reader.state.node_changed.connect(lambda node_id: self._node_changed(reader, node_id))
        reader.org_chart_requested.connect(self.point_in_time.show_org_chart)
        if reader is not self.tabs.current:
            self.my_notes.watch(reader)

    def _node_changed(self, reader: Reader, node_id: str | None) -> None:
        if reader is self.reader:
            self._select_in_tree(node_id)

    def _forget(self, reader: Reader) -> None:
        self.my_notes.unwatch(reader)
        self.searches.forget(reader)

    def _on_current_reader(self, reader: Reader) -> None:
        """Another tab in front: the controllers and the window follow its state."""
        self.point_in_time.follow(reader)
        self.exports.state = reader.state
        self.my_notes.follow(reader)
        self.searches.follow(reader)
        if reader.state.node_id:
            self._select_in_tree(reader.state.node_id)
        self._on_content(reader)

    def _after_first_paint(self) -> None:
        self.point_in_time.start()
        self.my_notes.start()
        search_dock = self.docks["searchDock"]
        if search_dock.isVisible():
            self.search_panel  # noqa: B018 (builds it)
        search_dock.visibilityChanged.connect(lambda visible: visible and self.search_panel)

    def _restore(self, startup_error: str | None) -> None:
        window_state.restore_layout(self, self.settings, self.docks)
        self.tabs.set_zoom(self.settings.zoom)
        self._show_zoom(self.reading_pane.zoom)
        self._show_library()
        if startup_error:
            self._show_unavailable(startup_error)
            self.error_dialog = show_error(
                self, self.tr("No se pudo abrir el corpus"), startup_error + self._open_hint()
            )
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
        """What the tab in front shows changed: Back/Forward, and the find bar's matches."""
        if reader is not self.reader:
            return
        self.commands.back_action.setEnabled(reader.can_go_back())
        self.commands.forward_action.setEnabled(reader.can_go_forward())
        if self.find_bar.isVisible() and self.find_bar.field.text():
            self._on_find_query(self.find_bar.field.text())

    # -- tabs ------------------------------------------------------------------

    def new_tab(self) -> None:
        """Ctrl+T: the page in front, on its date, in a new tab (to read beside it)."""
        state = self.reader.state
        if self.library is not None:
            self.tabs.open_tab(state.node_id or HOME_NODE, state.day)

    def open_in_new_tab(self, node_id: str) -> None:
        """Ctrl+click or middle click: ``node_id`` in a tab behind this one, on the same date."""
        if self.library is not None:
            self.tabs.open_tab(node_id, self.reader.state.day, in_front=False)

    def close_tab(self) -> None:
        self.tabs.close_current()

    def next_tab(self, step: int = 1) -> None:
        self.tabs.step(step)

    # -- panes and focus -------------------------------------------------------

    def show_panel(self, dock_name: str) -> None:
        self.panes.show_panel(dock_name)

    def switch_focus(self, step: int = 1) -> None:
        self.panes.switch(step)

    def _pane_of(self, dock_name: str) -> QWidget:
        """The widget that takes the focus in a dock (its panel is built when first needed)."""
        if dock_name == "searchDock":
            return self.search_panel
        if dock_name == "timelineDock":
            return self.point_in_time.timeline().view
        if dock_name == "myNotesDock":
            return self.my_notes.panel.view
        return self.tree_view

    def _focus_pane(self, pane: QWidget) -> None:
        if self.searches.built and pane is self.search_panel:
            self.search_panel.focus_field()
        else:
            focus_pane(pane)

    def show_page_links(self) -> None:
        """Ctrl+Shift+E: the page's links in a list; Enter opens one (Tab does not walk them)."""
        dialog = PageLinksDialog(self.reading_pane.page_links(), self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.chosen_href:
            self.reading_pane.activate_link(dialog.chosen_href)
        self.reading_pane.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_external_link(self, url: str) -> None:
        self.status.show_status(
            self.tr("sgdesk no abre enlaces externos (%1): funciona sin conexión.").replace("%1", url)
        )

    # -- find, zoom, copy ------------------------------------------------------

    def open_find(self) -> None:
        self.find_bar.open_bar()

    def _on_find_query(self, text: str) -> None:
        total = self.reading_pane.find_text(text)
        self.find_bar.show_count(self.reading_pane.current_match, total)

    def find_next(self) -> None:
        self._step_find(1)

    def find_previous(self) -> None:
        self._step_find(-1)

    def _step_find(self, step: int) -> None:
        if not self.find_bar.isVisible():
            self.find_bar.open_bar()
            return
        current = self.reading_pane.next_match(step)
        self.find_bar.show_count(current, self.reading_pane.match_count)

    def _on_find_closed(self) -> None:
        self.reading_pane.clear_find()
        self.reading_pane.setFocus()

    def copy(self) -> None:
        self.reading_pane.copy()

    def zoom_in(self) -> None:
        self.reading_pane.zoom_in()

    def zoom_out(self) -> None:
        self.reading_pane.zoom_out()

    def reset_zoom(self) -> None:
        self.reading_pane.set_zoom(DEFAULT_ZOOM)

    def _show_zoom(self, percent: int) -> None:
        set_plain_text(self.zoom_label, self.tr("Zoom %1 %").replace("%1", str(percent)))

    def copy_with_citation(self) -> None:
        """Copy the selection (or the whole page) followed by its citation."""
        library, node_id, pane = self.library, self.current_node_id, self.reading_pane
        if library is None or node_id is None:
            return
        text = pane.textCursor().selection().toPlainText().strip() or pane.toPlainText().strip()
        unit = library.find(pane.node_at_selection() or node_id)
        citation = (unit or library.node(node_id)).citation
        QGuiApplication.clipboard().setText(f"{text}\n— {citation}")
        self.status.show_status(self.tr("Copiado con la cita: %1").replace("%1", citation), 5000)

    def _show_currency(self, text: str, tip: str) -> None:
        set_plain_text(self.content_label, text)
        self.content_label.setToolTip(tip)  # rich text made by status_bar_text, every line escaped

    # -- database --------------------------------------------------------------

    def import_norm(self) -> None:
        """Archivo › Importar norma…: a document's norm, previewed for the content team."""
        from sgdesk.ui.import_dialog import import_norm  # loaded on first use: faster start

        self.import_dialog = import_norm(self)

    def choose_database(self) -> None:
        from PySide6.QtWidgets import QFileDialog  # loaded on first use: faster start

        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Abrir base de datos del corpus"),
            "",
            self.tr("Bases de datos de sgdesk (*.db *.sqlite);;Todos los archivos (*)"),
        )
        if path:
            self.open_database(Path(path))

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
        enabled = self.library is not None
        for action in self.commands.needing_a_library():
            action.setEnabled(enabled)
        self._on_content(self.reader)
        if self.library is None:
            self.content_label.setText(self.tr("Sin corpus"))
            return
        self.point_in_time.show_currency()
        self.tree_view.expand(self.tree_model.index_for_id(self.reader.home()))

    def _show_unavailable(self, message: str) -> None:
        from html import escape

        self.reader.show_message(
            f"<h1>{escape(self.tr('No se pudo abrir el corpus'))}</h1><p>{escape(message)}</p>"
            f"<p>{escape(self._open_hint().strip())}</p>"
        )

    def _open_hint(self) -> str:
        return self.tr("\n\nPuede abrir otra base de datos desde Archivo › Abrir base de datos… (Ctrl+O).")

    def show_help(self) -> None:
        """F1: the help page in the reading pane (Ctrl+F searches it; Alt+← leaves it)."""
        from sgdesk.ui import help_page

        self.reader.show_help(help_page.help_html(help_page.load_template(), help_page.shortcut_groups(self)))
        self.reading_pane.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def show_about(self) -> None:
        from sgdesk.ui.dialogs import show_about

        library = self.library
        self.about_dialog = show_about(
            self, library.info if library else None, library.currency() if library else None
        )

    def focus_as_of(self) -> None:
        """Ctrl+D: to the "Vigente a" date field, its day selected for typing."""
        field = self.point_in_time.bar.date_edit
        field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        field.setCurrentSectionIndex(0)
        field.setSelectedSection(field.currentSection())

    # -- search ----------------------------------------------------------------

    def focus_search(self) -> None:
        self.docks["searchDock"].show()
        self.docks["searchDock"].raise_()
        self.search_panel.focus_field()

    def back_to_search(self) -> None:
        """Return to the results list, at the hit that was opened."""
        self.docks["searchDock"].show()
        self.docks["searchDock"].raise_()
        if not self.search_panel.focus_results():
            self.search_panel.focus_field()

    # -- lifetime --------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        self.searches.stop()
        self.point_in_time.shutdown()
        self.my_notes.close()
        super().closeEvent(event)

    def save_state(self) -> None:
        window_state.save(self, self.settings, self.tabs)


def show_error(parent: QWidget, title: str, message: str) -> QMessageBox:
    """The non-blocking error box of ``dialogs`` (QMessageBox is loaded on first use)."""
    from sgdesk.ui import dialogs

    return dialogs.show_error(parent, title, message)
