"""Reading tools: find in page (accents forgiven), zoom, and copy with the citation."""

from __future__ import annotations

import unicodedata

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QGuiApplication, QTextCursor, QWheelEvent
from PySide6.QtWidgets import QApplication, QToolButton
from pytestqt.qtbot import QtBot

from sgdesk.ui.mainwindow import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def fold(text: str) -> str:
    """Lower case without accents (may change the length: for comparing words only)."""
    decomposed = unicodedata.normalize("NFD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def highlighted(window: MainWindow) -> list[str]:
    return [s.cursor.selectedText() for s in window.reading_pane.extraSelections()]


def current_highlight(window: MainWindow) -> tuple[int, str]:
    """The position and text of the match painted as the current one."""
    selections = window.reading_pane.extraSelections()
    colours = {s.format.background().color().name() for s in selections}
    assert len(colours) == 2, "the current match must stand out from the others"
    current = [s for s in selections if s.format.background().color().name() == "#ff9f1a"]
    assert len(current) == 1
    return current[0].cursor.selectionStart(), current[0].cursor.selectedText()


def open_find(window: MainWindow, qtbot: QtBot) -> None:
    window.reading_pane.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_F, CTRL)
    assert window.find_bar.isVisible()
    qtbot.waitUntil(window.find_bar.field.hasFocus)


# -- find in page --------------------------------------------------------------


def test_ctrl_f_opens_the_bar_with_the_focus_in_the_field(window: MainWindow, qtbot: QtBot) -> None:
    assert not window.find_bar.isVisible()
    open_find(window, qtbot)
    assert window.find_bar.field.text() == ""
    assert window.find_bar.count_label.text() == ""


def test_find_ignores_accents_and_case(window: MainWindow, qtbot: QtBot) -> None:
    window.open_node("funciones")
    open_find(window, qtbot)
    qtbot.keyClicks(window.find_bar.field, "funcion")

    texts = highlighted(window)
    page = fold(window.reading_pane.toPlainText())
    assert len(texts) == page.count("funcion") > 3
    assert all(fold(t) == "funcion" for t in texts)
    assert "función" in texts, "«función» (with the accent) must be found by «funcion»"
    assert "Funcion" in texts, "the title «Funciones» must be found regardless of case"
    assert window.find_bar.count_label.text() == f"1 de {len(texts)}"
    assert current_highlight(window)[0] == window.reading_pane.extraSelections()[0].cursor.selectionStart()


def test_accented_query_finds_unaccented_text(window: MainWindow, qtbot: QtBot) -> None:
    window.open_node("objetivos-estrategicos")
    open_find(window, qtbot)
    qtbot.keyClicks(window.find_bar.field, "ESTRATÉGICOS")  # QTest types upper-case Latin-1 only
    assert window.find_bar.field.text() == "ESTRATÉGICOS"
    assert "Estratégicos" in highlighted(window)
    assert window.find_bar.count_label.text().startswith("1 de ")


def test_f3_and_shift_f3_move_between_matches(window: MainWindow, qtbot: QtBot) -> None:
    window.open_node("funciones")
    open_find(window, qtbot)
    qtbot.keyClicks(window.find_bar.field, "funcion")
    total = len(highlighted(window))
    first = current_highlight(window)

    qtbot.keyClick(window.find_bar.field, Qt.Key.Key_F3)
    assert window.find_bar.count_label.text() == f"2 de {total}"
    second = current_highlight(window)
    assert second[0] > first[0]
    cursor = window.reading_pane.textCursor()
    assert cursor.position() == second[0], "the view follows the current match"

    qtbot.keyClick(window.find_bar.field, Qt.Key.Key_Return)  # Enter also goes on
    assert window.find_bar.count_label.text() == f"3 de {total}"

    qtbot.keyClick(window.find_bar.field, Qt.Key.Key_F3, SHIFT)
    qtbot.keyClick(window.find_bar.field, Qt.Key.Key_F3, SHIFT)
    assert window.find_bar.count_label.text() == f"1 de {total}"
    assert current_highlight(window) == first

    qtbot.keyClick(window.find_bar.field, Qt.Key.Key_F3, SHIFT)  # wraps to the last
    assert window.find_bar.count_label.text() == f"{total} de {total}"
    qtbot.keyClick(window.find_bar.field, Qt.Key.Key_F3)
    assert window.find_bar.count_label.text() == f"1 de {total}"


