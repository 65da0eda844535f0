"""The window's status bar: one-line messages, and the permanent statement of currency and zoom.

QStatusBar draws a temporary message only left of its permanent widgets, clipped. The full
statement of currency («Contenido con cambios hasta 2012, edición 1 · no verificado para el 1
de diciembre de 2026 · 5 cambio(s) posterior(es) conocido(s) sin incorporar») took nearly the
whole bar at 1366×768 ×1.25, so messages («Nota 4 de 4: …», «Enlace copiado: …») showed as
nothing. The statement's label now draws the longest of its forms that fits, and while a
message shows it yields the room the message needs, down to its shortest form («Hasta 2012 ·
no verificado»). Whatever it draws, its text, tooltip and accessible name are the full
statement, and no form says «vigente».
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRect, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QSizeGrip, QStatusBar, QWidget

from sgdesk.ui.safe_text import plain, rich, rich_lines, set_plain_text, show_status

if TYPE_CHECKING:
    from sgdesk.ui.as_of import CurrencyStatement

UNLIMITED = 16777215  # QWIDGETSIZE_MAX
MESSAGE_LEFT = 6  # QStatusBar draws its message this far from the bar's left edge
MESSAGE_GAP = 4  # room kept between a message's end and the label (which has its own margin)
LABEL_MARGIN = 12  # blank before the statement: a clipped message never runs into it
# Blank after the statement and after the zoom: styles that frame the bar's permanent widgets
# (Windows) draw each frame 2 px outside its label, and a right-aligned text ran into it.
END_MARGIN = 6


class StatusBarReporter:
    """A ``StatusReporter`` (see reader_state) over a window's status bar."""

    def __init__(self, window: QMainWindow) -> None:
        self._window = window

    def show_status(self, text: str, timeout: int = 8000) -> None:
        show_status(self._window, text, timeout)

    def clear_status(self) -> None:
        self._window.statusBar().clearMessage()


class MessageBar(QStatusBar):
    """A QStatusBar that draws a message too long for its room elided («…») instead of clipped.
    Everything else is QStatusBar's: ``showMessage``, timeouts, ``currentMessage()`` (also the
    accessible name), and the drawing of the bar with no message."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.messageChanged.connect(self._on_message)

    def _on_message(self, message: str) -> None:
        if message:
            self.setToolTip(rich(message))  # a message may carry data: escaped
        else:
            self.setToolTip("")

    def message_rect(self) -> QRect:
        """Where QStatusBar draws its message (left to right): left of the size grip and of the
        first permanent widget (the others are hidden while a message shows)."""
        right = self.width() - 12
        for child in self.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
            if child.isVisible():
                right = min(right, child.x() if isinstance(child, QSizeGrip) else child.x() - 2)
        return QRect(MESSAGE_LEFT, 0, right - MESSAGE_LEFT, self.height())

    def shown_message(self) -> str:
        """What the bar draws of its message at its present width."""
        room = self.message_rect().width()
        return self.fontMetrics().elidedText(self.currentMessage(), Qt.TextElideMode.ElideRight, room)

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self.currentMessage():
            super().paintEvent(event)
            return
        from PySide6.QtWidgets import QStyle, QStyleOption  # (a message: never in the first frame)

        painter = QPainter(self)  # QStatusBar::paintEvent, with the message elided
        option = QStyleOption()
        option.initFrom(self)
        style = self.style()
        style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelStatusBar, option, painter, self)
        for child in self.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
            if child.isVisible() and not isinstance(child, QSizeGrip):  # the permanent widgets
                frame = QStyleOption()
                frame.rect, frame.palette = child.geometry().adjusted(-2, -1, 2, 1), self.palette()
                style.drawPrimitive(QStyle.PrimitiveElement.PE_FrameStatusBarItem, frame, painter, child)
        painter.setPen(self.palette().windowText().color())
        flags = Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextSingleLine
        painter.drawText(self.message_rect(), int(flags), self.shown_message())


class FittingLabel(QLabel):
    """A one-line plain label with shorter forms of its text: it draws the longest form that
    fits its width (the last one elided if even that does not). ``text()``, the tooltip's first
    line and the accessible name stay the full text; it may shrink to its shortest form."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)  # it shows data from the database
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)  # by the zoom
        self._forms: tuple[str, ...] = ("",)

    def set_forms(self, forms: tuple[str, ...], tip: tuple[str, ...] = ()) -> None:
        """``forms``: the full text first, then shorter ones; the tooltip is the full text (in
        bold) and then the lines of ``tip``. All of it is data, shown as plain text."""
        self._forms = tuple(plain(form) for form in forms) or ("",)
        super().setText(plain(forms[0] if forms else ""))
        self.setAccessibleName(self._forms[0])
        self.setToolTip(rich_lines((self._forms[0], *tip), bold_first=True))
        self.updateGeometry()

    def setText(self, text: str) -> None:  # a single form («Sin corpus»)
        self.set_forms((text,))

    def shown_text(self) -> str:
        """What the label draws at its present width."""
        metrics, room = self.fontMetrics(), self.contentsRect().width()
        for form in self._forms:
            if metrics.horizontalAdvance(form) <= room:
                return form
        return metrics.elidedText(self._forms[-1], Qt.TextElideMode.ElideRight, room)

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        margins = self.contentsMargins()
        width = self.fontMetrics().horizontalAdvance(self._forms[-1]) + margins.left() + margins.right()
        return QSize(width, hint.height())

    def paintEvent(self, event: QPaintEvent) -> None:
        text = self.shown_text()
        if not text:
            return
        painter = QPainter(self)
        flags = int(self.alignment()) | int(Qt.TextFlag.TextSingleLine)
        if not self.isEnabled():  # (the style may etch or dither disabled text)
            self.style().drawItemText(painter, self.contentsRect(), flags, self.palette(), False, text,
                                      self.foregroundRole())  # fmt: skip
            return
        # What QStyle::drawItemText does for enabled text (the painter's pen is already the
        # palette's text colour), without naming the style: that would make PySide6 build its
        # QStyle class (566 enumeration members) for the first frame.
        painter.drawText(self.contentsRect(), flags, text)


