"""Mark the reader's passages and note calls in a laid-out page (the PDF's and the printer's)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtGui import QColor, QTextBlock, QTextCharFormat, QTextCursor, QTextDocument

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
    spans: list[tuple[int, int, NoteMark]] = []  # (start, end, mark)
    for mark in marks:
        found = unit_range(document, anchors, mark.node_id)
        if found is None:
            continue
        where = find_passage(document, found[0], found[1], mark.passage) if mark.passage else None
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


def find_passage(document: QTextDocument, begin: int, end: int, passage: str) -> tuple[int, int] | None:
    """(start, length) of the first place in [begin, end) where ``passage`` is written, over
    paragraph breaks too; None if it is not there."""
    needle = fold(" ".join(passage.split()))
    if not needle:
        return None
    chars: list[str] = []
    where: list[int] = []  # the document position of each character of ``chars``
    block = document.findBlock(begin)
    while block.isValid() and block.position() < end:
        _collapse(block, begin, end, chars, where)
        block = block.next()
    found = fold("".join(chars)).find(needle)
    if found < 0:
        return None
    first, last = where[found], where[found + len(needle) - 1]
    return first, last + 1 - first


def _collapse(block: QTextBlock, begin: int, end: int, chars: list[str], where: list[int]) -> None:
    """Append the block's text in [begin, end) with runs of white space as one space."""
    text, base = block.text(), block.position()
    for offset, char in enumerate(text + "\n"):  # the paragraph break is white space too
        position = base + offset
        if position < begin or position >= end:
            continue
        if char.isspace() or char in "\u2028\u2029":
            if chars and chars[-1] != " ":
                chars.append(" ")
                where.append(position)
            continue
        chars.append(char)
        where.append(position)
