"""Highlights painted by the reading pane itself, behind the text (Mis notas' «Subrayar»).

Handing Qt 50 ``ExtraSelection``s costs the GUI thread about 1 ms per page before anything is
painted: ``setExtraSelections`` works out each one's rectangle to repaint it (and the old
ones' again to clear them), and every paint clips each selected line's text to a path. Here
a tint is only a document range and colours: at paint time the lines of the exposed
rectangle that carry one are filled with Qt's own selection geometry (the rectangles
``QTextLayout::draw`` fills for a selection, ``selection_rects``), before the document
draws its text over them. No geometry is kept across paints: a relayout (zoom, width,
theme) is simply what the next paint sees.

That is pixel for pixel what an extra selection paints when the text under it is already in
the tint's text colour (an extra selection draws it in that colour, over the tint), with no
background of its own, in the page's flow. Anything else (a link, a title or a note in the
passage; high contrast's white text, black on the tint; the banner's table; a list item's
bullet, which Qt paints in the selection's colours) stays an extra selection: ``PageText``
tells them apart.

Two differences from Qt's painting, both in glyph pixels only: Qt clipped a selected
paragraph's text to the paragraph's box, cutting off a descender or an overhang that crossed
it (now drawn as on any page); and at a fractional scale (125 %) Qt drew a glyph that
straddles a selection's edge twice, once each side of a clip that falls inside a pixel,
darkening that one column of pixels (now drawn once).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import NamedTuple

from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QPainter,
    QTextBlock,
    QTextDocument,
    QTextFormat,
)

from sgdesk.ui.theme import Mark

# As plain numbers: PySide converts an enum argument at each call (about 0.3 µs, 100 runs a page).
_BACKGROUND = QTextFormat.Property.BackgroundBrush.value
_FOREGROUND = QTextFormat.Property.ForegroundBrush.value


class Tint(NamedTuple):
    """A document range painted in ``mark``'s colours (its background, its text colour)."""

    start: int
    end: int
    mark: Mark


def framed_ranges(document: QTextDocument) -> list[tuple[int, int]]:
    """The document ranges of the frames in the page's flow (tables: the banner): a selection
    crossing into one is painted by Qt as whole cells, which only Qt's own selection does."""
    frames = document.rootFrame().childFrames()
    return [(frame.firstPosition() - 1, frame.lastPosition() + 1) for frame in frames]


def selection_rects(block: QTextBlock, origin: QPointF, start: int, end: int, clip: QRectF) -> list[QRectF]:
    """The area Qt fills for a selection of document positions [start, end) in ``block``
    (laid out, its layout drawn at ``origin``), as ``QTextLayout::draw`` builds it: a whole
    line by its natural text rectangle (bottom rounded up), a line the selection starts or ends
    in from the x of one end to the other (on whole pixels), and a quarter-height nib past the
    paragraph's end when the selection runs on into the next paragraph; each cut to ``clip``
    (the part of the view being painted), as Qt cuts them."""
    layout = block.layout()
    position = block.position()
    first, last = start - position, end - position  # may run past the block on either side
    region: list[QRectF] = []
    count = layout.lineCount()
    number = max(layout.lineForTextPosition(max(first, 0)).lineNumber(), 0)
    text = ""
    while number < count:
        line = layout.lineAt(number)
        line_from, shown = line.textStart(), line.textLength()
        if line_from > last:
            break
        final = number == count - 1
        number += 1
        text = text or block.text()  # the spaces a wrap leaves at the line's end do not count
        length = len(text[line_from : line_from + shown].rstrip(" \t"))
        span = length + (1 if final else 0)  # the paragraph's end counts on its last line
        if line_from + span <= first:
            continue
        line_rect = line.naturalTextRect().translated(origin)
        line_rect.setBottom(math.ceil(line_rect.bottom()))
        bound = line_rect.intersected(clip)
        starts_in, ends_in = line_from <= first, last < line_from + span
        if length and (starts_in or ends_in):
            # The first x shapes the paragraph (≈ 50 µs), which the document's draw just after
            # reuses; kept, later paints (scrolling) reuse it too instead of shaping it again.
            layout.setCacheEnabled(True)
            left = _x(line.cursorToX(max(first, line_from)))
            right = _x(line.cursorToX(min(last, line_from + length)))
            if right > left:
                rect = bound.intersected(QRectF(origin.x() + left, line_rect.top(), right - left,
                                                    line_rect.height()))  # fmt: skip
                region.append(QRectF(rect.toAlignedRect()))
        else:
            region.append(bound)
        if not ends_in and final:
            nib = line_rect.height()
            region.append(QRectF(line_rect.right(), line_rect.top(), nib / 4, nib).intersected(clip))
        if last < line_from + shown:  # ends on this line: Qt skips the next
            break
    return region


