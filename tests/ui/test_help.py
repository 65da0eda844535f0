"""«Ayuda» (F1): a page in the reading pane, searchable with the find bar, whose list of
shortcuts is made from the window's actions; «Acerca de» is in the Ayuda menu."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from sgdesk.ui import help_page
from sgdesk.ui.dialogs import AboutDialog
from sgdesk.ui.mainwindow import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier
NATIVE = QKeySequence.SequenceFormat.NativeText


def press(
    qtbot: QtBot,
    window: MainWindow,
    key: Qt.Key,
    modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
) -> None:
    if QApplication.activeWindow() is not window:
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(QApplication.focusWidget() or window, key, modifier)


def rows(text: str) -> list[tuple[str, str]]:
    """The shortcut tables as read: each command's line and the line of its keys after it."""
    lines = text.splitlines()
    return list(pairwise(lines))


def open_help(qtbot: QtBot, window: MainWindow) -> str:
    press(qtbot, window, Qt.Key.Key_F1)
    assert window.reader.state.showing_help
    return window.reading_pane.toPlainText()


def test_f1_opens_the_help_page_in_the_reading_pane(window: MainWindow, qtbot: QtBot) -> None:
    text = open_help(qtbot, window)
    for heading in ("Ayuda de sgdesk", "Cómo leer las marcas de vigencia", "Cómo funciona la búsqueda",
                    "Atajos de teclado", "De dónde viene el contenido actualizado"):  # fmt: skip
        assert heading in text
    for mark in (
        "posiblemente modificada",
        "vigencia incierta",
        "No vigente el",
        "Posterior (no incorporado)",
    ):
        assert mark in text
    assert '"gestión documental"' in text  # search examples
    assert "D. 267/2007" in text
    assert ".sgpack" in text
    assert window.findChild(AboutDialog) is None  # F1 is no longer «Acerca de»


def test_every_action_with_a_shortcut_is_in_the_help(window: MainWindow, qtbot: QtBot) -> None:
    text = open_help(qtbot, window)
    table = rows(text)
    with_keys = [a for a in window.findChildren(QAction) if a.shortcuts()]
    assert len(with_keys) >= 30
    missing = []
    for action in with_keys:
        name = help_page.label(action.text())
        keys = " / ".join(s.toString(NATIVE) for s in action.shortcuts())
        if (name, keys) not in table:
            missing.append(f"{name} ({keys})")
    assert missing == []


def test_a_new_shortcut_appears_without_editing_the_help(window: MainWindow, qtbot: QtBot) -> None:
    action = QAction("Comando de &prueba", window)
    action.setShortcut(QKeySequence("Ctrl+Alt+Shift+9"))
    window.menuBar().actions()[0].menu().addAction(action)  # type: ignore[union-attr]
    text = open_help(qtbot, window)
    assert ("Comando de prueba", QKeySequence("Ctrl+Alt+Shift+9").toString(NATIVE)) in rows(text)


def test_the_find_bar_searches_the_help(window: MainWindow, qtbot: QtBot) -> None:
    open_help(qtbot, window)
    press(qtbot, window, Qt.Key.Key_F, CTRL)
    qtbot.waitUntil(window.find_bar.field.hasFocus)
    qtbot.keyClicks(window.find_bar.field, "comillas")
    assert window.reading_pane.match_count >= 1
    assert window.reader.state.showing_help  # still the help page


def test_back_leaves_the_help_for_the_page_and_place(window: MainWindow, qtbot: QtBot) -> None:
    window.docks["timelineDock"].hide()
    window.resize(900, 500)
    assert window.open_node("decreto-267-2007")
    window.reading_pane.scroll_to_node("decreto-267-2007/art-7/lit-k")
    bar = window.reading_pane.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.value() > 0)
    place = bar.value()
    open_help(qtbot, window)
    bar.setValue(bar.maximum())
    press(qtbot, window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert not window.reader.state.showing_help
    assert window.current_node_id == "decreto-267-2007"
    assert bar.value() == place


def test_about_is_in_the_help_menu(window: MainWindow, qtbot: QtBot) -> None:
    menus = {help_page.label(a.text()): a.menu() for a in window.menuBar().actions()}
    help_menu = menus["Ayuda"]
    assert help_menu is not None
    assert window.commands.about_action in help_menu.actions()
    assert window.commands.help_action in help_menu.actions()
    about = window.commands.about_action
    assert all(about not in m.actions() for name, m in menus.items() if name != "Ayuda" and m)
    press(qtbot, window, Qt.Key.Key_F1, CTRL)
    qtbot.waitUntil(lambda: window.findChild(AboutDialog) is not None)


def test_a_missing_help_file_is_explained(
    monkeypatch: pytest.MonkeyPatch, window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    monkeypatch.setattr(help_page.paths, "resources_dir", lambda: tmp_path)
    text = open_help(qtbot, window)
    assert "No se encontró la página de ayuda" in text