def test_escape_closes_the_bar_and_clears_the_highlights(window: MainWindow, qtbot: QtBot) -> None:
    window.open_node("funciones")
    open_find(window, qtbot)
    qtbot.keyClicks(window.find_bar.field, "funcion")
    assert highlighted(window)

    qtbot.keyClick(window.find_bar.field, Qt.Key.Key_Escape)

    assert not window.find_bar.isVisible()
    assert window.reading_pane.extraSelections() == []
    qtbot.waitUntil(window.reading_pane.hasFocus)

    open_find(window, qtbot)  # the last query is kept, selected, ready to retype
    assert window.find_bar.field.selectedText() == "funcion"


def test_f3_with_the_bar_closed_opens_it(window: MainWindow, qtbot: QtBot) -> None:
    window.reading_pane.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_F3)
    assert window.find_bar.isVisible()
    qtbot.waitUntil(window.find_bar.field.hasFocus)


def test_find_bar_buttons(window: MainWindow, qtbot: QtBot) -> None:
    window.open_node("funciones")
    open_find(window, qtbot)
    qtbot.keyClicks(window.find_bar.field, "decreto")
    total = len(highlighted(window))
    own = window.find_bar.findChildren(QToolButton, options=Qt.FindChildOption.FindDirectChildrenOnly)
    buttons = {b.toolTip(): b for b in own}
    assert set(buttons) == {"Anterior (Mayús+F3)", "Siguiente (F3)", "Cerrar la búsqueda (Esc)"}

    qtbot.mouseClick(buttons["Siguiente (F3)"], Qt.MouseButton.LeftButton)
    assert window.find_bar.count_label.text() == f"2 de {total}"
    qtbot.mouseClick(buttons["Anterior (Mayús+F3)"], Qt.MouseButton.LeftButton)
    assert window.find_bar.count_label.text() == f"1 de {total}"
    qtbot.mouseClick(buttons["Cerrar la búsqueda (Esc)"], Qt.MouseButton.LeftButton)
    assert not window.find_bar.isVisible()
    assert window.reading_pane.extraSelections() == []


def test_word_not_on_the_page(window: MainWindow, qtbot: QtBot) -> None:
    open_find(window, qtbot)
    qtbot.keyClicks(window.find_bar.field, "xilofono")
    assert window.find_bar.count_label.text() == "Sin coincidencias"
    assert window.reading_pane.extraSelections() == []
    qtbot.keyClick(window.find_bar.field, Qt.Key.Key_F3)
    assert window.find_bar.count_label.text() == "Sin coincidencias"


def test_clearing_the_field_clears_the_count(window: MainWindow, qtbot: QtBot) -> None:
    open_find(window, qtbot)
    qtbot.keyClicks(window.find_bar.field, "bogota")
    assert window.find_bar.count_label.text().startswith("1 de ")
    window.find_bar.field.selectAll()
    qtbot.keyClick(window.find_bar.field, Qt.Key.Key_Backspace)
    assert window.find_bar.count_label.text() == ""
    assert window.reading_pane.extraSelections() == []


def test_find_follows_to_the_next_page(window: MainWindow, qtbot: QtBot) -> None:
    open_find(window, qtbot)
    qtbot.keyClicks(window.find_bar.field, "funcion")
    on_mision = len(highlighted(window))
    window.open_node("funciones")
    on_funciones = len(highlighted(window))
    assert on_funciones != on_mision
    assert window.find_bar.count_label.text() == f"1 de {on_funciones}"


