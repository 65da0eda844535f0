"""The main window: the navigation dock, the reading pane and the actions that join them.

Panels only emit signals; this window alone connects them and talks to the library.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDockWidget,
    QLabel,
    QMainWindow,
    QStyle,
    QToolBar,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)  # fmt: skip

from sgdesk.content.model import Node
from sgdesk.content.query import SearchFilters
from sgdesk.content.timeline import LATER_PREFIX
from sgdesk.errors import SgdeskError
from sgdesk.export.html import ORG_CHART_LINK
from sgdesk.library import Library, SearchMode, SearchResults
from sgdesk.ui import focus_ring, screen_fit
from sgdesk.ui.as_of import PointInTime
from sgdesk.ui.export_actions import ExportActions
from sgdesk.ui.find_bar import FindBar
from sgdesk.ui.history import History
from sgdesk.ui.link_actions import LinkActions, LinkHost
from sgdesk.ui.links_dialog import PageLinksDialog
from sgdesk.ui.my_notes import HIGHLIGHT_COLOURS, MyNotesActions
from sgdesk.ui.reading_pane import DEFAULT_ZOOM, ReadingPane
from sgdesk.ui.safe_text import set_plain_text, show_status
from sgdesk.ui.search_service import PAGE_SIZE, SearchService
from sgdesk.ui.state import UiSettings
from sgdesk.ui.timeline_layout import rows_height
from sgdesk.ui.tree_model import NODE_ID_ROLE, NodeTreeModel

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

    from sgdesk.ui.content_updates import ContentUpdates
    from sgdesk.ui.search_panel import SearchPanel

WINDOW_TITLE = "sgdesk — Secretaría General de la Alcaldía Mayor de Bogotá D.C."
STATE_VERSION = 4  # bump when docks change: older saved layouts are then ignored
HOME_NODE = "mision"


@dataclass(frozen=True)
class DockSpec:
    """A dock, declared once: its object name (for saved state), title and area."""

    name: str
    title: str
    area: Qt.DockWidgetArea
    shortcut: str


DOCKS = (
    DockSpec("navigationDock", "Navegación", Qt.DockWidgetArea.LeftDockWidgetArea, "Ctrl+1"),
    DockSpec("searchDock", "Búsqueda", Qt.DockWidgetArea.RightDockWidgetArea, "Ctrl+2"),
    DockSpec("timelineDock", "Línea de tiempo", Qt.DockWidgetArea.BottomDockWidgetArea, "Ctrl+3"),
    DockSpec("myNotesDock", "Mis notas", Qt.DockWidgetArea.LeftDockWidgetArea, "Ctrl+4"),
)
TIMELINE_ROWS = 3  # the timeline dock first opens tall enough for these rows of events


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
        self.library = library
        self.settings = settings
        self.history = History()
        self.current_node_id: str | None = None
        self.showing_help = False  # «Ayuda» is in the reading pane instead of a node

        self.reading_pane = ReadingPane(self)
        self.find_bar = FindBar(self)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.reading_pane)
        layout.addWidget(self.find_bar)
        self.setCentralWidget(central)

        self.tree_model = NodeTreeModel(library, self)
        self.tree_view = QTreeView(self)
        self.tree_view.setObjectName("navigationTree")
        self.tree_view.setAccessibleName(self.tr("Índice de secciones y normas"))
        self.tree_view.setHeaderHidden(True)
        self.tree_view.setUniformRowHeights(True)
        self.tree_view.setModel(self.tree_model)
        self.docks = {spec.name: self._add_dock(spec) for spec in DOCKS}
        self.docks["navigationDock"].setWidget(self.tree_view)
        self._search_panel: SearchPanel | None = None
        # The search panel is not needed for the first frame: built after it, or when used.
        self._first_paint = _AfterFirstPaint(self.reading_pane.viewport(), self._build_late_panels)
        self.search_service: SearchService | None = None
        self._last_results: SearchResults | None = None
        self._marked_query: str | None = None  # the search whose marks the reading pane shows
        self.point_in_time = PointInTime(self)  # the "Vigente a" date and what depends on it
        self.exports = ExportActions(self)  # Ctrl+E, Ctrl+P, Ctrl+Shift+P
        self.my_notes = MyNotesActions(self, self.docks["myNotesDock"])  # Ctrl+B, Ctrl+Alt+M
        self.point_in_time.attach_timeline(self.docks["timelineDock"])
        self.links = LinkActions(self, LinkHost(  # «Copiar enlace» (Ctrl+L), sgdesk:// links
            self.reading_pane, lambda: self.library, lambda: None if self.showing_help else
            self.current_node_id, lambda: self.point_in_time.day, self.point_in_time.bar.set_day,
            self.open_node))  # fmt: skip

        self.content_label = QLabel(self)
        self.content_label.setObjectName("contentLabel")
        self.content_label.setTextFormat(Qt.TextFormat.PlainText)  # it shows data from the database
        self.zoom_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.content_label)
        self.statusBar().addPermanentWidget(self.zoom_label)

        self._create_actions()
        self._connect()
        QWidget.setTabOrder(self.tree_view, self.reading_pane)
        QWidget.setTabOrder(self.reading_pane, self.find_bar.field)
        self._restore(startup_error)
        self.content_updates: ContentUpdates | None = None  # set by the composition root (app.py)

    # -- construction ----------------------------------------------------------

    def _add_dock(self, spec: DockSpec) -> QDockWidget:
        dock = QDockWidget(self.tr(spec.title), self)
        dock.setObjectName(spec.name)
        dock.setAccessibleName(self.tr(spec.title))  # Ver › its title shows or hides it
        self.addDockWidget(spec.area, dock)
        return dock

    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        shortcuts: list[QKeySequence | str],
        icon_text: str | None = None,
    ) -> QAction:
        action = QAction(self.tr(text), self)
        # A platform's standard key may repeat an explicit one (or be empty); a repeated
        # sequence makes the shortcut ambiguous, and Qt then ignores the key press.
        sequences = [QKeySequence(s) for s in shortcuts]
        action.setShortcuts(
            [s for i, s in enumerate(sequences) if not s.isEmpty() and s not in sequences[:i]]
        )
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        if icon_text is not None:  # what the toolbar shows (text, not QStyle icons: faster start)
            action.setIconText(self.tr(icon_text))
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _create_actions(self) -> None:
        key = QKeySequence.StandardKey
        self.open_database_action = self._action(
            "&Abrir base de datos…", self.choose_database, [QKeySequence(key.Open)]
        )
        self.quit_action = self._action("&Salir", self.close, ["Ctrl+Q"])
        self.copy_action = self._action("&Copiar", self.reading_pane.copy, [QKeySequence(key.Copy)])
        self.copy_citation_action = self._action(
            "Copiar con &cita", self.copy_with_citation, ["Ctrl+Shift+C"]
        )
        self.find_action = self._action(
            "&Buscar en la página…", self.find_bar.open_bar, [QKeySequence(key.Find)]
        )
        self.find_next_action = self._action("Buscar &siguiente", self.find_next, ["F3"])
        self.find_previous_action = self._action("Buscar &anterior", self.find_previous, ["Shift+F3"])
        self.back_action = self._action(
            "&Atrás", self.go_back, ["Alt+Left", QKeySequence(key.Back)], "← Atrás"
        )
        self.forward_action = self._action(
            "A&delante", self.go_forward, ["Alt+Right", QKeySequence(key.Forward)], "Adelante →"
        )
        self.links_action = self._action("&Enlaces de la página…", self.show_page_links, ["Ctrl+Shift+E"])
        self.home_action = self._action("&Inicio (Misión)", lambda: self.open_node(HOME_NODE), ["Alt+Home"])
        self.zoom_in_action = self._action(
            "A&cercar", self.reading_pane.zoom_in, ["Ctrl+=", "Ctrl++", QKeySequence(key.ZoomIn)]
        )
        self.zoom_out_action = self._action(
            "A&lejar", self.reading_pane.zoom_out, ["Ctrl+-", QKeySequence(key.ZoomOut)]
        )
        self.zoom_reset_action = self._action("&Tamaño normal", self.reset_zoom, ["Ctrl+0"])
        self.switch_focus_action = self._action("&Siguiente panel", lambda: self.switch_focus(1), ["F6"])
        self.previous_pane_action = self._action(
            "Panel a&nterior", lambda: self.switch_focus(-1), ["Shift+F6"]
        )
        # Ctrl+1…4 bring a panel forward and into focus; they never hide it (Ver does).
        self.show_panel_actions = [
            self._action(f"Panel «{spec.title}»", partial(self.show_panel, spec.name), [spec.shortcut])
            for spec in DOCKS
        ]
        self.search_action = self._action(
            "Buscar en el &corpus…", self.focus_search, ["Ctrl+K", "Ctrl+Shift+F"]
        )
        self.back_to_search_action = self._action(
            "&Volver a la búsqueda", self.back_to_search, ["Ctrl+Shift+B"]
        )
        self.export_action = self._action("&Exportar a PDF…", self.exports.export_pdf, ["Ctrl+E"])
        self.print_action = self._action("&Imprimir…", self.exports.print_page, [QKeySequence(key.Print)])
        self.preview_action = self._action(
            "&Vista previa de impresión…", self.exports.preview_print, ["Ctrl+Shift+P"]
        )
        self.help_action = self._action("&Ayuda", self.show_help, [QKeySequence(key.HelpContents), "F1"])
        self.about_action = self._action("&Acerca de sgdesk", self.show_about, ["Ctrl+F1"])
        self.import_action = self._action("Importar &norma…", self.import_norm, ["Ctrl+Shift+I"])
        time = self.point_in_time
        self.as_of_action = self._action("&Fecha «Vigente a»…", self.focus_as_of, ["Ctrl+D"])
        self.functions_action = self._action(
            "Funciones de la Secretaría &General", time.show_functions, ["Ctrl+Shift+L"]
        )
        self.org_chart_action = self._action("&Organigrama…", time.show_org_chart, ["Ctrl+Shift+O"])
        self.compare_action = self._action("Co&mparar fechas…", time.compare_dates, ["Ctrl+Shift+D"])
        self.favorite_action = self._action(
            "Marcar o quitar &favorito", self.my_notes.toggle_favorite, ["Ctrl+B"]
        )
        self.note_action = self._action("&Nota…", self.my_notes.add_note, ["Ctrl+Alt+M"])
        self.history_action = self._action("&Historial…", self.my_notes.show_history, ["Ctrl+H"])
        self.highlight_actions = [
            self._action(f"&Subrayar en {name}", partial(self.my_notes.highlight, name), [key])
            for name, key in zip(HIGHLIGHT_COLOURS, ("Ctrl+Alt+H", "Ctrl+Alt+J", "Ctrl+Alt+K", "Ctrl+Alt+L"),
                                 strict=True)
        ]  # fmt: skip
        self._build_menus()

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&Archivo"))
        file_menu.addActions([self.open_database_action, self.import_action])
        self.content_menu_anchor = file_menu.addSeparator()  # content updates go before it
        self.file_menu = file_menu
        file_menu.addActions([self.export_action, self.print_action, self.preview_action])
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = bar.addMenu(self.tr("&Edición"))
        edit_menu.addActions([self.copy_action, self.copy_citation_action, self.links.copy_action])
        edit_menu.addSeparator()
        edit_menu.addActions([self.favorite_action, self.note_action])
        edit_menu.addActions(self.highlight_actions)
        edit_menu.addSeparator()  # what the «Mis notas» dock's context menu does to its chosen entry
        edit_menu.addActions(self.my_notes.panel.view.actions())
        edit_menu.addSeparator()
        edit_menu.addActions([self.find_action, self.find_next_action, self.find_previous_action])
        edit_menu.addSeparator()
        edit_menu.addActions([self.search_action, self.back_to_search_action])
        view_menu = bar.addMenu(self.tr("&Ver"))
        view_menu.addActions([self.zoom_in_action, self.zoom_out_action, self.zoom_reset_action])
        self.view_menu, self.appearance_anchor = view_menu, view_menu.addSeparator()  # Tema, Tamaño…
        view_menu.addActions([dock.toggleViewAction() for dock in self.docks.values()])
        view_menu.addSeparator()
        view_menu.addActions([self.as_of_action, self.functions_action, self.org_chart_action,
                              self.compare_action])  # fmt: skip
        go_menu = bar.addMenu(self.tr("&Ir"))
        go_menu.addActions([self.back_action, self.forward_action, self.home_action, self.history_action])
        go_menu.addAction(self.links_action)
        go_menu.addSeparator()
        go_menu.addActions(self.show_panel_actions)
        go_menu.addActions([self.switch_focus_action, self.previous_pane_action])
        help_menu = bar.addMenu(self.tr("Ay&uda"))
        help_menu.addAction(self.help_action)
        help_menu.addSeparator()
        help_menu.addAction(self.about_action)
        toolbar = QToolBar(self.tr("Barra de herramientas"), self)
        toolbar.setObjectName("mainToolBar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.addActions([self.back_action, self.forward_action, self.home_action])
        toolbar.addSeparator()
        toolbar.addActions([self.search_action, self.find_action, self.copy_citation_action])
        toolbar.addSeparator()
        toolbar.addActions([self.export_action, self.print_action])
        toolbar.addSeparator()
        toolbar.addWidget(self.point_in_time.bar)
        self.addToolBar(toolbar)
        overflow = toolbar.findChild(QToolButton, "qt_toolbar_ext_button")  # » when the bar is narrow
        if overflow is not None:
            overflow.setAccessibleName(self.tr("Más botones de la barra de herramientas"))

    def _connect(self) -> None:
        self.tree_view.selectionModel().currentChanged.connect(self._on_tree_current_changed)
        self.reading_pane.node_link_activated.connect(self.open_node)
        self.reading_pane.external_link_blocked.connect(self._on_external_link)
        self.reading_pane.zoom_changed.connect(self._show_zoom)
        self.find_bar.query_changed.connect(self._on_find_query)
        self.find_bar.next_requested.connect(self.find_next)
        self.find_bar.previous_requested.connect(self.find_previous)
        self.find_bar.closed.connect(self._on_find_closed)

    def _restore(self, startup_error: str | None) -> None:
        screen_fit.install()  # every dialog (and this window) kept inside the screen
        # The left column takes the full height; the timeline sits under the text only, so the
        # search panel's least height no longer caps it (three rows at 1366×728 ×1.25).
        self.setCorner(Qt.Corner.BottomLeftCorner, Qt.DockWidgetArea.LeftDockWidgetArea)
        focus_ring.install()  # a solid mark on the focused widget, in every window
        self.setGeometry(screen_fit.first_window_rect(screen_fit.available_for(self)))
        restored = self.settings.geometry is not None and self.restoreGeometry(self.settings.geometry)
        if restored and not (self.isMaximized() or self.isFullScreen()):
            screen_fit.bring_on_screen(self)  # saved on another monitor or at another scale
        if self.settings.window_state is None or not self.restoreState(
            self.settings.window_state, STATE_VERSION
        ):
            self._first_layout()
        self.reading_pane.set_zoom(self.settings.zoom)
        self._show_zoom(self.reading_pane.zoom)
        self._show_library()
        if startup_error:
            self._show_unavailable(startup_error)
            self.error_dialog = show_error(
                self, self.tr("No se pudo abrir el corpus"), startup_error + self._open_hint()
            )
        else:
            self.open_node(self._start_node(), record=True)

    def _first_layout(self) -> None:
        """No saved layout: search shares the left column with the index, as a tab (Ctrl+K
        brings it forward), so the text keeps its width on a 1366×768 screen."""
        self.tabifyDockWidget(self.docks["navigationDock"], self.docks["searchDock"])
        self.tabifyDockWidget(self.docks["searchDock"], self.docks["myNotesDock"])
        self.docks["navigationDock"].raise_()
        self.resizeDocks([self.docks["timelineDock"]], [self._timeline_height()], Qt.Orientation.Vertical)

    def _timeline_height(self) -> int:
        """The axis and ``TIMELINE_ROWS`` rows, their scroll bar and the dock's title; the reading
        pane's minimum height (a few lines of text) caps it on a short screen."""
        style = self.style()
        scroll_bar = style.pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        title = self.fontMetrics().height() + 2 * style.pixelMetric(
            QStyle.PixelMetric.PM_DockWidgetTitleMargin
        )
        rows = rows_height(self.fontMetrics().height(), TIMELINE_ROWS)
        return rows + scroll_bar + title + 8

    def _start_node(self) -> str:
        last = self.settings.last_node
        if last and self.library is not None and self.library.find(last) is not None:
            return last
        return HOME_NODE

    # -- navigation ------------------------------------------------------------

    def open_node(self, node_id: str, record: bool = True) -> bool:
        """Show ``node_id`` in the reading pane and select it in the tree."""
        if self.library is None:
            return False
        if node_id.startswith(LATER_PREFIX) or node_id == ORG_CHART_LINK:  # not nodes: pages of their own
            return self.point_in_time.open_special(node_id)
        try:
            page = self.point_in_time.page(self.library, node_id)
        except SgdeskError as exc:
            show_status(self, exc.message)
            return False
        leaving_a_node, self.showing_help = not self.showing_help, False
        if record and leaving_a_node and self.current_node_id == self.history.current:
            self.history.remember(self.reading_pane.reading_place())  # Back returns here
        self.current_node_id = page.node.id
        self.point_in_time.compiled = False
        self.point_in_time.showing_later = None
        if record:
            self.history.visit(page.node.id)
        self.reading_pane.show_html(self.point_in_time.render(page))
        self.my_notes.page_shown(page)
        self._select_in_tree(page.node.id)
        self._update_navigation()
        if self.find_bar.isVisible() and self.find_bar.field.text():
            self._on_find_query(self.find_bar.field.text())
        return True

    def _select_in_tree(self, node_id: str) -> None:
        index = self.tree_model.index_for_id(node_id)
        if index.isValid() and self.tree_view.currentIndex() != index:
            self.tree_view.setCurrentIndex(index)
        self.tree_view.scrollTo(index)

    def _on_tree_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        node_id = current.data(NODE_ID_ROLE)
        if node_id and node_id != self.current_node_id:
            self.open_node(str(node_id))

    def go_back(self) -> None:
        if self.showing_help and self.current_node_id is not None:  # leave the help page
            self._leave_for(lambda: self.current_node_id)
        elif self.history.can_go_back():
            self._leave_for(self.history.back)

    def go_forward(self) -> None:
        if self.history.can_go_forward():
            self._leave_for(self.history.forward)

    def _leave_for(self, step: Callable[[], str | None]) -> None:
        """Back or forward: note the place on this page, move, and return to the place the
        reader had on the page reached."""
        if self.current_node_id == self.history.current and not self.showing_help:
            self.history.remember(self.reading_pane.reading_place())
        if self.open_node(step() or HOME_NODE, record=False) and self.history.place is not None:
            self.reading_pane.restore_place(self.history.place)

    def _update_navigation(self) -> None:
        self.back_action.setEnabled(self.history.can_go_back())
        self.forward_action.setEnabled(self.history.can_go_forward())

    def show_panel(self, dock_name: str) -> None:
        """Ctrl+1…4: show the dock, bring it to the front of its tab group, focus its panel."""
        dock = self.docks[dock_name]
        dock.show()
        dock.raise_()
        self._focus_pane(self._pane_of(dock_name))

    def _pane_of(self, dock_name: str) -> QWidget:
        """The widget that takes the focus in a dock (its panel is built when first needed)."""
        if dock_name == "searchDock":
            return self.search_panel
        if dock_name == "timelineDock":
            return self.point_in_time.timeline().view
        if dock_name == "myNotesDock":
            return self.my_notes.panel.view
        return self.tree_view

    def _panes(self) -> list[QWidget]:
        """The panes F6 goes through, in order: the text, then every dock that can be seen."""
        panes: list[QWidget] = [self.reading_pane]
        panes += [self._pane_of(spec.name) for spec in DOCKS if _on_screen(self.docks[spec.name])]
        return [pane for pane in panes if _on_screen(pane)]

    def switch_focus(self, step: int = 1) -> None:
        """F6 (Shift+F6 back): the next visible pane; hidden panes and tabs behind are skipped."""
        panes = self._panes()
        focused = QApplication.focusWidget()
        here = next((i for i, pane in enumerate(panes) if focused is not None
                     and (pane is focused or pane.isAncestorOf(focused))), -1)  # fmt: skip
        if here == -1 and step < 0:
            here = 0
        self._focus_pane(panes[(here + step) % len(panes)])

    def _focus_pane(self, pane: QWidget) -> None:
        if self._search_panel is not None and pane is self._search_panel:
            self._search_panel.focus_field()
        else:
            pane.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def show_page_links(self) -> None:
        """Ctrl+Shift+E: the page's links in a list; Enter opens one (Tab does not walk them)."""
        dialog = PageLinksDialog(self.reading_pane.page_links(), self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.chosen_href:
            self.reading_pane.activate_link(dialog.chosen_href)
        self.reading_pane.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_external_link(self, url: str) -> None:
        show_status(
            self, self.tr("sgdesk no abre enlaces externos (%1): funciona sin conexión.").replace("%1", url)
        )

    # -- find, zoom, copy ------------------------------------------------------

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

    def reset_zoom(self) -> None:
        self.reading_pane.set_zoom(DEFAULT_ZOOM)

    def _show_zoom(self, percent: int) -> None:
        set_plain_text(self.zoom_label, self.tr("Zoom %1 %").replace("%1", str(percent)))

    def copy_with_citation(self) -> None:
        """Copy the selection (or the whole page) followed by its citation."""
        if self.library is None or self.current_node_id is None:
            return
        cursor = self.reading_pane.textCursor()
        text = cursor.selection().toPlainText().strip() or self.reading_pane.toPlainText().strip()
        unit = self.library.find(self.reading_pane.node_at_selection() or self.current_node_id)
        citation = (unit or self.library.node(self.current_node_id)).citation
        QGuiApplication.clipboard().setText(f"{text}\n— {citation}")
        show_status(self, self.tr("Copiado con la cita: %1").replace("%1", citation), 5000)

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
        """Switch to another corpus; on failure keep the current one and explain."""
        library = self._open_library(path)
        if library is None:
            return False
        self._adopt(library)
        self.history = History()
        self.current_node_id = None
        self.open_node(HOME_NODE if library.find(HOME_NODE) else self._first_root())
        return True

    def switch_content(self, path: Path) -> bool:
        """Put another version of the content under the open window, without a restart: the
        page shown is read again from it (else the home page), a search shown runs again."""
        library = self._open_library(path)
        if library is None:
            return False
        shown = self.current_node_id
        self._adopt(library)
        self.current_node_id = None
        self.open_node(shown if shown and library.find(shown) else HOME_NODE, record=False)
        if self._search_panel is not None and self._search_panel.field.text().strip():
            self._search_panel.search_now()
        return True

    def _open_library(self, path: Path) -> Library | None:
        try:
            return Library.open(path)
        except SgdeskError as exc:
            self.error_dialog = show_error(self, self.tr("No se pudo abrir el corpus"), exc.message)
            return None

    def _adopt(self, library: Library) -> None:
        self._stop_search()
        if self.library is not None:
            self.library.close()
        self.library = library
        self.tree_model.set_library(library)
        self.point_in_time.library_changed()
        self.my_notes.refresh()  # notes re-anchor in the new content
        self._show_library()

    def _first_root(self) -> str:
        roots = self.library.children(None) if self.library else []
        return roots[0].id if roots else HOME_NODE

    def _show_library(self) -> None:
        enabled = self.library is not None
        for action in (self.copy_citation_action, self.home_action, self.find_action,
                       self.search_action, self.back_to_search_action, self.export_action,
                       self.print_action, self.preview_action, self.functions_action,
                       self.org_chart_action, self.compare_action, self.favorite_action,
                       self.note_action):  # fmt: skip
            action.setEnabled(enabled)
        if self._search_panel is not None:
            self._search_panel.setEnabled(enabled)
            if self.library is not None:
                self._search_panel.set_held(*self.library.held_filters())
        self._update_navigation()
        if self.library is None:
            self.content_label.setText(self.tr("Sin corpus"))
            return
        self.point_in_time.show_currency()
        self.tree_view.expand(self.tree_model.index_for_id(self._first_root()))

    def _show_unavailable(self, message: str) -> None:
        from html import escape

        self.reading_pane.show_html(
            f"<h1>{escape(self.tr('No se pudo abrir el corpus'))}</h1><p>{escape(message)}</p>"
            f"<p>{escape(self._open_hint().strip())}</p>"
        )

    def _open_hint(self) -> str:
        return self.tr("\n\nPuede abrir otra base de datos desde Archivo › Abrir base de datos… (Ctrl+O).")

    def show_help(self) -> None:
        """F1: the help page in the reading pane (Ctrl+F searches it; Alt+← leaves it)."""
        from sgdesk.ui import help_page

        html = help_page.help_html(help_page.load_template(), help_page.shortcut_groups(self))
        if self.current_node_id == self.history.current and not self.showing_help:
            self.history.remember(self.reading_pane.reading_place())
        self.showing_help = True
        self.point_in_time.showing_later = None
        self.reading_pane.show_html(html)
        self.back_action.setEnabled(True)  # back to the page under the help
        self.reading_pane.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if self.find_bar.isVisible() and self.find_bar.field.text():
            self._on_find_query(self.find_bar.field.text())

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

    def _build_late_panels(self) -> None:
        self.my_notes.start()
        if self.docks["searchDock"].isVisible():
            self.search_panel  # noqa: B018 (builds it)
        self.docks["searchDock"].visibilityChanged.connect(lambda visible: visible and self.search_panel)

    @property
    def search_panel(self) -> SearchPanel:
        """Built on first use, or once its dock is shown: it is not needed for the first frame."""
        if self._search_panel is None:
            from sgdesk.ui.search_panel import SearchPanel

            panel = SearchPanel(self)
            self.docks["searchDock"].setWidget(panel)
            panel.search_requested.connect(self._run_search)
            panel.search_cancelled.connect(self._cancel_search)
            panel.field.textChanged.connect(self._search_changed)
            panel.hit_activated.connect(self._open_hit)
            panel.query_committed.connect(self._remember_search)
            panel.recent_cleared.connect(self._forget_searches)
            panel.set_recent(self.settings.recent_searches)
            panel.setEnabled(self.library is not None)
            if self.library is not None:
                panel.set_held(*self.library.held_filters())
            self._search_panel = panel
        return self._search_panel

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

    def _run_search(self, text: str, filters: SearchFilters, offset: int,
                    mode: SearchMode | None = None) -> None:  # fmt: skip
        if self.library is None:
            return
        if self.search_service is None:
            self.search_service = SearchService(self.library.info.path, self)
            self.search_service.results_ready.connect(self._on_results)
            self.search_service.failed.connect(self.search_panel.show_error)
        self.search_service.search(text, filters, PAGE_SIZE, offset, mode)

    def _cancel_search(self) -> None:
        if self.search_service is not None:
            self.search_service.cancel()

    def _on_results(self, results: SearchResults) -> None:
        self._last_results = results
        self.search_panel.show_results(results)

    def _open_hit(self, node_id: str, _row: int) -> None:
        results = self._last_results
        if not self.open_node(node_id) or results is None:
            return
        self._marked_query = results.query.text
        citation = results.query.citation
        if citation is None:
            self.reading_pane.highlight_words(results.matcher.spans)
        elif not any(hit.cited and hit.node.id == node_id for hit in results.hits) or not (
            self.reading_pane.mark_cited(
                node_id, _first_line(self.library.find(node_id) if self.library else None)
            )
        ):  # another hit of a citation search: its other words only («decreto 267 archivo»)
            self.reading_pane.highlight_words(results.matcher.without_citation(citation).spans)

    def _search_changed(self, text: str) -> None:
        """The marks of a search go when its query changes or is emptied."""
        if self._marked_query is not None and text.strip() != self._marked_query.strip():
            self._marked_query = None
            self.reading_pane.clear_search_marks()

    def _remember_search(self, text: str) -> None:
        self.search_panel.set_recent(self.settings.add_recent_search(text))

    def _forget_searches(self) -> None:
        self.settings.clear_recent_searches()
        self.search_panel.set_recent([])

    def _stop_search(self) -> None:
        if self.search_service is not None:
            self.search_service.shutdown()
            self.search_service.deleteLater()
            self.search_service = None

    # -- lifetime --------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        self._stop_search()
        self.point_in_time.shutdown()
        self.my_notes.close()
        super().closeEvent(event)

    def save_state(self) -> None:
        self.settings.save_window(self.saveGeometry(), self.saveState(STATE_VERSION))
        self.settings.zoom = self.reading_pane.zoom
        if self.current_node_id:
            self.settings.last_node = self.current_node_id
        self.settings.sync()


def _first_line(node: Node | None) -> str:
    """The first line of a unit's own text ("" when it has none)."""
    return node.body[0].lines[0] if node and node.body and node.body[0].lines else ""


def _on_screen(widget: QWidget) -> bool:
    """Shown and not covered: a dock in a tab behind another stays "visible" for Qt (it is
    moved out of the window), but nothing of it can be seen."""
    return widget.isVisible() and not widget.visibleRegion().isEmpty()


def show_error(parent: QWidget, title: str, message: str) -> QMessageBox:
    """The non-blocking error box of ``dialogs`` (QMessageBox is loaded on first use)."""
    from sgdesk.ui import dialogs

    return dialogs.show_error(parent, title, message)