class YieldToMessages(QObject):
    """While the bar shows a temporary message, ``label`` (its first permanent widget) gives up
    the width the message needs, down to its minimum; all of it comes back when the message
    goes. The message keeps QStatusBar's own drawing, timeout and ``currentMessage()``.

    The label's right edge is set by the widgets after it (the zoom, the size grip), so the
    room is worked out again whenever the label moves or is resized (a wider window, a size
    grip shown): it settles after one more layout, as the edge does not depend on the label."""

    def __init__(self, bar: QStatusBar, label: QLabel) -> None:
        super().__init__(label)
        self._bar, self._label = bar, label
        bar.messageChanged.connect(self._fit)
        label.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._label and event.type() in (QEvent.Type.Move, QEvent.Type.Resize):
            message = self._bar.currentMessage()
            if message:
                self._fit(message)
        return False

    def _fit(self, message: str) -> None:
        if not message:
            self._label.setMaximumWidth(UNLIMITED)
            return
        needed = MESSAGE_LEFT + self._bar.fontMetrics().horizontalAdvance(message) + MESSAGE_GAP
        right = self._label.geometry().right() + 1
        self._label.setMaximumWidth(max(self._label.minimumSizeHint().width(), right - needed))


class StatusLabels:
    """The status bar's permanent labels: the statement of currency and the zoom."""

    def __init__(self, window: QMainWindow) -> None:
        self.content = FittingLabel(window)
        self.content.setObjectName("contentLabel")
        self.content.setContentsMargins(LABEL_MARGIN, 0, END_MARGIN, 0)
        self.zoom = QLabel("", window)
        self.zoom.setContentsMargins(0, 0, END_MARGIN, 0)
        bar = MessageBar(window)
        window.setStatusBar(bar)
        bar.addPermanentWidget(self.content)
        bar.addPermanentWidget(self.zoom)
        self.room = YieldToMessages(bar, self.content)

    def show_zoom(self, percent: int) -> None:
        set_plain_text(
            self.zoom, QCoreApplication.translate("status", "Zoom %1 %").replace("%1", str(percent))
        )

    def show_currency(self, statement: CurrencyStatement) -> None:
        self.content.set_forms(statement.forms, statement.tip_lines)
