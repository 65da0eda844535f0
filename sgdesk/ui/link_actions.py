"""Deep links in the window: «Copiar enlace» (Edición menu, the reading pane's context menu) and
opening a link given on the command line or handed over by a second launch.

A link's text is data from outside: it is parsed by ``content.links`` (Spanish errors only),
the unit must exist in the content in use, and every message shows the link as plain text.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QMainWindow, QMessageBox

from sgdesk.content.links import LinkError, format_link, parse_link
from sgdesk.export.html import LINK_SCHEME
from sgdesk.ui.safe_text import plain, plain_message_box, show_status

if TYPE_CHECKING:
    from sgdesk.ui.reader_state import ReaderState
    from sgdesk.ui.reading_pane import ReadingPane

COPY_SHORTCUT = "Ctrl+L"
log = logging.getLogger("sgdesk")


class LinkHost(NamedTuple):  # (not a dataclass: made ≈ 10 times quicker, at each start: #11)
    """What links need from the window: the reader in front (its state and pane) and how to
    open a page."""

    reading_pane: Callable[[], ReadingPane]  # the one in front (each tab has its own)
    state: Callable[[], ReaderState]  # the front tab's: library, node, «Vigente a», page kind
    set_day: Callable[[date | None], None]  # the front tab's «Vigente a»
    open_node: Callable[[str], bool]  # in the front tab
    open_tab: Callable[[str, date | None], bool]  # in a new tab in front, on that date (False: no room)

    def node(self) -> str | None:
        """The unit whose page is shown; None on «Ayuda» or a later change's page (not units)."""
        state = self.state()
        return None if state.showing_help or state.showing_later else state.node_id


class LinkActions(QObject):
    """«Copiar enlace» and the opening of links, for one window."""

    def __init__(self, window: QMainWindow, host: LinkHost) -> None:
        super().__init__(window)
        self._window = window
        self._host = host
        self.message_box: QMessageBox | None = None  # the last explanation shown (tests read it)
        self.copy_action = QAction(window)  # (not QAction(text, window): see window_actions.add_action)
        self.copy_action.setText(self.tr("Copiar &enlace"))
        self.copy_action.setShortcut(COPY_SHORTCUT)
        self.copy_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.copy_action.setStatusTip(self.tr("Copiar un enlace sgdesk:// a esta sección, con su fecha"))
        self.copy_action.triggered.connect(lambda: self.copy_link())
        window.addAction(self.copy_action)

    def attach(self, pane: ReadingPane) -> None:
        """«Copiar enlace» in ``pane``'s context menu (the window attaches every tab's pane)."""
        pane.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        pane.customContextMenuRequested.connect(lambda position: self._context_menu(pane, position))

    # -- copying ---------------------------------------------------------------

    def link_for(self, node_id: str | None = None) -> str | None:
        """The link to ``node_id`` (else the unit at the cursor, else the page), at the date."""
        host = self._host
        page, library = host.node(), host.state().library
        if page is None or library is None:
            return None
        unit = node_id or host.reading_pane().node_at_selection() or page
        found = library.find(unit)
        try:
            return format_link((found.id if found else page), host.state().day)
        except ValueError:  # an id the link grammar cannot carry (a content team's typo)
            log.warning("no link for node id %r", unit)
            return None

    def copy_link(self, node_id: str | None = None) -> str | None:
        link = self.link_for(node_id)
        if link is None:
            show_status(self._window, self.tr("Esta página no tiene enlace: abra una sección del índice."))
            return None
        QGuiApplication.clipboard().setText(link)
        show_status(self._window, self.tr("Enlace copiado: %1").replace("%1", link), 8000)
        return link

    def _context_menu(self, pane: ReadingPane, position: QPoint) -> None:
        """The pane's standard menu and «Copiar enlace» for the unit under the click, or for the
        unit a link there leads to. Qt's «Copiar la ubicación del enlace» goes: it would copy the
        page's internal form (``sgdesk:mision``), which is not a link sgdesk opens from outside."""
        menu = pane.createStandardContextMenu(position)
        for standard in menu.actions():
            if standard.objectName() == "link-copy":
                menu.removeAction(standard)
        href = pane.anchorAt(position)
        unit = href.removeprefix(f"{LINK_SCHEME}:") if href.startswith(f"{LINK_SCHEME}:") else None
        library = self._host.state().library
        if unit is None or library is None or library.find(unit) is None:  # not a unit (a later change…)
            unit = pane.node_at_position(position)
        action = menu.addAction(self.copy_action.text())
        action.setShortcut(self.copy_action.shortcut())
        action.setEnabled(self.link_for(unit) is not None)
        action.triggered.connect(lambda: self.copy_link(unit))
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(pane.viewport().mapToGlobal(position))

    # -- opening ---------------------------------------------------------------

    def open_link(self, text: str | None, bring_forward: bool = False) -> bool:
        """Open the unit and date ``text`` names; a Spanish explanation when it cannot be."""
        if bring_forward:
            self._bring_forward()
        if text is None:
            return False
        try:
            link = parse_link(text)
        except LinkError as exc:
            self._explain(exc.message)
            return False
        host = self._host
        library = host.state().library
        if library is None:
            self._explain("El enlace no se puede abrir: no hay contenido abierto.")
            return False
        node = library.find(link.node_id)
        if node is None:
            self._explain(
                f"El enlace lleva a «{link.node_id}», que no existe en esta versión del contenido "
                f"(con cambios hasta {library.info.as_of_text}, edición {library.info.edition}). "
                "Puede ser un enlace de otra versión, o estar incompleto; la sección abierta no cambió."
            )
            return False
        state = host.state()
        if (state.node_id, state.day) == (node.id, link.day):  # already in front (the start page, a link
            # clicked twice): no second tab of the same page
            log.info("link opened: %s at %s (already in front)", node.id, link.day or "today")
            return True
        # In a tab of its own, as a browser does: the reader's tab keeps its page and its date.
        opened = host.open_tab(node.id, link.day)
        if not opened:  # as many tabs as allowed: here, then
            host.set_day(link.day)
            opened = host.open_node(node.id)
        log.info("link opened: %s at %s", host.state().node_id, host.state().day or "today")
        return opened

    def _bring_forward(self) -> None:
        log.info("window brought forward by a later launch")
        window = self._window
        if window.isMinimized():
            window.showNormal()
        window.show()
        window.raise_()
        window.activateWindow()

    def _explain(self, message: str) -> None:
        log.warning("link not opened: %s", message)  # (the box says it: the status bar would cut it)
        if self.message_box is not None:
            self.message_box.close()
        box = QMessageBox(self._window)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Enlace de sgdesk"))
        box.setObjectName("linkErrorDialog")
        plain_message_box(box, plain(message, 600, lines=True))
        box.open()  # window-modal, without blocking: a second link may still arrive
        self.message_box = box
