"""Work that the first frame does not need: called once, right after a widget first paints."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

# What a user does to a window: before the rest of it is built, any of these builds it at once
# (a ShortcutOverride comes before Qt looks the key up, so the shortcut finds its action).
_INPUT = frozenset({
    QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonDblClick, QEvent.Type.Wheel, QEvent.Type.ContextMenu,
})  # fmt: skip


class AfterFirstPaint(QObject):
    """Calls ``callback`` once, in the event-loop turn after ``widget`` first paints."""

    def __init__(self, widget: QObject, callback: Callable[[], object]) -> None:
        super().__init__(widget)
        self._callback = callback
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self, self._callback)  # not if this goes first
        return False


class BuildLater(QObject):
    """Builds the part of a window its first frame does not need, once: in the event-loop turn
    after ``widget`` first paints; at once if the user presses a key or a mouse button before
    that (the shortcut or the click then finds its command built); or after ``latest_ms`` if
    the window is never painted (started minimized, say).

    Until the first paint only ``widget``'s window is watched: a key its focused widget does not
    take (a ShortcutOverride nobody accepts) comes up to it before Qt looks the shortcut up.
    From the first paint on, the whole application is (a click on the menu bar, a key a field
    takes). Not before: every event of every object would pass through Python, and the first
    event of a private Qt object (the input context, the accessibility bridge) makes PySide6
    walk all of QObject's subclasses and build their enumerations, some 70 of them (#11)."""

    def __init__(self, widget: QWidget, build: Callable[[], object], latest_ms: int) -> None:
        super().__init__(widget)
        self._build: Callable[[], object] | None = build
        self._window = widget.window()
        self._window.installEventFilter(self)
        self._everywhere = False
        AfterFirstPaint(widget, self._painted)
        QTimer.singleShot(latest_ms, self, self.build_now)

    def _painted(self) -> None:
        if self._build is None:
            return
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self)
            self._everywhere = True
        # One more turn: ``widget`` paints before what it contains (the tab widget before its
        # page), and the whole frame goes to the screen first.
        QTimer.singleShot(0, self, self.build_now)

    @property
    def built(self) -> bool:
        return self._build is None

    def build_now(self) -> None:
        build = self.cancel()
        if build is not None:
            build()

    def cancel(self) -> Callable[[], object] | None:
        """Never build (the window closed first); returns what would have been built."""
        build, self._build = self._build, None
        if build is not None:
            self._window.removeEventFilter(self)
            app = QCoreApplication.instance()
            if self._everywhere and app is not None:
                app.removeEventFilter(self)
        return build

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT:
            self.build_now()
        return False
