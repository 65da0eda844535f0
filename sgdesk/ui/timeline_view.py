"""The amendment events on a painted, zoomable time axis (``TimelineView``) and its panel.

Layout (positions, stacking rows, elided labels) is computed once per ``set_events``, filter or
zoom; painting only walks the rows and items that intersect the exposed rectangle, so thousands
of events scroll smoothly.
"""

from __future__ import annotations

import functools
import heapq
import re
from bisect import bisect_left
from dataclasses import dataclass
from datetime import date
from html import escape

from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QAccessible,
    QAccessibleEvent,
    QColor,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QIcon,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
    QPixmap,
    QPolygonF,
    QTransform,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from sgdesk.content.dates import MONTHS_ES
from sgdesk.content.model import EVENT_KIND_LABELS, EventKind
from sgdesk.content.timeline import TimelineEvent, earliest, latest
from sgdesk.export.plan import format_day
from sgdesk.ui.widgets import tool_button

KIND_COLORS: dict[EventKind, str] = {
    EventKind.ISSUANCE: "#4f5d6e",
    EventKind.INSERTION: "#1d7a36",
    EventKind.MODIFICATION: "#b35900",
    EventKind.REPLACEMENT: "#7b3fa0",
    EventKind.RENAMING: "#0b5fa5",
    EventKind.CREATION: "#00796b",
    EventKind.REPEAL: "#c62828",
}
MARKER_COLOR = "#c2185b"

MARGIN = 24  # left and right of the axis
AXIS_Y = 26  # the axis line; year labels above it
ROWS_TOP = 56  # the first row of events; the "Vigente a" label sits between
MARK_H = 14  # height of the band or glyph line of a row
LABEL_W = 230  # labels are elided to this width
GAP = 14  # between a label and the next item of its row
FIT_DAYS_MIN = 365
MAX_SCALE = 12.0  # pixels per day
ZOOM_STEP = 1.5

# -- labels and glyphs ------------------------------------------------------------------

_CUT = re.compile(r" del (artículo|acuerdo|decreto|resolución|ley|literal)\b", re.IGNORECASE)


def short_action(event: TimelineEvent) -> str:
    """What the event does, briefly and lower-case: "adiciona el literal n"."""
    if event.kind is EventKind.ISSUANCE:
        return "expedición"
    if event.kind is EventKind.RENAMING and len(event.changes) > 1:
        return f"cambia la denominación de {len(event.changes)} dependencias"
    text = _CUT.split(event.summary.split("; ")[0], maxsplit=1)[0]
    return text[:1].lower() + text[1:]


@functools.cache
def _glyph(kind: EventKind, size: float) -> QPainterPath:
    half, path = size / 2, QPainterPath()
    path.setFillRule(Qt.FillRule.WindingFill)
    if kind is EventKind.ISSUANCE:  # a dot
        path.addEllipse(QPointF(0, 0), half, half)
    elif kind in (EventKind.INSERTION, EventKind.REPEAL):  # a plus; an × for repeals
        bar = size / 3.2
        path.addRect(QRectF(-half, -bar / 2, size, bar))
        path.addRect(QRectF(-bar / 2, -half, bar, size))
        if kind is EventKind.REPEAL:
            path = QTransform().rotate(45).map(path)
    elif kind is EventKind.REPLACEMENT:  # a square
        path.addRect(QRectF(-half * 0.85, -half * 0.85, size * 0.85, size * 0.85))
    else:  # a diamond, a triangle pointing down (renaming) or up (creation)
        points = {
            EventKind.MODIFICATION: [(0, -half), (half, 0), (0, half), (-half, 0)],
            EventKind.RENAMING: [(-half, -half * 0.8), (half, -half * 0.8), (0, half)],
            EventKind.CREATION: [(-half, half * 0.8), (half, half * 0.8), (0, -half)],
        }[kind]
        path.addPolygon(QPolygonF([QPointF(x, y) for x, y in points]))
        path.closeSubpath()
    return path


def glyph_path(kind: EventKind, center: QPointF, size: float) -> QPainterPath:
    """The small shape that tells kinds apart besides their colour, centred on ``center``."""
    return _glyph(kind, size).translated(center)


