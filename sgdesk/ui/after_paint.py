"""Work that the first frame does not need: called once, right after a widget first paints."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer


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
