"""Keyboard and focus: Ctrl+1…4 bring a panel forward and into focus (never hide it), F6 goes
only through panes that can be seen, Back and Forward return to the reader's place."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from sgdesk.ui.mainwindow import MainWindow
from sgdesk.ui.window_docks import DOCKS

CTRL = Qt.KeyboardModifier.ControlModifier
NO_MODIFIER = Qt.KeyboardModifier.NoModifier


def press(qtbot: QtBot, window: MainWindow, key: Qt.Key, modifier: Qt.KeyboardModifier = NO_MODIFIER) -> None:
    """A key typed where the focus is (as a user types it), the window being active."""
    if QApplication.activeWindow() is not window:
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(QApplication.focusWidget() or window, key, modifier)


def focused() -> QWidget | None:
    return QApplication.focusWidget()


def seen(widget: QWidget) -> bool:
    """On screen: Qt keeps a dock tabbed behind another "visible", moved out of the window."""
    return widget.isVisible() and not widget.visibleRegion().isEmpty()


def inside(widget: QWidget) -> bool:
    now = focused()
    return now is not None and (now is widget or widget.isAncestorOf(now))


def test_ctrl_1_brings_the_index_forward_from_behind_search(window: MainWindow, qtbot: QtBot) -> None:
    press(qtbot, window, Qt.Key.Key_K, CTRL)  # Búsqueda in front of Navegación (same tab group)
    qtbot.waitUntil(lambda: inside(window.search_panel))
    qtbot.waitUntil(lambda: not seen(window.tree_view))
    for _ in range(2):  # a second Ctrl+1 does not hide it
        press(qtbot, window, Qt.Key.Key_1, CTRL)
        qtbot.waitUntil(window.tree_view.hasFocus)
        assert window.docks["navigationDock"].isVisible()
        assert seen(window.tree_view)
        assert not seen(window.search_panel)
    press(qtbot, window, Qt.Key.Key_Down)  # the arrow keys now move in the index the user sees
    assert window.current_node_id == "vision"


def test_each_panel_shortcut_shows_and_focuses_a_hidden_panel(window: MainWindow, qtbot: QtBot) -> None:
    window.reading_pane.setFocus()
    targets = {
        "navigationDock": (Qt.Key.Key_1, lambda: window.tree_view),
        "searchDock": (Qt.Key.Key_2, lambda: window.search_panel.field),
        "timelineDock": (Qt.Key.Key_3, lambda: window.point_in_time.timeline().view),
        "myNotesDock": (Qt.Key.Key_4, lambda: window.my_notes.panel.view),
    }
    assert set(targets) == {spec.name for spec in DOCKS}
    for name, (key, target) in targets.items():
        dock = window.docks[name]
        dock.toggleViewAction().trigger()  # Ver › the panel: hides it (it starts shown)
        if dock.isVisible():
            dock.toggleViewAction().trigger()
        assert not dock.isVisible()
        window.reading_pane.setFocus()
        for _ in range(2):
            press(qtbot, window, key, CTRL)
            qtbot.waitUntil(lambda t=target: focused() is t())  # type: ignore[misc]
            assert dock.isVisible(), name
            assert seen(target()), name


def test_hiding_stays_in_the_view_menu(window: MainWindow) -> None:
    for dock in window.docks.values():
        assert dock.toggleViewAction().shortcut().isEmpty()
    shortcuts = {action.shortcut().toString() for action in window.commands.show_panel_actions}
    assert shortcuts == {spec.shortcut for spec in DOCKS}


def test_f6_goes_only_through_visible_panes(window: MainWindow, qtbot: QtBot) -> None:
    window.show_panel("timelineDock")
    window.show_panel("navigationDock")  # Búsqueda and Mis notas stay behind it
    window.reading_pane.setFocus()
    qtbot.waitUntil(window.reading_pane.hasFocus)
    timeline = window.point_in_time.timeline().view
    order = []
    for _ in range(3):
        press(qtbot, window, Qt.Key.Key_F6)
        order.append(focused())
    assert order == [window.tree_view, timeline, window.reading_pane]
    press(qtbot, window, Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)
    assert focused() is timeline

    window.docks["navigationDock"].toggleViewAction().trigger()  # hidden from Ver
    window.reading_pane.setFocus()
    shown = window.current_node_id
    for _ in range(4):
        press(qtbot, window, Qt.Key.Key_F6)
        assert focused() is not window.tree_view
        now = focused()
        assert now is not None
        assert seen(now)
    press(qtbot, window, Qt.Key.Key_Down)  # never changes the page unseen
    assert window.current_node_id == shown


def _first_visible_line(window: MainWindow) -> str:
    pane = window.reading_pane
    return pane.cursorForPosition(pane.viewport().rect().topLeft()).block().text()


def test_back_and_forward_return_to_the_place(window: MainWindow, qtbot: QtBot) -> None:
    window.docks["timelineDock"].hide()
    window.resize(900, 500)  # pages longer than the pane
    bar = window.reading_pane.verticalScrollBar()
    assert window.open_node("decreto-267-2007")
    window.reading_pane.scroll_to_node("decreto-267-2007/art-7/lit-k")
    qtbot.waitUntil(lambda: bar.value() > 0)
    decree_line = _first_visible_line(window)
    assert decree_line.startswith("k. ")
    assert window.open_node("acuerdo-257-2006")
    assert bar.value() == 0  # a new page opens at its top
    bar.setValue(bar.maximum() // 2)
    agreement_line = _first_visible_line(window)

    press(qtbot, window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.current_node_id == "decreto-267-2007"
    assert _first_visible_line(window) == decree_line
    press(qtbot, window, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert window.current_node_id == "acuerdo-257-2006"
    assert _first_visible_line(window) == agreement_line
