"""Mark the reader's passages and note calls in a laid-out page (the PDF's and the printer's)."""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextDocument

from sgdesk.content.text import fold

if TYPE_CHECKING:  # the reading pane uses the anchors at start-up: the notes load later
    from sgdesk.export.annotated import NoteMark


def anchor_positions(document: QTextDocument) -> list[tuple[int, str]]:
    """Where each unit starts: the anchor names the renderer put on first characters."""
    found = []
    block = document.begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            found += [(fragment.position(), name) for name in fragment.charFormat().anchorNames()]
            fragments += 1
        block = block.next()
    return found


def anchor_index(anchors: list[tuple[int, str]]) -> dict[str, int]:
    """Where each anchor name first is in ``anchors`` (``anchor_positions``' list): made once
    per page, it finds a unit's range without walking the list from its start."""
    index: dict[str, int] = {}
    for number, (_position, name) in enumerate(anchors):
        index.setdefault(name, number)
    return index


def unit_range(
    document: QTextDocument, anchors: list[tuple[int, str]], node_id: str, index: dict[str, int] | None = None
) -> tuple[int, int] | None:
    """Where the unit ``node_id`` (with its parts) begins and ends in the document.
    ``index``: ``anchor_index(anchors)``, for a page whose 50 passages each ask."""
    if index is None:
        first = next((number for number, (_, name) in enumerate(anchors) if name == node_id), None)
    else:
        first = index.get(node_id)
    if first is None:
        return None
    begin = anchors[first][0]
    inside = node_id + "/"
    # (In document order: the anchors before the unit's own are not past it.)
    end = next((position for position, name in itertools.islice(anchors, first + 1, None)
                if position > begin and name != node_id and not name.startswith(inside)),
               document.characterCount() - 1)  # fmt: skip
    return begin, end


def mark_notes(document: QTextDocument, marks: Sequence[NoteMark]) -> int:
    """Paint each passage's background and put «[n]» after a note's passage (after the unit's
    first paragraph for a note on the whole unit). Returns how many marks found their place."""
    anchors = anchor_positions(document)
    folded = folded_text(document)  # made once for every mark
    spans: list[tuple[int, int, NoteMark]] = []  # (start, end, mark)
    for mark in marks:
        found = unit_range(document, anchors, mark.node_id)
        if found is None:
            continue
        where = None
        if mark.passage:
            where = find_passage(document, found[0], found[1], mark.passage, folded, mark.prefix)
        span = (where[0], where[0] + where[1]) if where else None
        if span is None and not mark.passage:  # the whole unit: the call ends its first paragraph
            block = document.findBlock(found[0])
            span = (found[0], block.position() + block.length() - 1)
        if span is not None:
            spans.append((span[0], span[1], mark))
    # From the end backwards: inserting a call moves everything after it.
    for start, end, mark in sorted(spans, key=lambda s: s[0], reverse=True):
        cursor = QTextCursor(document)
        if mark.passage:
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            background = QTextCharFormat()
            background.setBackground(QColor(mark.colour))
            cursor.mergeCharFormat(background)
        if mark.number:
            cursor.setPosition(end)
            call = QTextCharFormat(cursor.charFormat())
            call.clearBackground()
            call.setVerticalAlignment(QTextCharFormat.VerticalAlignment.AlignSuperScript)
            call.setFontWeight(700)
            call.clearProperty(QTextCharFormat.Property.AnchorName)  # (setAnchorNames([]) crashes Qt)
            call.setAnchor(False)
            cursor.insertText(f"[{mark.number}]", call)  # as ``annotated.marker`` writes it
    return len(spans)


_GAP = r"[\s\ufdd0\ufdd1]+"  # white space, paragraph breaks and table edges: one space in a passage


def folded_text(document: QTextDocument) -> str:
    """The document's text folded (accents and case), one character per document position."""
    return fold(document.toRawText())


def find_passage(
    document: QTextDocument,
    begin: int,
    end: int,
    passage: str,
    folded: str | None = None,
    prefix: str = "",
) -> tuple[int, int] | None:
    """(start, length) of the place in [begin, end) where ``passage`` is written (accents and
    case ignored, any run of white space or paragraph breaks as one space); None if it is not
    there. Where it is written more than once, the place whose preceding text matches
    ``prefix`` (the unit's text just before the passage) the longest wins; else the first.
    ``folded``: ``folded_text(document)``, made once for a page's 50 passages."""
    words = tuple(fold(passage).split())
    if not words:
        return None
    text = folded if folded is not None else folded_text(document)
    matches = _pattern(words).finditer(text, begin, end)
    best = next(matches, None)
    if best is None:
        return None
    following = next(matches, None) if prefix else None
    if following is not None:  # written more than once: the context says which
        from sgdesk.content.anchoring import common_start  # (not on the way to the first frame)

        before = " ".join(fold(prefix).split())[::-1]

        def fit(match: re.Match[str]) -> int:  # how many characters before it match the prefix
            window = text[max(begin, match.start() - 2 * len(before) - 8) : match.start()]
            return common_start(" ".join(re.split(_GAP, window)).strip()[::-1], before)

        best = max((best, following, *matches), key=fit)  # (the first of equals)
    return best.start(), best.end() - best.start()


@functools.lru_cache(maxsize=512)
def _pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(_GAP.join(re.escape(word) for word in words))
