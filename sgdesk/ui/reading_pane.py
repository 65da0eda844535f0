"""The reading pane: one rendered page, internal links, find highlighting and zoom."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPoint, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QFontMetricsF,
    QHelpEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
    QTextCharFormat,
    QTextCursor,
    QWheelEvent,
)
from PySide6.QtWidgets import QTextBrowser, QTextEdit, QToolTip, QWidget

from sgdesk.content.text import find_all
from sgdesk.export.html import (
    ACTION_LINKS,
    BODY_FONT,
    END_ANCHOR,
    LINK_SCHEME,
    body_point_size,
    style_sheet,
)
from sgdesk.export.note_marks import anchor_index, anchor_positions, folded_text, unit_range
from sgdesk.lazy_names import lazy_names
from sgdesk.ui.note_margin import NoteMargin, PaneMark, find_passage, note_lines
from sgdesk.ui.pane_tints import PageText, Tint, TintPainter, touching
from sgdesk.ui.safe_text import rich_lines
from sgdesk.ui.theme import NOTE_MARK, Mark, current_theme

if TYPE_CHECKING:
    from PySide6.QtCore import QUrl

    from sgdesk.content.anchoring import Fragment
    from sgdesk.ui.pane_passages import MarkStep as MarkStep
    from sgdesk.ui.pane_passages import Passage as Passage

# (QUrl and QAccessible are named where used: PySide6 builds every enumeration of a
# class when it is first named, and the first frame uses none of them: #11 start-up. Passage and
# MarkStep, frozen dataclasses, live in pane_passages.py, loaded when first used; this module
# still gives them.)
__getattr__ = lazy_names(__name__, dict.fromkeys(("Passage", "MarkStep"), "sgdesk.ui.pane_passages"))


ZOOM_STEPS = (50, 67, 80, 90, 100, 110, 125, 150, 175, 200, 250, 300)
DEFAULT_ZOOM = 100

_WHEEL_STEP = 120  # one notch of a mouse wheel, in eighths of a degree
READABLE_LINES = 8  # the reading pane's least height, in lines of the text at 100 %
MEASURE = 90  # the longest reading line, in characters of running Spanish text
# What running text looks like, for the width of a character of it (a font's "average
# character" is narrower: a column of 90 of those held 114 letters of a page).
_MEASURE_SAMPLE = "La Secretaría General coordina la gestión documental del Distrito, según el Decreto."
_RESTYLE_EVENTS = (QEvent.Type.PaletteChange, QEvent.Type.FontChange, QEvent.Type.StyleChange)


class ReadingPane(QTextBrowser):
    """Shows HTML pages; emits ``node_link_activated`` for links to other nodes."""

    node_link_activated = Signal(str)
    external_link_blocked = Signal(str)
    zoom_changed = Signal(int)
    note_clicked = Signal(str)  # the ✎ of a note in the margin: edit that annotation

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self._on_anchor_clicked)
        self.setAccessibleName(self.tr("Texto de la sección"))
        self._html = ""
        self._zoom = DEFAULT_ZOOM
        self._anchors: list[tuple[int, str]] = []
        self._anchor_index: dict[str, int] | None = None
        self._matches: list[tuple[int, int]] = []
        self._search_marks: list[tuple[int, int]] = []
        self._unit_marks: list[tuple[int, int]] = []
        self._cited_mark = False  # the unit mark is a citation search's
        self._user_marks: list[PaneMark] = []  # Mis notas: highlights and notes
        self._current_user_mark = ""  # the annotation F8 went to (while the cursor is on it)
        self._tints = TintPainter(self.document)  # the highlights, painted behind the text
        self._page_text: PageText | None = None  # what the page's text is like, read as needed
        # Where each passage was found (node, passage, prefix → span), and the folded text it
        # was looked for in: kept while the page shown again is the same HTML and style.
        self._found: dict[tuple[str, str, str], tuple[int, int] | None] = {}
        self._folded: str | None = None
        self._read_from: tuple[str, str] = ("", "")  # (HTML, style sheet) they were read from
        self.note_margin = NoteMargin(self)
        self.note_margin.note_clicked.connect(self.note_clicked)
        self.setViewportMargins(self.note_margin.width_hint(), 0, 0, 0)
        self._current_match = -1
        self._wheel_delta = 0
        self._apply_style()
        # Never squeezed below a readable height by the docks (the timeline's first height).
        lines = QFontMetrics(self.document().defaultFont()).lineSpacing() * READABLE_LINES
        self.setMinimumHeight(lines + 2 * self.frameWidth())

    # -- content ---------------------------------------------------------------

    def show_html(self, html: str) -> None:
        self._html = html
        self._render()
        self._clear_matches()

    def _render(self) -> None:
        self.setHtml(self._html)
        self._fit_column()  # a new document has the default frame again
        self._anchors = anchor_positions(self.document())
        self._anchor_index = None  # made when a unit's range is first asked
        # The same HTML in the same style is the same text and formats: what was read of the
        # page (where passages are, which runs are coloured) holds; anything else, read anew.
        read_from = (self._html, self.document().defaultStyleSheet())
        if read_from != self._read_from:
            self._read_from, self._page_text = read_from, None
            self._found, self._folded = {}, None

    def loadResource(self, type: int, name: QUrl | str) -> object:  # noqa: A002 (Qt's name)
        """Never fetch anything: the app works offline and embeds no remote resource."""
        return None

    def _on_anchor_clicked(self, url: QUrl) -> None:
        if url.scheme() == LINK_SCHEME:
            self.node_link_activated.emit(url.path())
        else:
            self.external_link_blocked.emit(url.toString())

    def node_link_at(self, point: QPoint) -> str | None:
        """The page a link under ``point`` (viewport coordinates) opens, if it opens a page."""
        from PySide6.QtCore import QUrl

        url = QUrl(self.anchorAt(point))
        path = url.path() if url.scheme() == LINK_SCHEME else ""
        return path if path and path not in ACTION_LINKS else None

    def activate_link(self, href: str) -> None:
        """Follow a link of the page as a click on it would (the «Enlaces de la página» list)."""
        from PySide6.QtCore import QUrl

        self._on_anchor_clicked(QUrl(href))

    def page_links(self) -> list[tuple[str, str]]:
        """Every link of the page, in reading order: (its text, its address)."""
        links: list[tuple[str, str]] = []
        block = self.document().begin()
        while block.isValid():
            fragments = block.begin()
            previous = ""
            while not fragments.atEnd():
                fragment = fragments.fragment()
                href = fragment.charFormat().anchorHref() if fragment.charFormat().isAnchor() else ""
                if href and href == previous:  # one link split in several fragments
                    links[-1] = (links[-1][0] + fragment.text(), href)
                elif href:
                    links.append((fragment.text(), href))
                previous = href
                fragments += 1
            block = block.next()
        return [(" ".join(text.split()), href) for text, href in links]

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: A002 (Qt's name)
        """Tab and Shift+Tab leave the pane in one step. QTextBrowser would first walk every
        link of the page (20-40 stops); links are reached with «Enlaces de la página»."""
        return QTextEdit.focusNextPrevChild(self, next)

    def node_at_selection(self) -> str | None:
        """The id of the unit in which the current selection (or cursor) starts."""
        return self._node_at(self.textCursor().selectionStart())

    def node_at_position(self, point: QPoint) -> str | None:
        """The id of the unit under ``point`` (viewport coordinates: a right click)."""
        return self._node_at(self.cursorForPosition(point).position())

    def _node_at(self, start: int) -> str | None:
        found = None
        for position, node_id in self._anchors:
            if position > start:
                break
            found = node_id
        return None if found == END_ANCHOR else found

    def selected_fragments(self) -> list[Fragment]:
        """The selection one paragraph at a time: the unit it is in, the text selected in it,
        and the page's text of that unit before it (which occurrence of a repeated word was
        selected), in reading order; empty without a selection."""
        from sgdesk.content.anchoring import Fragment  # (not on the way to the first frame)

        cursor = self.textCursor()
        start, end = cursor.selectionStart(), cursor.selectionEnd()
        fragments: list[Fragment] = []
        block = self.document().findBlock(start)
        while start < end and block.isValid() and block.position() < end:
            first = max(start, block.position())
            last = min(end, block.position() + block.length() - 1)
            found = self._anchor_at(first)
            text = block.text()[first - block.position() : last - block.position()]
            if found is not None and text.strip():
                fragments.append(Fragment(found[1], text, self._text_between(found[0], first)))
            block = block.next()
        return fragments

    def _text_between(self, begin: int, end: int) -> str:
        cursor = QTextCursor(self.document())
        cursor.setPosition(begin)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        return cursor.selectedText()

    def _anchor_at(self, position: int) -> tuple[int, str] | None:
        """The unit ``position`` is in: (where its anchor is, its id)."""
        found = None
        for anchor in self._anchors:
            if anchor[0] > position:
                break
            found = anchor
        return None if found is None or found[1] == END_ANCHOR else found

    def scroll_to_node(self, node_id: str) -> None:
        self.scrollToAnchor(node_id)

    def reading_place(self) -> tuple[str | None, int]:
        """Where the reader is: the unit at the top of the view and how many pixels past its
        start. Notes added or removed above it (another date) do not move it."""
        top = self.cursorForPosition(QPoint(0, 0)).position()
        found = None
        for position, node_id in self._anchors:
            if position > top:
                break
            found = node_id
        bar = self.verticalScrollBar()
        y = self._unit_top(found) if found else None
        return (found, bar.value() - y) if found and y is not None else (None, bar.value())

    def restore_place(self, place: tuple[str | None, int]) -> None:
        """Back to ``reading_place()``'s place on the page as now rendered."""
        node_id, offset = place
        y = self._unit_top(node_id) if node_id else None
        self.verticalScrollBar().setValue(offset if y is None else y + offset)

    def _unit_top(self, node_id: str) -> int | None:
        position = next((p for p, name in self._anchors if name == node_id), None)
        if position is None:
            return None
        block = self.document().findBlock(position)
        return int(self.document().documentLayout().blockBoundingRect(block).top())

    def mark_node(self, node_id: str) -> bool:
        """Tint the unit ``node_id`` (with its parts and notes) until the page changes."""
        found = self._unit_range(node_id)
        if found is None:
            return False
        self._unit_marks, self._cited_mark = [(found[0], found[1] - found[0])], False
        self._paint_matches()
        return True

    def _unit_range(self, node_id: str) -> tuple[int, int] | None:
        """Where the unit ``node_id`` (with its parts) begins and ends in the document."""
        if self._anchor_index is None:
            self._anchor_index = anchor_index(self._anchors)
        return unit_range(self.document(), self._anchors, node_id, self._anchor_index)

    def mark_passages(self, passages: Sequence[Passage]) -> int:
        """Paint each passage where it is written inside its unit (accents and case ignored,
        over paragraph breaks too); a note on a whole unit (no passage) gets only its margin
        marker. Returns how many passages were painted."""
        self._user_marks = []
        ranges: dict[str, tuple[int, int] | None] = {}  # each unit's range, looked up once
        for passage in passages:
            if passage.node_id not in ranges:
                ranges[passage.node_id] = self._unit_range(passage.node_id)
            found = ranges[passage.node_id]
            if found is None:
                continue
            span = self._passage_span(passage, found) if passage.text else None
            if passage.text and span is None:
                continue
            start, length = span or (found[0], 0)
            self._user_marks.append(
                PaneMark(start, length, passage.colour, passage.annotation_id, passage.note, passage.text)
            )
        self.note_margin.set_marks(self._user_marks)
        self._paint_matches()
        return self.user_mark_count

    def _passage_span(self, passage: Passage, unit: tuple[int, int]) -> tuple[int, int] | None:
        """Where ``passage`` is written in its unit (``unit``: the unit's range), looked for
        once per page: the page shown again, or with a note more, finds it where it was."""
        key = (passage.node_id, passage.text, passage.prefix)
        if key not in self._found:
            if self._folded is None:  # made once for every passage of the page
                self._folded = folded_text(self.document())
            self._found[key] = find_passage(
                self.document(), unit[0], unit[1], passage.text, self._folded, passage.prefix
            )
        return self._found[key]

    def user_marks(self) -> list[PaneMark]:
        """The passages painted (and notes on whole units), in the order given."""
        return list(self._user_marks)

    def step_user_mark(self, step: int) -> MarkStep | None:
        """F8 (``step`` 1) / Shift+F8 (-1): select the next (previous) passage of the page that
        carries a highlight or a note, from the cursor, in reading order, back to the other end
        past the last (first); a note on a whole unit puts the cursor at the unit's start. The
        margin rings its ✎. None when the page has none."""
        marks = self._ordered_user_marks()
        if not marks:
            return None
        here = self.textCursor().selectionStart()
        current = self._mark_under_cursor(marks)
        if current is not None:
            index = marks.index(current) + step
        elif step > 0:
            index = next((i for i, m in enumerate(marks) if m.start >= here), len(marks))
        else:
            index = next((i for i in reversed(range(len(marks))) if marks[i].start < here), -1)
        wrapped = not 0 <= index < len(marks)
        index %= len(marks)
        mark = marks[index]
        cursor = QTextCursor(self.document())
        cursor.setPosition(mark.start)
        cursor.setPosition(mark.start + mark.length, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()
        self._current_user_mark = mark.annotation_id
        self.note_margin.set_current(mark.annotation_id)
        from sgdesk.ui.pane_passages import MarkStep

        return MarkStep(mark, index + 1, len(marks), wrapped)

    def describe_mark(self, text: str) -> None:
        """The pane takes the focus and its accessible description says which note or
        highlight the keyboard went to (read by screen readers; the status bar says it too)."""
        self.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.note_margin.show_note(self.note_margin.current)  # the note itself, as on hover
        from PySide6.QtGui import QAccessible, QAccessibleEvent

        self.setAccessibleDescription(text)
        QAccessible.updateAccessibility(QAccessibleEvent(self, QAccessible.Event.DescriptionChanged))

    def user_mark_at_cursor(self) -> PaneMark | None:
        """The passage the cursor is on (the one F8 went to first; a note before a bare
        highlight), or None."""
        marks = self._ordered_user_marks()
        current = self._mark_under_cursor(marks)
        if current is not None:
            return current
        here = self.textCursor().selectionStart()
        inside = [m for m in marks if m.start <= here <= m.start + m.length]
        return next((m for m in inside if m.note), inside[0] if inside else None)

    def _ordered_user_marks(self) -> list[PaneMark]:
        return sorted(self._user_marks, key=lambda m: (m.start, m.length))

    def _mark_under_cursor(self, marks: list[PaneMark]) -> PaneMark | None:
        """The mark F8 went to, if the cursor is still where it left it."""
        cursor = self.textCursor()
        start, end = cursor.selectionStart(), cursor.selectionEnd()
        for mark in marks:
            if mark.annotation_id == self._current_user_mark and (start, end) == (mark.start, mark.end):
                return mark
        return None

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_column()

    @property
    def column_indent(self) -> int:
        """How far the text column stands in from the viewport's left edge, in pixels."""
        document = self.document()
        return round(document.rootFrame().frameFormat().leftMargin() - document.documentMargin())

    def _fit_column(self) -> None:
        """On a wide pane the text stays a readable column of ``MEASURE`` characters,
        centred, instead of lines running the whole width (about 130 characters at
        1366×768, far more on a wider screen); the note markers stay beside it. The spare
        width is the document's frame margins, so it scrolls, selects and paints as the page."""
        document = self.document()
        edge = document.documentMargin()
        sample = QFontMetricsF(document.defaultFont()).horizontalAdvance(_MEASURE_SAMPLE)
        column = sample / len(_MEASURE_SAMPLE) * MEASURE
        spare = max(0.0, (self.viewport().width() - column) / 2 - edge)
        side = float(round(edge + spare))
        frame = document.rootFrame()
        style = frame.frameFormat()
        if (style.leftMargin(), style.rightMargin()) != (side, side):
            style.setLeftMargin(side)
            style.setRightMargin(side)
            frame.setFrameFormat(style)
        self.note_margin.place(round(side - edge))

    def event(self, event: QEvent) -> bool:
        """The markers' strip is part of the page: painted in the page's colour, not left in
        the window's. (Not by filling the whole pane: an opaque pane would hide its parent from
        Qt's painting, and the window builds its rest after that parent first paints.)"""
        if event.type() == QEvent.Type.Paint:
            strip = self.viewport().geometry()
            strip.setLeft(strip.left() - self.note_margin.width_hint())
            strip.setRight(self.viewport().geometry().left() - 1)
            painter = QPainter(self)
            # (Not fillRect(rect, colour): that call has PySide6 set up QGradient and its 169
            # presets before the first frame; a filled rectangle without a pen is the same pixels.)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(self.palette().color(QPalette.ColorRole.Base))
            painter.drawRect(strip)
            painter.end()
        return super().event(event)

    def viewportEvent(self, event: QEvent) -> bool:
        """Hovering a noted passage shows its note (escaped: the text is the user's)."""
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            position = self.cursorForPosition(event.pos()).position()
            marks = [m for m in self._user_marks if m.note and m.start <= position < m.start + m.length]
            if marks:
                QToolTip.showText(event.globalPos(), rich_lines(note_lines(marks)), self.viewport())
                return True
        return super().viewportEvent(event)

    @property
    def user_mark_count(self) -> int:
        """How many passages are painted (notes on whole units are not counted)."""
        return sum(1 for mark in self._user_marks if mark.length)

    @property
    def marked_node_range(self) -> tuple[int, int] | None:
        return self._unit_marks[0] if self._unit_marks else None

    # -- zoom ------------------------------------------------------------------

    @property
    def zoom(self) -> int:
        return self._zoom

    def set_zoom(self, percent: int) -> None:
        percent = min(max(percent, ZOOM_STEPS[0]), ZOOM_STEPS[-1])
        if percent == self._zoom:
            return
        self._zoom = percent
        self._restyle()
        self.zoom_changed.emit(percent)

    def _restyle(self) -> None:
        """New sizes or colours for the same text: the selection, the marks and the place in the
        page are kept."""
        bar = self.verticalScrollBar()
        ratio = bar.value() / bar.maximum() if bar.maximum() else 0.0
        self._apply_style()
        if not self._html:
            return
        cursor = self.textCursor()
        anchor, position = cursor.anchor(), cursor.position()
        self._render()
        cursor = QTextCursor(self.document())
        cursor.setPosition(anchor)
        cursor.setPosition(position, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self._paint_marks()
        bar.setValue(round(ratio * bar.maximum()))

    def changeEvent(self, event: QEvent) -> None:
        """Another theme (palette) or interface size (application font): the page is styled
        again in the theme's colours, in its own reading font and zoom."""
        super().changeEvent(event)  # QTextEdit gives the document the widget's font here
        if event.type() in _RESTYLE_EVENTS:
            self._restyle()

    def zoom_in(self) -> None:
        self.set_zoom(next((z for z in ZOOM_STEPS if z > self._zoom), ZOOM_STEPS[-1]))

    def zoom_out(self) -> None:
        self.set_zoom(next((z for z in reversed(ZOOM_STEPS) if z < self._zoom), ZOOM_STEPS[0]))

    def wheelEvent(self, event: QWheelEvent) -> None:
        """Ctrl+wheel zooms by the same steps as Ctrl+= and Ctrl+-.

        QTextEdit's own Ctrl+wheel zoom would change the widget font, which replaces the
        reading font of the document and bypasses the zoom shown in the status bar.
        """
        if not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            super().wheelEvent(event)
            return
        event.accept()
        self._wheel_delta += event.angleDelta().y()
        while abs(self._wheel_delta) >= _WHEEL_STEP:
            if self._wheel_delta > 0:
                self._wheel_delta -= _WHEEL_STEP
                self.zoom_in()
            else:
                self._wheel_delta += _WHEEL_STEP
                self.zoom_out()

    def _apply_style(self) -> None:
        scale = self._zoom / 100
        font = QFont(BODY_FONT)
        font.setPointSizeF(body_point_size(scale))
        self.document().setDefaultFont(font)
        self.document().setDefaultStyleSheet(style_sheet(scale, current_theme(self.palette()).page))

    # -- find in page ----------------------------------------------------------

    def find_text(self, needle: str) -> int:
        """Highlight every accent-insensitive match of ``needle``; return their count."""
        self._matches = []
        block = self.document().begin()
        while block.isValid():
            text = block.text()
            self._matches += [(block.position() + s, len(needle.strip())) for s in find_all(text, needle)]
            block = block.next()
        self._current_match = 0 if self._matches else -1
        self._paint_matches()
        return len(self._matches)

    def next_match(self, step: int = 1) -> int:
        """Move to the next (or, with -1, previous) match; return its 1-based number."""
        if not self._matches:
            return 0
        self._current_match = (self._current_match + step) % len(self._matches)
        self._paint_matches()
        return self._current_match + 1

    @property
    def match_count(self) -> int:
        return len(self._matches)

    @property
    def current_match(self) -> int:
        return self._current_match + 1

    def _clear_matches(self) -> None:
        self._matches, self._current_match, self._search_marks, self._unit_marks = [], -1, [], []
        self._cited_mark = False
        self._user_marks = []
        self.note_margin.set_marks([])
        self._tints.set_tints([])
        self.setExtraSelections([])

    def highlight_words(self, spans_of: Callable[[str], list[tuple[int, int]]]) -> int:
        """Mark the words a search matched (``spans_of`` gives them per paragraph) and
        scroll to the first; returns how many were marked."""
        self._search_marks = []
        block = self.document().begin()
        while block.isValid():
            self._search_marks += [(block.position() + a, b - a) for a, b in spans_of(block.text())]
            block = block.next()
        self._paint_matches()
        if self._search_marks:
            cursor = QTextCursor(self.document())
            cursor.setPosition(self._search_marks[0][0])
            self.setTextCursor(cursor)
            self.ensureCursorVisible()
        return len(self._search_marks)

    def mark_cited(self, node_id: str, first_line: str = "") -> bool:
        """A citation search opened ``node_id``: tint the unit (not the letters of the citation)
        until the search changes (``clear_search_marks``). On the unit's own page its anchor is
        the title: the tint starts at its text (``first_line``), past the banner and breadcrumbs."""
        self._search_marks = []
        found = self._unit_range(node_id)
        if found is None:
            return False
        begin, end = found
        if begin == self._anchors[0][0]:  # the page's own unit: skip its title and banner
            begin = self._own_text_start(node_id, first_line, end)
        self._unit_marks, self._cited_mark = ([(begin, end - begin)] if begin < end else []), True
        self._paint_matches()
        if self._unit_marks:
            self._scroll_to(begin)
        return True

    def _own_text_start(self, node_id: str, first_line: str, end: int) -> int:
        """Where the page's own unit's text starts: its first line, else its first part (a
        norm's first article); ``end`` when neither is found (then nothing is tinted)."""
        block = self.document().begin().next()
        while first_line and block.isValid() and block.position() < end:
            if find_all(block.text(), first_line[:80]):
                return block.position()
            block = block.next()
        inside = node_id + "/"
        return next((position for position, name in self._anchors if name.startswith(inside)), end)

    def _scroll_to(self, position: int) -> None:
        """Put ``position``'s paragraph at the top of the view (the cursor goes there too)."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(position)
        self.setTextCursor(cursor)
        block = self.document().findBlock(position)
        top = self.document().documentLayout().blockBoundingRect(block).top()
        self.verticalScrollBar().setValue(int(top))

    def clear_search_marks(self) -> None:
        """The search whose words (or cited unit) are marked changed or was emptied."""
        if self._cited_mark:
            self._unit_marks, self._cited_mark = [], False
        self._search_marks = []
        self._paint_matches()

    @property
    def search_mark_count(self) -> int:
        return len(self._search_marks)

    def clear_find(self) -> None:
        """Remove the find-in-page matches; search marks stay."""
        self._matches, self._current_match = [], -1
        self._paint_matches()

    def _paint_matches(self) -> None:
        """Search marks underneath, find matches on top, the current match brighter."""
        self._paint_marks(follow_current=True)

    def _paint_marks(self, follow_current: bool = False) -> None:
        """The highlights and notes are painted by the pane itself, behind the text
        (``pane_tints``); the unit, search and find marks are Qt's extra selections, over them."""
        theme = current_theme(self.palette())
        note = theme.highlights[NOTE_MARK]
        tints, by_qt = self._user_tints(theme.highlights, note)
        self._tints.set_tints(tints)
        self.viewport().update()
        formats: dict[Mark, QTextCharFormat] = {}  # one format per tint, shared by its marks
        # Inside an edit block a new cursor does not work out its x on the screen (QTextCursor
        # lays out and measures the line for that, ≈ 10 µs a cursor); a selection does not need
        # it. Nothing is edited.
        block = QTextCursor(self.document())
        block.beginEditBlock()
        selections = [self._selection(t.start, t.end - t.start, t.mark, formats) for t in by_qt]
        selections += [self._selection(s, length, theme.unit, formats) for s, length in self._unit_marks]
        selections += [
            self._selection(start, length, theme.search, formats) for start, length in self._search_marks
        ]
        selections += [
            self._selection(
                start, length, theme.current_match if n == self._current_match else theme.match, formats
            )
            for n, (start, length) in enumerate(self._matches)
        ]
        block.endEditBlock()
        for number, (start, _length) in enumerate(self._matches):
            if number == self._current_match and follow_current:
                cursor = QTextCursor(self.document())
                cursor.setPosition(start)
                self.setTextCursor(cursor)
                self.ensureCursorVisible()
        if selections or self.extraSelections():
            self.setExtraSelections(selections)

    def _user_tints(self, highlights: dict[str, Mark], note: Mark) -> tuple[list[Tint], list[Tint]]:
        """The passages the pane paints itself, and those left to Qt's extra selections
        (``PageText.needs_qt``: text in another colour than the tint's, a table, a list item),
        with the passages that touch one of those."""
        palette = self.palette()
        text = {palette.color(group, QPalette.ColorRole.Text).name()
                for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive)}  # fmt: skip
        palette_text = text.pop() if len(text) == 1 else ""
        if self._page_text is None or self._page_text.palette_text != palette_text:
            self._page_text = PageText(self.document(), palette_text)
        tints = [Tint(m.start, m.end, highlights.get(m.colour, note)) for m in self._user_marks if m.length]
        needs_qt = self._page_text.needs_qt
        by_qt = {number for number, t in enumerate(tints) if needs_qt(t.start, t.end, t.mark.text)}
        if by_qt:  # and any of the pane's that meets one of those
            by_qt = touching(self.document(), tints, by_qt)
        mine = [tint for number, tint in enumerate(tints) if number not in by_qt]
        return mine, [tints[number] for number in sorted(by_qt)]

    @property
    def painted_tints(self) -> list[Tint]:
        """The highlights and notes' passages the pane paints itself (behind the text), in
        order; the others are extra selections."""
        return self._tints.tints

    def paintEvent(self, event: QPaintEvent) -> None:
        """The tints of the exposed lines behind the text, then the document (with Qt's
        selections over them)."""
        if self._tints.tints:
            dx, dy = self.horizontalScrollBar().value(), self.verticalScrollBar().value()
            painter = QPainter(self.viewport())
            painter.translate(-dx, -dy)
            self._tints.paint(painter, QRectF(event.rect().translated(dx, dy)))
            painter.end()
        super().paintEvent(event)

    def _selection(
        self, start: int, length: int, mark: Mark, formats: dict[Mark, QTextCharFormat]
    ) -> QTextEdit.ExtraSelection:
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.document())
        cursor.setPosition(start)
        cursor.setPosition(start + length, QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        char_format = formats.get(mark)
        if char_format is None:
            char_format = formats[mark] = QTextCharFormat()
            char_format.setBackground(QColor(mark.background))
            char_format.setForeground(QColor(mark.text))  # readable on the tint in every theme
        selection.format = char_format
        return selection
