"""#11 start-up: the window's first frame carries what it shows (the index, the tab in front
with its page, the docks' frames, menus, toolbar); the rest is built right after it is painted
(window_rest.py), or at once when a key comes first. Nothing moves when the rest arrives, and
nothing the user can do is lost in between."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QMenu, QWidget
from pytestqt.qtbot import QtBot

from sgdesk.app import create_main_window
from sgdesk.content.timeline import Status
from sgdesk.ui import mainwindow
from sgdesk.ui.mainwindow import MainWindow
from sgdesk.ui.state import UiSettings
from sgdesk.ui.tree_model import STATUS_ROLE
from sgdesk.ui.window_docks import on_screen

CTRL = Qt.KeyboardModifier.ControlModifier


class _AtFirstPaint(QObject):
    """Calls ``seen`` when the reading pane first paints with text (what the bench times)."""

    def __init__(self, window: MainWindow, seen: Callable[[], None]) -> None:
        super().__init__(window)
        self._window, self._seen = window, seen
        window.reading_pane.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._window.reading_pane.document().characterCount() > 1:
            watched.removeEventFilter(self)
            self._seen()
        return False


@pytest.fixture
def new_window(qtbot: QtBot, corpus_db: Path, data_dir: Path) -> Iterator[Callable[[], MainWindow]]:
    """Windows as the app builds them, not yet shown (the ``window`` fixture waits for the rest)."""
    made: list[MainWindow] = []

    def make() -> MainWindow:
        window = create_main_window(corpus_db, data_dir)
        qtbot.addWidget(window)
        made.append(window)
        return window

    yield make
    for window in made:
        if window.library is not None:
            window.library.close()


def _where(widget: QWidget) -> QRect:
    """The widget's place in its window (what the user would see move)."""
    return QRect(widget.mapTo(widget.window(), QPoint(0, 0)), widget.size())


def _layout(window: MainWindow) -> dict[str, QRect]:
    places = {name: _where(dock) for name, dock in window.docks.items() if on_screen(dock)}
    places["text"] = _where(window.reading_pane.viewport())
    places["tree"] = _where(window.tree_view)
    places["toolbar"] = _where(window.point_in_time.bar)
    return places


