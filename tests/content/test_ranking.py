"""The kind boost ranks before the page is cut (a norm just below the page by bm25 can be on it)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from sgdesk.content.ranking import KIND_BOOST, READ_AHEAD, boosted_page

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
