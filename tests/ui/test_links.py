"""Deep links in the window: «Copiar enlace» (Ctrl+L, Edición, the reading pane's context menu)
with the «Vigente a» date, and links opened at their unit and date, or explained in Spanish."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QTextCursor
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox
from pytestqt.qtbot import QtBot

from sgdesk.ui.mainwindow import MainWindow
from sgdesk.ui.reader_tabs import MAX_TABS
from tests.ui.helpers import current_tree_id, link_cursor

CTRL = Qt.KeyboardModifier.ControlModifier
LITERAL_N = "Formular y orientar las políticas para la gestión que en materia de relaciones"


def _text_point(window: MainWindow, text: str) -> QPoint:
    """Where ``text`` is drawn in the reading pane's viewport (scrolled into view)."""
    pane = window.reading_pane
    cursor = QTextCursor(pane.document())
    cursor.setPosition(pane.toPlainText().index(text) + 5)
    pane.setTextCursor(cursor)
    pane.ensureCursorVisible()
    pane.setTextCursor(QTextCursor(pane.document()))  # the caret back at the top: only the click counts
    cursor.setPosition(pane.toPlainText().index(text) + 5)
    return pane.cursorRect(cursor).center()


def _menu_actions(window: MainWindow, title: str) -> list[str]:
    (menu,) = [a.menu() for a in window.menuBar().actions() if a.text().replace("&", "") == title]
    return [a.text().replace("&", "") for a in menu.actions()]


def test_ctrl_l_copies_the_link_to_the_page_with_the_date(window: MainWindow, qtbot: QtBot) -> None:
    window.open_node("decreto-267-2007/art-7")
    qtbot.keyClick(window, Qt.Key.Key_L, CTRL)
    assert QGuiApplication.clipboard().text() == "sgdesk://decreto-267-2007/art-7"
    window.point_in_time.bar.set_day(date(2008, 6, 30))
    qtbot.keyClick(window, Qt.Key.Key_L, CTRL)
    assert QGuiApplication.clipboard().text() == "sgdesk://decreto-267-2007/art-7?vigente=2008-06-30"
    status = window.statusBar().currentMessage()
    assert "Enlace copiado: sgdesk://decreto-267-2007/art-7?vigente=2008-06-30" in status


def test_pages_that_are_not_units_have_no_link(window: MainWindow, qtbot: QtBot) -> None:
    window.open_node("decreto-267-2007/art-7")
    window.open_node("posterior/resolucion-630-2024")  # a later change's page, not a unit
    assert window.reader.state.showing_later
    QGuiApplication.clipboard().setText("antes")
    qtbot.keyClick(window, Qt.Key.Key_L, CTRL)
    assert QGuiApplication.clipboard().text() == "antes"  # not art. 7's link, which is not shown
    assert "no tiene enlace" in window.statusBar().currentMessage()
    qtbot.keyClick(window, Qt.Key.Key_F1)  # «Ayuda»
    qtbot.keyClick(window, Qt.Key.Key_L, CTRL)
    assert QGuiApplication.clipboard().text() == "antes"


def test_the_edit_menu_offers_it(window: MainWindow) -> None:
    assert "Copiar enlace" in _menu_actions(window, "Edición")
    assert window.links.copy_action.shortcut().toString() == "Ctrl+L"


def _copy_from_context_menu(window: MainWindow, qtbot: QtBot, point: QPoint) -> list[str]:
    """Right-click at ``point`` and choose «Copiar enlace»; the menu's entries."""
    chosen: list[str] = []

    def choose() -> None:
        menu = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMenu) and w.isVisible())
        chosen.extend(a.text().replace("&", "").split("\t")[0] for a in menu.actions() if a.text())
        next(a for a in menu.actions() if a.text().replace("&", "") == "Copiar enlace").trigger()
        menu.close()

    QTimer.singleShot(200, choose)
    window.reading_pane.customContextMenuRequested.emit(point)  # what a right click there sends
    qtbot.waitUntil(lambda: bool(chosen))
    return chosen


@pytest.mark.qt_log_ignore("This plugin does not support")  # offscreen: a popup menu grabs the keyboard
def test_the_context_menu_copies_the_link_of_the_unit_clicked(window: MainWindow, qtbot: QtBot) -> None:
    window.open_node("decreto-267-2007")  # the norm's page: art. 7 and its literals are on it
    window.point_in_time.bar.set_day(date(2009, 1, 15))
    entries = _copy_from_context_menu(window, qtbot, _text_point(window, LITERAL_N))
    assert "Seleccionar todo" in entries  # the standard entries stay
    assert QGuiApplication.clipboard().text() == "sgdesk://decreto-267-2007/art-7/lit-n?vigente=2009-01-15"


@pytest.mark.qt_log_ignore("This plugin does not support")
def test_on_a_link_the_context_menu_copies_where_it_leads(window: MainWindow, qtbot: QtBot) -> None:
    window.open_node("decreto-267-2007/art-7")  # «Norma: Decreto 267 de 2007» links to the norm
    pane = window.reading_pane
    cursor = link_cursor(pane, "sgdesk:decreto-267-2007")
    pane.setTextCursor(cursor)
    pane.ensureCursorVisible()
    point = pane.cursorRect(cursor).center()
    assert pane.anchorAt(point) == "sgdesk:decreto-267-2007"
    entries = _copy_from_context_menu(window, qtbot, point)
    assert QGuiApplication.clipboard().text() == "sgdesk://decreto-267-2007"
    # Qt's own entry would copy the page's internal form («sgdesk:decreto-267-2007»): gone.
    assert not [entry for entry in entries if "ubicación del enlace" in entry]


