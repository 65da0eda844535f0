"""Mark the reader's passages and note calls in a laid-out page (the PDF's and the printer's)."""

from __future__ import annotations

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


def unit_range(
    document: QTextDocument, anchors: list[tuple[int, str]], node_id: str
) -> tuple[int, int] | None:
    """Where the unit ``node_id`` (with its parts) begins and ends in the document."""
    begin = next((position for position, name in anchors if name == node_id), None)
    if begin is None:
        return None
    inside = node_id + "/"
    end = next((position for position, name in anchors
                if position > begin and name != node_id and not name.startswith(inside)),
               document.characterCount() - 1)  # fmt: skip
    return begin, end


def mark_notes(document: QTextDocument, marks: Sequence[NoteMark]) -> int:
    """Paint each passage's background and put «[n]» after a note's passage (after the unit's
    first paragraph for a note on the whole unit). Returns how many marks found their place."""
    anchors = anchor_positions(document)
    texts: dict[tuple[int, int], Collapsed] = {}  # each unit's text, made once
    spans: list[tuple[int, int, NoteMark]] = []  # (start, end, mark)
    for mark in marks:
        found = unit_range(document, anchors, mark.node_id)
        if found is None:
            continue
        where = None
        if mark.passage:
            where = find_passage(document, found[0], found[1], mark.passage, texts, mark.prefix)
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


Collapsed = tuple[str, list[int]]  # folded text (white space runs as one space); each character's position
_WORD = re.compile(r"\S+")


def find_passage(
    document: QTextDocument,
    begin: int,
    end: int,
    passage: str,
    texts: dict[tuple[int, int], Collapsed] | None = None,
    prefix: str = "",
) -> tuple[int, int] | None:
    """(start, length) of the place in [begin, end) where ``passage`` is written, over
    paragraph breaks too; None if it is not there. Where the passage is written more than
    once, the place whose preceding text matches ``prefix`` (the unit's text just before the
    passage) the longest wins; else the first. ``texts`` keeps each range's text for the
    next passage looked for in it (a page's 50 passages: each unit's text made once)."""
    needle = fold(" ".join(passage.split()))
    if not needle:
        return None
    key = (begin, end)
    collapsed = texts.get(key) if texts is not None else None
    if collapsed is None:
        collapsed = _collapsed(document, begin, end)
        if texts is not None:
            texts[key] = collapsed
    folded, where = collapsed
    found = folded.find(needle)
    if found < 0:
        return None
    following = folded.find(needle, found + 1)
    if prefix and following >= 0:  # written more than once: the context says which
        from sgdesk.content.anchoring import common_start  # (not on the way to the first frame)

        before = fold(" ".join(prefix.split()))[::-1].lstrip()

        def fit(start: int) -> int:  # how many characters before ``start`` match the prefix
            return common_start(folded[max(0, start - len(before) - 2) : start][::-1].lstrip(), before)

        best, score = found, fit(found)
        while following >= 0:
            candidate = fit(following)
            if candidate > score:
                best, score = following, candidate
            following = folded.find(needle, following + 1)
        found = best
    first, last = where[found], where[found + len(needle) - 1]
    return first, last + 1 - first


def _collapsed(document: QTextDocument, begin: int, end: int) -> Collapsed:
    """The text of [begin, end) folded, runs of white space (paragraph breaks too) as one
    space, with the document position of each character kept (word runs, not characters)."""
    parts: list[str] = []
    where: list[int] = []
    block = document.findBlock(begin)
    while block.isValid() and block.position() < end:
        base = block.position()
        offset = max(begin, base)
        text = block.text()[offset - base : max(0, end - base)]
        for word in _WORD.finditer(text.replace("\u2028", " ")):
            if parts:
                parts.append(" ")
                where.append(offset + word.start() - 1)
            parts.append(word.group())
            where.extend(range(offset + word.start(), offset + word.end()))
        block = block.next()
    return fold("".join(parts)), where
