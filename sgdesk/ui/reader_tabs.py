"""The window's reading tabs: each tab is a ``Reader`` (its ``ReaderState`` — node, «Vigente a»
date, history — and its reading pane). Two norms, or one norm on two dates, side by side.

A tab opened in the background (Ctrl+click, middle click, or restored at start) keeps only
what it will show; its page is rendered the first time it comes to the front, so restoring
several tabs costs the first frame only the current one. A tab restored behind has not even
its reader yet (a reading pane is a ``QTextBrowser``, its margin and its style: about 1–1.5 ms of
processor each, #11 start-up): its page in the tab widget is an empty holder, and the reader
and its pane are made in it when the tab first comes to the front.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

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
        self._behind: dict[QWidget, tuple[str, date | None]] = {}  # holders with no reader yet: node, day
        self._holders: dict[Reader, QWidget] = {}  # readers made in a holder: their tab's page
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
        """In the order of the tabs (a tab restored behind and never shown has none yet)."""
        return [reader for i in range(self.widget.count()) if (reader := self._reader_at(i)) is not None]

    def _reader_at(self, index: int) -> Reader | None:
        page: object = self.widget.widget(index)
        return next((r for r in self._readers if self._page_of(r) is page), None)

    def _page_at(self, index: int) -> QWidget:
        page = self.widget.widget(index)
        assert page is not None
        return page

    def _page_of(self, reader: Reader) -> QWidget:
        """The tab's page: the reader's pane, or the holder it was made in."""
        holder = self._holders.get(reader)
        return holder if holder is not None else reader.view  # type: ignore[return-value]

    def index_of(self, reader: Reader) -> int:
        return self.widget.indexOf(self._page_of(reader))

    def show_tab(self, reader: Reader) -> None:
        """Bring ``reader``'s tab to the front."""
        self.widget.setCurrentWidget(self._page_of(reader))

    def saved_tabs(self) -> list[tuple[str, date | None]]:
        """What each tab shows (its node and «Vigente a» date), in the order of the tabs."""
        specs: list[tuple[str, date | None]] = []
        for index in range(self.widget.count()):
            reader = self._reader_at(index)
            if reader is None:
                specs.append(self._behind[self._page_at(index)])
            elif (node := self.pending_node(reader)) is not None:
                specs.append((node, reader.state.day))
        return specs

    def pending_node(self, reader: Reader) -> str | None:
        return self._pending[reader][0] if reader in self._pending else reader.state.node_id

    @property
    def library(self) -> Library | None:
        return self._library

    # -- opening and closing ---------------------------------------------------

    def _make_reader(self, day: date | None, holder: QWidget | None = None) -> Reader:
        """A reader and its pane in a new tab (at the end), or in ``holder``, a restored tab's."""
        state = ReaderState(self._library, self)
        state.set_day(day)
        pane = ReadingPane(self.widget if holder is None else holder)
        pane.setObjectName("readingPane")
        pane.set_zoom(self._zoom)
        pane.zoom_changed.connect(self.set_zoom)
        reader = Reader(state, pane, self._status, self)
        self._readers.append(reader)
        if holder is None:
            self.widget.addTab(pane, "")
        else:
            layout = QVBoxLayout(holder)
            layout.setContentsMargins(0, 0, 0, 0)
            layout.addWidget(pane)
            layout.activate()  # its width now (the page is laid out once, at it), not next turn
            pane.show()
            self._holders[reader] = holder
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
            self.show_tab(reader)
        return reader

    def add_behind(self, node_id: str, day: date | None) -> int:
        """A restored tab at the end, behind the others: only its title until it comes to the
        front (then its reader and pane are made, and its page rendered). Its index."""
        holder = QWidget(self.widget)
        holder.setObjectName("readingTab")
        self._behind[holder] = (node_id, day)
        index = self.widget.addTab(holder, "")
        self._show_title_at(index, node_id, day)
        return index

    def _make_behind(self, index: int) -> Reader:
        """The reader of a restored tab that comes to the front for the first time."""
        holder = self._page_at(index)
        node_id, day = self._behind.pop(holder)
        reader = self._make_reader(day, holder)
        self._pending[reader] = (node_id, True)
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
        if reader is None:  # restored behind, never shown
            holder = self._page_at(index)
            del self._behind[holder]
            self.widget.removeTab(index)
            holder.deleteLater()
            return True
        self.reader_closing.emit(reader)
        self._readers.remove(reader)
        self._pending.pop(reader, None)
        page = self._page_of(reader)
        self._holders.pop(reader, None)
        self.widget.removeTab(index)
        page.deleteLater()  # (a holder goes with its pane)
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
        reader = self._reader_at(index) or self._make_behind(index)
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
        for holder, (node_id, day) in self._behind.items():
            self._show_title_at(self.widget.indexOf(holder), node_id, day)

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
        if index >= 0:
            self._set_title(index, self.title_of(reader), reader.state.day)

    def _show_title_at(self, index: int, node_id: str, day: date | None) -> None:
        """The title of a tab restored behind (it has no reader yet)."""
        self._set_title(index, self._node_title(self._library, node_id), day)

    def _set_title(self, index: int, full: str, day: date | None) -> None:
        short = full if len(full) <= TITLE_LIMIT else full[: TITLE_LIMIT - 1] + "…"
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
        return self._node_title(state.library, self.pending_node(reader))

    def _node_title(self, library: Library | None, node_id: str | None) -> str:
        node = library.find(node_id) if library and node_id else None
        if node is None:
            return self.tr("Sin página")
        return node.citation if node.norm and node.citation else node.title  # «Decreto 267 de 2007, art. 7»
