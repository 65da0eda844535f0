"""Anchors that survive content updates: find a stored passage again in a node's new text.

An anchor keeps the W3C selectors (quote with prefix and suffix, and position) over the
node's normalised text. ``locate`` tries, in order: the stored position if the quote is still
there; the quote elsewhere in the node, prefix and suffix choosing among repeats; an edited
version of the quote (approximate matching with the standard library's difflib); else «sin
ubicar». A passage is never dropped: the caller keeps the anchor and shows its original quote.

anchorpoint (PyPI) implements the same selectors, but it is not used: its matcher is an exact
regular expression (no approximate matching, the case folded, prefix and suffix required to
be adjacent), it pulls in pydantic and python-ranges for a few dozen lines, and its licence
(an "ethical source" licence, not OSI-approved) restricts use. rapidfuzz was used first and
dropped: it adds 12 MB to the frozen application (over its size budget) for comparisons of a
few hundred characters, which difflib does in well under a millisecond.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher
from enum import StrEnum

from sgdesk.content.annotations import TextAnchor
from sgdesk.content.text import fold

CONTEXT_LENGTH = 32  # characters of prefix and suffix kept around a quote
MIN_APPROXIMATE_LENGTH = 8  # shorter quotes are only found exactly
APPROXIMATE_SCORE = 85.0  # similarity (0-100) an edited quote, with its context, must reach
_SIDE = 12  # characters of prefix and suffix compared with an edited quote's surroundings
_WORD = re.compile(r"\w+")
_MAX_CANDIDATES = 5  # places an edited quote is looked for, per intact run of its words
_MAX_REACH = 60  # characters each end of an edited quote may move
_EDGE = 24  # characters of the quote compared at each end when choosing where it starts and ends


class Placement(StrEnum):
    EXACT = "exact"  # the quote is where it was
    MOVED = "moved"  # the same quote, elsewhere in the node
    APPROXIMATE = "approximate"  # a slightly edited version of the quote
    RELOCATED = "relocated"  # the node's id is gone; the quote was found in another node
    UNPLACED = "unplaced"  # the quote is no longer in the node
    NODE_GONE = "node_gone"  # the node's id is gone and the quote was not found elsewhere


PLACEMENT_LABELS = {
    Placement.EXACT: "ubicada",
    Placement.MOVED: "ubicada (el texto cambió de lugar)",
    Placement.APPROXIMATE: "ubicada aproximadamente (el texto cambió)",
    Placement.RELOCATED: "trasladada a otra sección",
    Placement.UNPLACED: "sin ubicar",
    Placement.NODE_GONE: "no disponible en esta versión del contenido",
}


@dataclass(frozen=True)
class Location:
    placement: Placement
    start: int = 0
    end: int = 0

    @property
    def found(self) -> bool:
        return self.placement not in (Placement.UNPLACED, Placement.NODE_GONE)


def normalised_text(text: str) -> str:
    """The text anchors count in: NFC, runs of white space (line breaks too) as one space."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def anchor_at(text: str, start: int, end: int) -> TextAnchor:
    """The anchor of ``text[start:end]`` (``text`` already normalised)."""
    if not 0 <= start < end <= len(text):
        raise ValueError(f"invalid span {start}:{end} in a text of {len(text)} characters")
    prefix = text[max(0, start - CONTEXT_LENGTH) : start]
    return TextAnchor(text[start:end], prefix, text[end : end + CONTEXT_LENGTH], start, end)


def anchor_quote(text: str, quote: str) -> TextAnchor | None:
    """The anchor of the first occurrence of ``quote`` in ``text`` (both normalised here),
    ignoring case and accents if it is not there as written; None if it is not there."""
    text, quote = normalised_text(text), normalised_text(quote)
    if not quote:
        return None
    start = text.find(quote)
    if start < 0:
        start = fold(text).find(fold(quote))
    return anchor_at(text, start, start + len(quote)) if start >= 0 else None


@dataclass(frozen=True)
class Fragment:
    """One paragraph's part of a selection in the reading pane: the unit it is in, the text
    selected, and the page's text of that unit before it (title and label included) — which
    says which occurrence was selected when the text repeats («de» in «Texto de prueba de…»)."""

    node_id: str
    text: str
    before: str = ""


def selection_span(text: str, fragment: str, before: str = "", label: str = "") -> tuple[int, int] | None:
    """Where a selected ``fragment`` is in a unit's normalised ``text``: the occurrence the
    reader selected, the one whose preceding text in ``text`` ends the page's text ``before``
    the selection (the page may show a title and the label first); case and accents are
    ignored if the fragment is not there as written; a fragment that starts with the unit's
    printed ``label`` ("n.") is looked for without it. None if it is not there."""
    fragment = normalised_text(fragment)
    if not fragment:
        return None
    starts = _occurrences(text, fragment) or _occurrences(fold(text), fold(fragment))
    if not starts and label and fold(fragment).startswith(fold(label)):
        rest = fragment[len(label) :].strip()
        return selection_span(text, rest, f"{before} {fragment[: len(fragment) - len(rest)]}", "")
    if not starts:
        return None
    page_before = fold(normalised_text(before))
    folded = fold(text)
    fitting = [s for s in starts if page_before.endswith(folded[:s].rstrip())] if page_before else []
    start = fitting[-1] if fitting else starts[0]
    return start, start + len(fragment)