def test_zooming_keeps_the_find_highlights(window: MainWindow, qtbot: QtBot) -> None:
    window.open_node("funciones")
    open_find(window, qtbot)
    qtbot.keyClicks(window.find_bar.field, "funcion")
    qtbot.keyClick(window.find_bar.field, Qt.Key.Key_F3)
    before = highlighted(window)
    current = current_highlight(window)

    qtbot.keyClick(window, Qt.Key.Key_Equal, CTRL)

    assert window.reading_pane.zoom == 110
    assert highlighted(window) == before
    assert current_highlight(window) == current
    assert window.find_bar.count_label.text() == f"2 de {len(before)}"


# -- zoom ----------------------------------------------------------------------


def zoom_state(window: MainWindow) -> tuple[int, str, float]:
    pane = window.reading_pane
    return pane.zoom, window.zoom_label.text(), pane.document().defaultFont().pointSizeF()


def test_zoom_keys_change_the_text_size(window: MainWindow, qtbot: QtBot) -> None:
    window.open_node("funciones")
    pane = window.reading_pane
    zoom, label, size = zoom_state(window)
    assert (zoom, label) == (100, "Zoom 100 %")
    height = pane.document().size().height()

    qtbot.keyClick(window, Qt.Key.Key_Equal, CTRL)
    assert zoom_state(window)[:2] == (110, "Zoom 110 %")
    assert zoom_state(window)[2] > size
    assert pane.document().size().height() > height

    qtbot.keyClick(window, Qt.Key.Key_Plus, CTRL)
    assert zoom_state(window)[:2] == (125, "Zoom 125 %")

    qtbot.keyClick(window, Qt.Key.Key_0, CTRL)
    assert zoom_state(window) == (100, "Zoom 100 %", size)
    assert pane.document().size().height() == height

    qtbot.keyClick(window, Qt.Key.Key_Minus, CTRL)
    assert zoom_state(window)[:2] == (90, "Zoom 90 %")
    assert zoom_state(window)[2] < size
    assert pane.document().size().height() < height


def test_zoom_stops_at_the_limits(window: MainWindow, qtbot: QtBot) -> None:
    for _ in range(20):
        qtbot.keyClick(window, Qt.Key.Key_Minus, CTRL)
    assert zoom_state(window)[:2] == (50, "Zoom 50 %")
    for _ in range(20):
        qtbot.keyClick(window, Qt.Key.Key_Equal, CTRL)
    assert zoom_state(window)[:2] == (300, "Zoom 300 %")


def test_zoom_applies_to_headings_too(window: MainWindow, qtbot: QtBot) -> None:
    window.open_node("funciones")
    heading = window.reading_pane.document().begin()
    assert heading.text() == "Funciones"

    def heading_size() -> float:
        block = window.reading_pane.document().begin()
        return block.begin().fragment().charFormat().font().pointSizeF()

    before = heading_size()
    qtbot.keyClick(window, Qt.Key.Key_Equal, CTRL)
    qtbot.keyClick(window, Qt.Key.Key_Equal, CTRL)
    assert heading_size() == pytest.approx(before * 1.25, rel=0.01)


def test_ctrl_wheel_zooms_by_the_same_steps(window: MainWindow, qtbot: QtBot) -> None:
    pane = window.reading_pane
    family = pane.document().defaultFont().family()
    size = pane.document().defaultFont().pointSizeF()
    position = QPointF(pane.viewport().rect().center())
    global_position = QPointF(pane.viewport().mapToGlobal(position.toPoint()))

    def wheel(delta: int) -> None:
        event = QWheelEvent(
            position, global_position, QPoint(), QPoint(0, delta), Qt.MouseButton.NoButton, CTRL,
            Qt.ScrollPhase.NoScrollPhase, False,
        )  # fmt: skip
        QApplication.sendEvent(pane.viewport(), event)

    wheel(120)
    assert zoom_state(window)[:2] == (110, "Zoom 110 %")
    assert pane.document().defaultFont().family() == family
    wheel(-120)
    wheel(-120)
    assert zoom_state(window)[:2] == (90, "Zoom 90 %")
    assert pane.document().defaultFont().family() == family
    wheel(60)  # a touchpad sends smaller steps: two of them make one notch
    assert pane.zoom == 90
    wheel(60)
    assert zoom_state(window)[:2] == (100, "Zoom 100 %")
    assert zoom_state(window)[2] == size


