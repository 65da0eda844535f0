"""The amendment events on a painted, zoomable time axis (``TimelineView``).

Layout (``timeline_layout``: positions and stacking rows) is redone on ``set_events``, a filter,
a zoom or a new width, a slice per turn of the event loop, so 100 000 events never freeze the
window. Painting only walks the rows and items that intersect the exposed rectangle, and labels
are measured and elided when first painted, so scrolling costs the same at any size.
"""

from __future__ import annotations

import itertools
from bisect import bisect_left
from collections.abc import Iterator
from datetime import date

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAccessible,
    QAccessibleEvent,
    QColor,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QToolTip,
    QWidget,
)

from sgdesk.content.dates import MONTHS_ES
from sgdesk.content.model import EVENT_KIND_LABELS, EventKind
from sgdesk.content.timeline import TimelineEvent
from sgdesk.export.plan import format_day
from sgdesk.ui.theme import current_theme
from sgdesk.ui.timeline_layout import (
    LABEL_GAP,
    LABEL_W,
    MARGIN,
    MARK_H,
    ROWS_TOP,
    Extents,
    Packing,
    fit_scale,
    row_height,
    widest_labels,
)
from sgdesk.ui.timeline_style import (
    elide_words,
    event_tooltip,
    glyph_path,
    paint_hollow,
    short_action,
)

AXIS_Y = 24  # the axis line; year labels above it, the "Vigente a" label below
HEADER_H = ROWS_TOP  # the axis band, kept at the top of the view when the rows scroll
ZOOM_STEP = 1.5
MAX_SCALE = 12.0  # pixels per day
SLICE = 2000  # events laid out per turn of the event loop
_PREPARE, _FILTER, _PACK = range(3)  # the stages of a layout


