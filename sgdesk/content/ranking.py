"""Search ranking beyond bm25: at near-ties a whole norm or section is a better landing point
than one of its parts. Pure: no Qt, no SQL.

The boost must apply before the page is cut, not after: a norm ranked just below the page by
bm25 can belong on it once boosted. ``boosted_page`` reads the matches in bm25 order only as
far as a boosted row could still enter the page, and at most READ_AHEAD rows past it: where
bm25's scores are flat («literal b»: thousands of literals within 20 % of each other), reading
them all would cost more than the statement itself, for a norm that is rarely there.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterable, Sequence
from itertools import islice
from typing import Any

KIND_BOOST = {"norm": 1.2, "section": 1.1, "article": 1.0, "literal": 1.0}
MAX_BOOST = max(KIND_BOOST.values())
READ_AHEAD = 200


def boosted_page(
    rows: Iterable[tuple[int, float]], boost: Callable[[int], float], offset: int, page: int
) -> list[tuple[int, float]]:
    """Rows ``offset`` to ``offset + page`` by boosted score, as (pk, boosted score), from
    ``rows``: (pk, score) in bm25 order, best (highest) first. Ties keep bm25's order.

    Past the first ``offset + page`` rows only a boosted row can still enter (an unboosted one
    scores no more than every row above it), and only while its score times the largest boost
    beats the page's last: reading stops there, or READ_AHEAD rows past the page."""
    wanted = offset + page
    if wanted <= 0:
        return []
    rows = iter(rows)
    # a min-heap of (boosted score, -position, pk): its first entry is the page's last
    best = [(score * boost(pk), -position, pk) for position, (pk, score) in enumerate(islice(rows, wanted))]
    heapq.heapify(best)
    if len(best) == wanted:
        last = best[0][0]  # the page's last boosted score: it only rises
        for position, (pk, score) in enumerate(islice(rows, READ_AHEAD), wanted):
            if score * MAX_BOOST <= last:
                break
            factor = boost(pk)
            if factor != 1.0:
                heapq.heappushpop(best, (score * factor, -position, pk))
                last = best[0][0]
    ranked = sorted(best, reverse=True)
    return [(pk, score) for score, _, pk in ranked[offset:wanted]]


def boosted_rows(
    head: Sequence[Sequence[Any]],
    more: Callable[[int], Sequence[Sequence[Any]]],
    kinds: bytes,
    factors: Sequence[float],
    offset: int,
    page: int,
    batch: int = 16,
) -> list[tuple[int, float]]:
    """``boosted_page`` over rows as SQLite returns them, for the search's hot path: the same
    page, with a row's boost ``factors[kinds[pk]]`` (1.0 for a pk past ``kinds``; ``factors[0]``
    must be 1.0) and its score the negated rank, ``-float(rank or 0.0)``.

    ``head``: the first rows (pk, rank, …), at most ``offset + page``; ``more(n)``: the next
    rows, at most ``n`` (fewer at the end). Rows come in rank order, so their scores never rise:
    past the page, a row that cannot beat the page's last ends the reading (as in
    ``boosted_page``), and an unboosted row never changes the page, so only the boosted ones are
    looked at, each batch's last row telling whether to read another (doubling from ``batch``).
    """
    wanted = offset + page
    if wanted <= 0:
        return []
    size = len(kinds)
    best = [
        (-float(row[1] or 0.0) * (factors[kinds[pk]] if 0 <= (pk := row[0]) < size else 1.0), -position, pk)
        for position, row in enumerate(head)
    ]
    if len(best) == wanted:
        heapq.heapify(best)
        last = best[0][0]  # the page's last boosted score: it only rises
        position, left = wanted, READ_AHEAD
        while left > 0:
            rows = more(min(batch, left))
            if not rows:
                break
            for index, row in enumerate(rows):
                pk = row[0]
                if 0 <= pk < size and kinds[pk]:
                    score = -float(row[1] or 0.0)
                    if score * MAX_BOOST <= last:
                        left = 0
                        break
                    heapq.heappushpop(best, (score * factors[kinds[pk]], -(position + index), pk))
                    last = best[0][0]
            if left == 0 or -float(rows[-1][1] or 0.0) * MAX_BOOST <= last:
                break
            position += len(rows)
            left -= len(rows)
            batch *= 2
    best.sort(reverse=True)
    return [(pk, score) for score, _, pk in best[offset:wanted]]