def test_wheel_without_ctrl_scrolls(window: MainWindow) -> None:
    window.open_node("decreto-267-2007")
    pane = window.reading_pane
    assert pane.verticalScrollBar().maximum() > 0
    position = QPointF(pane.viewport().rect().center())
    event = QWheelEvent(
        position, QPointF(pane.viewport().mapToGlobal(position.toPoint())), QPoint(), QPoint(0, -120),
        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False,
    )  # fmt: skip
    QApplication.sendEvent(pane.viewport(), event)
    assert pane.verticalScrollBar().value() > 0
    assert pane.zoom == 100


# -- copy with citation --------------------------------------------------------


def select_literal_n(window: MainWindow) -> str:
    """Select the text of literal n (after its "n." lead) on the article 7 page."""
    pane = window.reading_pane
    text = pane.toPlainText()
    wanted = "Formular y orientar las políticas para la gestión que en materia de relaciones"
    start = text.index(wanted)
    end = text.index("Despacho del Alcalde Mayor.", start) + len("Despacho del Alcalde Mayor.")
    cursor = QTextCursor(pane.document())
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    pane.setTextCursor(cursor)
    return text[start:end]


def test_copy_with_citation_cites_the_literal(window: MainWindow, qtbot: QtBot) -> None:
    window.open_node("decreto-267-2007/art-7")
    selected = select_literal_n(window)
    window.reading_pane.setFocus()

    qtbot.keyClick(window, Qt.Key.Key_C, CTRL | SHIFT)

    assert QGuiApplication.clipboard().text() == f"{selected}\n— Decreto 267 de 2007, art. 7, lit. n"
    assert "Decreto 267 de 2007, art. 7, lit. n" in window.statusBar().currentMessage()


def test_copy_with_citation_on_the_norm_page_cites_the_literal(window: MainWindow, qtbot: QtBot) -> None:
    window.open_node("decreto-267-2007")
    selected = select_literal_n(window)
    qtbot.keyClick(window, Qt.Key.Key_C, CTRL | SHIFT)
    assert QGuiApplication.clipboard().text() == f"{selected}\n— Decreto 267 de 2007, art. 7, lit. n"


def test_zooming_keeps_the_selection_to_copy(window: MainWindow, qtbot: QtBot) -> None:
    window.open_node("decreto-267-2007/art-7")
    selected = select_literal_n(window)
    qtbot.keyClick(window, Qt.Key.Key_Equal, CTRL)
    assert window.reading_pane.textCursor().selectedText() == selected
    qtbot.keyClick(window, Qt.Key.Key_C, CTRL | SHIFT)
    assert QGuiApplication.clipboard().text() == f"{selected}\n— Decreto 267 de 2007, art. 7, lit. n"


def test_copy_with_citation_without_selection_copies_the_page(window: MainWindow, qtbot: QtBot) -> None:
    window.open_node("vision")
    qtbot.keyClick(window, Qt.Key.Key_C, CTRL | SHIFT)
    copied = QGuiApplication.clipboard().text()
    assert copied.startswith("Visión\n")
    assert copied.endswith(
        "\n— Secretaría General de la Alcaldía Mayor de Bogotá D.C., Información General, Visión"
    )


def test_plain_copy_copies_only_the_selection(window: MainWindow, qtbot: QtBot) -> None:
    window.open_node("decreto-267-2007/art-7")
    selected = select_literal_n(window)
    window.reading_pane.setFocus()
    qtbot.keyClick(window.reading_pane, Qt.Key.Key_C, CTRL)
    assert QGuiApplication.clipboard().text() == selected
