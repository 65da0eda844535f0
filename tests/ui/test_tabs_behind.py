"""#11 start-up: a tab restored behind the one in front has neither reader nor reading pane
until it first comes to the front (a pane is a ``QTextBrowser`` with its margin and style, made
for nothing the first frame shows). Then it is made where the tab's page is, and shows its own
page, on its own «Vigente a» date, in the theme and zoom of the moment, as any tab would."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTabBar
from pytestqt.qtbot import QtBot

from sgdesk.ui import theme
from sgdesk.ui.appearance import Appearance
from sgdesk.ui.mainwindow import MainWindow
from sgdesk.ui.reading_pane import ReadingPane
from sgdesk.ui.state import UiSettings
from sgdesk.ui.theme import Scheme, ThemeChoice
from tests.ui.helpers import appearance_put_back, click_link, current_tree_id
from tests.ui.test_tabs import CTRL, DECREE, press, titles

SAVED = [("mision", None), (DECREE, date(2008, 6, 30)), ("decreto-163-2008", None),
         ("vision", date(2010, 1, 1))]  # fmt: skip
TITLES = ["Misión", "Decreto 267 de 2007 · 30/06/2008", "Decreto 163 de 2008", "Visión · 01/01/2010"]


@pytest.fixture
def restored(make_window: Callable[..., MainWindow], data_dir: Path) -> MainWindow:
    """A window whose last session left four tabs, the dated decree in front (as the bench's)."""
    settings = UiSettings(data_dir / "sgdesk.ini")
    settings.save_tabs(SAVED, 1)
    settings.sync()
    return make_window(folder=data_dir)


@pytest.fixture
def looks(restored: MainWindow) -> Iterator[Appearance]:
    yield from appearance_put_back()


def panes(window: MainWindow) -> list[ReadingPane]:
    return window.findChildren(ReadingPane)


def test_only_the_tab_in_front_has_a_pane_until_another_is_shown(restored: MainWindow, qtbot: QtBot) -> None:
    from tests.ui.test_accessible_names import unnamed

    window = restored
    assert unnamed(window) == []
    assert titles(window) == TITLES
    assert window.tabs.widget.currentIndex() == 1
    assert window.reading_pane.toPlainText().startswith("Decreto 267 de 2007")
    assert panes(window) == [window.reading_pane], "the tabs behind have only their titles"
    front_size = window.reading_pane.size()

    press(qtbot, window, Qt.Key.Key_Tab)  # Ctrl+Tab: the next one, made now, on its own date

    assert window.tabs.widget.currentIndex() == 2
    assert window.current_node_id == "decreto-163-2008"
    assert window.reading_pane.toPlainText().startswith("Decreto 163 de 2008")
    assert window.point_in_time.day is None, "today's text, as its title says"
    assert window.point_in_time.bar.date_edit.text() == date.today().strftime("%d/%m/%Y")
    assert current_tree_id(window.tree_view) == "decreto-163-2008"
    assert window.reading_pane.verticalScrollBar().value() == 0
    assert not window.commands.back_action.isEnabled(), "its history starts with its page"
    assert len(panes(window)) == 2
    assert window.reading_pane.size() == front_size, "the page fills its tab as the first one did"
    assert titles(window) == TITLES

    bar = window.tabs.widget.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(3).center())  # a click on its title

    assert window.tabs.widget.currentIndex() == 3
    assert window.current_node_id == "vision"
    assert "Texto vigente al 1 de enero de 2010" in window.reading_pane.toPlainText()
    assert window.point_in_time.day == date(2010, 1, 1)
    assert window.point_in_time.bar.date_edit.text() == "01/01/2010"
    assert titles(window) == TITLES
    assert len(panes(window)) == 3
    assert unnamed(window) == [], "a screen reader finds no nameless control in a tab made late"


def test_a_tab_made_late_keeps_its_place_and_date_like_any_other(restored: MainWindow, qtbot: QtBot) -> None:
    window = restored
    press(qtbot, window, Qt.Key.Key_Backtab, CTRL | Qt.KeyboardModifier.ShiftModifier)  # to «Misión»
    assert window.reading_pane.toPlainText().startswith("Misión")
    made = window.reading_pane
    window.open_node(DECREE)  # a long page, in that tab: it scrolls
    made.verticalScrollBar().setValue(made.verticalScrollBar().maximum() // 2)
    place = made.verticalScrollBar().value()
    assert place > 0

    press(qtbot, window, Qt.Key.Key_Tab)  # the dated decree, then back
    assert window.point_in_time.day == date(2008, 6, 30)
    press(qtbot, window, Qt.Key.Key_Backtab, CTRL | Qt.KeyboardModifier.ShiftModifier)

    assert window.reading_pane is made
    assert made.verticalScrollBar().value() == place
    assert window.point_in_time.day is None
    assert window.commands.back_action.isEnabled()
    press(qtbot, window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)  # Back: its own first page
    assert window.current_node_id == "mision"


def test_tabs_never_shown_are_saved_and_closed_as_the_others(
    restored: MainWindow, make_window: Callable[..., MainWindow], data_dir: Path, qtbot: QtBot
) -> None:
    window = restored
    bar = window.tabs.widget.tabBar()
    close = bar.tabButton(0, QTabBar.ButtonPosition.RightSide)  # «Misión», never shown
    assert close is not None
    qtbot.mouseClick(close, Qt.MouseButton.LeftButton)
    assert titles(window) == TITLES[1:]
    assert window.current_node_id == DECREE
    assert window.close()

    again = make_window(folder=data_dir)

    assert titles(again) == TITLES[1:]
    assert again.tabs.widget.currentIndex() == 0
    press(qtbot, again, Qt.Key.Key_Backtab, CTRL | Qt.KeyboardModifier.ShiftModifier)  # round to the last
    assert again.current_node_id == "vision"
    assert again.point_in_time.day == date(2010, 1, 1)


def test_a_tab_made_late_takes_the_theme_zoom_and_clicks_of_the_moment(
    restored: MainWindow, looks: Appearance, qtbot: QtBot
) -> None:
    window = restored
    looks.set_theme(ThemeChoice.DARK)
    QApplication.processEvents()
    press(qtbot, window, Qt.Key.Key_Plus)  # Ctrl++: the zoom is the same in every tab
    zoom = window.reading_pane.zoom
    assert zoom > 100

    press(qtbot, window, Qt.Key.Key_Backtab, CTRL | Qt.KeyboardModifier.ShiftModifier)  # «Misión»

    pane = window.reading_pane
    assert pane.toPlainText().startswith("Misión")
    assert pane.zoom == zoom
    dark = theme.fixed_theme(Scheme.DARK).page
    assert f"color: {dark.title}" in pane.document().defaultStyleSheet()
    window.open_node("funciones")
    click_link(qtbot, pane, "sgdesk:decreto-267-2007", "Ver decreto 267 de 2007", modifier=CTRL)
    assert window.tabs.widget.count() == 5, "Ctrl+click opens a tab behind from it too"
    assert window.current_node_id == "funciones"