def locate(anchor: TextAnchor, text: str) -> Location:
    """Where ``anchor`` is in ``text`` (a node's normalised text) now; see the module docstring."""
    exact, start, end = anchor.exact, anchor.start, anchor.end
    if exact and text[start:end] == exact and _context_score(text, start, anchor) == _full_context(anchor):
        return Location(Placement.EXACT, start, end)  # where it was, with what was around it
    starts = _occurrences(text, exact)
    if starts:
        # A short quote may be written again at its old position (another «de»): the stored
        # prefix and suffix choose the occurrence, the old position only breaks ties.
        best = max(starts, key=lambda s: (_context_score(text, s, anchor), -abs(s - start)))
        return Location(Placement.EXACT if best == start else Placement.MOVED, best, best + len(exact))
    span = _approximate(text, anchor)
    if span is not None:
        return Location(Placement.APPROXIMATE, *span)
    return Location(Placement.UNPLACED)


def relocate(
    anchor: TextAnchor, original: NodeName, candidates: Iterable[tuple[NodeName, str]]
) -> tuple[str, Location] | None:
    """For a node that no longer exists: the node among ``candidates`` (name, normalised text)
    that is the same unit moved (same last id segment, "lit-n", or same title) and holds the
    exact quote, the best prefix and suffix deciding among several; else None. A passage
    quoted by another unit (an amending article, say) is not taken for the unit itself."""
    found: list[tuple[int, str, Location]] = []
    for name, text in candidates:
        if not name.same_unit_as(original):
            continue
        for start in _occurrences(text, anchor.exact):
            location = Location(Placement.RELOCATED, start, start + len(anchor.exact))
            found.append((_context_score(text, start, anchor), name.id, location))
    if not found:
        return None
    found.sort(key=lambda item: -item[0])
    if len(found) > 1 and found[0][0] == found[1][0]:
        return None  # two equally good places: saying which would be a guess
    return found[0][1], found[0][2]


@dataclass(frozen=True)
class NodeName:
    id: str
    title: str

    def same_unit_as(self, other: NodeName) -> bool:
        """Plausibly the same unit under another parent: same last id segment or same title."""
        return self.id.rsplit("/", 1)[-1] == other.id.rsplit("/", 1)[-1] or (
            bool(self.title) and self.title == other.title
        )


def _occurrences(text: str, exact: str) -> list[int]:
    starts: list[int] = []
    if not exact:
        return starts
    start = text.find(exact)
    while start >= 0:
        starts.append(start)
        start = text.find(exact, start + 1)
    return starts


def _context_score(text: str, start: int, anchor: TextAnchor) -> int:
    """How many characters of the stored prefix and suffix surround ``start`` in ``text``."""
    before = text[max(0, start - len(anchor.prefix)) : start]
    after = text[start + len(anchor.exact) : start + len(anchor.exact) + len(anchor.suffix)]
    return common_start(before[::-1], anchor.prefix[::-1]) + common_start(after, anchor.suffix)


def _full_context(anchor: TextAnchor) -> int:
    """``_context_score`` where the whole stored prefix and suffix surround the quote."""
    return len(anchor.prefix) + len(anchor.suffix)


def common_start(first: str, second: str) -> int:
    """How many leading characters ``first`` and ``second`` share. Halving, with slices
    compared in C: a page's whole text before a passage (hundreds of characters, matching
    all the way) costs about 2 µs instead of 20 with a character loop."""
    low, high = 0, min(len(first), len(second))
    while low < high:
        middle = (low + high + 1) // 2
        if first[:middle] == second[:middle]:
            low = middle
        else:
            high = middle - 1
    return low


def _approximate(text: str, anchor: TextAnchor) -> tuple[int, int] | None:
    """The span of ``text`` most like the quote, in whole words, if similar enough. Each end
    is chosen by comparing the quote's first (last) words with their stored prefix (suffix)
    to the text around that end, so the context decides where an edited passage begins and
    ends; the whole span, with its context, must then be similar enough."""
    exact = anchor.exact
    if len(exact) < MIN_APPROXIMATE_LENGTH or not text:
        return None
    before, after = anchor.prefix[-_SIDE:], anchor.suffix[:_SIDE]
    edge = min(_EDGE, len(exact))  # (a window as long as what it is compared with)
    head, tail = before + exact[:edge], exact[-edge:] + after

    def head_score(start: int) -> float:
        return _similarity(head, _window(text, start - len(before), start + edge))

    def tail_score(end: int) -> float:
        return _similarity(tail, _window(text, end - edge, end + len(after)))

    def whole_score(span: tuple[int, int]) -> float:
        s, e = span
        return _similarity(before + exact + after, _window(text, s - len(before), e + len(after)))

    spans = []
    for starts, ends in (_ends_near(text, start, len(exact)) for start in _likely_starts(text, exact)):
        starts, ends = _edges_like(text, exact, starts, ends)
        start = max(starts, key=head_score)
        end = max((e for e in ends if e > start), key=tail_score, default=None)
        if end is not None:
            spans.append((start, end))
    best = max(spans, key=whole_score, default=None)
    return best if best is not None and whole_score(best) >= APPROXIMATE_SCORE else None


