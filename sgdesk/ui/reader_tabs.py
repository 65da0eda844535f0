"""The window's reading tabs: each tab is a ``Reader`` (its ``ReaderState`` — node, «Vigente a»
date, history — and its reading pane). Two norms, or one norm on two dates, side by side.

A tab opened in the background (Ctrl+click, middle click, or restored at start) keeps only
what it will show; its page is rendered the first time it comes to the front, so restoring
several tabs costs the first frame only the current one.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QTabWidget, QWidget

from sgdesk.export.common import format_day
from sgdesk.ui.reader import Reader
from sgdesk.ui.reader_state import ReaderState
from sgdesk.ui.reading_pane import DEFAULT_ZOOM, ReadingPane
from sgdesk.ui.safe_text import rich

if TYPE_CHECKING:
    from sgdesk.library import Library
    from sgdesk.ui.reader_state import StatusReporter

TITLE_LIMIT = 36  # characters of a page's name in its tab (the tooltip has all of it)
MAX_TABS = 20


class ReaderTabs(QObject):
    """The tab widget and its readers; ``current`` is the reader in front."""

    current_changed = Signal(object)  # Reader
    reader_added = Signal(object)  # Reader (the window connects its signals)
    reader_closing = Signal(object)  # Reader, about to go
    zoom_changed = Signal(int)  # the reading zoom, the same in every tab

    def __init__(self, library: Library | None, status: StatusReporter, parent: QWidget) -> None:
        super().__init__(parent)
        self._library = library
        self._status = status
        self.widget = QTabWidget(parent)
        self.widget.setObjectName("readerTabs")
        self.widget.setAccessibleName(self.tr("Pestañas de lectura"))
        self.widget.setDocumentMode(True)
        self.widget.setTabsClosable(True)
        self.widget.setMovable(True)
        self.widget.setTabBarAutoHide(True)  # one tab: no bar, the page has the whole height
        self.widget.setElideMode(Qt.TextElideMode.ElideMiddle)  # many tabs: the norm and the date stay
        self.widget.tabBar().setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Ctrl+Tab moves between tabs
        self.widget.tabBar().setAccessibleName(self.tr("Pestañas de lectura"))
        self._readers: list[Reader] = []
        self._pending: dict[Reader, tuple[str, bool]] = {}  # not rendered yet: node, record
        self._zoom = DEFAULT_ZOOM
        self._clicks = False  # new-tab clicks on the panes (installed after the first frame)
        self.current = self._make_reader(None)
        self.widget.currentChanged.connect(self._on_current_changed)
        self.widget.tabCloseRequested.connect(self.close_tab)
        self.widget.tabBar().installEventFilter(self)  # a middle click on a tab closes it

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.widget.tabBar()
            and event.type() == QEvent.Type.MouseButtonRelease
            and isinstance(event, QMouseEvent)
            and event.button() == Qt.MouseButton.MiddleButton
        ):
            self.close_tab(self.widget.tabBar().tabAt(event.position().toPoint()))
            return True
        return False

    # -- what is there ---------------------------------------------------------

    @property
    def readers(self) -> list[Reader]:
        """In the order of the tabs."""
        return [self._reader_at(i) for i in range(self.widget.count())]

    def _reader_at(self, index: int) -> Reader:
        pane: object = self.widget.widget(index)
        return next(r for r in self._readers if r.view is pane)

    def index_of(self, reader: Reader) -> int:
        return self.widget.indexOf(reader.view)  # type: ignore[arg-type]

    def pending_node(self, reader: Reader) -> str | None:
        return self._pending[reader][0] if reader in self._pending else reader.state.node_id

    @property
    def library(self) -> Library | None:
        return self._library

    # -- opening and closing ---------------------------------------------------

    def _make_reader(self, day: date | None) -> Reader:
        state = ReaderState(self._library, self)
        state.set_day(day)
        pane = ReadingPane(self.widget)
        pane.setObjectName("readingPane")
        pane.set_zoom(self._zoom)
        pane.zoom_changed.connect(self.set_zoom)
        reader = Reader(state, pane, self._status, self)
        self._readers.append(reader)
        self.widget.addTab(pane, "")
        if self._clicks:
            self._install_clicks(pane)
        state.node_changed.connect(lambda _node: self._show_title(reader))
        state.day_changed.connect(lambda _day: self._show_title(reader))
        state.page_kind_changed.connect(lambda: self._show_title(reader))
        self.reader_added.emit(reader)
        return reader

    def open_tab(
        self, node_id: str, day: date | None, in_front: bool = True, record: bool = True
    ) -> Reader | None:
        """A new tab with ``node_id`` on ``day`` (after the current one); rendered now when it
        comes to the front, else when first shown."""
        if self.widget.count() >= MAX_TABS:
            self._status.show_status(
                self.tr("Ya hay %1 pestañas abiertas: cierre alguna (Ctrl+W).").replace("%1", str(MAX_TABS))
            )
            return None
        reader = self._make_reader(day)
        self.widget.tabBar().moveTab(self.widget.count() - 1, self.widget.currentIndex() + 1)
        self._pending[reader] = (node_id, record)
        self._show_title(reader)
        if in_front:
            self.widget.setCurrentWidget(reader.view)  # type: ignore[arg-type]
        return reader

    def enable_new_tab_clicks(self) -> None:
        """Ctrl+click or a middle click on a link of any pane opens it in a tab behind (not
        needed for the first frame: the module loads after it)."""
        self._clicks = True
        for reader in self._readers:
            assert isinstance(reader.view, ReadingPane)
            self._install_clicks(reader.view)

    def _install_clicks(self, pane: ReadingPane) -> None:
        from sgdesk.ui.new_tab_clicks import NewTabClicks

        NewTabClicks(pane.viewport(), pane.node_link_at).requested.connect(self.open_in_background)

    def duplicate_current(self) -> None:
        """Ctrl+T: the page in front, on its date, in a new tab in front (to read beside it)."""
        state = self.current.state
        if self._library is not None:
            self.open_tab(self.pending_node(self.current) or self.current.home(), state.day)

    def open_in_background(self, node_id: str) -> None:
        """Ctrl+click or middle click: ``node_id`` in a new tab behind this one, on its date."""
        if self._library is not None:
            self.open_tab(node_id, self.current.state.day, in_front=False)

    def close_tab(self, index: int) -> bool:
        """Close the tab at ``index``; the last tab stays (there is always a page to read)."""
        if self.widget.count() <= 1 or not 0 <= index < self.widget.count():
            return False
        reader = self._reader_at(index)
        self.reader_closing.emit(reader)
        self._readers.remove(reader)
        self._pending.pop(reader, None)
        self.widget.removeTab(index)
        reader.view.deleteLater()  # type: ignore[attr-defined]
        reader.state.deleteLater()
        reader.deleteLater()
        return True

    def close_current(self) -> bool:
        """Ctrl+W (the last tab stays)."""
        return self.close_tab(self.widget.currentIndex())

    def step(self, step: int) -> None:
        """Ctrl+Tab / Ctrl+Shift+Tab: the next or previous tab, round."""
        count = self.widget.count()
        if count > 1:
            self.widget.setCurrentIndex((self.widget.currentIndex() + step) % count)

    def _on_current_changed(self, index: int) -> None:
        if index < 0:
            return
        reader = self._reader_at(index)
        self.current = reader
        self.render_pending(reader)
        self.current_changed.emit(reader)

    def render_pending(self, reader: Reader) -> None:
        """Render a background tab's page (it came to the front)."""
        pending = self._pending.pop(reader, None)
        if pending is not None and reader.state.library is not None:
            node_id, record = pending
            if not reader.open_node(node_id, record=record):
                reader.open_node(reader.home(), record=record)

    def render_current(self, node_id: str, record: bool = True) -> None:
        """The current tab shows ``node_id`` (the first page at start)."""
        self._pending.pop(self.current, None)
        if not self.current.open_node(node_id, record=record):
            self.current.open_node(self.current.home(), record=record)

    # -- the library -----------------------------------------------------------

    def adopt(self, library: Library | None, keep_pages: bool) -> None:
        """Another corpus under every tab. ``keep_pages``: each tab keeps its page (when the new
        content has it); otherwise the other tabs close and the current one goes home."""
        self._library = library
        if not keep_pages:
            for index in reversed(range(self.widget.count())):
                if index != self.widget.currentIndex():
                    self.close_tab(index)
        for reader in self._readers:
            if reader in self._pending:
                reader.state.set_library(library)
            else:
                reader.adopt(library, keep_node=keep_pages)
        for reader in self._readers:
            self._show_title(reader)

    # -- zoom ------------------------------------------------------------------

    @property
    def zoom(self) -> int:
        return self._zoom

    def set_zoom(self, percent: int) -> None:
        """The reading zoom is the same in every tab."""
        if percent == self._zoom:
            return
        self._zoom = percent
        for reader in self._readers:
            view = reader.view
            if isinstance(view, ReadingPane) and view.zoom != percent:
                view.set_zoom(percent)
        self.zoom_changed.emit(percent)

    # -- titles ----------------------------------------------------------------

    def _show_title(self, reader: Reader) -> None:
        index = self.index_of(reader)
        if index < 0:
            return
        full = self.title_of(reader)
        short = full if len(full) <= TITLE_LIMIT else full[: TITLE_LIMIT - 1] + "…"
        day = reader.state.day
        if day is not None:  # a date that is not today's text: said in the tab
            short += f" · {day:%d/%m/%Y}"
            full += f" (vigente a {format_day(day)})"
        self.widget.setTabText(index, short.replace("&", "&&"))
        self.widget.setTabToolTip(index, rich(full))

    def title_of(self, reader: Reader) -> str:
        """The tab's page, as its title says it."""
        state = reader.state
        if state.showing_help:
            return self.tr("Ayuda")
        node_id = self.pending_node(reader)
        node = state.library.find(node_id) if state.library and node_id else None
        if node is None:
            return self.tr("Sin página")
        return node.citation if node.norm and node.citation else node.title  # «Decreto 267 de 2007, art. 7»