def _x(found: object) -> float:
    """The x of PySide's ``QTextLine.cursorToX`` answer (x, the position it used)."""
    assert isinstance(found, tuple)
    return float(found[0])


def touching(document: QTextDocument, tints: Sequence[Tint], by_qt: set[int]) -> set[int]:
    """``by_qt`` (indexes of ``tints`` left to Qt) with every tint whose pixels meet one of
    those (a line's rounded-up bottom row can be the next one's top), and so on: Qt paints
    its selections over what the pane painted, so of two tints that meet, a later one of the
    pane's would end under an earlier one of Qt's."""
    layout = document.documentLayout()
    pixels: dict[int, list[QRect]] = {}
    everywhere = QRectF(-1e9, -1e9, 2e9, 2e9)

    def rects(number: int) -> list[QRect]:
        if number not in pixels:
            tint, found = tints[number], []
            block = document.findBlock(tints[number].start)
            while block.isValid() and block.position() < tint.end:
                origin = layout.blockBoundingRect(block).topLeft()
                found += [
                    _on_pixels(r) for r in selection_rects(block, origin, tint.start, tint.end, everywhere)
                ]
                block = block.next()
            pixels[number] = found
        return pixels[number]

    def near(number: int, other: int) -> bool:  # within a paragraph of each other
        low = document.findBlock(tints[other].start).previous()
        high = document.findBlock(tints[other].end).next()
        begin = low.position() if low.isValid() else 0
        end = high.position() + high.length() if high.isValid() else document.characterCount()
        return tints[number].start < end and tints[number].end > begin

    grown, pending = set(by_qt), list(by_qt)
    while pending:
        other = pending.pop()
        for number in range(len(tints)):
            meets = number not in grown and near(number, other)
            if meets and any(a.intersects(b) for a in rects(number) for b in rects(other)):
                grown.add(number)
                pending.append(number)
    return grown


def _on_pixels(rect: QRectF) -> QRect:
    """The pixels an aliased fill of ``rect`` covers (those whose centre is inside)."""
    left, top, right, bottom = (
        math.floor(v + 0.5) for v in (rect.left(), rect.top(), rect.right(), rect.bottom())
    )
    return QRect(QPoint(left, top), QPoint(right - 1, bottom - 1))


