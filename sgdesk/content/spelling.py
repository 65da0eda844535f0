"""«¿Quiso decir…?»: the indexed word closest to a word the index does not have.

Edit distance (rapidfuzz's optimal string alignment: a swap of two letters counts as one edit)
to every word of the index of a similar length, the first letter included («xecretaria» →
«secretaria»); among the closest, the word in the most units wins: «secretria» gives
«secretaria», not a rare neighbour. Words are folded first, as the index folds them: an accent
is never a typo. The word proposed is then spelled as the corpus writes it (``written_form``:
«secretaría», not the index's «secretaria», which is another word). A word the index lacks
that is two of its words written together (``Vocabulary.split``: «secretariageneral», also with
a typo in one of them) is proposed as the two. Pure: no Qt, no SQL.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable

from sgdesk.content.stemming import WORD
from sgdesk.content.text import fold

# The shortest word a glued word is split into: with «de», «la», «el»… nearly any word would split.
MIN_PART = 3


def max_distance(word: str) -> int:
    """Typos allowed: none under 4 letters (too many neighbours), 1 up to 5, then 2."""
    return 0 if len(word) < 4 else 1 if len(word) <= 5 else 2


def distance(first: str, second: str, limit: int) -> int:
    """The optimal-string-alignment distance, or ``limit + 1`` when it is more than ``limit``."""
    from rapidfuzz.distance import OSA  # loaded with the first suggestion, not at start

    return int(OSA.distance(first, second, score_cutoff=limit))


class Vocabulary:
    """The index's words (letters only) with the number of units that contain each, grouped
    by length: a word is compared with the words whose length is within its typo limit."""

    def __init__(self, rows: Iterable[tuple[str, int]]) -> None:
        self._words: dict[int, list[str]] = {}
        self._docs: dict[str, int] = {}
        for word, docs in rows:
            if word.isalpha():
                self._words.setdefault(len(word), []).append(word)
                self._docs[word] = docs

    def __len__(self) -> int:
        return len(self._docs)

    def closest(self, word: str) -> str | None:
        """The most frequent word at the smallest distance from ``word``, within
        ``max_distance``; None when there is none (or ``word`` is itself indexed)."""
        word = fold(word)
        limit = max_distance(word)
        if limit == 0 or not word.isalpha() or word in self._docs:
            return None
        from rapidfuzz import process  # its compiled modules load with the first suggestion
        from rapidfuzz.distance import OSA

        best: tuple[float, int, str] | None = None
        for length in range(len(word) - limit, len(word) + limit + 1):
            found = process.extract(
                word, self._words.get(length, ()), scorer=OSA.distance, score_cutoff=limit, limit=None
            )
            for candidate, edits, _ in found:
                key = (edits, -self._docs[candidate], candidate)
                if best is None or key < best:
                    best = key
        return best[2] if best else None

    def split(self, word: str) -> str | None:
        """``word`` as two indexed words written together, the space forgotten: «secretariageneral»
        → «secretaria general»; the split whose rarer word is in the most units. Without such a
        split, one where a word is indexed and the other has a ``closest`` (the fewest typos
        first): «secretriageneral» → «secretaria general». None when there is neither, or when
        ``word`` is itself indexed."""
        word = fold(word)
        docs = self._docs
        if not word.isalpha() or word in docs:
            return None
        cuts = [(word[:at], word[at:]) for at in range(MIN_PART, len(word) - MIN_PART + 1)]
        exact = [(min(docs[a], docs[b]), a, b) for a, b in cuts if a in docs and b in docs]
        if exact:
            _, first, second = max(exact)
            return f"{first} {second}"
        corrected: list[tuple[int, int, str]] = []  # (typos, -units of the rarer word, the two)
        for a, b in cuts:
            known, typed = (a, b) if a in docs else (b, a)
            if known in docs and (found := self.closest(typed)) is not None:
                pair = f"{a} {found}" if known == a else f"{found} {b}"
                typos = distance(typed, found, max_distance(typed))
                corrected.append((typos, -min(docs[known], docs[found]), pair))
        return min(corrected)[2] if corrected else None


def closest(word: str, vocabulary: Vocabulary | Iterable[tuple[str, int]]) -> str | None:
    """``Vocabulary.closest`` over ``vocabulary`` (a Vocabulary, or (word, units) pairs)."""
    if not isinstance(vocabulary, Vocabulary):
        vocabulary = Vocabulary(vocabulary)
    return vocabulary.closest(word)


def written_form(word: str, texts: Iterable[str]) -> str:
    """``word`` (folded, as the index keeps it) spelled as ``texts`` write it most often, in lower
    case («secretaria» → «secretaría»); ``word`` itself when no text has it."""
    spellings = Counter(
        found.lower() for text in texts for found in WORD.findall(text) if fold(found) == word
    )
    return spellings.most_common(1)[0][0] if spellings else word


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
