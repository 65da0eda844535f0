"""The kind boost ranks before the page is cut (a norm just below the page by bm25 can be on it)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sgdesk.content.ranking import KIND_BOOST, READ_AHEAD, boosted_page, boosted_rows

NORM, ARTICLE = KIND_BOOST["norm"], KIND_BOOST["article"]


def test_a_norm_just_below_the_page_is_on_it_once_boosted() -> None:
    # bm25 order: three articles, then a norm scoring 0.9 of the best (0.9 × 1.2 = 1.08 > 1.0)
    rows = [(1, 1.0), (2, 0.99), (3, 0.98), (4, 0.9)]
    kinds = {4: NORM}
    page = boosted_page(rows, lambda pk: kinds.get(pk, ARTICLE), 0, 2)
    assert [pk for pk, _ in page] == [4, 1]
    assert page[0][1] == 0.9 * NORM


def test_ties_keep_the_bm25_order_and_pages_continue_without_gaps_or_repeats() -> None:
    rows = [(pk, 1.0) for pk in range(1, 8)]
    pages = [boosted_page(rows, lambda pk: ARTICLE, offset, 3) for offset in (0, 3, 6)]
    assert [pk for page in pages for pk, _ in page] == list(range(1, 8))


def test_reading_stops_where_no_boosted_row_can_enter() -> None:
    """Past the page, a row whose score × the largest boost cannot beat the page's last ends
    the reading: the rows after it are never asked for (a cursor is read lazily)."""
    read: list[int] = []

    def rows() -> object:
        for pk, score in [(1, 1.0), (2, 0.9), (3, 0.5), (4, 0.49), (5, 0.48)]:
            read.append(pk)
            yield pk, score

    assert [pk for pk, _ in boosted_page(rows(), lambda pk: ARTICLE, 0, 2)] == [1, 2]  # type: ignore[arg-type]
    assert read == [1, 2, 3]


@given(
    scores=st.lists(st.floats(min_value=0, max_value=50, allow_nan=False), max_size=40),
    boosted=st.sets(st.integers(0, 39)),
    offset=st.integers(0, 10),
    page=st.integers(0, 10),
)
def test_the_page_is_the_slice_of_the_fully_boosted_order(
    scores: list[float], boosted: set[int], offset: int, page: int
) -> None:
    """Whatever the scores: the same rows as boosting every match, sorting and slicing."""
    rows = sorted(enumerate(scores), key=lambda row: -row[1])
    assert len(rows) < READ_AHEAD  # the bound is never reached here: the result must be exact

    def boost(pk: int) -> float:
        return NORM if pk in boosted else ARTICLE

    everything = sorted(
        ((pk, score * boost(pk), position) for position, (pk, score) in enumerate(rows)),
        key=lambda row: (-row[1], row[2]),
    )
    expected = [(pk, score) for pk, score, _ in everything[offset : offset + page]]
    assert boosted_page(rows, boost, offset, page) == expected


def _counted(pairs: list[tuple[int, float]], read: list[int]) -> object:
    for pk, score in pairs:
        read.append(pk)
        yield pk, score


SECTION = KIND_BOOST["section"]
TIED = 0.75 * NORM  # an article scoring exactly what a norm of 0.75 scores once boosted


def test_a_page_of_one_row_is_the_best_row() -> None:
    assert boosted_page([(1, 1.0), (2, 0.5)], lambda pk: ARTICLE, 0, 1) == [(1, 1.0)]
    assert boosted_page([(1, 1.0), (2, 0.5)], lambda pk: ARTICLE, 1, 1) == [(2, 0.5)]
    assert boosted_page([(1, 1.0)], lambda pk: ARTICLE, 0, 0) == []


def test_a_boosted_row_from_below_the_page_ties_after_the_rows_above_it() -> None:
    """A norm read past the page that ties an article on it comes after it (bm25's order), and
    once it is on the page a row that cannot enter ends the reading."""
    read: list[int] = []
    kinds = {3: NORM}
    rows = _counted([(1, TIED), (2, 0.5), (3, 0.75), (4, 0.1), (5, 0.09)], read)
    page = boosted_page(rows, lambda pk: kinds.get(pk, ARTICLE), 0, 2)  # type: ignore[arg-type]
    assert page == [(1, TIED), (3, TIED)]
    assert read == [1, 2, 3, 4]


def test_a_row_that_can_only_tie_the_page_s_last_ends_the_reading() -> None:
    read: list[int] = []
    rows = _counted([(1, 1.0), (2, TIED), (3, 0.75), (4, 0.7)], read)
    assert [pk for pk, _ in boosted_page(rows, lambda pk: NORM if pk == 3 else ARTICLE, 0, 2)] == [1, 2]  # type: ignore[arg-type]
    assert read == [1, 2, 3]


def test_each_boosted_row_raises_the_bar_only_to_the_page_s_new_last() -> None:
    """A section enters, then a norm scoring less by bm25 but more once boosted replaces it."""
    kinds = {3: SECTION, 4: NORM}
    rows = [(1, 1.0), (2, 0.5), (3, 0.6), (4, 0.59), (5, 0.1)]
    page = boosted_page(rows, lambda pk: kinds.get(pk, ARTICLE), 0, 2)
    assert [pk for pk, _ in page] == [1, 4]


def test_reading_past_the_page_stops_after_read_ahead_rows() -> None:
    """Where bm25 is flat, a norm further than READ_AHEAD rows below the page is not looked for."""
    read: list[int] = []
    flat = [(pk, 0.9) for pk in range(2, READ_AHEAD + 2)]
    rows = _counted([(1, 1.0), *flat, (9999, 0.89)], read)
    page = boosted_page(rows, lambda pk: NORM if pk == 9999 else ARTICLE, 0, 1)  # type: ignore[arg-type]
    assert page == [(1, 1.0)]
    assert len(read) == 1 + READ_AHEAD


@given(
    scores=st.lists(
        st.sampled_from([0.0, 0.5, 0.6, 0.75, 0.9, TIED, 1.0]) | st.floats(min_value=0, max_value=50),
        max_size=300,
    ),
    codes=st.lists(st.sampled_from([0, 0, 0, 1, 2]), max_size=300),
    offset=st.integers(0, 30),
    page=st.integers(0, 25),
    batch=st.integers(1, 40),
)
def test_the_fast_path_gives_the_page_boosted_page_gives(
    scores: list[float], codes: list[int], offset: int, page: int, batch: int
) -> None:
    """``boosted_rows`` reads SQLite's rows (pk, rank) in rank order and skips the unboosted
    ones past the page: the same page as ``boosted_page`` over (pk, -rank), whatever the
    scores, ties (a few values, so that boosted rows tie), batches and pks past the kinds' end;
    it never reads past READ_AHEAD."""
    kinds = bytes(codes)
    factors = (1.0, NORM, SECTION)
    rows = [(pk, -score) for pk, score in sorted(enumerate(scores), key=lambda row: -row[1])]
    wanted = max(offset + page, 0)
    read = [len(rows[:wanted])]

    def more(count: int) -> list[tuple[int, float]]:
        assert count > 0
        batch_rows = rows[read[0] : read[0] + count]
        read[0] += len(batch_rows)
        return batch_rows

    def boost(pk: int) -> float:
        return factors[kinds[pk]] if pk < len(kinds) else ARTICLE

    expected = boosted_page([(pk, -rank) for pk, rank in rows], boost, offset, page)
    assert boosted_rows(rows[:wanted], more, kinds, factors, offset, page, batch) == expected
    assert read[0] <= wanted + READ_AHEAD


def test_on_the_fast_path_boosted_rows_that_tie_keep_the_bm25_order() -> None:
    """Two norms read past the page, in one batch, tie once boosted: bm25's order between them."""
    rows = [(1, -1.0), (2, -0.5), (3, -0.9), (4, -0.9), (5, -0.1)]
    kinds = bytes([0, 0, 0, 1, 1, 0])
    page = boosted_rows(rows[:2], lambda n: rows[2 : 2 + n], kinds, (1.0, NORM), 0, 2)
    assert page == [(3, 0.9 * NORM), (4, 0.9 * NORM)]


# boosted_rows fed the way SQLite feeds it (session 8): rows (pk, rank) in rank order, the first
# ``offset + page`` of them at once, the rest by ``fetchmany``, whose sizes are recorded.
class _Cursor:
    def __init__(self, rows: list[tuple[int, float]], wanted: int) -> None:
        self.rows = rows
        self.read = wanted  # the first ``offset + page`` rows come at once (the head)
        self.asked: list[int] = []

    def fetchmany(self, count: int) -> list[tuple[int, float]]:
        assert count > 0  # (SQLite's fetchmany(0) reads every row left)
        self.asked.append(count)
        found = self.rows[self.read : self.read + count]
        self.read += len(found)
        return found


def _fast_page(rows: list[tuple[int, float]], norms: set[int], offset: int, page: int, batch: int = 16,
               size: int = 400) -> tuple[list[tuple[int, float]], _Cursor]:  # fmt: skip
    kinds = bytes(1 if pk in norms else 0 for pk in range(size))
    cursor = _Cursor(rows, offset + page)
    return boosted_rows(
        rows[: offset + page], cursor.fetchmany, kinds, (1.0, NORM), offset, page, batch
    ), cursor


def _ranks(pks: range, score: float) -> list[tuple[int, float]]:
    return [(pk, -score) for pk in pks]


def test_on_the_fast_path_a_page_of_one_row_is_the_best_row_and_of_none_is_empty() -> None:
    page, cursor = _fast_page([(7, -2.0)], {7}, 0, 0)
    assert (page, cursor.asked) == ([], [])  # nothing read either
    assert _fast_page([(7, -2.0), (8, -1.0)], set(), 0, 1)[0] == [(7, 2.0)]
    assert _fast_page([(7, -2.0), (8, -1.9)], {8}, 0, 1)[0] == [(8, 1.9 * NORM)]


def test_on_the_fast_path_a_norm_in_the_page_is_boosted_there_too() -> None:
    rows = [(1, -1.0), (2, -0.9), (3, -0.5)]
    assert _fast_page(rows, {2}, 0, 2)[0] == [(2, 0.9 * NORM), (1, 1.0)]


def test_on_the_fast_path_a_rank_of_zero_scores_zero() -> None:
    """A row matched only where bm25 gives no weight (the facets column) has a rank of 0 (or
    None): it scores 0, in the page and past it, and a norm past the page scoring 0 too does
    not push it out (at a tie bm25's order wins)."""
    for zero in (0.0, None):
        rows = [(1, -1.0), (2, zero), (3, 0.0)]
        assert _fast_page(rows, {3}, 0, 2)[0] == [(1, 1.0), (2, 0.0)]  # type: ignore[arg-type]


def test_on_the_fast_path_rows_past_the_kinds_table_are_not_boosted() -> None:
    """A row whose pk is past the table of marks (which ends at the last norm or section) is an
    unboosted one, in the page or past it."""
    rows = [(1, -1.0), (5, -0.96), (3, -0.95), (2, -0.94)]  # pk 3 is one past the table, pk 5 further
    page, _ = _fast_page(rows, {2}, 0, 2, size=3)
    assert page == [(2, 0.94 * NORM), (1, 1.0)]
    assert _fast_page([(1, -1.0), (5, -0.9)], {2}, 0, 2, size=3)[0] == [(1, 1.0), (5, 0.9)]
    assert _fast_page([(1, -1.0), (3, -0.9)], {2}, 0, 2, size=3)[0] == [(1, 1.0), (3, 0.9)]  # just past


def test_on_the_fast_path_norms_several_batches_down_enter_in_bm25_order() -> None:
    """Two norms far below the page (the end of the second batch, the start of the third),
    tied once boosted: both enter, in bm25's order, and the reading stops at the third batch's
    end, where nothing can enter any more."""
    head = [(1, -1.0), (2, -0.99), (3, -0.98)]
    rows = [*head, *_ranks(range(100, 146), 0.95), (10, -0.9), (146, -0.9), (11, -0.9),
            *_ranks(range(200, 310), 0.5)]  # fmt: skip
    assert rows.index((10, -0.9)) == 3 + 16 + 30
    assert rows.index((11, -0.9)) == 3 + 16 + 32
    page, cursor = _fast_page(rows, {10, 11}, 0, 3)
    assert page == [(10, 0.9 * NORM), (11, 0.9 * NORM), (1, 1.0)]
    assert cursor.asked == [16, 32, 64]  # doubling from the batch, stopping where the ranking does


def test_on_the_fast_path_a_norm_between_the_page_s_last_two_enters() -> None:
    rows = [(1, -1.0), (2, -0.99), (3, -0.95), (4, -0.9), (5, -0.8), (6, -0.1)]
    assert _fast_page(rows, {5}, 0, 3)[0] == [(1, 1.0), (2, 0.99), (5, 0.8 * NORM)]  # 0.96


def test_on_the_fast_path_rows_of_the_page_that_tie_keep_the_bm25_order() -> None:
    rows = [(3, -1.0), (1, -1.0), (2, -1.0), (4, -0.5)]
    assert _fast_page(rows, set(), 0, 3)[0] == [(3, 1.0), (1, 1.0), (2, 1.0)]
    assert _fast_page(rows, set(), 1, 2)[0] == [(1, 1.0), (2, 1.0)]


def test_on_the_fast_path_reading_stops_at_the_first_batch_when_nothing_can_enter() -> None:
    rows = [(1, -1.0), (2, -0.99), *_ranks(range(100, 200), 0.5)]  # 0.5 × 1.2 is below 0.99
    page, cursor = _fast_page(rows, set(), 0, 2)
    assert (page, cursor.asked) == ([(1, 1.0), (2, 0.99)], [16])
    page, cursor = _fast_page(rows, {103, 104}, 0, 2)  # a norm that cannot enter stops it there
    assert (page, cursor.asked) == ([(1, 1.0), (2, 0.99)], [16])
    # rows that can at best tie the page's last end it too (at a tie bm25's order wins): the
    # first batch's last one stops the reading before the norm further down is read
    rows = [(1, -2.0), (2, -1.2), *_ranks(range(100, 200), 1.0)]
    page, cursor = _fast_page(rows, {150}, 0, 2)
    assert (page, cursor.asked) == ([(1, 2.0), (2, 1.2)], [16])


@pytest.mark.parametrize("batch", [1, 16, READ_AHEAD - 1])
def test_on_the_fast_path_the_last_row_read_ahead_counts_and_the_next_is_not_read(batch: int) -> None:
    """Rows that could all still enter: READ_AHEAD of them are read past the page, whatever the
    batches, the last one included; a norm right after it is not read, so not shown."""
    rows = [(1, -1.0), (2, -0.95), *_ranks(range(100, 100 + READ_AHEAD - 1), 0.9), (10, -0.9), (11, -0.9)]
    page, cursor = _fast_page(rows, {10, 11}, 0, 2, batch)
    assert page == [(10, 0.9 * NORM), (1, 1.0)]
    assert cursor.read == 2 + READ_AHEAD
