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
from collections.abc import Callable, Iterable
from itertools import islice

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