def test_a_link_opens_its_unit_at_its_date(window: MainWindow) -> None:
    assert window.links.open_link("sgdesk://decreto-267-2007/art-7/lit-n?vigente=2008-06-30")
    assert window.current_node_id == "decreto-267-2007/art-7/lit-n"
    assert window.point_in_time.day == date(2008, 6, 30)
    assert window.point_in_time.bar.date_edit.date().toString("dd/MM/yyyy") == "30/06/2008"
    assert current_tree_id(window.tree_view) == "decreto-267-2007/art-7/lit-n"
    assert "Texto al 30 de junio de 2008: vigencia incierta en esa fecha" in window.reading_pane.toPlainText()
    assert window.links.open_link("SGDESK://Mision/")  # no date: today's text
    assert window.current_node_id == "mision"
    assert window.point_in_time.day is None


def test_a_link_opens_in_a_tab_of_its_own_and_the_readers_tab_keeps_its_page_and_date(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.open_node("vision")
    window.point_in_time.bar.set_day(date(2010, 5, 5))
    reading = window.reader
    assert window.links.open_link("sgdesk://decreto-267-2007/art-7?vigente=2008-06-30")
    assert window.tabs.widget.count() == 2
    assert window.reader is not reading  # the link's tab is in front
    assert (window.current_node_id, window.reader.state.day) == ("decreto-267-2007/art-7", date(2008, 6, 30))
    assert (reading.state.node_id, reading.state.day) == ("vision", date(2010, 5, 5))
    qtbot.keyClick(window, Qt.Key.Key_W, CTRL)  # closing it goes back to the reader's page and date
    assert window.reader is reading
    assert window.point_in_time.bar.date_edit.date().toString("dd/MM/yyyy") == "05/05/2010"


def test_a_link_to_the_page_in_front_at_its_date_opens_no_second_tab(window: MainWindow) -> None:
    window.open_node("mision")  # (the start page, say, when the app is started by a link to it)
    assert window.links.open_link("sgdesk://mision")
    assert (window.tabs.widget.count(), window.current_node_id) == (1, "mision")
    assert window.links.open_link("sgdesk://mision?vigente=2008-06-30")  # another date: its own tab
    assert window.tabs.widget.count() == 2
    assert window.reader.state.day == date(2008, 6, 30)


def test_with_every_tab_taken_a_link_opens_in_the_tab_in_front(window: MainWindow) -> None:
    while window.tabs.widget.count() < MAX_TABS:
        window.tabs.open_tab("mision", None)
    assert window.links.open_link("sgdesk://decreto-267-2007/art-7/lit-n?vigente=2008-06-30")
    assert window.tabs.widget.count() == MAX_TABS
    assert (window.current_node_id, window.reader.state.day) == (
        "decreto-267-2007/art-7/lit-n",
        date(2008, 6, 30),
    )


def test_a_copied_link_opens_the_same_place(make_window: Callable[..., MainWindow]) -> None:
    first = make_window()
    first.open_node("decreto-163-2008/art-2")
    first.point_in_time.bar.set_day(date(2010, 3, 1))
    link = first.links.copy_link()
    assert link is not None
    second = make_window()
    assert second.links.open_link(QGuiApplication.clipboard().text())
    assert (second.current_node_id, second.point_in_time.day) == ("decreto-163-2008/art-2", date(2010, 3, 1))


def _explanation(window: MainWindow) -> QMessageBox:
    box = window.links.message_box
    assert box is not None
    assert box.isVisible()
    assert box.textFormat() == Qt.TextFormat.PlainText
    return box


def test_a_link_to_a_unit_this_content_lacks_is_explained(window: MainWindow) -> None:
    window.open_node("vision")
    assert not window.links.open_link("sgdesk://decreto-999-2020/art-1?vigente=2021-01-01")
    box = _explanation(window)
    assert "«decreto-999-2020/art-1», que no existe en esta versión del contenido" in box.text()
    assert "(con cambios hasta 2012, edición 1)" in box.text()
    assert window.current_node_id == "vision"  # nothing else changed
    assert window.point_in_time.day is None


def test_hostile_links_show_as_plain_text_and_change_nothing(window: MainWindow) -> None:
    window.open_node("vision")
    for link, says in [
        ('sgdesk://<img src="file:///etc/passwd"><b>x</b>', "espacios o caracteres"),
        ("sgdesk://<b>x</b>", "no nombra una sección"),
        ("https://example.com/decreto-267-2007", "no es un enlace de sgdesk"),
        ("sgdesk://mision?vigente=2008-13-01", "no es una fecha válida"),
        ("sgdesk://" + "a/" * 100_000, "demasiado largo"),
        ("sgdesk://%2e%2e/x", "codificados"),
        ("sgdesk://decreto-267-2007\udcff", "caracteres que sgdesk no usa"),  # undecodable argv byte
    ]:
        assert not window.links.open_link(link)
        box = _explanation(window)
        assert says in box.text()
        assert len(box.text()) < 700
    assert window.current_node_id == "vision"
    assert window.point_in_time.day is None


def test_markup_in_a_link_is_shown_as_written(window: MainWindow) -> None:
    window.links.open_link("sgdesk://<b>negrita</b>")
    assert "«sgdesk://<b>negrita</b>»" in _explanation(window).text()
    assert window.links.message_box is not None
    assert window.links.message_box.textFormat() == Qt.TextFormat.PlainText
