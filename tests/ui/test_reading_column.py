"""The reading pane keeps a readable line length on wide screens: a centred column of about
``MEASURE`` characters, with the note markers beside it, instead of lines across the window."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QPalette, QTextCursor
from pytestqt.qtbot import QtBot

from sgdesk.ui.reading_pane import MEASURE, ReadingPane

PARAGRAPH = " ".join(["La Secretaría General coordina la gestión documental del Distrito."] * 30)
HTML = f"<h1>Misión</h1><p>{PARAGRAPH}</p><p>{PARAGRAPH}</p>"


def longest_line(pane: ReadingPane) -> int:
    """The most characters any laid-out line of the page holds."""
    longest = 0
    block = pane.document().begin()
    while block.isValid():
        layout = block.layout()
        for i in range(layout.lineCount()):
            longest = max(longest, layout.lineAt(i).textLength())
        block = block.next()
    return longest


def text_span(pane: ReadingPane) -> tuple[float, float]:
    """Where the paragraphs' lines start and end, in viewport pixels."""
    layout = pane.document().documentLayout()
    left, right = float("inf"), 0.0
    block = pane.document().begin()
    while block.isValid():
        box = layout.blockBoundingRect(block)
        lines = block.layout()
        for i in range(lines.lineCount()):
            line = lines.lineAt(i)
            left = min(left, box.left() + line.x())
            right = max(right, box.left() + line.x() + line.naturalTextWidth())
        block = block.next()
    return left, right


@pytest.fixture
def pane(qtbot: QtBot) -> ReadingPane:
    pane = ReadingPane()
    qtbot.addWidget(pane)
    pane.show_html(HTML)
    pane.show()
    qtbot.waitExposed(pane)
    return pane


def test_a_wide_pane_keeps_lines_to_a_readable_length(pane: ReadingPane, qtbot: QtBot) -> None:
    pane.resize(1800, 700)
    qtbot.waitUntil(lambda: pane.column_indent > 0)
    assert MEASURE * 0.8 <= longest_line(pane) <= MEASURE * 1.15


def test_the_column_is_centred_in_the_pane(pane: ReadingPane, qtbot: QtBot) -> None:
    pane.resize(1800, 700)
    qtbot.waitUntil(lambda: pane.column_indent > 0)
    left, right = text_span(pane)
    blank_right = pane.viewport().width() - right
    assert left > 300  # far in from the edge, not text across the window
    assert abs(left - blank_right) < 0.1 * pane.viewport().width()


def test_a_narrow_pane_uses_its_whole_width(pane: ReadingPane, qtbot: QtBot) -> None:
    pane.resize(1800, 700)
    qtbot.waitUntil(lambda: pane.column_indent > 0)
    pane.resize(500, 700)
    qtbot.waitUntil(lambda: pane.column_indent == 0)
    left, right = text_span(pane)
    assert left < 10
    assert right > pane.viewport().width() - 60  # the lines fill it (no blank column)


def test_zooming_keeps_the_characters_per_line(pane: ReadingPane, qtbot: QtBot) -> None:
    pane.resize(2400, 700)
    qtbot.waitUntil(lambda: pane.column_indent > 0)
    before, indent = longest_line(pane), pane.column_indent
    pane.set_zoom(150)
    assert pane.column_indent < indent  # a wider column in pixels for the bigger letters
    assert abs(longest_line(pane) - before) <= 0.15 * MEASURE


def test_a_new_page_keeps_the_column(pane: ReadingPane, qtbot: QtBot) -> None:
    pane.resize(1800, 700)
    qtbot.waitUntil(lambda: pane.column_indent > 0)
    pane.show_html(HTML.replace("Misión", "Visión"))
    assert longest_line(pane) <= MEASURE * 1.15


def test_note_markers_stay_beside_the_text(pane: ReadingPane, qtbot: QtBot) -> None:
    pane.resize(1800, 700)
    qtbot.waitUntil(lambda: pane.column_indent > 0)
    margin = pane.note_margin.geometry()
    start = pane.cursorRect(QTextCursor(pane.document())).left() + pane.viewport().x()
    assert 0 <= start - margin.right() <= 20  # the ✎ strip ends where the text begins


def test_the_markers_strip_has_the_page_colour(pane: ReadingPane, qtbot: QtBot) -> None:
    pane.resize(900, 500)
    qtbot.waitUntil(lambda: pane.note_margin.width() > 0)
    image = pane.grab().toImage()
    strip = pane.viewport().x() - pane.note_margin.width() // 2, pane.height() // 2
    page = pane.palette().color(QPalette.ColorRole.Base)
    assert image.pixelColor(*strip).name() == page.name()  # no band of the window's colour