def test_the_first_frame_is_painted_before_the_rest_is_built(
    new_window: Callable[[], MainWindow], qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The rest must come from the first paint, not from the fallback for a window never
    # painted (an opaque child hiding the watched widget from Qt's painting would do that).
    monkeypatch.setattr(mainwindow, "REST_LATEST_MS", 60_000)
    window = new_window()
    docks = window.docks
    assert window.rest is None
    assert docks["myNotesDock"].widget() is None
    assert docks["timelineDock"].widget() is None
    assert docks["searchDock"].widget() is None
    assert not hasattr(window, "my_notes")
    assert not hasattr(window, "find_bar")
    assert window.content_updates is None
    assert window.view_menu.findChild(QMenu, "themeMenu") is None
    assert window.reading_pane.toPlainText().startswith("Misión"), "the page is there"
    assert window.tree_model.rowCount() > 0, "and the index"

    at_paint: dict[str, object] = {}
    _AtFirstPaint(window, lambda: at_paint.update(rest=window.rest, layout=_layout(window)))
    window.show()
    qtbot.waitUntil(lambda: "rest" in at_paint)
    assert at_paint["rest"] is None, "the first frame was painted without the rest"
    qtbot.waitUntil(lambda: window.rest is not None)

    assert docks["myNotesDock"].widget() is window.my_notes.panel
    assert window.find_bar.parentWidget() is window.centralWidget()
    assert not window.find_bar.isVisible()
    assert window.content_updates is not None
    assert window.view_menu.findChild(QMenu, "themeMenu") is not None
    assert window.commands.history_action.receivers("2triggered(bool)") > 0
    if docks["timelineDock"].isVisible():  # (at first start on a laptop it waits for Ctrl+3)
        qtbot.waitUntil(lambda: docks["timelineDock"].widget() is not None)
    qtbot.wait(50)
    assert _layout(window) == at_paint["layout"], "nothing moved when the rest arrived"


def test_a_saved_layout_is_in_the_first_frame_and_kept(
    make_window: Callable[..., MainWindow], new_window: Callable[[], MainWindow], qtbot: QtBot
) -> None:
    """Docks whose panels come after the first frame are where the user left them from the
    first frame on, and stay there once filled."""
    first = make_window()
    first.show_panel("myNotesDock")  # in front of its tab group
    first.docks["timelineDock"].hide()
    assert first.close()

    window = new_window()
    at_paint: dict[str, object] = {}
    _AtFirstPaint(window, lambda: at_paint.update(layout=_layout(window)))
    window.show()
    qtbot.waitUntil(lambda: "layout" in at_paint)
    docks = window.docks
    assert not docks["timelineDock"].isVisible()
    assert docks["myNotesDock"].isVisible()
    assert not docks["myNotesDock"].visibleRegion().isEmpty()
    assert docks["navigationDock"].visibleRegion().isEmpty(), "behind Mis notas, as left"
    qtbot.waitUntil(lambda: window.rest is not None)
    qtbot.waitUntil(lambda: docks["myNotesDock"].widget() is window.my_notes.panel)
    qtbot.wait(50)
    assert window.my_notes.panel.isVisible()
    assert not docks["timelineDock"].isVisible()
    assert _layout(window) == at_paint["layout"]


def test_a_key_pressed_before_the_rest_is_built_works(
    new_window: Callable[[], MainWindow], qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl+F, pressed while the window is up but its rest not yet built (here its reading
    pane is kept from painting): the key builds the rest and opens the find bar."""
    monkeypatch.setattr(mainwindow, "REST_LATEST_MS", 60_000)
    window = new_window()
    window.tabs.widget.setUpdatesEnabled(False)  # no first paint: no rest
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    assert window.rest is None

    qtbot.keyClick(window.reading_pane, Qt.Key.Key_F, CTRL)

    assert window.rest is not None
    assert window.find_bar.isVisible()
    assert window.find_bar.field.hasFocus()
    qtbot.keyClicks(window.find_bar.field, "secretar")
    assert window.reading_pane.match_count > 0
    window.tabs.widget.setUpdatesEnabled(True)


def test_a_window_closed_before_its_first_frame_never_builds_the_rest(
    new_window: Callable[[], MainWindow], qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(mainwindow, "REST_LATEST_MS", 100)
    window = new_window()
    assert window.close()
    qtbot.wait(300)  # past the latest moment the rest would have come
    assert window.rest is None
    assert (window.settings.path).is_file(), "its state was saved all the same"


def test_a_dated_tab_restored_in_front_has_its_timeline_after_the_first_frame(
    new_window: Callable[[], MainWindow], qtbot: QtBot, data_dir: Path
) -> None:
    """Its page and the index's marks show the statuses on its date in the first frame, without
    the timeline (content.timeline.InForce: the same statuses); the timeline itself (its events,
    the dock's panel) is built after it, and the dock then shows it at that date."""
    settings = UiSettings(data_dir / "sgdesk.ini")
    settings.save_tabs([("mision", None), ("decreto-267-2007", date(2008, 6, 30))], 1)
    settings.sync()
    window = new_window()
    library = window.library
    assert library is not None
    assert window.current_node_id == "decreto-267-2007"
    text = window.reading_pane.toPlainText()
    assert "no todas sus partes estaban vigentes con certeza en esa fecha" in text, "statuses on the date"
    later = window.tree_model.index_for_id("decreto-502-2009")
    assert later.isValid()
    assert later.data(STATUS_ROLE) == Status.NOT_IN_FORCE.value, "the index's marks too"
    assert not library.timeline_built, "the first frame does not build the timeline"

    window.show()
    qtbot.waitUntil(lambda: window.rest is not None)
    qtbot.waitUntil(lambda: library.timeline_built, timeout=10_000)  # built after it, off the GUI thread
    window.show_panel("timelineDock")  # Ctrl+3
    qtbot.waitUntil(lambda: window.point_in_time.timeline_panel is not None)
    view = window.point_in_time.timeline().view
    qtbot.waitUntil(lambda: bool(view._events))
    assert {event.norm for event in view._events} >= {"decreto-267-2007", "decreto-163-2008"}
    assert view._marker == date(2008, 6, 30), "the timeline is drawn at the tab's date"
    assert window.reading_pane.toPlainText() == text, "the page did not change"
