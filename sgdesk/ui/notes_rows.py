"""How the «Mis notas» dock paints its rows: each text laid out once, not at every paint.

Qt's delegate lays out a row's text anew (shaping, eliding) every time it paints it: most of
what opening the dock cost with a screenful of rows (#12). ``RowPainter`` keeps each text laid
out (``QStaticText``, elided for the width it is drawn at) and draws it where and as the style
does: the colour of the row's state (``Text`` of the palette group the style picks), the
style's text margin, the line centred as the style centres it, elided at the same point.

Only rows in their plainest state take that path: a selected, current or hovered row, a text of
several lines, a right-to-left view, are painted by the style as before (its highlight, focus
frame, hover). And only when it paints what the style paints: after every change of style,
font, palette or direction, a probe row (a short text, a long one elided, a disabled one) is
drawn both ways and compared pixel by pixel; any difference (a style that places item text its
own way) leaves every row to the style. The dock's rows are text only: no icon, check box, font
or colour of their own (tests compare both paths on every kind of row, in every theme).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, QPoint, QRect, Qt, QTimer
from PySide6.QtGui import (
    QFont,
    QFontMetrics,
    QImage,
    QPainter,
    QPalette,
    QPen,
    QStaticText,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QTreeView

# States the style paints something besides the text for (highlight, focus frame, hover).
_STYLED = (QStyle.StateFlag.State_Selected | QStyle.StateFlag.State_HasFocus
           | QStyle.StateFlag.State_MouseOver).value  # fmt: skip
_ENABLED = QStyle.StateFlag.State_Enabled.value
_ACTIVE = QStyle.StateFlag.State_Active.value
_GROUPS = {  # (enabled, active): the palette group the style draws a row's text in
    (True, True): QPalette.ColorGroup.Active,
    (True, False): QPalette.ColorGroup.Inactive,
    (False, True): QPalette.ColorGroup.Disabled,
    (False, False): QPalette.ColorGroup.Disabled,
}
_MULTILINE = ("\n", "\r", "\u2028", "\u2029")
LAID_OUT_LIMIT = 4000  # texts kept laid out (a screenful needs some 50; widths multiply them)
LAY_OUT_SLICE = 15  # texts laid out per turn of the event loop after a paint met them (≈ 1 ms)
_CHANGES = (QEvent.Type.FontChange, QEvent.Type.StyleChange, QEvent.Type.LayoutDirectionChange,
            QEvent.Type.PaletteChange)  # fmt: skip
PROBE_TEXTS = (
    "Favorito «Misión» (12)",
    "Decreto 267 de 2007, art. 7 — no disponible en esta versión del contenido",
)
PROBE_WIDTH = 160  # the second probe text is elided at this width
_Index = QModelIndex | QPersistentModelIndex
_Laid = tuple[QStaticText, int] | None  # the text as drawn, the height the style centres it by
_UNSEEN: _Laid = (QStaticText(), -1)  # (a text not laid out yet)


class RowPainter(QStyledItemDelegate):
    """The dock tree's delegate (see the module's doc)."""

    def __init__(self, view: QTreeView) -> None:
        super().__init__(view)
        self._view = view
        self._laid: dict[tuple[object, int], _Laid] = {}
        self._font = QFont()
        self._margin = 0
        self._pens: dict[tuple[bool, bool], QPen] = {}
        self._fast = False  # whether plain rows are drawn here (see _check)
        self._stale = True  # the font, palette, style or direction changed: _check again
        self._todo: dict[tuple[object, int], None] = {}  # texts met at a paint, laid out after it
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(0)
        self._idle.timeout.connect(self._catch_up)
        view.installEventFilter(self)

    @property
    def fast(self) -> bool:
        """Plain rows are drawn from their laid-out texts (the probe found no difference)."""
        return self._fast

    @property
    def catching_up(self) -> bool:
        """Texts met at a paint are still to be laid out (a slice per turn of the event loop)."""
        return self._idle.isActive()

    @property
    def laid_out(self) -> int:
        """How many texts are kept laid out (at the widths they were drawn at)."""
        return sum(1 for laid in self._laid.values() if laid is not None)

    def prepare(self) -> None:
        """Lay out the texts of the rows in the view's rectangle, at the widths they are drawn
        at: called while the dock is not seen (#12), so that opening it only draws them."""
        view = self._view
        if self._stale:
            self._check(view.viewport().font())
        if not self._fast:
            return
        bottom = view.viewport().height()
        index = view.indexAt(QPoint(view.viewport().width() - 1, 0))
        while index.isValid():
            rect = view.visualRect(index)
            if rect.top() > bottom:
                break
            key = (index.data(), rect.width() - 2 * self._margin)
            if key not in self._laid:
                self._laid[key] = self._lay_out(*key)
            index = view.indexBelow(index)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _CHANGES:
            self._stale = True  # (checked after the next paint: the viewport may hear of it later)
        return False

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        state = option.state.value
        if not (
            self._fast
            and not self._stale
            and state & _STYLED == 0
            and self._draw(painter, option.rect, index.data(), state)
        ):
            super().paint(painter, option, index)
            if self._stale:
                self._idle.start()

    def _catch_up(self) -> None:
        """After a paint: check again what changed, lay out the texts it met (LAY_OUT_SLICE a
        turn). That paint was the style's: never slower than before for a text never seen."""
        if self._stale:
            self._check(self._view.viewport().font())
            self._todo.clear()
        for key in list(self._todo)[:LAY_OUT_SLICE]:
            del self._todo[key]
            if len(self._laid) >= LAID_OUT_LIMIT:
                self._laid.clear()
            self._laid[key] = self._lay_out(*key)
        if self._todo:
            self._idle.start()

    def _draw(self, painter: QPainter, rect: QRect, text: object, state: int) -> bool:
        """Draw ``text`` as the style draws a plain row in ``rect``; False: left to the style."""
        width = rect.width() - 2 * self._margin
        key = (text, width)
        laid = self._laid.get(key, _UNSEEN)
        if laid is _UNSEEN:  # met for the first time: the style draws it, laid out after this paint
            self._todo[key] = None
            self._idle.start()
            return False
        if laid is None:
            return False
        static, height = laid
        pen = painter.pen()
        painter.setPen(self._pens[(state & _ENABLED != 0, state & _ACTIVE != 0)])
        top = rect.top() + int((rect.height() - height) / 2)  # (QStyle.alignedRect: towards 0)
        painter.drawStaticText(rect.left() + self._margin, top, static)
        painter.setPen(pen)
        return True

    def _lay_out(self, text: object, width: int) -> _Laid:
        """``text`` laid out as the style would draw it in ``width``: elided when wider, and
        the height the style centres it by. None: a text the style must draw (not one line)."""
        if not isinstance(text, str) or not text or any(c in text for c in _MULTILINE):
            return None
        layout = QTextLayout(text, self._font)
        wrap = QTextOption()
        wrap.setWrapMode(QTextOption.WrapMode.ManualWrap)
        layout.setTextOption(wrap)
        layout.beginLayout()
        line = layout.createLine()
        line.setLineWidth(width)
        layout.endLayout()
        height = round(layout.boundingRect().height())
        if line.naturalTextWidth() > width:
            text = QFontMetrics(self._font).elidedText(text, self._view.textElideMode(), width)
        static = QStaticText(text)
        static.setTextFormat(Qt.TextFormat.PlainText)  # data, never markup
        static.prepare(font=self._font)
        return static, height

    def _check(self, font: QFont) -> None:
        """Forget every laid-out text and take the view's font (the painter's: a static text
        drawn in another font is laid out again at every paint), palette and style; draw the
        probe rows both ways: plain rows are drawn here only if every pixel is the same."""
        view = self._view
        self._stale = False
        self._laid.clear()
        self._font = QFont(font)
        palette = view.palette()
        self._pens = {
            key: QPen(palette.color(group, QPalette.ColorRole.Text)) for key, group in _GROUPS.items()
        }
        self._margin = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
        self._fast = view.layoutDirection() == Qt.LayoutDirection.LeftToRight
        if self._fast:
            self._fast = self._probe(styled=True) == self._probe(styled=False)
        self._laid.clear()  # (the probe's texts)

    def _probe(self, styled: bool) -> QImage:
        """The probe rows, drawn by the style or here."""
        view = self._view
        height = QFontMetrics(self._font).height() + 3  # odd room: the centring's rounding shows
        ratio = view.devicePixelRatioF()
        rows = [(text, enabled) for text in PROBE_TEXTS for enabled in (True, False)]
        image = QImage(round(PROBE_WIDTH * ratio), round(height * len(rows) * ratio),
                       QImage.Format.Format_ARGB32_Premultiplied)  # fmt: skip
        image.setDevicePixelRatio(ratio)
        image.fill(view.palette().color(QPalette.ColorRole.Base))
        painter = QPainter(image)
        painter.setFont(self._font)
        for number, (text, enabled) in enumerate(rows):
            option = QStyleOptionViewItem()
            option.initFrom(view)
            option.font = self._font
            option.fontMetrics = QFontMetrics(self._font)
            option.text = text
            option.features = QStyleOptionViewItem.ViewItemFeature.HasDisplay
            option.displayAlignment = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
            option.textElideMode = view.textElideMode()
            option.rect = QRect(0, number * height, PROBE_WIDTH, height)
            option.state = QStyle.StateFlag.State_Active | (
                QStyle.StateFlag.State_Enabled if enabled else QStyle.StateFlag.State_None
            )
            if styled:
                view.style().drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, view)
                continue
            key = (text, PROBE_WIDTH - 2 * self._margin)
            if key not in self._laid:
                self._laid[key] = self._lay_out(*key)
            if not self._draw(painter, option.rect, text, option.state.value):
                painter.end()
                return QImage()  # (never equal to the style's)
        painter.end()
        return image
