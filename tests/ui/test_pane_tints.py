"""Highlights painted by the reading pane itself (sgdesk/ui/pane_tints.py): pixel for pixel
what Qt's extra selections painted before (across paragraphs, at another zoom, in light and
dark), painted when scrolled into view, and the text under them readable in every theme."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QColor, QImage, QPalette, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QApplication, QTextEdit

from sgdesk.export.page_colors import contrast_ratio
from sgdesk.ui.appearance import Appearance
from sgdesk.ui.mainwindow import MainWindow
from sgdesk.ui.pane_tints import Tint
from sgdesk.ui.reading_pane import Passage, ReadingPane
from sgdesk.ui.theme import NOTE_MARK, ThemeChoice, current_theme
from tests.ui.helpers import appearance_put_back

PAGE = "decreto-267-2007/art-7"
COLOURS = ("amarillo", "verde", "azul", "rosa", NOTE_MARK)


@pytest.fixture
def looks(window: MainWindow) -> Iterator[Appearance]:
    yield from appearance_put_back()


def choose(looks: Appearance, choice: ThemeChoice) -> None:
    looks.set_theme(choice)
    QApplication.processEvents()


def literal_passages(window: MainWindow) -> list[Passage]:
    """Words from each literal of art. 7 (body text), in the five tints."""
    assert window.library is not None
    passages = []
    literals = [u.node.id for u in window.library.page(PAGE).units if "/lit-" in u.node.id]
    for number, node_id in enumerate(literals):
        words = window.library.node(node_id).plain_text.split()
        if len(words) > 8:  # a few words, or (every third) the rest of the literal: whole lines
            chosen = words[2:] if number % 3 == 1 else words[4 : 5 + number % 4]
            passages.append(Passage(node_id, " ".join(chosen), COLOURS[number % 5]))
    return passages


def show(window: MainWindow, node_id: str, passages: Sequence[Passage]) -> ReadingPane:
    window.open_node(node_id)
    pane = window.reading_pane
    assert pane.mark_passages(passages) == len(passages)
    QApplication.processEvents()
    return pane


def as_extra_selections(pane: ReadingPane, tints: list[Tint]) -> list[QTextEdit.ExtraSelection]:
    """The tints as the extra selections that painted them before this module."""
    selections = []
    for tint in tints:
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(pane.document())
        cursor.setPosition(tint.start)
        cursor.setPosition(tint.end, QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        char_format = QTextCharFormat()
        char_format.setBackground(QColor(tint.mark.background))
        char_format.setForeground(QColor(tint.mark.text))
        selection.format = char_format
        selections.append(selection)
    return selections


def bring_into_view(pane: ReadingPane, position: int) -> None:
    cursor = QTextCursor(pane.document())
    cursor.setPosition(position)
    pane.setTextCursor(cursor)
    pane.ensureCursorVisible()
    QApplication.processEvents()


def grab(pane: ReadingPane) -> QImage:
    return pane.viewport().grab().toImage()


def compare_with_qt(pane: ReadingPane) -> tuple[int, int]:
    """(pixels the pane's tints change, pixels where the pane differs from Qt's extra
    selections). Qt's selection painting also cut off glyph pixels past a selected paragraph's
    box (a descender, an overhang: bare paper there), which the pane draws as on any page:
    that is not counted as a difference."""
    tints = pane.painted_tints
    assert tints
    mine = grab(pane)
    pane._tints.set_tints([])
    plain = grab(pane)
    others = pane.extraSelections()
    pane.setExtraSelections(as_extra_selections(pane, tints) + others)
    qt = grab(pane)
    pane.setExtraSelections(others)
    pane._tints.set_tints(tints)
    paper = pane.palette().color(QPalette.ColorRole.Base).rgb()
    tinted = differing = 0
    for y in range(mine.height()):
        for x in range(mine.width()):
            here, bare, before = mine.pixel(x, y), plain.pixel(x, y), qt.pixel(x, y)
            tinted += here != bare
            differing += here != before and not (here == bare and before == paper)
    return tinted, differing


def tint_pixels(pane: ReadingPane, start: int, end: int, colour: str) -> int:
    """How many pixels of ``colour`` the pane shows over the text of [start, end) (in view)."""
    image = grab(pane)
    wanted = QColor(colour).rgb()
    count = 0
    for rect in text_rects(pane, start, end):
        rect = rect.intersected(image.rect())
        count += sum(image.pixel(x, y) == wanted for y in range(rect.top(), rect.bottom() + 1)
                     for x in range(rect.left(), rect.right() + 1))  # fmt: skip
    return count


def text_rects(pane: ReadingPane, start: int, end: int) -> list[QRect]:
    """The viewport rectangles of the text of [start, end), a line at a time."""
    rects: list[QRect] = []
    cursor = QTextCursor(pane.document())
    cursor.setPosition(start)
    while cursor.position() < end:
        first = pane.cursorRect(cursor)
        cursor.movePosition(QTextCursor.MoveOperation.EndOfLine)
        cursor.setPosition(min(cursor.position(), end))
        last = pane.cursorRect(cursor)
        rects.append(QRect(QPoint(first.left(), first.top()), QPoint(last.left(), last.bottom())))
        if not cursor.movePosition(QTextCursor.MoveOperation.NextCharacter):
            break
    return rects


@pytest.mark.parametrize("choice", [ThemeChoice.LIGHT, ThemeChoice.DARK], ids=lambda c: c.value)
def test_the_pane_paints_highlights_as_qt_extra_selections_did(
    window: MainWindow, looks: Appearance, choice: ThemeChoice
) -> None:
    choose(looks, choice)
    pane = show(window, PAGE, literal_passages(window))
    assert len(pane.painted_tints) == pane.user_mark_count > 8  # the pane paints them all
    assert pane.extraSelections() == []
    assert pane.find_text("de") > 20  # find in page: Qt's selections, over the highlights
    for tint in pane.painted_tints[::3]:
        bring_into_view(pane, tint.start)
        tinted, differing = compare_with_qt(pane)
        assert tinted > 100
        assert differing == 0


def test_a_highlight_over_two_paragraphs_is_painted_in_both(window: MainWindow) -> None:
    pane = window.reading_pane
    first = "El primer párrafo de la unidad termina aquí con estas palabras"
    second = "y el segundo párrafo sigue con otras más"
    pane.show_html(f'<h1><a name="unidad">Unidad</a></h1><p>{first}.</p><p>{second}.</p>')
    assert pane.mark_passages([Passage("unidad", "estas palabras. y el segundo", "verde")]) == 1
    [tint] = pane.painted_tints  # painted by the pane, not Qt
    text = pane.toPlainText()
    assert (tint.start, tint.end) == (text.index("estas"), text.index("segundo") + len("segundo"))
    first_block = pane.document().findBlock(tint.start)
    assert first_block.next().position() < tint.end
    bring_into_view(pane, tint.start)
    green = tint.mark.background
    assert tint_pixels(pane, tint.start, first_block.position() + first_block.length() - 1, green) > 50
    assert tint_pixels(pane, first_block.next().position(), tint.end, green) > 50
    tinted, differing = compare_with_qt(pane)  # the nib past the first paragraph's end too
    assert tinted > 200
    assert differing == 0


def test_a_zoom_change_paints_the_highlights_where_the_text_went(window: MainWindow) -> None:
    pane = show(window, PAGE, literal_passages(window))
    pane.set_zoom(150)
    QApplication.processEvents()
    assert len(pane.painted_tints) == pane.user_mark_count  # kept across the new rendering
    first = pane.painted_tints[0].start
    pane.verticalScrollBar().setValue(
        text_rects(pane, first, first + 1)[0].top() + pane.verticalScrollBar().value()
    )
    tinted, differing = compare_with_qt(pane)
    assert tinted > 100
    assert differing == 0
    pane.set_zoom(67)
    QApplication.processEvents()
    assert compare_with_qt(pane)[1] == 0


def test_a_highlight_scrolled_into_view_is_painted(window: MainWindow, qapp: QApplication) -> None:
    passages = literal_passages(window)
    pane = show(window, PAGE, passages[-1:])  # the last literal, below the first screen
    [tint] = pane.painted_tints
    bar = pane.verticalScrollBar()
    bar.setValue(0)
    qapp.processEvents()
    assert not any(r.intersects(pane.viewport().rect()) for r in text_rects(pane, tint.start, tint.end))
    while not all(pane.viewport().rect().contains(r) for r in text_rects(pane, tint.start, tint.end)):
        bar.setValue(bar.value() + bar.singleStep())  # the viewport scrolls, repainting a strip
        qapp.processEvents()
    screen = window.screen().grabWindow(window.winId())  # what is on screen, not a new paint
    origin = pane.viewport().mapTo(window, QPoint(0, 0)) * screen.devicePixelRatio()
    image = screen.toImage()
    wanted = QColor(tint.mark.background).rgb()
    found = 0
    for rect in text_rects(pane, tint.start, tint.end):
        for y in range(rect.top(), rect.bottom() + 1):
            for x in range(rect.left(), rect.right() + 1):
                found += image.pixel(origin.x() + x, origin.y() + y) == wanted
    assert found > 50


@pytest.mark.parametrize("choice", list(ThemeChoice)[1:], ids=lambda c: c.value)
def test_the_text_under_a_highlight_stays_readable(
    window: MainWindow, looks: Appearance, choice: ThemeChoice
) -> None:
    """In the highlighted words, the darkest (light tint) or lightest (dark tint) pixel reads
    against the tint at least as the theme's text colour does (AA); in high contrast, where the
    page's text is white and the tint is bright, that is black text: Qt's selection paints it."""
    choose(looks, choice)
    passages = literal_passages(window)[:3]
    pane = show(window, PAGE, passages)
    for mark in pane.user_marks():
        bring_into_view(pane, mark.end)
        image = grab(pane)
        tint = next(t for t in [*pane.painted_tints, *as_tints(pane)] if t.start == mark.start)
        background = QColor(tint.mark.background)
        rects = text_rects(pane, mark.start, mark.end)
        ink = [QColor(image.pixel(x, y)) for r in rects
               for y in range(r.top(), r.bottom() + 1) for x in range(r.left(), r.right())]  # fmt: skip
        assert sum(c == background for c in ink) > len(ink) // 3  # the tint is there
        strongest = max(ink, key=lambda c: contrast_ratio(c.name(), background.name()))
        assert contrast_ratio(strongest.name(), background.name()) >= 4.5, (choice, strongest.name())


def as_tints(pane: ReadingPane) -> list[Tint]:
    """The highlights Qt paints (extra selections), as tints."""
    from sgdesk.ui.theme import Mark

    return [
        Tint(s.cursor.selectionStart(), s.cursor.selectionEnd(),
             Mark(s.format.background().color().name(), s.format.foreground().color().name()))
        for s in pane.extraSelections()
    ]  # fmt: skip


def test_a_link_in_a_highlight_is_drawn_in_the_tints_text_colour(window: MainWindow) -> None:
    """Text the page colours (a link) cannot keep its colour under a tint: that highlight stays
    Qt's extra selection, which draws it in the tint's text colour."""
    window.open_node(PAGE)
    pane = window.reading_pane
    text = pane.toPlainText()
    crumbs = text.index("Información General")
    cursor = QTextCursor(pane.document())
    cursor.setPosition(crumbs + 1)
    assert cursor.charFormat().isAnchor()  # a link, in the link colour
    assert pane.mark_passages([Passage(PAGE, "Información General", "amarillo")]) == 1
    assert pane.painted_tints == []
    [selection] = pane.extraSelections()
    tint = current_theme(pane.palette()).highlights["amarillo"]
    assert selection.format.foreground().color().name() == tint.text
    assert selection.format.background().color().name() == tint.background


def test_a_page_shown_again_or_another_page_paints_each_passage_over_its_words(
    window: MainWindow, looks: Appearance
) -> None:
    """Where a page's passages are is looked for once per page: shown again (the same page,
    another theme, a passage more), each is still painted over its own words, and on another
    page the same passages are found where that page writes them."""
    from sgdesk.content.text import fold

    passages = literal_passages(window)

    def over_their_words(pane: ReadingPane, expected: Sequence[Passage]) -> None:
        text = fold(pane.document().toRawText())
        marks = pane.user_marks()
        assert [m.quote for m in marks] == [p.text for p in expected]
        for mark, passage in zip(marks, expected, strict=True):
            assert " ".join(text[mark.start : mark.end].split()) == " ".join(fold(passage.text).split())

    pane = show(window, PAGE, passages[1:])
    first = [(m.start, m.end) for m in pane.user_marks()]
    over_their_words(pane, passages[1:])
    pane = show(window, "decreto-267-2007", passages[1:])  # the whole decree: art. 7 further down
    over_their_words(pane, passages[1:])
    assert [m.start for m in pane.user_marks()] != [start for start, _ in first]
    pane = show(window, PAGE, passages)  # back, with one passage more
    over_their_words(pane, passages)
    assert [(m.start, m.end) for m in pane.user_marks()][1:] == first
    choose(looks, ThemeChoice.DARK)
    pane = show(window, PAGE, passages)
    over_their_words(pane, passages)
    assert compare_with_qt(pane)[1] == 0


def test_each_units_range_is_where_it_begins_to_where_the_next_unit_does(window: MainWindow) -> None:
    """A unit's range (what its passages are looked for in, what «marcar» tints) runs from its
    anchor to the first later anchor that is not one of its parts, on every page shown, one after
    another (each page's own anchors)."""
    assert window.library is not None
    for node_id in ("decreto-267-2007", PAGE, "mision", "decreto-267-2007/art-7/lit-n", PAGE):
        window.open_node(node_id)
        pane = window.reading_pane
        anchors = pane._anchors
        assert len(anchors) > 1
        for begin, name in anchors:
            if any(other == name for _position, other in anchors[: anchors.index((begin, name))]):
                continue  # (an anchor named twice: its range starts at the first)
            later = [
                p for p, other in anchors if p > begin and other != name and not other.startswith(name + "/")
            ]
            end = later[0] if later else pane.document().characterCount() - 1
            assert pane._unit_range(name) == (begin, end), name
        assert pane._unit_range("no-such-unit") is None
