"""Reading tabs (#11 point 5): Ctrl+T, Ctrl+W, Ctrl+Tab / Ctrl+Shift+Tab, «Abrir en una
pestaña nueva» by Ctrl+click or middle click, each tab with its own history and «Vigente a»
date (in its title when it is not today's text), and the tabs restored at the next start."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from sgdesk.ui.mainwindow import MainWindow
from sgdesk.ui.reading_pane import ReadingPane
from tests.ui.helpers import click_link, click_tree_item, current_tree_id
from tests.ui.test_as_of import type_date
from tests.ui.test_search_panel import type_query

# A page some of whose units were not certainly in force on its date.
PARTS = "no todas sus partes estaban vigentes con certeza en esa fecha (se indica en cada una)"

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier
DECREE = "decreto-267-2007"
ART_2 = "decreto-163-2008/art-2"


def press(qtbot: QtBot, window: MainWindow, key: Qt.Key, modifiers: Qt.KeyboardModifier = CTRL) -> None:
    """A key combination sent where the user types: the widget with the focus."""
    qtbot.keyClick(QApplication.focusWidget() or window, key, modifiers)


def titles(window: MainWindow) -> list[str]:
    bar = window.tabs.widget.tabBar()
    return [bar.tabText(i) for i in range(bar.count())]


def pane_at(window: MainWindow, index: int) -> ReadingPane:
    """The tab's pane (a tab restored behind has it in its page once it was first shown)."""
    page = window.tabs.widget.widget(index)
    pane = page if isinstance(page, ReadingPane) else page.findChild(ReadingPane)
    assert isinstance(pane, ReadingPane)
    return pane


def test_ctrl_t_opens_the_page_beside_and_ctrl_w_closes_it(window: MainWindow, qtbot: QtBot) -> None:
    window.open_node(DECREE)
    assert not window.tabs.widget.tabBar().isVisible(), "one tab: no tab bar"

    press(qtbot, window, Qt.Key.Key_T)

    assert window.tabs.widget.count() == 2
    assert window.tabs.widget.currentIndex() == 1
    assert window.tabs.widget.tabBar().isVisible()
    assert titles(window) == ["Decreto 267 de 2007", "Decreto 267 de 2007"]
    assert window.reading_pane is pane_at(window, 1)
    assert window.reading_pane.toPlainText().startswith("Decreto 267 de 2007")
    press(qtbot, window, Qt.Key.Key_W)
    assert window.tabs.widget.count() == 1
    press(qtbot, window, Qt.Key.Key_W)
    assert window.tabs.widget.count() == 1, "the last tab stays"
    assert window.reading_pane.toPlainText().startswith("Decreto 267 de 2007")


def test_two_dates_side_by_side_each_tab_with_its_date_in_its_title(window: MainWindow, qtbot: QtBot) -> None:
    window.open_node("decreto-267-2007/art-7")
    press(qtbot, window, Qt.Key.Key_T)
    type_date(qtbot, window, "30/06/2008")

    assert window.tabs.widget.currentIndex() == 1
    assert titles(window) == ["Decreto 267 de 2007, art. 7", "Decreto 267 de 2007, art. 7 · 30/06/2008"]
    assert f"Texto al 30 de junio de 2008: {PARTS}" in pane_at(window, 1).toPlainText()
    assert "Texto al 30 de junio de 2008" not in pane_at(window, 0).toPlainText()
    assert window.point_in_time.bar.date_edit.text() == "30/06/2008"

    press(qtbot, window, Qt.Key.Key_Tab)  # Ctrl+Tab: round to the first tab
    assert window.tabs.widget.currentIndex() == 0
    assert window.point_in_time.day is None, "the bar shows the first tab's date: today's text"
    assert window.point_in_time.bar.date_edit.text() == date.today().strftime("%d/%m/%Y")
    press(qtbot, window, Qt.Key.Key_Backtab, CTRL | SHIFT)  # Ctrl+Shift+Tab
    assert window.tabs.widget.currentIndex() == 1
    assert window.point_in_time.day == date(2008, 6, 30)


