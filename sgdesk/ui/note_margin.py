"""Mis notas in the reading pane: where each passage is, and a marker in the left margin.

``find_passage`` finds a passage inside a unit's range of the document even when it runs
over several paragraphs (white space, paragraph breaks included, counts as one space;
accents and case are ignored). ``NoteMargin`` is a strip beside the text: a note shows as
a ✎ at the height of its passage (a note on a whole unit: at the unit's start); hovering it
shows the note (escaped: it is the user's text), a click asks to edit it.
"""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import QEvent, QPoint, QRect, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPalette, QTextCursor
from PySide6.QtWidgets import QTextEdit, QToolTip, QWidget

from sgdesk.export.note_marks import find_passage as find_passage  # re-exported: the pane uses it
from sgdesk.ui.focus_ring import paint_focus_frame
from sgdesk.ui.safe_text import rich_lines
from sgdesk.ui.theme import current_theme

MARGIN_WIDTH = 22  # pixels at 100 %: the ✎ and some air
NOTE_GLYPH = "✎"
KEYBOARD_EDIT = "Ctrl+F8 para editar la nota."
TOOLTIP_LIMIT = 600  # characters of a note shown on hover (the dock and the editor have all)


class PaneMark(NamedTuple):
    """A passage of the page that carries a highlight or a note."""

    start: int  # document position
    length: int  # 0: a note on the whole unit (a marker, nothing tinted)
    colour: str  # the theme's mark: a «Subrayar» colour's name or NOTE_MARK
    annotation_id: str = ""
    note: str = ""  # the note's text ("" for a bare highlight: no marker)
    quote: str = ""

    @property
    def end(self) -> int:
        return self.start + self.length


class NoteMargin(QWidget):
    """The strip at the left of the reading pane's text; a ✎ per note, beside its passage."""

    note_clicked = Signal(str)  # an annotation id

    def __init__(self, pane: QTextEdit) -> None:
        super().__init__(pane)
        self._pane = pane
        self._marks: list[PaneMark] = []
        self._current = ""  # the annotation the keyboard went to (F8): its ✎ is ringed
        self.setObjectName("noteMargin")
        self.setMouseTracking(True)
        self.setAccessibleName(self.tr("Margen de mis notas"))
        pane.verticalScrollBar().valueChanged.connect(self.update)
        pane.document().documentLayout().documentSizeChanged.connect(self.update)

    def set_marks(self, marks: list[PaneMark]) -> None:
        self._marks = [mark for mark in marks if mark.note]
        self.update()

    def set_current(self, annotation_id: str) -> None:
        """Ring the ✎ of ``annotation_id`` (the note F8 went to) while it is on the page."""
        self._current = annotation_id
        self.update()

    def show_note(self, annotation_id: str) -> bool:
        """Show the note's tooltip beside its ✎, as hovering it would (the keyboard's F8 went
        there); False if its ✎ is not in view."""
        for rect, mark in self.marker_rects():
            if mark.annotation_id == annotation_id:
                where = self.mapToGlobal(rect.topRight())
                QToolTip.showText(where, rich_lines(note_lines([mark], KEYBOARD_EDIT)), self, rect)
                return True
        return False

    @property
    def current(self) -> str:
        return self._current

    def place(self, indent: int = 0) -> None:
        """Sit beside the text: left of the pane's viewport, moved ``indent`` pixels in when the
        text column stands in from the viewport's edge (call when the pane is resized)."""
        viewport = self._pane.viewport().geometry()
        self.setGeometry(QRect(viewport.left() + indent - self.width_hint(), viewport.top(),
                               self.width_hint(), viewport.height()))  # fmt: skip

    def width_hint(self) -> int:
        return round(MARGIN_WIDTH * self.logicalDpiX() / 96)

    def marker_rects(self) -> list[tuple[QRect, PaneMark]]:
        """Where each marker is drawn, in this widget's coordinates (notes on one line share)."""
        rects: list[tuple[QRect, PaneMark]] = []
        offset = self._pane.viewport().y() - self.y()  # both are children of the pane
        for mark in self._marks:
            cursor = QTextCursor(self._pane.document())
            cursor.setPosition(min(mark.start, self._pane.document().characterCount() - 1))
            line = self._pane.cursorRect(cursor)
            rect = QRect(0, line.top() + offset, self.width(), max(line.height(), 12))
            if rect.bottom() >= 0 and rect.top() <= self.height():
                rects.append((rect, mark))
        return rects

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self._marks:  # nothing to draw (a page without notes: the first frame's)
            return
        painter = QPainter(self)
        font = painter.font()
        font.setPixelSize(max(10, round(self.width() * 0.7)))
        painter.setFont(font)
        painter.setPen(QColor(current_theme(self.palette()).note_marker))
        drawn: set[int] = set()
        for rect, mark in self.marker_rects():
            if mark.annotation_id == self._current and self._current:  # where the keyboard is
                height = min(rect.height(), self.width())
                paint_focus_frame(painter, QRect(rect.left(), rect.top(), rect.width(), height),
                                  self.palette().color(QPalette.ColorRole.Highlight))  # fmt: skip
            if rect.top() in drawn:  # several notes on one line: one marker
                continue
            drawn.add(rect.top())
            painter.drawText(rect, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, NOTE_GLYPH)

    def marks_at(self, point: QPoint) -> list[PaneMark]:
        return [mark for rect, mark in self.marker_rects() if rect.top() <= point.y() <= rect.bottom()]

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            position = event.pos()  # type: ignore[attr-defined]
            marks = self.marks_at(position)
            if marks:
                QToolTip.showText(event.globalPos(), rich_lines(note_lines(marks)), self)  # type: ignore[attr-defined]
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        over = bool(self.marks_at(event.position().toPoint()))
        self.setCursor(Qt.CursorShape.PointingHandCursor if over else Qt.CursorShape.ArrowCursor)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        marks = self.marks_at(event.position().toPoint())
        if marks and event.button() == Qt.MouseButton.LeftButton:
            self.note_clicked.emit(marks[0].annotation_id)


def note_lines(marks: list[PaneMark], edit: str = "Clic para editar la nota.") -> list[str]:
    """The lines of a note marker's tooltip (data: shown through ``rich_lines``); the last
    says how to edit it (a click, or Ctrl+F8 when the keyboard went there)."""
    lines: list[str] = []
    for mark in marks:
        if mark.quote:
            lines.append(f"«{_cut(mark.quote, 120)}»")
        lines.append(_cut(mark.note, TOOLTIP_LIMIT))
    lines.append(edit)
    return lines


def _cut(text: str, limit: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
