"""«¿Quiso decir…?»: the indexed word closest to a word the index does not have.

Edit distance (Damerau–Levenshtein, a swap of two letters counting as one edit) to the words
of the index that start with the same letter and have a similar length, ties broken by how
many units contain the word: «secretria» gives «secretaria», not a rare neighbour. Words are
folded first, as the index folds them: an accent is never a typo. Pure: no Qt, no SQL.

Not rapidfuzz: the team dropped it for the frozen application's size budget (5 to 12 MB),
and the candidates here are a few thousand short words at most, for a search that found
nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from sgdesk.content.stemming import WORD
from sgdesk.content.text import fold


def max_distance(word: str) -> int:
    """Typos allowed: none under 4 letters (too many neighbours), 1 up to 5, then 2."""
    return 0 if len(word) < 4 else 1 if len(word) <= 5 else 2


def distance(first: str, second: str, limit: int) -> int:
    """The optimal-string-alignment distance, or ``limit + 1`` as soon as it must exceed ``limit``."""
    if abs(len(first) - len(second)) > limit:
        return limit + 1
    before: list[int] = []
    previous = list(range(len(second) + 1))
    for i, a in enumerate(first, 1):
        current = [i] + [0] * len(second)
        for j, b in enumerate(second, 1):
            cost = a != b
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a == second[j - 2] and first[i - 2] == b:
                current[j] = min(current[j], before[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        before, previous = previous, current
    return previous[-1]


def closest(word: str, candidates: Iterable[tuple[str, int]]) -> str | None:
    """The most frequent candidate at the smallest distance from ``word``, within
    ``max_distance``; candidates are (word, units that contain it)."""
    word = fold(word)
    limit = max_distance(word)
    if limit == 0 or word.isdigit():
        return None
    best: tuple[int, int, str] | None = None
    for candidate, docs in candidates:
        found = distance(word, candidate, limit)
        if found <= limit and candidate != word and (best is None or (found, -docs, candidate) < best):
            best = (found, -docs, candidate)
    return best[2] if best else None


def corrected_text(text: str, replace: Callable[[str], str | None]) -> str | None:
    """``text`` with every word ``replace`` has a correction for replaced (the rest kept as
    typed); None when nothing changed."""
    changed = False

    def swap(match: re.Match[str]) -> str:
        nonlocal changed
        better = replace(fold(match.group()))
        if better is None:
            return match.group()
        changed = True
        return better

    result = WORD.sub(swap, text)
    return result if changed else None