def _edges_like(text: str, exact: str, starts: list[int], ends: list[int]) -> tuple[list[int], list[int]]:
    """The starts and ends (of words) to try for a quote: if it began (ended) with a word, those
    that begin (end) with a word, not the space beside it (all of them if none does); if with a
    sign next to a word («, (, .), the sign taken in where the text has it there."""
    first, last = exact[0], exact[-1]
    if first.isalnum():
        starts = [s for s in starts if text[s].isalnum()] or starts
    else:
        starts = sorted({s - 1 if s > 0 and text[s - 1] == first else s for s in starts})
    if last.isalnum():
        ends = [e for e in ends if text[e - 1].isalnum()] or ends
    else:
        ends = sorted({e + 1 if e < len(text) and text[e] == last else e for e in ends})
    return starts, ends


def _window(text: str, start: int, end: int) -> str:
    """``text[start:end]``, padded where it runs past either end of the text with a character
    no text has: a window cut short by the edge would otherwise be shorter than the context it
    is compared with, and score higher for it (a start near the edge won, and the passage grew
    by the words before it)."""
    pad = "\x00"
    return pad * max(0, -start) + text[max(0, start) : end] + pad * max(0, end - len(text))


def _similarity(first: str, second: str) -> float:
    """0-100: twice the characters in common over the total (difflib's ratio)."""
    return 100 * SequenceMatcher(None, first, second, autojunk=False).ratio()


def _likely_starts(text: str, exact: str) -> list[int]:
    """Where the quote would start if it were aligned on a longest run of words left intact:
    on each of them, for the first of several as long may stand whole only in another sentence
    that shares those words (words, not characters: a few distinct tokens keep this fast on
    long texts)."""
    quote_words = [(m.start(), m.group()) for m in _WORD.finditer(exact)]
    text_words = [(m.start(), m.group()) for m in _WORD.finditer(text)]
    quote_tokens, text_tokens = [w for _, w in quote_words], [w for _, w in text_words]
    matcher = SequenceMatcher(None, quote_tokens, text_tokens, autojunk=False)
    size = matcher.find_longest_match(0, len(quote_tokens), 0, len(text_tokens)).size
    if size == 0:
        return []
    places: dict[tuple[str, ...], list[int]] = {}
    for i in range(len(text_tokens) - size + 1):
        places.setdefault(tuple(text_tokens[i : i + size]), []).append(i)
    starts: list[int] = []
    for first in range(len(quote_tokens) - size + 1):
        run = tuple(quote_tokens[first : first + size])
        if sum(len(w) for w in run) < 4:  # «de la»: too common to place anything
            continue
        offset = quote_words[first][0]  # where the run starts inside the quote
        for i in places.get(run, [])[:_MAX_CANDIDATES]:
            start = max(0, text_words[i][0] - offset)
            if start not in starts:
                starts.append(start)
    return starts


def _ends_near(text: str, start: int, length: int) -> tuple[list[int], list[int]]:
    """Word starts near ``start`` and word ends near ``start + length``: an edit may have
    made the passage longer or shorter."""
    start, end = _whole_words(text, min(start, len(text) - 1), min(start + length, len(text)))
    reach = min(length // 2, _MAX_REACH)
    return sorted({start, *_word_starts(text, start, reach)}), sorted({end, *_word_ends(text, end, reach)})


def _whole_words(text: str, start: int, end: int) -> tuple[int, int]:
    while start > 0 and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1
    while end < len(text) and end > 0 and text[end - 1].isalnum() and text[end].isalnum():
        end += 1
    return start, end


def _word_ends(text: str, end: int, reach: int) -> list[int]:
    """Ends of words within ``reach`` characters of ``end``, on either side."""
    low, high = max(1, end - reach), min(len(text), end + reach)
    return [
        i for i in range(low, high + 1) if text[i - 1].isalnum() and (i == len(text) or not text[i].isalnum())
    ]


def _word_starts(text: str, start: int, reach: int) -> list[int]:
    """Starts of words within ``reach`` characters of ``start``, on either side."""
    low, high = max(0, start - reach), min(len(text) - 1, start + reach)
    return [i for i in range(low, high + 1) if text[i].isalnum() and (i == 0 or not text[i - 1].isalnum())]
