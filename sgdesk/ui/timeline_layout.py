"""Where each event of the timeline goes: plain arithmetic, no Qt.

``TimelineView`` runs this in slices on the GUI thread (a couple of thousand events per turn of
the event loop), so even 100 000 events never freeze the window. Everything here is in days
(ordinals) or pixels; the view supplies the label widths, measured with its fonts.

Events are stacked greedily: taken in order of their left edge, each goes into the lowest row
that is free there. For intervals this uses as few rows as there are events overlapping at one
point, and each event's row depends only on the events to its left, so a partial packing is
already correct where it reaches.
"""

from __future__ import annotations

import heapq
from array import array
from collections.abc import Iterable, Iterator
from datetime import date

from sgdesk.content.dates import PartialDate

MARGIN = 24  # left and right of the axis
ROWS_TOP = 48  # the first row of events
MARK_H = 14  # height of the band or glyph line of a row
LABEL_GAP = 2  # between a row's mark and its two label lines


def row_height(line_height: int) -> int:
    """A row: the mark, then the norm and the action, one line each (``line_height``: the font's)."""
    return MARK_H + LABEL_GAP + 2 * line_height + 3


def rows_height(line_height: int, rows: int) -> int:
    """The height the view needs to show the axis and ``rows`` rows."""
    return ROWS_TOP + rows * row_height(line_height) + 8


LABEL_W = 230  # labels are elided to this width
GAP = 14  # between a label and the next item of its row
DOT_HALF = 7  # half the width of an event known to the day
MIN_MARK = 3  # the narrowest band drawn
FIT_DAYS_MIN = 365  # fitting never shows less than a year across


class Extents:
    """Events on the axis, independent of the zoom: days, and label widths in pixels.

    Kept in arrays of numbers, not one object per event: the garbage collector never walks
    arrays, and walking 100 000 small objects was a pause of tens of milliseconds.
    """

    def __init__(self) -> None:
        self.start = array("d")  # ordinal days; a day is its middle
        self.end = array("d")  # equal to start for an event known to the day (drawn as a glyph)
        self.label = array("i")

    def __len__(self) -> int:
        return len(self.start)

    def band(self, index: int) -> bool:
        return self.end[index] > self.start[index]

    def append(self, when: PartialDate, label: int) -> None:
        """A day is its middle; a month or a year spans from its first day to the next one's."""
        if when.day is not None and when.month is not None:
            start = end = date(when.year, when.month, when.day).toordinal() + 0.5
        elif when.month is None:
            start, end = date(when.year, 1, 1).toordinal(), date(when.year + 1, 1, 1).toordinal()
        else:
            start = date(when.year, when.month, 1).toordinal()
            end = date(when.year + when.month // 12, when.month % 12 + 1, 1).toordinal()
        self.start.append(start)
        self.end.append(end)
        self.label.append(label)

    def subset(self, indexes: Iterable[int]) -> Extents:
        """The extents at ``indexes``, in that order."""
        chosen = Extents()
        for index in indexes:
            chosen.start.append(self.start[index])
            chosen.end.append(self.end[index])
            chosen.label.append(self.label[index])
        return chosen


def widest_labels(extents: Extents, first: int) -> dict[int, float]:
    """For each label width, the largest offset (days after ``first``) of an event with it.

    Fitting needs only these (at most ``LABEL_W`` of them), not every event: see ``fit_scale``.
    """
    widest: dict[int, float] = {}
    for start, label in zip(extents.start, extents.label, strict=True):
        offset = start - first
        if offset > widest.get(label, 0.0):
            widest[label] = offset
    return widest


def fit_scale(widest: dict[int, float], days: int, room: int) -> float:
    """Pixels per day that show the whole axis, and every label whole, in ``room`` pixels."""
    scale = room / max(days, FIT_DAYS_MIN)
    for width, offset in widest.items():  # a label must not run past the right edge
        if room > width:
            scale = min(scale, (room - width) / offset)
    return scale


class Packing:
    """The rows of a timeline at one scale, computed ``step`` by ``step``.

    Items are positions in ``extents`` (which is in date order). Per item: ``left`` and
    ``right`` of its mark, ``x1`` the right edge of mark and label, ``row`` (-1 until placed).
    Per row: its items from left to right and their ``x1`` (for bisection). All arrays.
    """

    def __init__(self, extents: Extents, first: int, scale: float) -> None:
        self.extents, self.first, self.scale = extents, first, scale
        count = len(extents)
        self.left = array("d", bytes(8 * count))
        self.right = array("d", bytes(8 * count))
        self.x1 = array("i", bytes(4 * count))
        self.row = array("i", [-1]) * count
        self.rows: list[array[int]] = []
        self.ends: list[array[int]] = []
        self.placed = 0
        self.width = 0  # the right edge of the widest label placed so far
        self._busy: list[tuple[int, int]] = []  # (where a row is free again, row)
        self._free: list[int] = []
        # Bands and glyphs are each in left-edge order already (extents are in date order).
        bands = (i for i in range(count) if extents.band(i))
        dots = (i for i in range(count) if not extents.band(i))
        self._order: Iterator[int] = heapq.merge(bands, dots, key=self._left_edge)

    def x(self, ordinal: float) -> float:
        return MARGIN + (ordinal - self.first) * self.scale

    def _left_edge(self, index: int) -> float:
        return self.x(self.extents.start[index]) - (0 if self.extents.band(index) else DOT_HALF)

    @property
    def done(self) -> bool:
        return self.placed == len(self.extents)

    def step(self, count: int) -> bool:
        """Place up to ``count`` more items; True when every item is placed."""
        busy, free, rows, ends = self._busy, self._free, self.rows, self.ends
        starts, stops, labels = self.extents.start, self.extents.end, self.extents.label
        for _ in range(count):
            index = next(self._order, None)
            if index is None:
                break
            start, stop, label = starts[index], stops[index], labels[index]
            if stop > start:  # a band
                left, right = self.x(start), self.x(stop)
            else:
                left, right = self.x(start) - DOT_HALF, self.x(start) + DOT_HALF
            right = max(right, left + MIN_MARK)
            x0 = round(left)
            while busy and busy[0][0] <= x0:
                heapq.heappush(free, heapq.heappop(busy)[1])
            row = heapq.heappop(free) if free else len(rows)
            if row == len(rows):
                rows.append(array("i"))
                ends.append(array("i"))
            edge = max(round(right), x0 + label)
            rows[row].append(index)
            ends[row].append(edge - 1)
            self.left[index], self.right[index], self.x1[index], self.row[index] = left, right, edge - 1, row
            self.width = max(self.width, edge)
            heapq.heappush(busy, (max(round(right), x0 + label + GAP), row))
            self.placed += 1
        return self.done
