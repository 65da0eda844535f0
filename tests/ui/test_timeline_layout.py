"""Where the timeline puts each event: rows without overlaps, as few as possible, in slices."""

from __future__ import annotations

import ast
import itertools
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sgdesk.content.dates import PartialDate
from sgdesk.ui import timeline_layout
from sgdesk.ui.timeline_layout import (
    DOT_HALF,
    GAP,
    MARGIN,
    Extents,
    Packing,
    fit_scale,
    widest_labels,
)

FIRST = date(2006, 1, 1).toordinal()

dates = st.builds(
    lambda year, month, day, precision: PartialDate(
        year, month if precision > 0 else None, day if precision > 1 else None
    ),
    st.integers(2006, 2026),
    st.integers(1, 12),
    st.integers(1, 28),
    st.integers(0, 2),
)
events = st.lists(st.tuples(dates, st.integers(20, 232)), max_size=150)


def _extents(items: list[tuple[PartialDate, int]]) -> Extents:
    extents = Extents()
    for when, label in sorted(items, key=lambda item: item[0].key):  # the view keeps date order
        extents.append(when, label)
    return extents


def _packed(extents: Extents, scale: float, slice_size: int) -> Packing:
    packing = Packing(extents, FIRST, scale)
    steps = 0
    while not packing.step(slice_size):
        steps += 1
        assert steps <= len(extents), "every step places something"
    return packing


def test_the_module_needs_no_qt() -> None:
    tree = ast.parse(Path(timeline_layout.__file__).read_text(encoding="utf-8"))
    imported = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    imported |= {node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    assert not any(name.startswith("PySide6") for name in imported)


def test_extents_of_a_day_a_month_and_a_year() -> None:
    extents = Extents()
    extents.append(PartialDate(2008, 5, 4), 100)
    extents.append(PartialDate(2008, 12), 100)
    extents.append(PartialDate(2009), 100)
    assert extents.start[0] == extents.end[0] == date(2008, 5, 4).toordinal() + 0.5
    assert not extents.band(0)
    assert (extents.start[1], extents.end[1]) == (date(2008, 12, 1).toordinal(), date(2009, 1, 1).toordinal())
    assert extents.end[2] - extents.start[2] == 365
    assert extents.band(1)
    assert extents.band(2)


@settings(max_examples=150, deadline=None)
@given(events, st.sampled_from([0.05, 0.4, 1.0, 6.0]), st.integers(1, 40))
def test_rows_never_overlap_and_are_as_few_as_possible(
    items: list[tuple[PartialDate, int]], scale: float, slice_size: int
) -> None:
    extents = _extents(items)
    packing = _packed(extents, scale, slice_size)
    assert packing.done
    assert packing.placed == len(extents)
    assert sorted(i for row in packing.rows for i in row) == list(range(len(extents)))

    def busy(index: int) -> tuple[int, int]:  # mark and label, then the gap (a band may touch)
        left = round(packing.left[index])
        return left, max(round(packing.right[index]), left + extents.label[index] + GAP)

    intervals = []
    for row, (items_in_row, ends) in enumerate(zip(packing.rows, packing.ends, strict=True)):
        assert list(ends) == sorted(ends), "bisection needs the right edges in order"
        for before, after in itertools.pairwise(items_in_row):
            assert busy(after)[0] >= busy(before)[1], f"row {row} overlaps"
        for index in items_in_row:
            assert packing.row[index] == row
            intervals.append(busy(index))
    # Greedy packing of intervals by left edge uses as many rows as the deepest overlap.
    points = sorted({left for left, _ in intervals})
    depth = max((sum(left <= x < right for left, right in intervals) for x in points), default=0)
    assert len(packing.rows) == depth


@settings(max_examples=60, deadline=None)
@given(events, st.integers(1, 7))
def test_slices_give_the_same_layout_as_one_go(items: list[tuple[PartialDate, int]], slice_size: int) -> None:
    extents = _extents(items)
    whole, sliced = _packed(extents, 0.3, len(extents) + 1), _packed(extents, 0.3, slice_size)
    assert [list(row) for row in whole.rows] == [list(row) for row in sliced.rows]
    assert list(whole.left) == list(sliced.left)


def test_a_partial_packing_is_already_final_where_it_reaches() -> None:
    extents = _extents([(PartialDate(2006 + n % 20, n % 12 + 1, 1 + n % 28), 120) for n in range(400)])
    final = _packed(extents, 0.5, 1000)
    partial = Packing(extents, FIRST, 0.5)
    partial.step(150)
    assert partial.placed == 150
    assert not partial.done
    placed = [i for i in range(len(extents)) if partial.row[i] >= 0]
    assert len(placed) == 150
    assert all(partial.row[i] == final.row[i] and partial.left[i] == final.left[i] for i in placed)


def test_glyphs_are_centred_on_their_day() -> None:
    extents = _extents([(PartialDate(2010, 3, 15), 80)])
    packing = _packed(extents, 2.0, 10)
    middle = MARGIN + (date(2010, 3, 15).toordinal() + 0.5 - FIRST) * 2.0
    assert packing.left[0] == pytest.approx(middle - DOT_HALF)
    assert packing.right[0] == pytest.approx(middle + DOT_HALF)


def test_fitting_keeps_the_last_label_inside() -> None:
    extents = _extents([(PartialDate(2006), 60), (PartialDate(2025, 6, 1), 230)])
    days, room = date(2026, 1, 1).toordinal() - FIRST, 900
    scale = fit_scale(widest_labels(extents, FIRST), days, room)
    assert scale < room / days, "the axis alone would put the last label past the edge"
    packing = _packed(extents, scale, 10)
    assert packing.width <= MARGIN + room + 1
    assert fit_scale({}, days, room) == pytest.approx(room / days)