def test_each_tab_has_its_own_history(window: MainWindow, qtbot: QtBot) -> None:
    window.open_node(DECREE)
    window.open_node(ART_2)
    press(qtbot, window, Qt.Key.Key_T)
    window.open_node("mision")
    assert window.commands.back_action.isEnabled()

    press(qtbot, window, Qt.Key.Key_Left, ALT)
    assert window.current_node_id == ART_2, "the new tab goes back to where it started"
    assert not window.commands.back_action.isEnabled(), "the first tab's pages are not its own"
    press(qtbot, window, Qt.Key.Key_Tab)
    assert window.current_node_id == ART_2
    assert current_tree_id(window.tree_view) == ART_2
    press(qtbot, window, Qt.Key.Key_Left, ALT)
    assert window.current_node_id == DECREE


def test_ctrl_click_and_middle_click_open_behind(window: MainWindow, qtbot: QtBot) -> None:
    window.open_node("funciones")
    pane = window.reading_pane

    click_link(qtbot, pane, "sgdesk:decreto-267-2007", "Ver decreto 267 de 2007", modifier=CTRL)

    assert window.current_node_id == "funciones", "the page in front stays"
    assert window.tabs.widget.count() == 2
    assert window.tabs.widget.currentIndex() == 0
    assert titles(window)[1] == "Decreto 267 de 2007"
    assert pane_at(window, 1).toPlainText() == "", "rendered when first shown, not before"
    index = window.tree_model.index_for_id("mision")
    click_tree_item(qtbot, window.tree_view, index, Qt.MouseButton.MiddleButton)
    assert window.current_node_id == "funciones"
    assert current_tree_id(window.tree_view) == "funciones", "the tree's selection stays"
    assert titles(window) == ["Funciones", "Misión", "Decreto 267 de 2007"]

    press(qtbot, window, Qt.Key.Key_Tab)
    assert window.current_node_id == "mision"
    assert window.reading_pane.toPlainText().startswith("Misión")
    assert current_tree_id(window.tree_view) == "mision"


