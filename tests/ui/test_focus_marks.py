"""Tab leaves the reading pane in one step, its links are listed in «Enlaces de la página»,
and the focused widget (and the focused search result) carries a clear mark."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from sgdesk.ui.focus_ring import RING_WIDTH
from sgdesk.ui.links_dialog import PageLinksDialog
from sgdesk.ui.mainwindow import MainWindow
from tests.ui.test_keyboard_focus import CTRL, focused, inside, press
from tests.ui.test_search_panel import type_query

SHIFT = Qt.KeyboardModifier.ShiftModifier


def highlight(widget: QWidget) -> QColor:
    return widget.palette().color(QPalette.ColorGroup.Active, QPalette.ColorRole.Highlight)


def near(one: QColor, other: QColor) -> bool:
    return max(abs(one.red() - other.red()), abs(one.green() - other.green()),
               abs(one.blue() - other.blue())) <= 8  # fmt: skip


def pixel(image: QImage, widget: QWidget, window: QWidget, point: QPoint) -> QColor:
    """The colour on screen (the window's grab) at ``point`` of ``widget``."""
    at = widget.mapTo(window, point) * image.devicePixelRatio()
    return image.pixelColor(at)


def test_tab_leaves_the_reading_pane_in_one_step(window: MainWindow, qtbot: QtBot) -> None:
    assert window.open_node("informacion-general")
    assert len(window.reading_pane.page_links()) >= 5  # many links QTextBrowser would walk
    window.reading_pane.setFocus()
    qtbot.waitUntil(window.reading_pane.hasFocus)
    press(qtbot, window, Qt.Key.Key_Tab)
    assert not inside(window.reading_pane)
    press(qtbot, window, Qt.Key.Key_Backtab, SHIFT)
    assert focused() is window.reading_pane
    press(qtbot, window, Qt.Key.Key_Backtab, SHIFT)
    assert not inside(window.reading_pane)


def test_the_page_links_list_opens_a_link_by_keyboard(window: MainWindow, qtbot: QtBot) -> None:
    assert window.open_node("mision")
    texts = [text for text, _href in window.reading_pane.page_links()]
    assert "Decreto 267 de 2007" in texts
    seen: list[list[str]] = []

    def choose() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, PageLinksDialog):
            QTimer.singleShot(20, choose)
            return
        seen.append([dialog.list.item(row).text() for row in range(dialog.list.count())])
        typing = dialog.focusWidget()  # where the keyboard is in the dialog: its filter field
        if typing is not dialog.filter:
            dialog.reject()
            return
        qtbot.keyClicks(typing, "decreto")
        for key in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_Return):
            qtbot.keyClick(typing, key)
        if dialog.isVisible():  # Enter did not open the link: close it, the test fails below
            dialog.reject()

    QTimer.singleShot(0, choose)
    press(qtbot, window, Qt.Key.Key_E, CTRL | SHIFT)
    assert seen == [texts]
    assert window.current_node_id == "decreto-267-2007"
    assert window.focusWidget() is window.reading_pane  # back to the page (the window's focus)


def test_the_focused_pane_has_a_solid_ring_in_the_highlight_colour(window: MainWindow, qtbot: QtBot) -> None:
    press(qtbot, window, Qt.Key.Key_1, CTRL)
    qtbot.waitUntil(window.tree_view.hasFocus)
    tree, pane = window.tree_view, window.reading_pane
    image = window.grab().toImage()
    edge = QPoint(RING_WIDTH // 2, tree.height() // 2)
    assert pixel(image, tree, window, edge) == highlight(tree)
    assert pixel(image, pane, window, QPoint(RING_WIDTH // 2, pane.height() // 2)) != highlight(pane)

    for _ in range(3):  # F6 on to the reading pane (through the timeline): the ring follows
        press(qtbot, window, Qt.Key.Key_F6)
        if pane.hasFocus():
            break
    assert pane.hasFocus()
    image = window.grab().toImage()
    assert pixel(image, pane, window, QPoint(RING_WIDTH // 2, pane.height() // 2)) == highlight(pane)
    assert pixel(image, pane, window, QPoint(pane.width() // 2, pane.height() - 1)) == highlight(pane)
    assert pixel(image, tree, window, edge) != highlight(tree)


def test_the_focused_search_result_is_framed(window: MainWindow, qtbot: QtBot) -> None:
    type_query(qtbot, window, "secretaria")
    panel = window.search_panel
    assert panel.model.rowCount() >= 3
    assert panel.focus_results(0)
    press(qtbot, window, Qt.Key.Key_Down)
    results = panel.results
    current = results.currentIndex()
    assert current.row() == 1
    rect = results.visualRect(current)
    image = results.viewport().grab().toImage()
    selected = results.palette().color(QPalette.ColorGroup.Active, QPalette.ColorRole.HighlightedText)
    middle = rect.center().y()
    # a solid frame in the text colour of the selection, along its left edge and bottom
    assert image.pixelColor(QPoint(rect.left() + 1, middle) * image.devicePixelRatio()) == selected
    assert image.pixelColor(QPoint(rect.center().x(), rect.bottom()) * image.devicePixelRatio()) == selected
    inner = image.pixelColor(QPoint(rect.left() + 4, middle) * image.devicePixelRatio())
    assert near(inner, highlight(results))  # a frame drawn on the selection, blue inside it
