"""«Abrir en una pestaña nueva» from a click: Ctrl+click or a middle click on a link, an index
entry or a search result asks for a new tab instead of opening there (as in a web browser);
Ctrl+Enter does the same for the entry chosen with the keyboard."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QMouseEvent
from PySide6.QtWidgets import QAbstractItemView, QMenu, QWidget

Target = Callable[[QPoint], str | None]  # what a click at this point (viewport coordinates) names


def wants_new_tab(event: QMouseEvent) -> bool:
    button, ctrl = event.button(), bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
    return button == Qt.MouseButton.MiddleButton or (button == Qt.MouseButton.LeftButton and ctrl)


class NewTabClicks(QObject):
    """Watches ``viewport``: a new-tab click on something ``target_at`` names emits
    ``requested`` with it, and nothing else happens for that click (the selection stays)."""

    requested = Signal(str)

    def __init__(self, viewport: QWidget, target_at: Target, current: Callable[[], str | None] | None = None,
                 keys_on: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(viewport)
        self._target_at = target_at
        self._current = current  # Ctrl+Enter on ``keys_on``: the entry chosen there
        self._pressed: str | None = None
        viewport.installEventFilter(self)
        if keys_on is not None:
            keys_on.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.KeyPress and self._current is not None:
            assert isinstance(event, QKeyEvent)
            enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            if enter and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                target = self._current()
                if target:
                    self.requested.emit(target)
                    return True
            return False
        if kind not in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease,
                        QEvent.Type.MouseButtonDblClick):  # fmt: skip
            return False
        assert isinstance(event, QMouseEvent)
        if not wants_new_tab(event):
            return False
        target = self._target_at(event.position().toPoint())
        if kind == QEvent.Type.MouseButtonPress:
            self._pressed = target
        elif kind == QEvent.Type.MouseButtonRelease:
            pressed, self._pressed = self._pressed, None
            if target and target == pressed:
                self.requested.emit(target)
        return target is not None


def item_view_clicks(view: QAbstractItemView, role: int) -> NewTabClicks:
    """New-tab clicks, Ctrl+Enter and a context menu «Abrir en una pestaña nueva» on an item
    view whose entries carry an id in ``role``."""

    def target_at(point: QPoint) -> str | None:
        value = view.indexAt(point).data(role)
        return str(value) if value else None

    def current() -> str | None:
        value = view.currentIndex().data(role)
        return str(value) if value else None

    clicks = NewTabClicks(view.viewport(), target_at, current, view)

    def context_menu(point: QPoint) -> None:
        target = target_at(point)
        if target:
            menu = QMenu(view)
            action = menu.addAction(QCoreApplication.translate("tabs", "Abrir en una pestaña nueva"))
            action.setShortcut(QKeySequence("Ctrl+Return"))
            action.triggered.connect(lambda: clicks.requested.emit(target))
            menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            menu.popup(view.viewport().mapToGlobal(point))

    view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    view.customContextMenuRequested.connect(context_menu)
    return clicks