def test_ctrl_enter_on_a_search_result_opens_it_behind_with_its_marks(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.open_node("mision")
    type_query(qtbot, window, "gestion documental")
    panel = window.search_panel
    qtbot.keyClick(panel.field, Qt.Key.Key_Down)
    assert panel.results.hasFocus()

    qtbot.keyClick(panel.results, Qt.Key.Key_Return, CTRL)

    assert window.current_node_id == "mision"
    assert window.tabs.widget.count() == 2
    behind = pane_at(window, 1)
    assert behind.search_mark_count > 0, "the words found are marked in the new tab"
    press(qtbot, window, Qt.Key.Key_Tab)
    assert window.reading_pane is behind
    assert window.reading_pane.search_mark_count > 0


def test_tabs_come_back_at_the_next_start_and_only_the_front_one_renders(
    make_window: Callable[..., MainWindow], qtbot: QtBot, data_dir: Path
) -> None:
    first = make_window(folder=data_dir)
    first.open_node(DECREE)
    press(qtbot, first, Qt.Key.Key_T)
    first.open_node(ART_2)
    type_date(qtbot, first, "30/06/2008")
    press(qtbot, first, Qt.Key.Key_T)
    first.open_node("mision")
    press(qtbot, first, Qt.Key.Key_Tab, CTRL | SHIFT)  # the middle one in front
    assert first.close()

    second = make_window(folder=data_dir)

    assert titles(second) == [
        "Decreto 267 de 2007",
        "Decreto 163 de 2008, art. 2 · 30/06/2008",
        "Misión · 30/06/2008",
    ]
    assert second.tabs.widget.currentIndex() == 1
    assert second.current_node_id == ART_2
    assert second.point_in_time.day == date(2008, 6, 30)
    assert "Texto al 30 de junio de 2008: vigencia incierta en esa fecha" in second.reading_pane.toPlainText()
    assert second.tabs.widget.widget(0).findChild(ReadingPane) is None, "a tab behind is made when shown"
    assert second.tabs.widget.widget(2).findChild(ReadingPane) is None
    press(qtbot, second, Qt.Key.Key_Tab)
    assert pane_at(second, 2).toPlainText().startswith("Misión")
    assert second.point_in_time.day == date(2008, 6, 30)
    assert not second.commands.back_action.isEnabled(), "histories start afresh"


def test_an_older_window_layout_is_ignored(make_window: Callable[..., MainWindow], data_dir: Path) -> None:
    first = make_window(folder=data_dir)
    first.docks["myNotesDock"].hide()
    old_layout = first.saveState(4)  # what the previous version saved
    assert first.close()
    settings = QSettings(str(data_dir / "sgdesk.ini"), QSettings.Format.IniFormat)
    settings.setValue("window/state", QByteArray(old_layout))
    settings.setValue("reading/tabs", "{not json")
    settings.sync()

    second = make_window(folder=data_dir)

    assert not second.docks["myNotesDock"].isHidden(), "the first layout, not the old one"
    assert second.docks["searchDock"] in second.tabifiedDockWidgets(second.docks["navigationDock"])
    assert second.tabs.widget.count() == 1
    assert second.current_node_id is not None


def test_with_tabs_every_control_has_a_spanish_name(window: MainWindow, qtbot: QtBot) -> None:
    from tests.ui.test_accessible_names import unnamed

    window.open_node(DECREE)
    press(qtbot, window, Qt.Key.Key_T)
    type_date(qtbot, window, "30/06/2008")

    assert unnamed(window) == []
    assert window.tabs.widget.tabBar().accessibleName() == "Pestañas de lectura"


def test_the_text_keeps_the_focus_across_tabs(window: MainWindow, qtbot: QtBot) -> None:
    window.open_node(DECREE)
    window.reading_pane.setFocus()
    press(qtbot, window, Qt.Key.Key_T)
    qtbot.waitUntil(lambda: window.reading_pane.hasFocus())
    press(qtbot, window, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: window.reading_pane.hasFocus())
    assert window.reading_pane is pane_at(window, 0)


@pytest.mark.qt_log_ignore("This plugin does not support")  # offscreen: a popup menu grabs the keyboard
def test_the_index_menu_opens_an_entry_in_a_new_tab(window: MainWindow, qtbot: QtBot) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMenu

    window.open_node("mision")
    qtbot.waitUntil(lambda: window.tree_view.contextMenuPolicy() == Qt.ContextMenuPolicy.CustomContextMenu)
    index = window.tree_model.index_for_id("vision")
    chosen: list[str] = []

    def choose() -> None:
        menu = next(m for m in window.tree_view.findChildren(QMenu) if m.isVisible())
        chosen.extend(a.text() for a in menu.actions())
        qtbot.keyClick(menu, Qt.Key.Key_Down)
        qtbot.keyClick(menu, Qt.Key.Key_Return)

    QTimer.singleShot(100, choose)
    window.tree_view.customContextMenuRequested.emit(
        window.tree_view.visualRect(index).center()
    )  # a right click
    qtbot.waitUntil(lambda: window.tabs.widget.count() == 2)

    assert chosen == ["Abrir en una pestaña nueva"]
    assert titles(window) == ["Misión", "Visión"]
    assert window.current_node_id == "mision"


def test_the_help_explains_the_tabs_and_lists_their_keys(window: MainWindow, qtbot: QtBot) -> None:
    press(qtbot, window, Qt.Key.Key_F1, Qt.KeyboardModifier.NoModifier)

    text = window.reading_pane.toPlainText()
    assert "Pestañas: dos normas o dos fechas lado a lado" in text
    for name in ("Nueva pestaña", "Cerrar pestaña", "Pestaña siguiente", "Pestaña anterior"):
        assert name in text, name
