"""A clear focus mark on whatever widget has the keyboard focus.

Styles mark focus faintly (a dotted box in the reading pane, a pale outline on buttons). One
``FocusRing`` per window follows the focus and draws a solid ring in the palette's Highlight
colour over the focused widget's edge, so a later theme (dark, high contrast) recolours it.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QApplication, QMenu, QMenuBar, QWidget

RING_WIDTH = 2  # logical pixels
_GEOMETRY_EVENTS = (QEvent.Type.Move, QEvent.Type.Resize, QEvent.Type.Show,
                    QEvent.Type.ZOrderChange)  # fmt: skip


def paint_focus_frame(painter: QPainter, rect: QRect, colour: QColor, width: int = RING_WIDTH) -> None:
    """A solid frame just inside ``rect``."""
    painter.save()
    pen = QPen(colour, width)
    pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    half = width / 2
    painter.drawRect(QRectF(rect).adjusted(half, half, -half, -half))
    painter.restore()


class FocusRing(QWidget):
    """Drawn over the focused widget's edge, above its siblings; clicks pass through it.

    (Qt's QFocusFrame sits outside the widget, where a widget that fills its parent, like the
    reading pane or a dock's tree, clips it away.)"""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget.parentWidget())
        self.setObjectName("focusRing")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._target: QWidget | None = None
        self.follow(widget)

    def target(self) -> QWidget | None:
        return self._target

    def follow(self, widget: QWidget | None) -> None:
        if self._target is not None and shiboken6.isValid(self._target):
            self._target.removeEventFilter(self)
        self._target = widget
        parent = widget.parentWidget() if widget is not None else None
        if widget is None or parent is None:
            self.hide()
            return
        if parent is not self.parentWidget():
            self.setParent(parent)
        widget.installEventFilter(self)
        self._fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._target:
            if event.type() == QEvent.Type.Hide:
                self.hide()
            elif event.type() in _GEOMETRY_EVENTS:
                self._fit()
        return False

    def _fit(self) -> None:
        target = self._target
        if target is None or not target.isVisible():
            self.hide()
            return
        self.setGeometry(target.geometry())
        self.raise_()
        self.show()

    def colour(self) -> QColor:
        return self.palette().color(QPalette.ColorGroup.Active, QPalette.ColorRole.Highlight)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        paint_focus_frame(painter, self.rect(), self.colour())
        painter.end()


class FocusRings(QObject):
    """Moves a ``FocusRing`` to each widget that takes the focus (menus mark their own)."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.setObjectName("focusRings")
        self._rings: dict[int, FocusRing] = {}  # by window id: a ring lives inside its window
        app.focusChanged.connect(self._on_focus_changed)

    def ring_of(self, widget: QWidget) -> FocusRing | None:
        ring = self._rings.get(id(widget.window()))
        return ring if ring is not None and shiboken6.isValid(ring) and ring.target() is widget else None

    def _on_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        for key, ring in list(self._rings.items()):
            if not shiboken6.isValid(ring):
                del self._rings[key]
            elif new is None or ring.target() is not new:
                ring.follow(None)
        if new is None or isinstance(new, (QMenu, QMenuBar)) or new.isWindow():
            return
        mine = self._rings.get(id(new.window()))
        if mine is None:
            self._rings[id(new.window())] = FocusRing(new)
        else:
            mine.follow(new)


def install() -> None:
    """Once per application, however many main windows are built."""
    app = QApplication.instance()
    if isinstance(app, QApplication) and app.findChild(FocusRings, "focusRings") is None:
        FocusRings(app)