class TimelineView(QWidget):
    """Events as glyphs (known to the day) or bands (month, year), stacked in rows under a year axis.

    Any change (events, kinds shown, zoom, width, font) lays the events out again in slices of
    ``SLICE`` events, one per turn of the event loop; what is placed is painted as it comes,
    and ``layout_finished`` is emitted at the end. Up to ``SLICE`` events it all happens at
    once, inside the call that asked for it.
    """

    event_activated = Signal(str)  # event id: clicked, or Enter on the focused one
    current_changed = Signal(str)  # "" when there is none
    visible_rect_requested = Signal(QRect)  # what the hosting scroll area should show
    layout_finished = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Línea de tiempo de modificaciones"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self._events: list[TimelineEvent] = []
        self._reading = False  # the events are still being read (see set_reading)
        self._kinds: set[EventKind] = set(EventKind)
        self._show_later = True  # later changes not incorporated (drawn hollow)
        self._marker: date | None = None
        self._zoom: float | None = None  # pixels per day; None: fit the viewport
        self._scale = self._fit = 1.0  # pixels per day: shown, and to fit the viewport
        self._viewport = QSize(900, 300)
        self._first = self._last = date(2006, 1, 1).toordinal()
        self._extents = Extents()  # per event (date order)
        self._texts: dict[str, tuple[str, str]] = {}  # id -> elided title and action, once painted
        self._shown: list[TimelineEvent] = []  # the kinds shown, in date order
        self._shown_extents = Extents()
        self._position: dict[str, int] = {}  # id -> index in _shown
        self._widest: dict[int, float] = {}
        self._packing = Packing(Extents(), self._first, 1.0)
        self._current: str | None = None
        self._pointing = False
        self._content = QSize(0, 0)
        self._stage = _PREPARE  # the first stage the layout must redo
        self._work: Iterator[int] | None = None
        self._after_layout: QRect | None = None  # to show once laid out (a zoom's anchor)
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._continue)
        self.painted_ids: list[str] = []  # the events the last paint drew (culling is testable)
        self._invalidate(_PREPARE)

    # -- public API ------------------------------------------------------------
    def set_events(self, events: list[TimelineEvent]) -> None:
        self._events = list(events)
        self._reading = False
        self._invalidate(_PREPARE)

    def set_reading(self) -> None:
        """The events are being read (a large corpus, on a worker thread): say so, not "none"."""
        self._reading = True
        self.update()

    def placeholder_text(self) -> str:
        """What the view says when it draws no event ("" when it draws some)."""
        if self._reading:
            return self.tr("Leyendo los eventos del corpus…")
        if self._work is not None or self._shown:
            return ""
        if not self._events:
            return self.tr("El corpus no registra eventos.")
        return self.tr("No hay eventos que mostrar con los tipos elegidos.")

    def set_kinds(self, kinds: set[EventKind]) -> None:
        """Draw only events of these kinds."""
        self._kinds = set(kinds)
        self._invalidate(_FILTER)

    def kinds(self) -> set[EventKind]:
        return set(self._kinds)

    def set_show_later(self, show: bool) -> None:
        """Draw the later changes the corpus knows of but does not incorporate, or not."""
        self._show_later = show
        self._invalidate(_FILTER)

    def is_laid_out(self) -> bool:
        return self._work is None

    def layout_progress(self) -> float:
        """How much of the layout is done, from 0 to 1."""
        if self._work is None:
            return 1.0
        if self._stage < _PACK:
            return 0.0
        return self._packing.placed / max(len(self._shown), 1)

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
        if size == self._viewport:
            return
        width_changed = size.width() != self._viewport.width()
        self._viewport = QSize(size)
        if width_changed and self._zoom is None:
            self._invalidate(_PACK)
        else:
            self._sync_size()

    @property
    def scale(self) -> float:
        """Pixels per day."""
        return self._scale

    def zoom_to_fit(self) -> None:
        self._zoom = None
        self._after_layout = None
        self._invalidate(_PACK)
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
        event_id = event_id if event_id in self._position else None
        if event_id == self._current:
            return
        self._current = event_id
        if event_id is not None:
            event = self._shown[self._position[event_id]]
            self.setAccessibleDescription(f"{event.norm_title}, {event.date.format_es()}, "
                                          f"{EVENT_KIND_LABELS[event.kind]}: {event.summary}")  # fmt: skip
            QAccessible.updateAccessibility(QAccessibleEvent(self, QAccessible.Event.DescriptionChanged))
        self._reveal_current()
        self.update()
        self.current_changed.emit(event_id or "")

    def visible_event_ids(self) -> list[str]:
        """The ids of the events drawn (the kinds shown), in date order."""
        return [event.id for event in self._shown]

    def event_rect(self, event_id: str) -> QRect:
        """Where the event's band or glyph is drawn (a null rect when it is not, or not yet)."""
        index = self._position.get(event_id)
        if index is None or self._packing.row[index] < 0:
            return QRect()
        return self._mark(index).toAlignedRect()

    def event_at(self, pos: QPoint) -> str | None:
        """The event whose band, glyph or label is at ``pos``."""
        packing, row = self._packing, (pos.y() - ROWS_TOP) // self._row_height()
        if pos.y() < max(ROWS_TOP, self.header_top() + HEADER_H) or row >= len(packing.rows):
            return None
        items, ends = packing.rows[row], packing.ends[row]
        found = bisect_left(ends, pos.x())
        if found < len(items) and self._rect(items[found]).contains(pos):
            return self._shown[items[found]].id
        return None

    def label_of(self, event_id: str) -> tuple[str, str]:
        """The event's label as painted: the norm and the action, each elided at a word."""
        return self._label_texts(self._shown[self._position[event_id]])

    def row_count(self) -> int:
        """How many rows the events shown are stacked in."""
        return len(self._packing.rows)

    def axis_span(self) -> tuple[int, int]:
        """Where the axis starts and ends (the first January of its first year, the end of its last)."""
        return round(self._x(self._first)), round(self._x(self._last))

    def header_top(self) -> int:
        """Where the axis is painted: the top of what the hosting scroll area shows."""
        return max(0, -self.y())

    def sizeHint(self) -> QSize:
        return QSize(self._content)

    # -- layout ----------------------------------------------------------------
    def _x(self, ordinal: float) -> float:
        return MARGIN + (ordinal - self._first) * self._scale

    def _row_height(self) -> int:
        return row_height(QFontMetrics(self.font()).height())

    def _bold(self) -> QFont:
        font = QFont(self.font())
        font.setBold(True)
        return font

    def _label_texts(self, event: TimelineEvent) -> tuple[str, str]:
        texts = self._texts.get(event.id)
        if texts is None:
            metrics, bold = QFontMetrics(self.font()), QFontMetrics(self._bold())
            title = elide_words(bold, event.norm_title, LABEL_W)
            action = elide_words(metrics, short_action(event), LABEL_W)
            texts = self._texts[event.id] = (title, action)
        return texts

    def _mark(self, index: int) -> QRectF:
        packing = self._packing
        top = ROWS_TOP + packing.row[index] * self._row_height()
        return QRectF(packing.left[index], top, packing.right[index] - packing.left[index], MARK_H)

    def _rect(self, index: int) -> QRect:
        """Mark and label together: for hit testing and the focus highlight."""
        packing, row_h = self._packing, self._row_height()
        x0 = round(packing.left[index])
        return QRect(x0, ROWS_TOP + packing.row[index] * row_h - 2, packing.x1[index] + 1 - x0, row_h - 2)

    def _invalidate(self, stage: int) -> None:
        """Lay out again from ``stage``: the first slice now, the rest from the event loop."""
        self._stage = min(self._stage, stage)
        self._work = self._layout()
        self._timer.stop()
        self._continue()

    def _continue(self) -> None:
        work = self._work
        if work is None:
            self._timer.stop()
            return
        done = 0
        while done < SLICE:  # each step says how many events' worth of work it did
            step = next(work, None)
            if step is None:
                self._work = None
                self._timer.stop()
                self._finish()
                return
            done += step
        self._sync_size()
        self.update()
        self._timer.start()

    def _layout(self) -> Iterator[int]:
        """The layout as slices: each ``next`` does at most about ``SLICE`` events' work."""
        if self._stage <= _FILTER:  # nothing is drawn until the events shown are known again
            self._packing = Packing(Extents(), self._first, self._scale)
            self._shown, self._shown_extents, self._position = [], Extents(), {}
        if self._stage <= _PREPARE:
            yield from self._prepare()
            self._stage = _FILTER
        if self._stage <= _FILTER:
            yield from self._filter()
            self._stage = _PACK
        room = max(self._viewport.width() - 2 * MARGIN, 200)
        self._fit = fit_scale(self._widest, self._last - self._first, room)
        self._scale = self._zoom if self._zoom is not None else self._fit
        self._packing = Packing(self._shown_extents, self._first, self._scale)
        self._sync_size()
        if self._after_layout is not None:  # a zoom: keep the same dates in view from the start
            self.visible_rect_requested.emit(self._after_layout)
        packing = self._packing
        while not packing.done:
            placed = packing.placed
            packing.step(SLICE)
            yield packing.placed - placed

    def _prepare(self) -> Iterator[int]:
        """Events in date order, with their extents and estimated label widths.

        Estimated from the fonts' average character width: measuring and eliding every label
        took seconds with 100 000 events. Exact, elided labels are made when first painted.
        """
        events, in_order = self._events, True
        for start in range(1, len(events), SLICE):  # the library gives them in this order
            chunk = events[start - 1 : start + SLICE]
            in_order = in_order and all(a.order <= b.order for a, b in itertools.pairwise(chunk))
            yield len(chunk)
        if not in_order:
            events = self._events = sorted(events, key=lambda event: event.order)
        years = [events[0].date.year, events[-1].date.year] if events else [date.today().year]
        self._first = date(min(2006, years[0]), 1, 1).toordinal()
        self._last = date(years[-1] + 1, 1, 1).toordinal()
        plain = QFontMetrics(self.font()).averageCharWidth() * 1.1
        bold = QFontMetrics(self._bold()).averageCharWidth() * 1.1
        self._texts = {}
        self._extents = Extents()
        for start in range(0, len(self._events), SLICE):
            for event in self._events[start : start + SLICE]:
                label = min(
                    LABEL_W, round(max(len(event.norm_title) * bold, len(short_action(event)) * plain))
                )
                self._extents.append(event.date, label + 2)
            yield min(SLICE, len(self._events) - start)

    def _filter(self) -> Iterator[int]:
        kinds, later = self._kinds, self._show_later
        indexes = [i for i, e in enumerate(self._events) if (later if e.later else e.kind in kinds)]
        self._shown = [self._events[i] for i in indexes]
        self._position = {event.id: n for n, event in enumerate(self._shown)}
        if self._current is not None and self._current not in self._position:
            self._current = None
            self.current_changed.emit("")
        self.setAccessibleDescription(self.tr("%n evento(s) en la línea de tiempo", "", len(self._shown)))
        yield len(self._events)
        self._shown_extents = self._extents.subset(indexes)
        yield len(self._events)
        self._widest = widest_labels(self._shown_extents, self._first)

    def _finish(self) -> None:
        self._sync_size()
        self.update()
        if self._after_layout is None or self._current is not None:
            self._reveal_current()
        self._after_layout = None
        self.layout_finished.emit()

    def _sync_size(self) -> None:
        packing = self._packing
        width = max(round(self._x(self._last)) + MARGIN, packing.width + MARGIN)
        self._content = QSize(width, ROWS_TOP + max(len(packing.rows), 1) * self._row_height() + 8)
        self.updateGeometry()
        size = self._content.expandedTo(self._viewport)
        if size != self.size():
            self.resize(size)

    def _zoom_to(self, scale: float) -> None:
        visible = self.visibleRegion().boundingRect()
        anchor = (
            (visible.center().x() - MARGIN) / self._scale + self._first if not visible.isEmpty() else None
        )
        self._zoom = None if scale <= self._fit * 1.001 else scale
        self._after_layout = None
        if self._current is None and anchor is not None:  # keep the date in the middle there
            x, width = (
                int(MARGIN + (anchor - self._first) * (self._zoom or self._fit)),
                self._viewport.width(),
            )
            self._after_layout = QRect(x - width // 2 + 1, visible.top(), width - 2, 1)
        self._invalidate(_PACK)

    def _reveal_current(self) -> None:
        index = self._position.get(self._current or "")
        if index is not None and self._packing.row[index] >= 0:
            # room above for the axis band, which stays on top of the rows when they scroll
            self.visible_rect_requested.emit(self._rect(index).adjusted(-MARGIN, -4 - HEADER_H, MARGIN, 4))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self._invalidate(_PREPARE)
        super().changeEvent(event)

    # -- painting --------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        clip = event.rect()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        painter.fillRect(clip, palette.color(QPalette.ColorRole.Base))
        self._paint_axis(painter, clip, self.height())
        painted: list[str] = []
        packing, row_h = self._packing, self._row_height()
        first = max(0, (clip.top() - ROWS_TOP) // row_h)
        last = min(len(packing.rows) - 1, (clip.bottom() - ROWS_TOP) // row_h)
        for row in range(first, last + 1):
            items = packing.rows[row]
            found = bisect_left(packing.ends[row], clip.left())
            while found < len(items) and packing.left[items[found]] <= clip.right() + 1:
                self._paint_item(painter, items[found])
                painted.append(self._shown[items[found]].id)
                found += 1
        if self._work is not None:
            self._paint_progress(painter)
        elif placeholder := self.placeholder_text():
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            area = QRect(MARGIN, ROWS_TOP, max(self.width() - 2 * MARGIN, 1), row_h)
            painter.drawText(area, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, placeholder)
        self._paint_marker(painter, clip, self.height())
        top = self.header_top()
        if top > 0 and clip.top() < top + HEADER_H:  # scrolled: the axis stays in view, on top
            band = QRect(clip.left(), 0, clip.width(), HEADER_H)
            painter.translate(0, top)
            painter.setClipRect(band)
            painter.fillRect(band, palette.color(QPalette.ColorRole.Base))
            self._paint_axis(painter, band, HEADER_H)
            self._paint_marker(painter, band, HEADER_H)
            painter.setPen(QPen(QColor(current_theme(palette).grid), 1))
            painter.drawLine(QPointF(band.left(), HEADER_H - 0.5), QPointF(band.right() + 1, HEADER_H - 0.5))
        painter.end()
        self.painted_ids = painted

    def _paint_axis(self, painter: QPainter, clip: QRect, bottom: int) -> None:
        palette = self.palette()
        text, grid = palette.color(QPalette.ColorRole.Text), QColor(current_theme(palette).grid)
        stripe = palette.color(QPalette.ColorRole.AlternateBase)
        first_year, last_year = date.fromordinal(self._first).year, date.fromordinal(self._last).year
        painter.setPen(QPen(grid, 1))
        painter.drawLine(QPointF(self._x(self._first), AXIS_Y), QPointF(self._x(self._last), AXIS_Y))
        per_month = self._scale * 30.4
        every = self.year_label_step()  # the axis's end is labelled too when there is room
        end_fits = every == 1 and self._scale * 365.25 >= 2 * self._year_label_width()
        for year in range(first_year, last_year + 1):
            left = self._x(date(year, 1, 1).toordinal())
            right = self._x(date(year + 1, 1, 1).toordinal()) if year < last_year else left
            if right < clip.left() - 40 or left > clip.right() + 40:
                continue
            if year < last_year and year % 2:  # alternate years shaded, to read columns
                painter.fillRect(QRectF(left, AXIS_Y, right - left, bottom - AXIS_Y), stripe)
            painter.setPen(QPen(grid, 1))
            painter.drawLine(QPointF(left, AXIS_Y - 6), QPointF(left, bottom))
            if (year % every == 0 and year < last_year) or (year == last_year and end_fits):
                middle = (left + right) / 2
                painter.setPen(text)
                painter.drawText(
                    QRectF(middle - 30, 4, 60, AXIS_Y - 8), Qt.AlignmentFlag.AlignCenter, str(year)
                )
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

    def _year_label_width(self) -> int:
        return QFontMetrics(self.font()).horizontalAdvance("0000") + 10

    def year_label_step(self) -> int:
        """Label every year, or every 2, 5, 10… when a year is narrower than its label."""
        needed = self._year_label_width()
        per_year = self._scale * 365.25
        return next((step for step in (1, 2, 5, 10, 20, 50) if step * per_year >= needed), 100)

    def _paint_item(self, painter: QPainter, index: int) -> None:
        palette, event = self.palette(), self._shown[index]
        theme = current_theme(palette)
        color = QColor(theme.kinds[event.kind])
        if event.id == self._current:
            highlight = QColor(palette.color(QPalette.ColorRole.Highlight))
            highlight.setAlpha(50)
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Highlight), 2 if self.hasFocus() else 1))
            painter.setBrush(highlight)
            painter.drawRoundedRect(QRectF(self._rect(index)).adjusted(-2, 0, 2, 2), 4, 4)
        mark = self._mark(index)
        if event.later:  # not incorporated: hollow, dashed when known only to the month or year
            band = self._packing.extents.band(index)
            if band:
                painter.setPen(QPen(QColor(theme.later), 1.5, Qt.PenStyle.DashLine))
                painter.setBrush(QColor(theme.page.background))
                painter.drawRoundedRect(mark.adjusted(1, 0.75, -2, -0.75), 3, 3)
            if not band or mark.width() >= 16:
                center = QPointF(mark.left() + 8, mark.center().y()) if band else mark.center()
                paint_hollow(painter, glyph_path(event.kind, center, 9 if band else 13), theme)
        elif self._packing.extents.band(index):  # known to the month or the year
            tint = QColor(color)
            tint.setAlpha(60)
            painter.setPen(QPen(color, 1.5))
            painter.setBrush(tint)
            painter.drawRoundedRect(mark.adjusted(1, 0.75, -2, -0.75), 3, 3)
            if mark.width() >= 16:
                painter.fillPath(
                    glyph_path(event.kind, QPointF(mark.left() + 8, mark.center().y()), 9), color
                )
        else:
            painter.fillPath(glyph_path(event.kind, mark.center(), 13), color)
        metrics = QFontMetrics(self.font())
        baseline = mark.bottom() + LABEL_GAP + metrics.ascent()
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        title, action = self._label_texts(event)
        painter.setFont(self._bold())
        painter.drawText(QPointF(mark.left(), baseline), title)
        painter.setFont(self.font())
        painter.drawText(QPointF(mark.left(), baseline + metrics.height()), action)

    def _paint_progress(self, painter: QPainter) -> None:
        """While laying out: how far it got, at the top right of what is visible."""
        visible = self.visibleRegion().boundingRect()
        text = (
            self.tr("Disponiendo %1 eventos… %2 %")
            .replace("%1", f"{len(self._shown) or len(self._events):,}".replace(",", "."))
            .replace("%2", str(int(self.layout_progress() * 100)))
        )
        metrics = QFontMetrics(self.font())
        box = QRectF(visible.right() - metrics.horizontalAdvance(text) - 20, visible.top() + 4,
                     metrics.horizontalAdvance(text) + 12, metrics.height() + 4)  # fmt: skip
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self.palette().color(QPalette.ColorRole.ToolTipBase))
        painter.drawRoundedRect(box, 4, 4)
        painter.setPen(self.palette().color(QPalette.ColorRole.ToolTipText))
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)

    def _paint_marker(self, painter: QPainter, clip: QRect, bottom: int) -> None:
        if self._marker is None:
            return
        marker = current_theme(self.palette()).marker
        x = self.marker_x()
        label = self.tr("Vigente a %1").replace("%1", format_day(self._marker))
        if x is None:  # off the axis: say so at the end it is beyond
            after = self._marker.toordinal() >= self._last
            x = int(self._x(self._last if after else self._first))
            label = f"{label} →" if after else f"← {label}"
        else:
            painter.setPen(QPen(QColor(marker.background), 2))
            painter.drawLine(QPointF(x, AXIS_Y - 4), QPointF(x, bottom))
        metrics = QFontMetrics(self.font())
        width = metrics.horizontalAdvance(label) + 12
        left = x + 4 if x + 4 + width <= self.width() - 2 else x - 4 - width
        box = QRectF(left, AXIS_Y + 2, width, metrics.height() + 4)
        if box.intersects(QRectF(clip)):
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(marker.background))
            painter.drawRoundedRect(box, 4, 4)
            painter.setPen(QColor(marker.text))
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, label)

    # -- interaction -----------------------------------------------------------
    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            index = self._position.get(self.event_at(event.pos()) or "")
            if index is None:
                QToolTip.hideText()
                event.ignore()
            else:
                QToolTip.showText(
                    event.globalPos(), event_tooltip(self._shown[index]), self, self._rect(index)
                )
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
        key, shown = event.key(), self._shown
        index = self._position.get(self._current or "", -1)
        if key in (Qt.Key.Key_Right, Qt.Key.Key_Left) and shown:
            step = 1 if key == Qt.Key.Key_Right else -1
            target = (
                (0 if step > 0 else len(shown) - 1)
                if index < 0
                else min(max(index + step, 0), len(shown) - 1)
            )
            self.set_current_event(shown[target].id)
        elif key in (Qt.Key.Key_Home, Qt.Key.Key_End) and shown:
            self.set_current_event(shown[0 if key == Qt.Key.Key_Home else -1].id)
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