def kind_icon(kind: EventKind, size: int = 16) -> QIcon:
    """The kind's glyph in its colour, for the legend (the filter check boxes)."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.fillPath(glyph_path(kind, QPointF(size / 2, size / 2), size - 3), QColor(KIND_COLORS[kind]))
    painter.end()
    return QIcon(pixmap)


def event_tooltip(event: TimelineEvent) -> str:
    return (f"<b>{escape(event.norm_title)}</b><br>Fecha: {escape(event.date.format_es())}<br>"
            f"Tipo: {escape(EVENT_KIND_LABELS[event.kind])}<br>{escape(event.summary)}")  # fmt: skip


def _span(event: TimelineEvent) -> tuple[float, float]:
    """The event's extent in days (ordinals); a dated event is its day's middle, zero wide."""
    if event.date.day is not None:  # known to the day (cheaper than .precision, called per event)
        middle = earliest(event.date).toordinal() + 0.5
        return middle, middle
    return float(earliest(event.date).toordinal()), float(latest(event.date).toordinal() + 1)


@dataclass(frozen=True)
class _Item:
    event: TimelineEvent
    mark: QRectF  # the band, or the glyph's box
    band: bool
    rect: QRect  # mark and label together: hit testing and highlight

    @property
    def x0(self) -> int:
        return self.rect.left()

    @property
    def x1(self) -> int:
        return self.rect.right()


class TimelineView(QWidget):
    """Events as dots (known to the day) or bands (month, year), stacked in rows under a year axis."""

    event_activated = Signal(str)  # event id: clicked, or Enter on the focused one
    current_changed = Signal(str)  # "" when there is none
    visible_rect_requested = Signal(QRect)  # what the hosting scroll area should show

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Línea de tiempo de modificaciones"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self._events: list[TimelineEvent] = []
        self._kinds: set[EventKind] = set(EventKind)
        self._marker: date | None = None
        self._zoom: float | None = None  # pixels per day; None: fit the viewport
        self._scale = self._fit = 1.0  # pixels per day: shown, and to fit the viewport
        self._viewport = QSize(900, 300)
        self._first = self._last = date(2006, 1, 1).toordinal()
        self._labels: dict[str, int] = {}  # id -> estimated label width
        self._texts: dict[str, tuple[str, str]] = {}  # id -> elided title and action, once painted
        self._items: list[_Item] = []
        self._by_id: dict[str, _Item] = {}
        self._rows: list[list[_Item]] = []
        self._row_ends: list[list[int]] = []
        self._current: str | None = None
        self._pointing = False
        self._content = QSize(0, 0)
        self.painted_ids: list[str] = []  # the events the last paint drew (culling is testable)
        self._relayout()

    # -- public API ------------------------------------------------------------
    def set_events(self, events: list[TimelineEvent]) -> None:
        self._events = sorted(events, key=lambda e: (*e.date.key, e.id))
        years = [e.date.year for e in self._events] or [date.today().year]
        self._first = date(min(2006, *years), 1, 1).toordinal()
        self._last = date(max(years) + 1, 1, 1).toordinal()
        self._prepare_labels()
        self._relayout()

    def set_kinds(self, kinds: set[EventKind]) -> None:
        """Draw only events of these kinds."""
        self._kinds = set(kinds)
        self._relayout()

    def kinds(self) -> set[EventKind]:
        return set(self._kinds)

    def set_marker(self, day: date | None) -> None:
        """The "Vigente a" date, drawn as a vertical line (None: no line)."""
        self._marker = day
        self.update()

    def marker_x(self) -> int | None:
        """Where the "Vigente a" line is drawn, or None when there is none or it is off the axis."""
        if self._marker is None or not self._first <= self._marker.toordinal() < self._last:
            return None
        return round(self._x(self._marker.toordinal() + 0.5))

    def set_viewport_size(self, size: QSize) -> None:
        """The size of the visible area (the hosting scroll area's viewport); fit mode follows it."""
        if size != self._viewport:
            self._viewport = QSize(size)
            self._relayout()

    @property
    def scale(self) -> float:
        """Pixels per day."""
        return self._scale

    def zoom_to_fit(self) -> None:
        self._zoom = None
        self._relayout()
        self._reveal_current()

    def zoom_in(self) -> None:
        self._zoom_to(min(self._scale * ZOOM_STEP, MAX_SCALE))

    def zoom_out(self) -> None:
        self._zoom_to(self._scale / ZOOM_STEP)

    @property
    def current_event_id(self) -> str | None:
        return self._current

    def set_current_event(self, event_id: str | None) -> None:
        """Focus (highlight) an event, scrolling it into view; hidden or unknown ids clear it."""
        event_id = event_id if event_id in self._by_id else None
        if event_id == self._current:
            return
        self._current = event_id
        item = self._by_id.get(event_id or "")
        if item is not None:
            event = item.event
            self.setAccessibleDescription(f"{event.norm_title}, {event.date.format_es()}, "
                                          f"{EVENT_KIND_LABELS[event.kind]}: {event.summary}")  # fmt: skip
            QAccessible.updateAccessibility(QAccessibleEvent(self, QAccessible.Event.DescriptionChanged))
        self._reveal_current()
        self.update()
        self.current_changed.emit(event_id or "")

    def visible_event_ids(self) -> list[str]:
        """The ids of the events drawn (the kinds shown), in date order."""
        return [item.event.id for item in self._items]

    def event_rect(self, event_id: str) -> QRect:
        """Where the event's band or glyph is drawn (a null rect when it is not drawn)."""
        item = self._by_id.get(event_id)
        return item.mark.toAlignedRect() if item else QRect()

    def event_at(self, pos: QPoint) -> str | None:
        """The event whose band, glyph or label is at ``pos``."""
        row = (pos.y() - ROWS_TOP) // self._row_height()
        if pos.y() < ROWS_TOP or row >= len(self._rows):
            return None
        items, ends = self._rows[row], self._row_ends[row]
        index = bisect_left(ends, pos.x())
        if index < len(items) and items[index].rect.contains(pos):
            return items[index].event.id
        return None

    def sizeHint(self) -> QSize:
        return QSize(self._content)

    # -- layout ----------------------------------------------------------------

    def _fit_scale(self, shown: list[TimelineEvent]) -> float:
        """The scale that shows the whole axis, and every label whole, in the viewport's width."""
        room = max(self._viewport.width() - 2 * MARGIN, 200)
        scale = room / max(self._last - self._first, FIT_DAYS_MIN)
        for event in shown:  # a label must not run past the right edge
            offset, width = _span(event)[0] - self._first, self._labels[event.id]
            if offset > 0 and room > width:
                scale = min(scale, (room - width) / offset)
        return scale

    def _x(self, ordinal: float) -> float:
        return MARGIN + (ordinal - self._first) * self._scale

    def _row_height(self) -> int:
        return MARK_H + 6 + 2 * QFontMetrics(self.font()).height() + 10

    def _bold(self) -> QFont:
        font = QFont(self.font())
        font.setBold(True)
        return font

    def _prepare_labels(self) -> None:
        """Label widths for the layout, estimated from the fonts' average character width:
        measuring and eliding every label exactly took seconds with 100 000 events. The
        exact, elided texts are made when a label is first painted (``_label_texts``)."""
        plain = QFontMetrics(self.font()).averageCharWidth() * 1.1
        bold = QFontMetrics(self._bold()).averageCharWidth() * 1.1
        self._labels = {
            event.id: min(LABEL_W, round(max(len(event.norm_title) * bold, len(short_action(event)) * plain)))
            + 2
            for event in self._events
        }
        self._texts = {}

    def _label_texts(self, event: TimelineEvent) -> tuple[str, str]:
        texts = self._texts.get(event.id)
        if texts is None:
            metrics, bold = QFontMetrics(self.font()), QFontMetrics(self._bold())
            title = bold.elidedText(event.norm_title, Qt.TextElideMode.ElideRight, LABEL_W)
            action = metrics.elidedText(short_action(event), Qt.TextElideMode.ElideRight, LABEL_W)
            texts = self._texts[event.id] = (title, action)
        return texts

    def _relayout(self) -> None:
        shown = [event for event in self._events if event.kind in self._kinds]
        self._fit = self._fit_scale(shown)
        self._scale = self._zoom if self._zoom is not None else self._fit
        row_h = self._row_height()
        # Horizontal extents first: (x0, mark left, mark right, label width, event).
        spans = []
        for event in shown:
            start, end = _span(event)
            left, right = (
                (self._x(start), self._x(end)) if end > start else (self._x(start) - 7, self._x(start) + 7)
            )
            spans.append((round(left), left, max(right, left + 3), self._labels[event.id], event))
        spans.sort(key=lambda span: span[0])
        # Stack in rows: each item takes the lowest row free at its left edge. A band may touch
        # the next item of its row; a label keeps a gap after it.
        busy: list[tuple[int, int]] = []  # (where the row is free again, row)
        free: list[int] = []
        rows: list[list[_Item]] = []
        for x0, left, right, width, event in spans:
            while busy and busy[0][0] <= x0:
                heapq.heappush(free, heapq.heappop(busy)[1])
            row = heapq.heappop(free) if free else len(rows)
            if row == len(rows):
                rows.append([])
            top = ROWS_TOP + row * row_h
            rect = QRect(x0, top - 2, max(round(right), x0 + width) - x0, row_h - 6)
            mark = QRectF(left, top, right - left, MARK_H)
            rows[row].append(_Item(event, mark, event.date.day is None, rect))
            heapq.heappush(busy, (max(round(right), x0 + width + GAP), row))
        self._items = sorted((i for row in rows for i in row), key=lambda i: (*i.event.date.key, i.event.id))
        self._by_id = {item.event.id: item for item in self._items}
        self._rows = rows
        self._row_ends = [[item.x1 for item in row] for row in rows]
        if self._current not in self._by_id:
            self._current = None
        width = max([round(self._x(self._last)) + MARGIN, *(i.x1 + MARGIN for i in self._items)])
        self._content = QSize(width, ROWS_TOP + max(len(rows), 1) * row_h + 8)
        self.updateGeometry()
        self.resize(self._content.expandedTo(self._viewport))
        self.setAccessibleDescription(self.tr("%n evento(s) en la línea de tiempo", "", len(self._items)))
        self.update()

    def _zoom_to(self, scale: float) -> None:
        visible = self.visibleRegion().boundingRect()
        anchor = (
            (visible.center().x() - MARGIN) / self._scale + self._first if not visible.isEmpty() else None
        )
        self._zoom = None if scale <= self._fit * 1.001 else scale
        self._relayout()
        if self._current is not None:
            self._reveal_current()
        elif anchor is not None:  # keep the date at the middle of the view in the middle
            x, width = int(self._x(anchor)), self._viewport.width()
            self.visible_rect_requested.emit(QRect(x - width // 2 + 1, visible.top(), width - 2, 1))

    def _reveal_current(self) -> None:
        item = self._by_id.get(self._current or "")
        if item is not None:
            self.visible_rect_requested.emit(item.rect.adjusted(-MARGIN, -4, MARGIN, 4))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self._prepare_labels()
            self._relayout()
        super().changeEvent(event)

    # -- painting --------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        clip = event.rect()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        painter.fillRect(clip, palette.color(QPalette.ColorRole.Base))
        self._paint_axis(painter, clip)
        painted: list[str] = []
        row_h = self._row_height()
        first = max(0, (clip.top() - ROWS_TOP) // row_h)
        last = min(len(self._rows) - 1, (clip.bottom() - ROWS_TOP) // row_h)
        for row in range(first, last + 1):
            items = self._rows[row]
            index = bisect_left(self._row_ends[row], clip.left())
            while index < len(items) and items[index].x0 <= clip.right():
                self._paint_item(painter, items[index])
                painted.append(items[index].event.id)
                index += 1
        if not self._items:
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(QRect(MARGIN, ROWS_TOP, max(self.width() - 2 * MARGIN, 1), row_h),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             self.tr("No hay eventos que mostrar con los tipos elegidos."))  # fmt: skip
        self._paint_marker(painter, clip)
        painter.end()
        self.painted_ids = painted

    def _paint_axis(self, painter: QPainter, clip: QRect) -> None:
        palette = self.palette()
        text, grid = palette.color(QPalette.ColorRole.Text), palette.color(QPalette.ColorRole.Mid)
        stripe = palette.color(QPalette.ColorRole.AlternateBase)
        first_year, last_year = date.fromordinal(self._first).year, date.fromordinal(self._last).year
        painter.setPen(QPen(grid, 1))
        painter.drawLine(QPointF(self._x(self._first), AXIS_Y), QPointF(self._x(self._last), AXIS_Y))
        per_month = self._scale * 30.4
        for year in range(first_year, last_year + 1):
            left = self._x(date(year, 1, 1).toordinal())
            right = self._x(date(year + 1, 1, 1).toordinal()) if year < last_year else left
            if right < clip.left() - 40 or left > clip.right() + 40:
                continue
            if year < last_year and year % 2:  # alternate years shaded, to read columns
                painter.fillRect(QRectF(left, AXIS_Y, right - left, self.height() - AXIS_Y), stripe)
            painter.setPen(QPen(grid, 1))
            painter.drawLine(QPointF(left, AXIS_Y - 6), QPointF(left, self.height()))
            painter.setPen(text)
            label = (
                QRectF(left, 4, right - left, AXIS_Y - 8)
                if year < last_year
                else QRectF(left - 30, 4, 60, 18)
            )
            painter.drawText(label, Qt.AlignmentFlag.AlignCenter, str(year))
            if per_month < 14 or year == last_year:
                continue
            for month in range(1, 13):
                x = self._x(date(year, month, 1).toordinal())
                painter.setPen(QPen(grid, 1))
                if month > 1:  # January starts at the year's line
                    painter.drawLine(QPointF(x, AXIS_Y - 3), QPointF(x, AXIS_Y + 3))
                if per_month >= 44:
                    painter.setPen(text)
                    painter.drawText(QRectF(x, AXIS_Y + 2, per_month, 16), Qt.AlignmentFlag.AlignCenter,
                                     MONTHS_ES[month - 1][:3])  # fmt: skip

    def _paint_item(self, painter: QPainter, item: _Item) -> None:
        palette = self.palette()
        color = QColor(KIND_COLORS[item.event.kind])
        if item.event.id == self._current:
            highlight = QColor(palette.color(QPalette.ColorRole.Highlight))
            highlight.setAlpha(50)
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Highlight), 2 if self.hasFocus() else 1))
            painter.setBrush(highlight)
            painter.drawRoundedRect(QRectF(item.rect).adjusted(-2, 0, 2, 2), 4, 4)
        mark = item.mark
        if item.band:
            tint = QColor(color)
            tint.setAlpha(60)
            painter.setPen(QPen(color, 1.5))
            painter.setBrush(tint)
            painter.drawRoundedRect(mark.adjusted(1, 0.75, -2, -0.75), 3, 3)
            if mark.width() >= 16:
                painter.fillPath(
                    glyph_path(item.event.kind, QPointF(mark.left() + 8, mark.center().y()), 9), color
                )
        else:
            painter.fillPath(glyph_path(item.event.kind, mark.center(), 13), color)
        metrics = QFontMetrics(self.font())
        baseline = mark.bottom() + 4 + metrics.ascent()
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        title, action = self._label_texts(item.event)
        painter.setFont(self._bold())
        painter.drawText(QPointF(mark.left(), baseline), title)
        painter.setFont(self.font())
        painter.drawText(QPointF(mark.left(), baseline + metrics.height()), action)

    def _paint_marker(self, painter: QPainter, clip: QRect) -> None:
        if self._marker is None:
            return
        x = self.marker_x()
        label = self.tr("Vigente a %1").replace("%1", format_day(self._marker))
        if x is None:  # off the axis: say so at the end it is beyond
            after = self._marker.toordinal() >= self._last
            x = int(self._x(self._last if after else self._first))
            label = f"{label} →" if after else f"← {label}"
        else:
            painter.setPen(QPen(QColor(MARKER_COLOR), 2))
            painter.drawLine(QPointF(x, AXIS_Y - 4), QPointF(x, self.height()))
        metrics = QFontMetrics(self.font())
        width = metrics.horizontalAdvance(label) + 12
        left = x + 4 if x + 4 + width <= self.width() - 2 else x - 4 - width
        box = QRectF(left, AXIS_Y + 6, width, metrics.height() + 4)
        if box.intersects(QRectF(clip)):
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(MARKER_COLOR))
            painter.drawRoundedRect(box, 4, 4)
            painter.setPen(QColor("white"))
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, label)

    # -- interaction -----------------------------------------------------------
    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            item = self._by_id.get(self.event_at(event.pos()) or "")
            if item is None:
                QToolTip.hideText()
                event.ignore()
            else:
                QToolTip.showText(event.globalPos(), event_tooltip(item.event), self, item.rect)
            return True
        return super().event(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        event_id = self.event_at(event.position().toPoint())
        if event.button() == Qt.MouseButton.LeftButton and event_id is not None:
            self.set_current_event(event_id)
            self.event_activated.emit(event_id)
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pointing = self.event_at(event.position().toPoint()) is not None
        if pointing != self._pointing:
            self._pointing = pointing
            self.setCursor(Qt.CursorShape.PointingHandCursor if pointing else Qt.CursorShape.ArrowCursor)
        super().mouseMoveEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        delta = event.angleDelta().y()
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier and delta:
            if delta > 0:
                self.zoom_in()
            else:
                self.zoom_out()
            event.accept()
            return
        super().wheelEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, ids = event.key(), self.visible_event_ids()
        index = ids.index(self._current) if self._current in ids else -1
        if key in (Qt.Key.Key_Right, Qt.Key.Key_Left) and ids:
            step = 1 if key == Qt.Key.Key_Right else -1
            target = (
                (0 if step > 0 else len(ids) - 1) if index < 0 else min(max(index + step, 0), len(ids) - 1)
            )
            self.set_current_event(ids[target])
        elif key in (Qt.Key.Key_Home, Qt.Key.Key_End) and ids:
            self.set_current_event(ids[0] if key == Qt.Key.Key_Home else ids[-1])
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self._current is not None:
            self.event_activated.emit(self._current)
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_in()
        elif key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
            self.zoom_out()
        elif key == Qt.Key.Key_0:
            self.zoom_to_fit()
        else:
            super().keyPressEvent(event)
            return
        event.accept()


class TimelinePanel(QWidget):
    """The timeline in a scroll area, with a legend that filters by kind and zoom buttons."""

    event_activated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timelinePanel")
        self.setAccessibleName(self.tr("Panel de la línea de tiempo"))
        self.view = TimelineView()
        self.view.event_activated.connect(self.event_activated)
        self.view.visible_rect_requested.connect(self._show_rect)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidget(self.view)
        self.scroll_area.setWidgetResizable(False)
        self.scroll_area.setAccessibleName(self.tr("Área desplazable de la línea de tiempo"))
        self.scroll_area.viewport().installEventFilter(self)
        self.checkboxes: dict[EventKind, QCheckBox] = {}
        legend = QGridLayout()
        legend.setHorizontalSpacing(14)
        legend.setVerticalSpacing(2)
        for number, kind in enumerate(EventKind):
            box = QCheckBox(EVENT_KIND_LABELS[kind], self)
            box.setIcon(kind_icon(kind))
            box.setChecked(True)
            box.setAccessibleName(EVENT_KIND_LABELS[kind])
            box.setAccessibleDescription(self.tr("Mostrar u ocultar los eventos de este tipo"))
            box.toggled.connect(self._apply_filter)
            legend.addWidget(box, number // 4, number % 4)
            self.checkboxes[kind] = box
        self.fit_button = QPushButton(self.tr("Ajustar"), self)
        self.fit_button.setToolTip(self.tr("Ajustar la línea de tiempo al ancho disponible (0)"))
        self.fit_button.setAccessibleName(self.tr("Ajustar la línea de tiempo al ancho"))
        self.fit_button.clicked.connect(lambda: self.view.zoom_to_fit())
        zoom_out = tool_button(self, "−", self.tr("Alejar (−)"), lambda: self.view.zoom_out())
        zoom_in = tool_button(self, "+", self.tr("Acercar (+)"), lambda: self.view.zoom_in())
        top = QHBoxLayout()
        top.setContentsMargins(6, 4, 6, 0)
        top.addLayout(legend)
        top.addStretch(1)
        for widget in (zoom_out, zoom_in, self.fit_button):
            top.addWidget(widget, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.scroll_area, 1)

    def set_events(self, events: list[TimelineEvent]) -> None:
        self.view.set_events(events)

    def set_marker(self, day: date | None) -> None:
        self.view.set_marker(day)

    def _apply_filter(self, _checked: bool = False) -> None:
        self.view.set_kinds({kind for kind, box in self.checkboxes.items() if box.isChecked()})

    def _show_rect(self, rect: QRect) -> None:
        center = rect.center()
        self.scroll_area.ensureVisible(center.x(), center.y(), rect.width() // 2, rect.height() // 2)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.scroll_area.viewport() and event.type() == QEvent.Type.Resize:
            self.view.set_viewport_size(self.scroll_area.viewport().size())
        return super().eventFilter(watched, event)
