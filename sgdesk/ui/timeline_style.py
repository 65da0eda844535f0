"""How the timeline marks events: a colour and a glyph per kind, short labels, tooltips."""

from __future__ import annotations

import functools
import re

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFontMetrics,
    QIcon,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
    QPolygonF,
    QTransform,
)

from sgdesk.content.model import EVENT_KIND_LABELS, EventKind
from sgdesk.content.timeline import TimelineEvent
from sgdesk.ui.safe_text import rich_lines
from sgdesk.ui.theme import Theme

LATER_LABEL = "Posterior (no incorporado)"
LATER_DESCRIPTION = "Cambio posterior conocido que este contenido no incorpora"
# The legend's words, short enough for one line in a 1 366-pixel window; the full names
# (EVENT_KIND_LABELS) are the tooltips and accessible names.
LEGEND_LABELS: dict[EventKind, str] = {
    EventKind.ISSUANCE: "Expedición",
    EventKind.INSERTION: "Adición",
    EventKind.MODIFICATION: "Modificación",
    EventKind.REPLACEMENT: "Subrogación",
    EventKind.RENAMING: "Denominación",
    EventKind.CREATION: "Creación",
    EventKind.REPEAL: "Derogación",
}

# -- labels and glyphs ------------------------------------------------------------------

_CUT = re.compile(r" del (artículo|acuerdo|decreto|resolución|ley|literal)\b", re.IGNORECASE)


def short_action(event: TimelineEvent) -> str:
    """What the event does, briefly and lower-case: "adiciona el literal n"."""
    if event.later:
        return "posterior, no incorporado"
    if event.kind is EventKind.ISSUANCE:
        return "expedición"
    if event.kind is EventKind.RENAMING and len(event.changes) > 1:
        return f"cambia la denominación de {len(event.changes)} dependencias"
    text = _CUT.split(event.summary.split("; ")[0], maxsplit=1)[0]
    return text[:1].lower() + text[1:]


def elide_words(metrics: QFontMetrics, text: str, width: int) -> str:
    """``text`` cut at a word boundary, with "…", to fit ``width`` pixels (mid-word only when
    its first word alone does not fit)."""
    if metrics.horizontalAdvance(text) <= width:
        return text
    words = text.split(" ")
    for count in range(len(words) - 1, 0, -1):
        shorter = " ".join(words[:count]).rstrip(" ,;:")
        if shorter and metrics.horizontalAdvance(shorter + "…") <= width:
            return shorter + "…"
    return metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)


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


def kind_icon(kind: EventKind, theme: Theme, size: int = 16) -> QIcon:
    """The kind's glyph in its colour, for the legend (the filter check boxes)."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.fillPath(glyph_path(kind, QPointF(size / 2, size / 2), size - 3), QColor(theme.kinds[kind]))
    painter.end()
    return QIcon(pixmap)


def later_icon(theme: Theme, size: int = 16) -> QIcon:
    """The legend's hollow glyph for later changes not incorporated."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    paint_hollow(painter, glyph_path(EventKind.MODIFICATION, QPointF(size / 2, size / 2), size - 4), theme)
    painter.end()
    return QIcon(pixmap)


def paint_hollow(painter: QPainter, path: QPainterPath, theme: Theme) -> None:
    """A glyph drawn as an outline on the background: a change the corpus does not incorporate."""
    painter.save()
    painter.setPen(QPen(QColor(theme.later), 2))
    painter.setBrush(QColor(theme.page.background))
    painter.drawPath(path)
    painter.restore()


def event_tooltip(event: TimelineEvent) -> str:
    kind = LATER_DESCRIPTION if event.later else EVENT_KIND_LABELS[event.kind]
    lines = [event.norm_title, f"Fecha: {event.date.format_es()}", f"Tipo: {kind}", event.summary]
    action = short_action(event)
    if action.casefold() not in event.summary.casefold():  # the label's full text is always here
        lines.insert(1, action[:1].upper() + action[1:])
    return rich_lines(lines, bold_first=True)
