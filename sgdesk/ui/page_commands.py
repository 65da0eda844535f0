"""What the reader does to the page in front: find in it (the find bar), zoom, copy (with the
citation), and the list of its links. It follows the current tab through ``ReaderTabs``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog

from sgdesk.ui.links_dialog import PageLinksDialog
from sgdesk.ui.reading_pane import DEFAULT_ZOOM, ReadingPane

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from sgdesk.ui.find_bar import FindBar
    from sgdesk.ui.reader import Reader
    from sgdesk.ui.reader_state import StatusReporter
    from sgdesk.ui.reader_tabs import ReaderTabs


class PageCommands(QObject):
    """Ctrl+F / F3 / Shift+F3, the zoom keys, Ctrl+C, Ctrl+Shift+C and Ctrl+Shift+E."""

    def __init__(self, tabs: ReaderTabs, find_bar: FindBar, status: StatusReporter, parent: QWidget) -> None:
        super().__init__(parent)
        self._tabs = tabs
        self._status = status
        self._parent = parent
        self.find_bar = find_bar
        find_bar.query_changed.connect(self.find)
        find_bar.next_requested.connect(self.find_next)
        find_bar.previous_requested.connect(self.find_previous)
        find_bar.closed.connect(self._find_closed)

    @property
    def pane(self) -> ReadingPane:
        view = self._tabs.current.view
        assert isinstance(view, ReadingPane)
        return view

    def content_changed(self, reader: Reader) -> None:
        """The page in front changed: the open find bar marks its matches in the new text."""
        if reader is self._tabs.current and self.find_bar.isVisible() and self.find_bar.field.text():
            self.find(self.find_bar.field.text())

    # -- find ------------------------------------------------------------------

    def open_find(self) -> None:
        self.find_bar.open_bar()

    def find(self, text: str) -> None:
        total = self.pane.find_text(text)
        self.find_bar.show_count(self.pane.current_match, total)

    def find_next(self) -> None:
        self._step_find(1)

    def find_previous(self) -> None:
        self._step_find(-1)

    def _step_find(self, step: int) -> None:
        if not self.find_bar.isVisible():
            self.find_bar.open_bar()
            return
        current = self.pane.next_match(step)
        self.find_bar.show_count(current, self.pane.match_count)

    def _find_closed(self) -> None:
        self.pane.clear_find()
        self.pane.setFocus()

    # -- zoom, copy, links -----------------------------------------------------

    def zoom_in(self) -> None:
        self.pane.zoom_in()

    def zoom_out(self) -> None:
        self.pane.zoom_out()

    def reset_zoom(self) -> None:
        self.pane.set_zoom(DEFAULT_ZOOM)

    def copy(self) -> None:
        self.pane.copy()

    def copy_with_citation(self) -> None:
        """Copy the selection (or the whole page) followed by its citation."""
        state, pane = self._tabs.current.state, self.pane
        library, node_id = state.library, state.node_id
        if library is None or node_id is None:
            return
        text = pane.textCursor().selection().toPlainText().strip() or pane.toPlainText().strip()
        unit = library.find(pane.node_at_selection() or node_id)
        citation = (unit or library.node(node_id)).citation
        QGuiApplication.clipboard().setText(f"{text}\n— {citation}")
        self._status.show_status(self.tr("Copiado con la cita: %1").replace("%1", citation), 5000)

    def show_page_links(self) -> None:
        """Ctrl+Shift+E: the page's links in a list; Enter opens one (Tab does not walk them)."""
        pane = self.pane
        dialog = PageLinksDialog(pane.page_links(), self._parent)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.chosen_href:
            pane.activate_link(dialog.chosen_href)
        pane.setFocus(Qt.FocusReason.OtherFocusReason)

    def external_link(self, url: str) -> None:
        self._status.show_status(
            self.tr("sgdesk no abre enlaces externos (%1): funciona sin conexión.").replace("%1", url)
        )