class PageText:
    """Tells which tints only Qt's own extra selection paints right: one that reaches into a
    frame (``framed_ranges``), runs on from one paragraph into a list item (Qt paints the
    bullet in the selection's colours), or covers text not drawn in the tint's text colour or
    with a background of its own. Each paragraph is read once per page."""

    def __init__(self, document: QTextDocument, palette_text: str) -> None:
        """``palette_text``: the colour of a run that sets none ("" if it may vary)."""
        self._document = document
        self.palette_text = palette_text
        self._framed = framed_ranges(document)
        self._blocks: dict[int, tuple[bool, list[tuple[int, int, str]], int]] = {}  # by position
        self._verdicts: dict[tuple[int, int, str], bool] = {}  # needs_qt's answers

    def needs_qt(self, start: int, end: int, colour: str) -> bool:
        """Whether a tint of [start, end) whose text colour is ``colour`` (``#rrggbb``) must be
        an extra selection (answered once per page and tint)."""
        key = (start, end, colour)
        verdict = self._verdicts.get(key)
        if verdict is None:
            verdict = self._verdicts[key] = self._needs_qt(start, end, colour)
        return verdict

    def _needs_qt(self, start: int, end: int, colour: str) -> bool:
        for first, last in self._framed:
            if start < last and end > first:
                return True
        block = self._document.findBlock(start)
        position = block.position()
        entering = False  # the tint runs on into this block from the one before
        while True:
            found = self._blocks.get(position)
            if found is None:
                found = self._blocks[position] = self._read(block)
            listed, runs, block_end = found
            if listed and entering:
                return True
            for begin, last, drawn in runs:
                if begin < end and last > start and drawn != colour:
                    return True
            if end <= block_end:
                return False
            block = block.next()
            if not block.isValid():
                return False
            position, entering = block.position(), True

    def _read(self, block: QTextBlock) -> tuple[bool, list[tuple[int, int, str]], int]:
        """Whether ``block`` is a list item, (start, end, the text colour drawn) of each of its
        runs (document positions; "" where a run or the block has a background), and where the
        block ends (its paragraph end included)."""
        position = block.position()
        listed = block.textList() is not None
        block_end = position + block.length()
        if block.blockFormat().hasProperty(_BACKGROUND):
            return listed, [(position, block_end, "")], block_end
        runs: list[tuple[int, int, str]] = []
        for run in block.textFormats():
            char_format = run.format
            colour = self.palette_text
            if char_format.hasProperty(_BACKGROUND):
                colour = ""
            elif char_format.hasProperty(_FOREGROUND):  # (the page's colours are plain ones)
                colour = char_format.foreground().color().name()
            runs.append((position + run.start, position + run.start + run.length, colour))
        return listed, runs, block_end


class TintPainter:
    """Paints a text view's tints behind its text, for the part a paint event exposes."""

    def __init__(self, document: Callable[[], QTextDocument]) -> None:
        self._document = document
        self._tints: list[Tint] = []

    def set_tints(self, tints: Sequence[Tint]) -> None:
        """The tints, in painting order (a later one over an earlier one); none that
        ``PageText.needs_qt``."""
        self._tints = [tint for tint in tints if tint.end > tint.start]

    @property
    def tints(self) -> list[Tint]:
        return list(self._tints)

    def paint(self, painter: QPainter, exposed: QRectF) -> int:
        """Fill the tints' lines that meet ``exposed`` (document coordinates; ``painter`` is
        translated to them), block after block as Qt paints selections (a line's rounded-up
        bottom row is the next one's top). Returns how many block parts were filled."""
        if not self._tints:
            return 0
        document = self._document()
        layout = document.documentLayout()
        top = layout.hitTest(exposed.topLeft(), Qt.HitTestAccuracy.FuzzyHit)
        bottom = layout.hitTest(exposed.bottomRight(), Qt.HitTestAccuracy.FuzzyHit)
        low = document.findBlock(max(top, 0)).previous()
        high = document.findBlock(max(bottom, 0)).next()
        begin = low.position() if low.isValid() else 0
        finish = high.position() + high.length() if high.isValid() else document.characterCount()
        stretches: list[tuple[int, int, list[QRectF], Tint]] = []
        for order, tint in enumerate(self._tints):
            if tint.end <= begin or tint.start >= finish:
                continue
            block = document.findBlock(max(tint.start, begin))
            while block.isValid() and block.position() < min(tint.end, finish):
                box = layout.blockBoundingRect(block)  # (lays the block out if it is not yet)
                if box.bottom() >= exposed.top() and box.top() <= exposed.bottom() + 1:
                    rects = selection_rects(block, box.topLeft(), tint.start, tint.end, exposed)
                    stretches.append((block.position(), order, rects, tint))
                block = block.next()
        painter.setPen(Qt.PenStyle.NoPen)
        brushes: dict[str, QColor] = {}
        for _position, _order, rects, tint in sorted(stretches, key=lambda s: (s[0], s[1])):
            colour = tint.mark.background
            painter.setBrush(brushes.get(colour) or brushes.setdefault(colour, QColor(colour)))
            painter.drawRects(rects)  # (an aliased fill: the pixels Qt's selection path fills)
        return len(stretches)
